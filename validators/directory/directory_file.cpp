// Reads the directory file with nlohmann::json, keeping the file's key order
// so that the first error reported is the first one in the file. Each kind of
// object has a table of its fields; a field's reader checks the JSON type,
// stores the value and, when it refuses it, names the value's JSON Pointer.
#include "validators/directory/directory_file.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "validators/json/json_tree.hpp"

namespace cprokit::directory {
namespace {

std::string prefixed(std::string_view where, std::string message) {
  if (where.empty()) return message;  // the whole file: no place to name
  return fmt::format("{}: {}", where, message);
}

}  // namespace

DirectoryError::DirectoryError(std::string where, std::string message_en, std::string message_fr)
    : std::runtime_error(prefixed(where, std::move(message_en))),
      where_(std::move(where)),
      fr_(prefixed(where_, std::move(message_fr))) {}

namespace {

using Json = nlohmann::ordered_json;
using chorus::Directory;
using chorus::Parametres;
using chorus::PostalAddress;
using chorus::Service;
using chorus::Structure;

// The file as it is written: each structure with its technical and portal
// accounts, which are split from it once read (DirectoryFile).
struct StructureEntry {
  Structure structure;
  std::vector<TechnicalAccount> accounts;
  std::vector<PortalAccount> portal_accounts;
};

struct FileEntries {
  std::vector<PisteClient> clients;
  std::vector<StructureEntry> structures;
};

constexpr std::int64_t kFirstAssignedId = 25000001;

// ---- Places and messages -------------------------------------------------

// A value of the file, its JSON Pointer and the name messages give it.
struct Node {
  const Json& json;
  std::string pointer;
  std::string name;
};

// What a message says, in both languages.
struct Text {
  std::string en;
  std::string fr;
};

[[noreturn]] void fail(std::string where, const Text& message) {
  throw DirectoryError(std::move(where), message.en, message.fr);
}

std::string pointer_to(const Node& object, std::string_view key) {
  return object.pointer + "/" + json::pointer_token(key);
}

Node member(const Node& object, const std::string& key, const Json& value) {
  return {value, pointer_to(object, key), key};
}

Node element(const Node& array, std::size_t index) {
  return {array.json[index], fmt::format("{}/{}", array.pointer, index),
          fmt::format("{}[{}]", array.name, index)};
}

// UTF-8 continuation bytes (10xxxxxx) do not start a character.
bool continues_a_character(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

template <class Range, class Projection = std::identity>
std::string joined(const Range& items, Projection name = {}) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += std::invoke(name, item);
  }
  return out;
}

// The value as written, cut short when long (at a UTF-8 character boundary).
std::string excerpt(const Json& value) {
  constexpr std::size_t kMaxBytes = 60;
  std::string shown = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (shown.size() <= kMaxBytes) return shown;
  std::size_t cut = kMaxBytes;
  while (cut > 0 && continues_a_character(shown[cut]))
    --cut;
  return shown.substr(0, cut) + "…";
}

Text found(const Json& value) {
  if (value.is_object()) return {"an object", "un objet"};
  if (value.is_array()) return {"an array", "un tableau"};
  if (value.is_null()) return {"null", "null"};
  const std::string shown = excerpt(value);
  if (value.is_string()) return {"the string " + shown, "la chaîne " + shown};
  if (value.is_boolean()) return {"the boolean " + shown, "le booléen " + shown};
  return {"the number " + shown, "le nombre " + shown};
}

[[noreturn]] void expected(const Node& n, const Text& what) {
  const Text got = found(n.json);
  fail(n.pointer, {fmt::format("{} must be {}; found {}.", n.name, what.en, got.en),
                   fmt::format("{} doit être {} ; trouvé : {}.", n.name, what.fr, got.fr)});
}

const Text kString{"a string", "une chaîne de caractères"};
const Text kNonEmptyString{"a non-empty string", "une chaîne de caractères non vide"};
const Text kBoolean{"a boolean (true or false)", "un booléen (true ou false)"};
const Text kPositiveInteger{"a positive integer", "un entier positif"};
const Text kObject{"an object", "un objet"};
const Text kArray{"an array", "un tableau"};

// ---- Values --------------------------------------------------------------

const std::string& text(const Node& n) {
  if (!n.json.is_string()) expected(n, kString);
  return n.json.get_ref<const std::string&>();
}

std::string non_empty_text(const Node& n) {
  if (!n.json.is_string() || n.json.get_ref<const std::string&>().empty()) {
    expected(n, kNonEmptyString);
  }
  return n.json.get<std::string>();
}

bool boolean(const Node& n) {
  if (!n.json.is_boolean()) expected(n, kBoolean);
  return n.json.get<bool>();
}

std::int64_t positive_integer(const Node& n) {
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  // The parser stores non-negative integers as unsigned, negative ones as signed.
  if (n.json.is_number_unsigned()) {
    const auto value = n.json.get<std::uint64_t>();
    if (value > 0 && value <= kMax) return static_cast<std::int64_t>(value);
  }
  expected(n, kPositiveInteger);
}

std::string one_of(const Node& n, std::span<const std::string_view> allowed) {
  if (n.json.is_string() &&
      std::ranges::find(allowed, n.json.get_ref<const std::string&>()) != allowed.end()) {
    return n.json.get<std::string>();
  }
  const std::string list = joined(allowed);
  expected(n, {"one of " + list, "l'une des valeurs " + list});
}

chorus::EngagementPattern engagement_pattern(const Node& n, const std::string& pattern) {
  auto compiled = chorus::EngagementPattern::compile(pattern);
  if (auto* pattern_ok = std::get_if<chorus::EngagementPattern>(&compiled)) return *pattern_ok;
  const std::string& why = std::get<std::string>(compiled);
  const Text got = found(n.json);
  fail(n.pointer,
       {fmt::format("{} must be a regular expression (RE2's syntax: ECMAScript's without "
                    "backreferences or lookarounds); found {}, which is not one: {}.",
                    n.name, got.en, why),
        fmt::format("{} doit être une expression régulière (syntaxe RE2 : celle d'ECMAScript "
                    "sans références arrière ni assertions avant/arrière) ; trouvé : {}, qui "
                    "n'en est pas une : {}.",
                    n.name, got.fr, why)});
}

template <class Read>
auto list(const Node& n, Read read) {
  if (!n.json.is_array()) expected(n, kArray);
  std::vector<std::invoke_result_t<Read, const Node&>> out;
  out.reserve(n.json.size());
  for (std::size_t i = 0; i < n.json.size(); ++i)
    out.push_back(read(element(n, i)));
  return out;
}

// ---- Objects: a table of fields per kind ---------------------------------

template <class T>
struct Field {
  std::string_view name;
  void (*read)(const Node&, T&);
  bool required = false;
};

constexpr bool kRequired = true;

template <class T, std::size_t N>
[[noreturn]] void unknown_field(const Node& field, const std::array<Field<T>, N>& fields) {
  const std::string allowed = joined(fields, &Field<T>::name);
  fail(
      field.pointer,
      {fmt::format("unknown field \"{}\"; the fields allowed here are: {}.", field.name, allowed),
       fmt::format("champ inconnu « {} » ; les champs admis ici sont : {}.", field.name, allowed)});
}

[[noreturn]] void missing(const Node& object, std::string_view name) {
  fail(pointer_to(object, name), {fmt::format("{} is missing; this field is required.", name),
                                  fmt::format("{} est absent ; ce champ est obligatoire.", name)});
}

template <class T, std::size_t N>
T object(const Node& n, const std::array<Field<T>, N>& fields) {
  if (!n.json.is_object()) expected(n, kObject);
  T out;
  for (const auto& item : n.json.items()) {
    const Node field = member(n, item.key(), item.value());
    const auto* known = std::ranges::find(fields, field.name, &Field<T>::name);
    if (known == fields.end()) unknown_field(field, fields);
    known->read(field, out);
  }
  for (const Field<T>& field : fields) {
    if (field.required && !n.json.contains(field.name)) missing(n, field.name);
  }
  return out;
}

// Readers that store one field into its member.
template <auto Member, class T>
void read_text(const Node& n, T& out) {
  out.*Member = text(n);
}

template <auto Member, class T>
void read_non_empty_text(const Node& n, T& out) {
  out.*Member = non_empty_text(n);
}

template <auto Member, class T>
void read_flag(const Node& n, T& out) {
  out.*Member = boolean(n);
}

template <auto Member, class T>
void read_positive_integer(const Node& n, T& out) {
  out.*Member = positive_integer(n);
}

template <auto Member, const auto& Allowed, class T>
void read_choice(const Node& n, T& out) {
  out.*Member = one_of(n, Allowed);
}

template <auto Member, const auto& Fields, class T>
void read_object(const Node& n, T& out) {
  out.*Member = object(n, Fields);
}

template <auto Member, const auto& Fields, class T>
void read_objects(const Node& n, T& out) {
  out.*Member = list(n, [](const Node& e) { return object(e, Fields); });
}

template <auto Member, class T>
void read_texts(const Node& n, T& out) {
  out.*Member = list(n, non_empty_text);
}

// A reader of one of the structure's own fields, for its entry.
template <void (*Read)(const Node&, Structure&)>
void of_structure(const Node& n, StructureEntry& out) {
  Read(n, out.structure);
}

void read_format(const Node& n, Structure& out) {
  out.format_numero_engagement = non_empty_text(n);
  out.format_numero_engagement_pattern = engagement_pattern(n, out.format_numero_engagement);
}

void read_version(const Node& n, FileEntries& /*out*/) {
  if (!n.json.is_number_unsigned() || n.json.get<std::uint64_t>() != 1) {
    expected(n, {"1 (the only version of this format)", "1 (la seule version de ce format)"});
  }
}

// API.md §4.5 and §4.6.
constexpr std::array<std::string_view, 7> kTypesIdentifiant{
    "SIRET", "UE_HORS_FRANCE", "HORS_UE", "RIDET", "TAHITI", "AUTRE", "PARTICULIER"};
constexpr std::array<std::string_view, 2> kTypesStructure{"PUBLIQUE", "PRIVEE"};
constexpr std::array<std::string_view, 2> kStatuts{"ACTIF", "INACTIF"};

constexpr std::array<Field<PostalAddress>, 4> kAddressFields{{
    {"adresse", read_text<&PostalAddress::adresse>},
    {"codePostal", read_text<&PostalAddress::code_postal>},
    {"ville", read_text<&PostalAddress::ville>},
    {"pays", read_text<&PostalAddress::pays>},
}};

constexpr std::array<Field<Parametres>, 4> kParametresFields{{
    {"codeServiceDoitEtreRenseigne", read_flag<&Parametres::code_service_doit_etre_renseigne>},
    {"numeroEJDoitEtreRenseigne", read_flag<&Parametres::numero_ej_doit_etre_renseigne>},
    {"gestionNumeroEJOuCodeService", read_flag<&Parametres::gestion_numero_ej_ou_code_service>},
    {"statutMiseEnPaiementNestPasRemonte",
     read_flag<&Parametres::statut_mise_en_paiement_nest_pas_remonte>},
}};

constexpr std::array<Field<Service>, 4> kServiceFields{{
    {"codeService", read_non_empty_text<&Service::code_service>, kRequired},
    {"libelleService", read_text<&Service::libelle_service>},
    {"estActif", read_flag<&Service::est_actif>},
    {"numeroEngagement", read_flag<&Service::numero_engagement>},
}};

constexpr std::array<Field<TechnicalAccount>, 2> kAccountFields{{
    {"login", read_non_empty_text<&TechnicalAccount::login>, kRequired},
    {"motDePasse", read_non_empty_text<&TechnicalAccount::mot_de_passe>, kRequired},
}};

constexpr std::array<Field<PortalAccount>, 4> kPortalAccountFields{{
    {"email", read_non_empty_text<&PortalAccount::email>, kRequired},
    {"motDePasse", read_non_empty_text<&PortalAccount::mot_de_passe>, kRequired},
    {"nom", read_non_empty_text<&PortalAccount::nom>, kRequired},
    {"prenom", read_non_empty_text<&PortalAccount::prenom>, kRequired},
}};

constexpr std::array<Field<StructureEntry>, 14> kStructureFields{{
    {"idStructureCPP", of_structure<read_positive_integer<&Structure::id_structure_cpp>>},
    {"identifiant", of_structure<read_non_empty_text<&Structure::identifiant>>, kRequired},
    {"typeIdentifiant", of_structure<read_choice<&Structure::type_identifiant, kTypesIdentifiant>>},
    {"typeStructure", of_structure<read_choice<&Structure::type_structure, kTypesStructure>>},
    {"raisonSociale", of_structure<read_text<&Structure::raison_sociale>>},
    {"libelle", of_structure<read_text<&Structure::libelle>>},
    {"statut", of_structure<read_choice<&Structure::statut, kStatuts>>},
    {"adresse", of_structure<read_object<&Structure::adresse, kAddressFields>>},
    {"parametres", of_structure<read_object<&Structure::parametres, kParametresFields>>},
    {"formatNumeroEngagement", of_structure<read_format>},
    {"services", of_structure<read_objects<&Structure::services, kServiceFields>>},
    {"engagements", of_structure<read_texts<&Structure::engagements>>},
    {"comptesTechniques", read_objects<&StructureEntry::accounts, kAccountFields>},
    {"comptesPortail", read_objects<&StructureEntry::portal_accounts, kPortalAccountFields>},
}};

constexpr std::array<Field<PisteClient>, 2> kClientFields{{
    {"clientId", read_non_empty_text<&PisteClient::client_id>, kRequired},
    {"clientSecret", read_non_empty_text<&PisteClient::client_secret>, kRequired},
}};

constexpr std::array<Field<FileEntries>, 3> kRootFields{{
    {"version", read_version, kRequired},
    {"clients", read_objects<&FileEntries::clients, kClientFields>},
    {"structures", read_objects<&FileEntries::structures, kStructureFields>},
}};

// ---- The whole file ------------------------------------------------------

std::string line_and_column(std::uint32_t line, std::uint32_t column) {
  return fmt::format("line {}, column {}", line, column);
}

// A key given twice in one object: nlohmann would keep the last silently.
void check_unique_keys(const json::Value& value, const std::string& pointer) {
  std::set<std::string_view> seen;
  for (const json::Member& m : value.members) {
    const std::string here = pointer + "/" + json::pointer_token(m.key);
    if (!seen.insert(m.key).second) {
      fail(here, {fmt::format("{} is given twice in the same object (line {}); keep one.", m.key,
                              m.value.line),
                  fmt::format("{} figure deux fois dans le même objet (ligne {}) ; gardez-en un.",
                              m.key, m.value.line)});
    }
    check_unique_keys(m.value, here);
  }
  for (std::size_t i = 0; i < value.elements.size(); ++i) {
    check_unique_keys(value.elements[i], fmt::format("{}/{}", pointer, i));
  }
}

// The text checked with the JSON reader that keeps places (syntax errors with
// their line and column, duplicate keys), then read with nlohmann::json.
Json parsed(std::string_view text) {
  constexpr unsigned kMaxDepth = 32;  // a directory file nests 5 levels
  const json::ParseResult tree = json::parse(text, kMaxDepth);
  if (const auto* e = std::get_if<json::SyntaxError>(&tree)) {
    fail(line_and_column(e->line, e->column), {fmt::format("invalid JSON: {}", e->detail),
                                               fmt::format("JSON invalide : {}", e->detail)});
  }
  if (const auto* e = std::get_if<json::TooDeep>(&tree)) {
    fail(line_and_column(e->line, e->column),
         {fmt::format("nested over {} levels deep", e->limit),
          fmt::format("imbriqué sur plus de {} niveaux", e->limit)});
  }
  check_unique_keys(std::get<json::Value>(tree), "");
  return Json::parse(text.begin(), text.end());
}

std::string structure_field(std::size_t index, std::string_view field) {
  return fmt::format("/structures/{}/{}", index, field);
}

// Two structures may not share `field` (key_of gives its value, "" when unset).
void check_unique(const Directory& directory, std::string_view field,
                  std::string (*key_of)(const Structure&)) {
  std::map<std::string, std::size_t> first_at;
  for (std::size_t i = 0; i < directory.structures.size(); ++i) {
    std::string key = key_of(directory.structures[i]);
    if (key.empty()) continue;
    const auto [first, inserted] = first_at.emplace(std::move(key), i);
    if (inserted) continue;
    const std::string other = structure_field(first->second, field);
    fail(structure_field(i, field),
         {fmt::format("{} {} is given twice: here and at {}; each structure needs its own.", field,
                      first->first, other),
          fmt::format("{} {} figure deux fois : ici et en {} ; chaque structure a le sien.", field,
                      first->first, other)});
  }
}

std::string identifiant_of(const Structure& s) {
  return s.identifiant;
}

std::string given_id_of(const Structure& s) {
  return s.id_structure_cpp == 0 ? std::string() : std::to_string(s.id_structure_cpp);
}

// In file order, from kFirstAssignedId upwards, skipping every id the file gives.
void assign_missing_ids(std::vector<Structure>& structures) {
  std::set<std::int64_t> given;
  for (const Structure& s : structures) {
    if (s.id_structure_cpp != 0) given.insert(s.id_structure_cpp);
  }
  std::int64_t next = kFirstAssignedId;
  for (Structure& s : structures) {
    if (s.id_structure_cpp != 0) continue;
    while (given.contains(next))
      ++next;
    s.id_structure_cpp = next++;
  }
}

}  // namespace

DirectoryFile read_directory_file(std::string_view json_text) {
  const Json root = parsed(json_text);
  if (!root.is_object()) {
    const Text got = found(root);
    fail("", {fmt::format("a directory file must be a JSON object ({{\"version\": 1, "
                          "\"structures\": [...]}}); found {}.",
                          got.en),
              fmt::format("un fichier annuaire doit être un objet JSON ({{\"version\": 1, "
                          "\"structures\": [...]}}) ; trouvé : {}.",
                          got.fr)});
  }
  FileEntries entries = object(Node{root, "", ""}, kRootFields);
  DirectoryFile file;
  file.clients = std::move(entries.clients);
  for (StructureEntry& entry : entries.structures)
    file.directory.structures.push_back(std::move(entry.structure));
  check_unique(file.directory, "identifiant", identifiant_of);
  check_unique(file.directory, "idStructureCPP", given_id_of);
  assign_missing_ids(file.directory.structures);
  for (std::size_t i = 0; i < entries.structures.size(); ++i) {
    for (TechnicalAccount& account : entries.structures[i].accounts) {
      account.id_structure_cpp = file.directory.structures[i].id_structure_cpp;
      file.technical_accounts.push_back(std::move(account));
    }
    for (PortalAccount& account : entries.structures[i].portal_accounts) {
      account.id_structure_cpp = file.directory.structures[i].id_structure_cpp;
      file.portal_accounts.push_back(std::move(account));
    }
  }
  return file;
}

chorus::Directory parse_directory(std::string_view json_text) {
  return read_directory_file(json_text).directory;
}

}  // namespace cprokit::directory
