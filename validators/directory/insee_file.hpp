// Reads the mock's INSEE register (`cprokit mock --insee FILE`): what the
// real portal pre-fills from INSEE's SIRENE base when a supplier types its
// SIRET at account creation. Strict like the directory file: an unknown
// field, a wrong type, a key given twice or a SIRET that is not one stops
// the mock, naming the place (DirectoryError).
//
//   {"version": 1,
//    "etablissements": {
//      "81234567600017": {"raisonSociale": "…", "adresse": "…", "codePostal": "38000",
//                         "ville": "Grenoble", "pays": "France"}}}
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "validators/directory/directory_file.hpp"

namespace cprokit::directory {

// One establishment as INSEE describes it (every field may be empty but
// raisonSociale).
struct InseeEstablishment {
  std::string raison_sociale;
  std::string adresse;
  std::string code_postal;
  std::string ville;
  std::string pays;
};

// SIRET → establishment.
using InseeRegister = std::map<std::string, InseeEstablishment, std::less<>>;

// Reads the text of an INSEE register file. Throws DirectoryError, whose
// where() is the JSON Pointer of the faulty value (or "line L, column C"
// for a JSON syntax error) followed by its line.
InseeRegister read_insee_file(std::string_view json_text);

}  // namespace cprokit::directory
