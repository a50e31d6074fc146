// The whole content of a file an option names (--directory, --with).
#pragma once

#include <string>
#include <string_view>

namespace cprokit::cli {

// Throws std::runtime_error naming the option and the file, in French and
// English, when it cannot be read.
std::string read_option_file(std::string_view option, const std::string& path);

}  // namespace cprokit::cli
