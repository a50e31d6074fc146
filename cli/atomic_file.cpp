#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <vector>

#include <fmt/format.h>

#include "cli/user_error.hpp"

namespace cprokit::cli {
namespace {

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The mode a new file gets from the user's umask (mkstemp makes it 0600).
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

void write_file_atomically(std::string_view option, const std::string& path,
                           std::string_view bytes) {
  const std::string named = fmt::format("{} {}", option, path);
  std::string pattern = path + ".tmp.XXXXXX";
  std::vector<char> temporary(pattern.begin(), pattern.end());
  temporary.push_back('\0');
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) throw path_error(named, errno);
  int error = 0;
  errno = 0;
  if (::fchmod(fd, new_file_mode()) != 0 || !write_all(fd, bytes) || ::fsync(fd) != 0)
    error = errno != 0 ? errno : EIO;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && ::rename(temporary.data(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temporary.data());
    throw path_error(named, error);
  }
}

}  // namespace cprokit::cli
