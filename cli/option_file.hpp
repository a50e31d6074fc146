// The whole content of a file an option names (--directory, --with).
#pragma once

#include <string>
#include <string_view>

namespace cprokit::cli {

// Throws UserError (cli/user_error.hpp) naming the option, the file and the
// cause when it cannot be read.
std::string read_option_file(std::string_view option, const std::string& path);

}  // namespace cprokit::cli
