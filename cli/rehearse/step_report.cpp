#include "cli/rehearse/step_report.hpp"

#include <algorithm>

#include <fmt/core.h>

#include "validators/xml/escape.hpp"

namespace cprokit::cli::rehearse {
namespace {

std::string seconds(double s, Lang lang) {
  std::string text = fmt::format("{:.2f} s", s);
  if (lang == Lang::Fr) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::size_t count(const std::vector<StepResult>& results, Verdict verdict) {
  return static_cast<std::size_t>(std::count_if(
      results.begin(), results.end(), [&](const StepResult& r) { return r.verdict == verdict; }));
}

}  // namespace

std::string step_line(const StepResult& result, std::size_t number, Lang lang) {
  const char* mark = result.verdict == Verdict::Passed   ? "✓"
                     : result.verdict == Verdict::Failed ? "✗"
                                                         : "–";
  std::string line = fmt::format("{} {}. {}", mark, number, result.title.in(lang));
  if (result.verdict != Verdict::NotRun) line += " (" + seconds(result.seconds, lang) + ")";
  line += '\n';
  if (!result.detail.in(lang).empty()) line += "    " + result.detail.in(lang) + '\n';
  return line;
}

std::string summary_line(const std::vector<StepResult>& results, Lang lang) {
  const std::size_t passed = count(results, Verdict::Passed);
  const std::size_t failed = count(results, Verdict::Failed);
  const std::size_t not_run = count(results, Verdict::NotRun);
  return lang == Lang::Fr
             ? fmt::format("{} étape(s) : {} réussie(s), {} en échec, {} non jouée(s)\n",
                           results.size(), passed, failed, not_run)
             : fmt::format("{} step(s): {} passed, {} failed, {} not run\n", results.size(), passed,
                           failed, not_run);
}

void write_junit(std::ostream& out, const std::vector<StepResult>& results,
                 const std::string& server, Lang lang) {
  double total = 0;
  for (const auto& r : results)
    total += r.seconds;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << fmt::format(
             "<testsuites name=\"cprokit rehearse\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" "
             "time=\"{:.3f}\">\n",
             results.size(), count(results, Verdict::Failed), count(results, Verdict::NotRun),
             total)
      << fmt::format(
             "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" "
             "time=\"{:.3f}\">\n",
             xml::xml_escape(server), results.size(), count(results, Verdict::Failed),
             count(results, Verdict::NotRun), total);
  for (std::size_t i = 0; i < results.size(); ++i) {
    const StepResult& r = results[i];
    out << fmt::format(R"(    <testcase classname="rehearse" name="{:02}-{}" time="{:.3f}")", i + 1,
                       xml::xml_escape(r.id), r.seconds);
    const std::string title = xml::xml_escape(r.title.in(lang));
    const std::string detail = xml::xml_escape(r.detail.in(lang));
    switch (r.verdict) {
      case Verdict::Passed:
        out << fmt::format(">\n      <system-out>{}: {}</system-out>\n    </testcase>\n", title,
                           detail);
        break;
      case Verdict::Failed:
        out << fmt::format(">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                           detail, title);
        break;
      case Verdict::NotRun:
        out << fmt::format(">\n      <skipped message=\"{}\"/>\n    </testcase>\n", detail);
        break;
    }
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace cprokit::cli::rehearse
