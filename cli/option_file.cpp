#include "cli/option_file.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/core.h>

#include "cli/user_error.hpp"

namespace cprokit::cli {

std::string read_option_file(std::string_view option, const std::string& path) {
  const std::string named = fmt::format("{} {}", option, path);
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw path_error(named, errno);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw path_error(named, EISDIR);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw path_error(named, EIO);
  return text.str();
}

}  // namespace cprokit::cli
