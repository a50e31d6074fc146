#include "cli/directory_option.hpp"

#include <fmt/core.h>

#include "cli/option_file.hpp"
#include "validators/sha256.hpp"

namespace cprokit::cli {

DirectoryFile load_directory_file(const std::string& path) {
  const std::string text = read_option_file("--directory", path);
  try {
    return {std::make_shared<const chorus::Directory>(directory::parse_directory(text)),
            {path, sha256_hex(text)}};
  } catch (const directory::DirectoryError& e) {
    throw directory_error(path, e);
  }
}

UserError directory_error(const std::string& path, const directory::DirectoryError& e) {
  return UserError({fmt::format("--directory {} : {}", path, e.message_fr()),
                    fmt::format("--directory {}: {}", path, e.what())});
}

}  // namespace cprokit::cli
