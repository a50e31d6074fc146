// How a rehearsal's steps are shown: a line each as they end, with a tick
// or a cross, for people; a JUnit file for CI (one test case per step, a
// step not run is skipped).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "cli/rehearse/steps.hpp"

namespace cprokit::cli::rehearse {

// "✓ 3. Connexion au portail (0,21 s)\n    code reçu par courriel…"
std::string step_line(const StepResult& result, std::size_t number, Lang lang);
// The last line: how many steps passed, failed, were not run.
std::string summary_line(const std::vector<StepResult>& results, Lang lang);

void write_junit(std::ostream& out, const std::vector<StepResult>& results,
                 const std::string& server, Lang lang);

}  // namespace cprokit::cli::rehearse
