#include "cli/inputs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <optional>
#include <string>

#include "cli/user_error.hpp"
#include "validators/sha256.hpp"

namespace cprokit::cli {
namespace {

// The input's file descriptor: opened here for a path (and closed at the
// end), standard input as it is.
class Source {
 public:
  explicit Source(const InputPath& input) : path_(input.path) {
    if (input.is_stdin) return;
    do {
      fd_ = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0) throw path_error(path_, errno);
    owned_ = true;
  }
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;
  ~Source() {
    if (owned_) ::close(fd_);
  }

  // The size of a regular file, whose end is known to come; nullopt for a
  // stream (a pipe, a terminal, a device), which may never end.
  std::optional<std::uint64_t> regular_size() const {
    struct stat st {};
    if (::fstat(fd_, &st) != 0) throw path_error(path_, errno);
    if (S_ISDIR(st.st_mode)) throw path_error(path_, EISDIR);
    if (!S_ISREG(st.st_mode)) return std::nullopt;
    return static_cast<std::uint64_t>(st.st_size);
  }

  // Up to `room` bytes into `buffer`; 0 at the end.
  std::size_t read(char* buffer, std::size_t room) const {
    for (;;) {
      const ssize_t got = ::read(fd_, buffer, room);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno != EINTR) throw path_error(path_, errno);
    }
  }

 private:
  const std::string& path_;
  int fd_ = STDIN_FILENO;
  bool owned_ = false;
};

}  // namespace

InputContent read_input(const InputPath& input, std::size_t max_bytes) {
  InputContent out;
  const Source source(input);
  const std::optional<std::uint64_t> size = source.regular_size();
  const bool finite = size.has_value();
  // One allocation of the right size: growing by doubling would copy a big
  // invoice several times and touch twice its size in memory.
  if (size) out.bytes.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(*size, max_bytes)));
  // Keep at most max_bytes in memory. Past that, a regular file is only
  // hashed to its end; a stream (stdin, a device, a pipe) is not read
  // further, since it may never end: it then has no fingerprint.
  Sha256 hash;
  std::array<char, 1 << 16> chunk{};
  for (;;) {
    const std::size_t got = source.read(chunk.data(), chunk.size());
    if (got == 0) break;
    std::string_view piece(chunk.data(), got);
    out.size += got;
    if (!out.oversized && out.size > max_bytes) {
      out.oversized = true;
      if (!finite) break;
      hash.update(out.bytes);
      std::string().swap(out.bytes);
    }
    if (out.oversized) {
      hash.update(piece);
    } else {
      out.bytes.append(piece);
    }
  }
  if (out.oversized) {
    std::string().swap(out.bytes);
    if (finite) out.sha256_if_oversized = hash.hex();
  }
  return out;
}

}  // namespace cprokit::cli
