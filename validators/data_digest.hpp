// What pins the reference data a run judged with (the structure directory,
// the code lists, the XSD schemas): where it was read and a SHA-256 that an
// auditor can recompute with coreutils (README, "Report formats").
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace cprokit {

struct DataDigest {
  std::string path;       // as given or found
  std::string sha256;     // lower-case hex
  std::size_t files = 1;  // how many files it covers
};

// The digest of a set of files: every regular file under `folder` whose name
// ends in `extension`, symbolic links not followed (as `find -type f`); the
// SHA-256 of the lines "<file's SHA-256>  <path below folder>\n" that
// `sha256sum` prints for them, sorted by path byte by byte (`LC_ALL=C sort`).
// Throws std::runtime_error naming a file or folder that cannot be read.
DataDigest folder_digest(const std::filesystem::path& folder, std::string_view extension);

}  // namespace cprokit
