// Reads the structure directory file (JSON, a contract: README "Structure
// directory"). Strict: unknown fields, wrong types and missing identifiants
// are errors naming the place in the file.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "rules/chorus/directory.hpp"

namespace cprokit::directory {

// What is wrong with a directory file, and where: `where` is the JSON Pointer
// of the offending value ("/structures/2/parametres/numeroEJDoitEtreRenseigne"),
// or "line L, column C" for a JSON syntax error. what() reads
// "<where>: <English message>"; message_fr() the same in French.
class DirectoryError : public std::runtime_error {
 public:
  DirectoryError(std::string where, std::string message_en, std::string message_fr);
  const std::string& where() const { return where_; }
  const std::string& message_fr() const { return fr_; }

 private:
  std::string where_;
  std::string fr_;
};

// Parses the text of a directory file. `idStructureCPP` is assigned where
// absent (25000001 upwards, skipping the ids the file gives). Throws
// DirectoryError.
chorus::Directory parse_directory(std::string_view json_text);

}  // namespace cprokit::directory
