#include "cli/directory_option.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "cli/option_file.hpp"
#include "validators/directory/directory_file.hpp"
#include "validators/sha256.hpp"

namespace cprokit::cli {

DirectoryFile load_directory_file(const std::string& path) {
  const std::string text = read_option_file("--directory", path);
  try {
    return {std::make_shared<const chorus::Directory>(directory::parse_directory(text)),
            {path, sha256_hex(text)}};
  } catch (const directory::DirectoryError& e) {
    throw std::runtime_error(fmt::format("--directory {} : {} : {}\n  {}: {}", path, e.where(),
                                         e.message_fr(), path, e.what()));
  }
}

}  // namespace cprokit::cli
