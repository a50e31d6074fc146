// --directory FILE: reads a structure directory file for a command.
#pragma once

#include <memory>
#include <string>

#include "rules/chorus/directory.hpp"

namespace cprokit::cli {

// Throws std::runtime_error naming the file, the place in it and what is
// wrong, in French and English.
std::shared_ptr<const chorus::Directory> load_directory_file(const std::string& path);

}  // namespace cprokit::cli
