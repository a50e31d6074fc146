#include "cli/inputs.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "validators/sha256.hpp"

namespace cprokit::cli {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void cannot_read(const std::string& path, const std::string& why) {
  throw std::runtime_error(path + ": " + why);
}

}  // namespace

InputContent read_input(const InputPath& input, std::size_t max_bytes) {
  InputContent out;
  std::ifstream file;
  std::istream* in = &std::cin;
  bool finite = false;  // a regular file: its end is known to come
  if (!input.is_stdin) {
    file.open(input.path, std::ios::binary);
    if (!file) cannot_read(input.path, "cannot be opened (permissions?)");
    in = &file;
    finite = fs::is_regular_file(input.path);
  }
  if (finite) {
    // One allocation of the right size: growing by doubling would copy a big
    // invoice several times and touch twice its size in memory.
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(input.path, ec);
    if (!ec) out.bytes.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(size, max_bytes)));
  }
  // Keep at most max_bytes in memory. Past that, a regular file is only
  // hashed to its end; a stream (stdin, a device, a pipe) is not read
  // further, since it may never end: it then has no fingerprint.
  Sha256 hash;
  std::array<char, 1 << 16> chunk{};
  while (*in) {
    in->read(chunk.data(), chunk.size());
    auto got = static_cast<std::size_t>(in->gcount());
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
  if (in->bad()) cannot_read(input.path, "read error");
  if (out.oversized) {
    std::string().swap(out.bytes);
    if (finite) out.sha256_if_oversized = hash.hex();
  }
  return out;
}

}  // namespace cprokit::cli
