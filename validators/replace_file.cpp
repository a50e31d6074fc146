#include "validators/replace_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <random>

#include <fmt/core.h>

namespace cprokit {
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

// A new file beside `path` with a name no other process or thread picks,
// created with 0666 so that the kernel applies the umask (no umask() call,
// which would race with other threads). -1 and errno when it cannot be made.
int create_temporary(const std::string& path, std::string& name) {
  thread_local std::mt19937_64 random{std::random_device{}()};
  for (int attempt = 0; attempt < 8; ++attempt) {
    name = fmt::format("{}.tmp.{}.{:016x}", path, ::getpid(), random());
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

}  // namespace

int replace_file(const std::string& path, std::string_view bytes) {
  std::string temporary;
  const int fd = create_temporary(path, temporary);
  if (fd < 0) return errno;
  int error = 0;
  errno = 0;
  if (!write_all(fd, bytes) || ::fsync(fd) != 0) error = errno != 0 ? errno : EIO;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && ::rename(temporary.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) ::unlink(temporary.c_str());
  return error;
}

}  // namespace cprokit
