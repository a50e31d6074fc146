#include "cli/inputs.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "validators/sha256.hpp"

namespace cprokit::cli {
namespace fs = std::filesystem;
namespace {

bool invoice_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xml" || ext == ".pdf" || ext == ".json";
}

bool hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.';
}

[[noreturn]] void cannot_read(const std::string& path, const std::string& why) {
  throw std::runtime_error(path + ": " + why);
}

bool any_match(const std::vector<std::string>& globs, const std::string& path) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
    return fnmatch(g.c_str(), path.c_str(), 0) == 0;
  });
}

bool kept(const FolderFilter& filter, const fs::path& dir, const fs::path& file) {
  const std::string below = file.lexically_relative(dir).generic_string();
  if (!filter.include.empty() && !any_match(filter.include, below)) return false;
  return !any_match(filter.exclude, below);
}

// Path order, component by component ("a/b" before "a-b"), as fs::path
// compares, but on plain strings: a walk keeps every file's name, and an
// fs::path also holds its parsed components, several times the memory.
bool path_order(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto rank = [](char c) { return c == '/' ? 0 : static_cast<unsigned char>(c) + 1; };
    return rank(x) < rank(y);
  });
}

void walk(const fs::path& dir, const FolderFilter& filter, std::vector<InputPath>& out) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec);
  if (ec) cannot_read(dir.string(), ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) cannot_read(it->path().string(), ec.message());
    const fs::path& p = it->path();
    if (hidden(p)) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && invoice_extension(p) && kept(filter, dir, p)) {
      files.push_back(p.string());
    }
  }
  if (ec) cannot_read(dir.string(), ec.message());
  std::sort(files.begin(), files.end(), path_order);
  out.reserve(out.size() + files.size());
  for (auto& f : files)
    out.push_back({std::move(f), false});
}

}  // namespace

std::vector<InputPath> expand_inputs(const std::vector<std::string>& args,
                                     const FolderFilter& filter) {
  std::vector<InputPath> out;
  for (const auto& arg : args) {
    if (arg == "-") {
      bool again = std::any_of(out.begin(), out.end(), [](const auto& i) { return i.is_stdin; });
      if (again) cannot_read("-", "standard input can be read only once");
      out.push_back({"-", true});
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) cannot_read(arg, "no such file or directory");
    if (fs::is_directory(status)) {
      walk(arg, filter, out);
    } else {
      out.push_back({arg, false});
    }
  }
  return out;
}

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
