// Reads the structure directory file (JSON, a contract: README "Structure
// directory"). Strict: unknown fields, wrong types and missing identifiants
// are errors naming the place in the file.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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

// What the file tells the mock alone: who may call it. The file's reader
// owns these plain values (validators/ is the lowest floor the mock and the
// file share; the rules never see them); the mock hashes the secrets as soon
// as it has them, and the `mock` command's banner prints them.
struct PisteClient {  // a PISTE application, for POST /api/oauth/token
  std::string client_id;
  std::string client_secret;
};

struct TechnicalAccount {  // a structure's technical account, for cpro-account
  std::string login;
  std::string mot_de_passe;
  std::int64_t id_structure_cpp = 0;  // its structure's (assigned or given)
};

struct PortalAccount {  // a person's account on the mock's portal, ready to sign in
  std::string email;
  std::string mot_de_passe;
  std::string nom;
  std::string prenom;
  std::int64_t id_structure_cpp = 0;  // its structure's (assigned or given)
};

// A directory file: the directory the rules read, and the mock's callers.
struct DirectoryFile {
  chorus::Directory directory;
  std::vector<PisteClient> clients;
  std::vector<TechnicalAccount> technical_accounts;  // in file order
  std::vector<PortalAccount> portal_accounts;        // in file order
};

// Reads the text of a directory file. `idStructureCPP` is assigned where
// absent (25000001 upwards, skipping the ids the file gives). Throws
// DirectoryError.
DirectoryFile read_directory_file(std::string_view json_text);

// The directory alone (lint --directory): the same checks, the callers left out.
chorus::Directory parse_directory(std::string_view json_text);

}  // namespace cprokit::directory
