#include "cli/scenario_option.hpp"

#include <fmt/core.h>

#include "cli/option_file.hpp"
#include "cli/user_error.hpp"
#include "mock-chorus/scenario/reader.hpp"

namespace cprokit::cli {

std::vector<ScenarioFile> read_scenario_files(const std::vector<std::string>& paths) {
  std::vector<ScenarioFile> out;
  Message refused;
  for (const auto& path : paths) {
    auto read = mock::scenario::read_scenario(read_option_file("--scenario", path));
    if (read.errors.empty()) {
      out.push_back({path, std::move(read.scenario)});
      continue;
    }
    refused.fr += fmt::format("{}--scenario {} : scénario refusé ({} erreur{}) :\n{}",
                              refused.fr.empty() ? "" : "\n", path, read.errors.size(),
                              read.errors.size() > 1 ? "s" : "",
                              mock::scenario::error_lines(read.errors, Lang::Fr));
    refused.en += fmt::format("{}--scenario {}: scenario refused ({} error{}):\n{}",
                              refused.en.empty() ? "" : "\n", path, read.errors.size(),
                              read.errors.size() > 1 ? "s" : "",
                              mock::scenario::error_lines(read.errors, Lang::En));
  }
  if (!refused.fr.empty()) {
    refused.fr += "Le format : docs/scenario.schema.json.";
    refused.en += "The format: docs/scenario.schema.json.";
    throw UserError(std::move(refused));
  }
  return out;
}

}  // namespace cprokit::cli
