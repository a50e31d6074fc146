// --directory FILE: reads a structure directory file for a command.
#pragma once

#include <memory>
#include <string>

#include "rules/chorus/directory.hpp"
#include "validators/data_digest.hpp"

namespace cprokit::cli {

struct DirectoryFile {
  std::shared_ptr<const chorus::Directory> directory;
  DataDigest digest;  // of the bytes read, for the reports' audit trail
};

// Throws std::runtime_error naming the file, the place in it and what is
// wrong, in French and English.
DirectoryFile load_directory_file(const std::string& path);

}  // namespace cprokit::cli
