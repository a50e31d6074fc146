// A file written whole or not at all: the bytes go to a temporary file
// beside it, renamed over it once complete, so that a reader (or a crash)
// never meets half a file and a failed write leaves the old one.
#pragma once

#include <string>
#include <string_view>

namespace cprokit::cli {

// Writes `bytes` to `path`; throws UserError (cli/user_error.hpp) naming
// `option` and the path, with the cause (a folder that does not exist, no
// right to write, a full disk).
void write_file_atomically(std::string_view option, const std::string& path,
                           std::string_view bytes);

}  // namespace cprokit::cli
