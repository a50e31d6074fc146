// Reads a scenario file (docs/scenario.schema.json says the same in JSON
// Schema): every member optional, unknown members refused (a typo must not
// be silently ignored), and every error reported, not only the first, each
// at its JSON Pointer with what was expected and what was found:
//   /faults/2/rate : attendu un nombre entre 0 et 1, trouvé "haut"
//   /faults/2/rate: expected a number between 0 and 1, got "high"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mock-chorus/scenario/scenario.hpp"
#include "rules/finding.hpp"

namespace cprokit::mock::scenario {

struct ScenarioError {
  std::string pointer;  // "/faults/2/rate"; "" for the whole file
  Message message;      // what is wrong there, without the pointer
  // "POINTER : message" in French, "POINTER: message" in English.
  std::string text(Lang lang) const;
};

struct ReadScenario {
  Scenario scenario;                  // meaningful only without errors
  std::vector<ScenarioError> errors;  // empty: the file is good
};

ReadScenario read_scenario(std::string_view json_text);

// Every error, one a line, in `lang`.
std::string error_lines(const std::vector<ScenarioError>& errors, Lang lang);

}  // namespace cprokit::mock::scenario
