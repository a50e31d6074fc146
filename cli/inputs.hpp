// The documents named on the command line: files, folders (walked) and "-"
// (standard input).
#pragma once

#include <cstdint>
#include <functional>
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

// Expands the arguments: a folder gives its files with a known invoice
// extension (.xml, .pdf, .json, any case; hidden entries skipped) that the
// filter keeps, sorted, recursively; every other argument is taken as it is,
// whatever its name. "-" may be given once.
// Throws std::runtime_error naming the path that does not exist or cannot be read.
std::vector<InputPath> expand_inputs(const std::vector<std::string>& args,
                                     const FolderFilter& filter = {});

// The content of one input, or why it cannot be had.
struct InputContent {
  std::string bytes;  // empty when oversized
  // Over the byte limit: a regular file is then only hashed; a stream is
  // read no further (size is then what was read, sha256 empty).
  bool oversized = false;
  std::uint64_t size = 0;
  std::string sha256_if_oversized;
};

// Reads one input, at most `max_bytes` of it into memory. Throws
// std::runtime_error naming the path when it cannot be read.
InputContent read_input(const InputPath& input, std::size_t max_bytes);

}  // namespace cprokit::cli
