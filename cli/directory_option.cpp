#include "cli/directory_option.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "validators/directory/directory_file.hpp"

namespace cprokit::cli {

std::shared_ptr<const chorus::Directory> load_directory_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error(
        fmt::format("--directory {} : fichier illisible / cannot be read (does it exist?)", path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return std::make_shared<const chorus::Directory>(directory::parse_directory(text.str()));
  } catch (const directory::DirectoryError& e) {
    throw std::runtime_error(fmt::format("--directory {} : {} : {}\n  {}: {}", path, e.where(),
                                         e.message_fr(), path, e.what()));
  }
}

}  // namespace cprokit::cli
