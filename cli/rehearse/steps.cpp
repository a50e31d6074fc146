#include "cli/rehearse/steps.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <set>

#include <fmt/core.h>

namespace cprokit::cli::rehearse {

std::vector<StepResult> run_steps(const std::vector<Step>& steps,
                                  const std::function<void(const StepResult&)>& on_result) {
  std::vector<StepResult> results;
  std::set<std::string> failed;  // failed or not run
  for (const Step& step : steps) {
    StepResult result{step.id, step.title, Verdict::NotRun, {}, 0};
    const auto missing = std::find_if(step.needs.begin(), step.needs.end(),
                                      [&](const std::string& id) { return failed.contains(id); });
    if (missing != step.needs.end()) {
      result.detail = {fmt::format("non jouée : elle suit l'étape « {} »", *missing),
                       fmt::format("not run: it builds on step \"{}\"", *missing)};
    } else {
      const auto start = std::chrono::steady_clock::now();
      try {
        result.detail = step.run();
        result.verdict = Verdict::Passed;
      } catch (const StepFailure& failure) {
        result.verdict = Verdict::Failed;
        result.detail = failure.why;
      } catch (const std::exception& e) {
        // The server's or the network's trouble: the step failed, the rehearsal goes on.
        result.verdict = Verdict::Failed;
        result.detail = {e.what(), e.what()};
      }
      result.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    if (result.verdict != Verdict::Passed) failed.insert(step.id);
    on_result(result);
    results.push_back(std::move(result));
  }
  return results;
}

bool all_passed(const std::vector<StepResult>& results) {
  return std::all_of(results.begin(), results.end(),
                     [](const StepResult& r) { return r.verdict == Verdict::Passed; });
}

}  // namespace cprokit::cli::rehearse
