// A linter finding as the mock's API errors quote it, the same in every
// answer: soumettre's libelle, a flux's listeErreurDP and listeErreurTechnique.
#pragma once

#include <string>

#include "rules/finding.hpp"

namespace cprokit::mock {

// Where the finding is, for the end of a message: " (PATH, ligne N)",
// " (PATH)", " (ligne N)" ("line N" in English), or "" when unknown.
std::string place_of(const Location& where, Lang lang);

// "[RULE] message (place)".
std::string quoted(const Finding& finding, Lang lang);

}  // namespace cprokit::mock
