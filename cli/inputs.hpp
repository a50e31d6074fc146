// An input of the command line (a file, or "-" for standard input) and how
// its content is read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cprokit::cli {

struct InputPath {
  std::string path;  // as the user gave it, or found under a folder given
  bool is_stdin = false;
};

// Which files of a folder are taken (lint --include/--exclude): globs
// (fnmatch(3); `*` also crosses `/`) on the path below the folder given.
struct FolderFilter {
  std::vector<std::string> include;  // empty: every file with a known extension
  std::vector<std::string> exclude;
};

// The content of one input, or why it cannot be had.
struct InputContent {
  std::string bytes;  // empty when oversized
  // Over the byte limit: a regular file is then only hashed; a stream is
  // read no further (size is then what was read, sha256 empty).
  bool oversized = false;
  std::uint64_t size = 0;
  std::string sha256_if_oversized;
};

// Reads one input, at most `max_bytes` of it into memory. Throws UserError
// (cli/user_error.hpp) naming the path and the cause when it cannot be read.
InputContent read_input(const InputPath& input, std::size_t max_bytes);

}  // namespace cprokit::cli
