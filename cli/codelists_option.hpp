// --codelists FILE / --no-codelists: the code lists of the BR-CL rules for a
// command (lint, mock).
#pragma once

#include <optional>
#include <string>

#include "validators/data_digest.hpp"
#include "validators/pipeline.hpp"

namespace cprokit::cli {

// Sets options.code_lists from the file found (--codelists, CPROKIT_CODELISTS,
// the installed and build-time files), else options.code_lists_missing to
// LIST-01's explanation (left empty under --no-codelists), and returns the
// file used with the digest of its bytes (nullopt: none). Throws UserError
// (cli/user_error.hpp) when --codelists names a file that cannot be used.
std::optional<DataDigest> setup_code_lists(bool no_code_lists,
                                           const std::optional<std::string>& file,
                                           LintOptions& options);

}  // namespace cprokit::cli
