// The register is read with the JSON reader that keeps places (line of
// every value, every member of an object in file order, duplicates
// included), so that each error names both the JSON Pointer and the line.
#include "validators/directory/insee_file.hpp"

#include <array>
#include <set>
#include <variant>

#include <fmt/core.h>

#include "rules/chorus/identifiers.hpp"
#include "validators/json/json_tree.hpp"

namespace cprokit::directory {
namespace {

using json::Type;
using json::Value;

constexpr unsigned kMaxDepth = 8;  // the register nests 3 levels

// A value of the file and its JSON Pointer.
struct Node {
  const Value& value;
  std::string pointer;
};

std::string place(const Node& n) {
  return fmt::format("{} (line {})", n.pointer.empty() ? "/" : n.pointer, n.value.line);
}

[[noreturn]] void fail(const Node& n, const std::string& en, const std::string& fr) {
  throw DirectoryError(place(n), en, fr);
}

[[noreturn]] void expected(const Node& n, std::string_view en, std::string_view fr) {
  fail(n, fmt::format("expected {}; found {}.", en, json::type_name_en(n.value.type)),
       fmt::format("attendu : {} ; trouvé : {}.", fr, json::type_name_fr(n.value.type)));
}

Node member(const Node& object, const json::Member& m) {
  return {m.value, object.pointer + "/" + json::pointer_token(m.key)};
}

// The members of an object, refused when one is given twice.
const std::vector<json::Member>& members(const Node& n) {
  if (n.value.type != Type::Object) expected(n, "an object", "un objet");
  std::set<std::string_view> seen;
  for (const json::Member& m : n.value.members) {
    if (!seen.insert(m.key).second) {
      fail(member(n, m), fmt::format("\"{}\" is given twice in the same object; keep one.", m.key),
           fmt::format("« {} » figure deux fois dans le même objet ; gardez-en un.", m.key));
    }
  }
  return n.value.members;
}

std::string text(const Node& n) {
  if (n.value.type != Type::String) expected(n, "a string", "une chaîne de caractères");
  return n.value.text;
}

struct FieldOf {
  std::string_view name;
  std::string InseeEstablishment::*member;
};

constexpr std::array<FieldOf, 5> kFields{{
    {"raisonSociale", &InseeEstablishment::raison_sociale},
    {"adresse", &InseeEstablishment::adresse},
    {"codePostal", &InseeEstablishment::code_postal},
    {"ville", &InseeEstablishment::ville},
    {"pays", &InseeEstablishment::pays},
}};

InseeEstablishment establishment(const Node& n) {
  InseeEstablishment out;
  for (const json::Member& m : members(n)) {
    const Node field = member(n, m);
    const auto* known = std::ranges::find(kFields, m.key, &FieldOf::name);
    if (known == kFields.end()) {
      fail(field,
           fmt::format("unknown field \"{}\"; the fields allowed here are: raisonSociale, "
                       "adresse, codePostal, ville, pays.",
                       m.key),
           fmt::format("champ inconnu « {} » ; les champs admis ici sont : raisonSociale, "
                       "adresse, codePostal, ville, pays.",
                       m.key));
    }
    out.*(known->member) = text(field);
  }
  if (out.raison_sociale.empty()) {
    fail(n, "raisonSociale is missing or empty; every establishment needs its name.",
         "raisonSociale est absent ou vide ; chaque établissement a un nom.");
  }
  return out;
}

InseeRegister establishments(const Node& n) {
  InseeRegister out;
  for (const json::Member& m : members(n)) {
    const Node entry = member(n, m);
    if (auto problem = chorus::siret_problem(m.key)) {
      fail(entry, fmt::format("the key \"{}\" is not a SIRET: {}", m.key, problem->en),
           fmt::format("la clé « {} » n'est pas un SIRET : {}", m.key, problem->fr));
    }
    out.emplace(m.key, establishment(entry));
  }
  return out;
}

}  // namespace

InseeRegister read_insee_file(std::string_view json_text) {
  const json::ParseResult parsed = json::parse(json_text, kMaxDepth);
  if (const auto* e = std::get_if<json::SyntaxError>(&parsed)) {
    throw DirectoryError(fmt::format("line {}, column {}", e->line, e->column),
                         fmt::format("invalid JSON: {}", e->detail),
                         fmt::format("JSON invalide : {}", e->detail));
  }
  if (const auto* e = std::get_if<json::TooDeep>(&parsed)) {
    throw DirectoryError(fmt::format("line {}, column {}", e->line, e->column),
                         fmt::format("nested over {} levels deep", e->limit),
                         fmt::format("imbriqué sur plus de {} niveaux", e->limit));
  }
  const Node root{std::get<Value>(parsed), ""};
  bool versioned = false;
  InseeRegister out;
  for (const json::Member& m : members(root)) {
    const Node field = member(root, m);
    if (m.key == "version") {
      if (field.value.type != Type::Number || field.value.text != "1") {
        expected(field, "1 (the only version of this format)", "1 (la seule version de ce format)");
      }
      versioned = true;
    } else if (m.key == "etablissements") {
      out = establishments(field);
    } else {
      fail(field,
           fmt::format("unknown field \"{}\"; the fields allowed here are: version, "
                       "etablissements.",
                       m.key),
           fmt::format("champ inconnu « {} » ; les champs admis ici sont : version, "
                       "etablissements.",
                       m.key));
    }
  }
  if (!versioned) {
    fail(root, "version is missing; write \"version\": 1.",
         "version est absent ; écrivez \"version\": 1.");
  }
  return out;
}

}  // namespace cprokit::directory
