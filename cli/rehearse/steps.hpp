// A rehearsal is a list of steps run in order. A step either passes, saying
// what it saw, or fails, saying what it expected and what came instead; a
// step whose prerequisite failed is not run, and says which one.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "rules/finding.hpp"

namespace cprokit::cli::rehearse {

// Thrown by a step that did not see what it expected.
struct StepFailure {
  Message why;
};

struct Step {
  std::string id;  // short and stable: the JUnit test case's name
  Message title;
  std::vector<std::string> needs;  // ids of the steps it builds on
  std::function<Message()> run;    // what it saw; throws StepFailure
};

enum class Verdict { Passed, Failed, NotRun };

struct StepResult {
  std::string id;
  Message title;
  Verdict verdict = Verdict::NotRun;
  Message detail;
  double seconds = 0;
};

// Runs `steps` in order, telling `on_result` about each as it ends.
std::vector<StepResult> run_steps(const std::vector<Step>& steps,
                                  const std::function<void(const StepResult&)>& on_result);

bool all_passed(const std::vector<StepResult>& results);

}  // namespace cprokit::cli::rehearse
