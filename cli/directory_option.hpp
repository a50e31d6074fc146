// --directory FILE: reads a structure directory file for a command.
#pragma once

#include <memory>
#include <string>

#include "cli/user_error.hpp"
#include "rules/chorus/directory.hpp"
#include "validators/data_digest.hpp"
#include "validators/directory/directory_file.hpp"

namespace cprokit::cli {

struct DirectoryFile {
  std::shared_ptr<const chorus::Directory> directory;
  DataDigest digest;  // of the bytes read, for the reports' audit trail
};

// Throws UserError (cli/user_error.hpp) naming the file, the place in it
// and what is wrong.
DirectoryFile load_directory_file(const std::string& path);

// What is wrong with the directory file `path`, the place included.
UserError directory_error(const std::string& path, const directory::DirectoryError& e);

}  // namespace cprokit::cli
