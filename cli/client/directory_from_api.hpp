// The structure directory the pre-flight lint runs with, made from what the
// server answers about the structures an invoice names, so that `cprokit
// deposit` judges a file with the server's directory as `cprokit lint
// --directory` judges it with a file's. A pure mapping: the calls are made
// by parties_lookup.hpp.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "rules/chorus/directory.hpp"

namespace cprokit::client {

// What the API says of one structure (../shared/chorus-pro/API.md §3.6,
// §3.8); a member the server was not asked for is null.
struct StructureAnswers {
  nlohmann::json found;        // its entry in structures/v1/rechercher's listeStructures
  nlohmann::json consulter;    // structures/v1/consulter's answer
  nlohmann::json services;     // structures/v1/rechercher/services' answer
  nlohmann::json service;      // structures/v1/consulter/service's answer for one of them
  nlohmann::json engagements;  // engagementsJuridiques/v1/rechercher's answer
};

// One structure as the directory file would give it. Fields the answers
// lack keep the directory's defaults; a value of an unexpected type is
// ignored, never thrown at.
chorus::Structure structure_from_api(const StructureAnswers& answers);

chorus::Directory directory_from_api(const std::vector<StructureAnswers>& structures);

}  // namespace cprokit::client
