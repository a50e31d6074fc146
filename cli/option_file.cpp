#include "cli/option_file.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace cprokit::cli {

std::string read_option_file(std::string_view option, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error(
        fmt::format("{} {} : fichier illisible / cannot be read (does it exist?)", option, path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace cprokit::cli
