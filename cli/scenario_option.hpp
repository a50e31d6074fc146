// --scenario FILE (repeatable): the mock's scenarios, read whole at start.
// A bad file stops the mock (exit 2) with every error, each at its JSON
// Pointer; a restart reads the files again (scenarios live in memory).
#pragma once

#include <string>
#include <vector>

#include "mock-chorus/scenario/scenario.hpp"

namespace cprokit::cli {

struct ScenarioFile {
  std::string path;
  mock::scenario::Scenario scenario;
};

// Throws UserError (cli/user_error.hpp) naming the file and every error of
// every file, or the file that cannot be read.
std::vector<ScenarioFile> read_scenario_files(const std::vector<std::string>& paths);

}  // namespace cprokit::cli
