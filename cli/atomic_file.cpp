#include "cli/atomic_file.hpp"

#include <fmt/core.h>

#include "cli/user_error.hpp"
#include "validators/replace_file.hpp"

namespace cprokit::cli {

void write_file_atomically(std::string_view option, const std::string& path,
                           std::string_view bytes) {
  if (const int error = replace_file(path, bytes); error != 0)
    throw path_error(fmt::format("{} {}", option, path), error);
}

}  // namespace cprokit::cli
