#include "validators/library/setup.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include <fmt/core.h>

#include "rules/catalogue/catalogue.hpp"
#include "validators/codelists/code_list_file.hpp"
#include "validators/directory/directory_file.hpp"
#include "validators/xsd/schema_set.hpp"

namespace cprokit::lib {
namespace {

using Path = std::optional<std::filesystem::path>;

Path as_path(const std::optional<std::string>& text) {
  return text ? Path(*text) : std::nullopt;
}

std::string tried_list(const DataLookup& lookup) {
  std::string out;
  for (const auto& p : lookup.tried)
    out += (out.empty() ? "" : ", ") + p.string();
  return out.empty() ? "—" : out;
}

// The XSD layer: as `lint --schemas`, the missing schemas explained by XSD-02
// on each XML document when nothing named them.
XsdSetup xsd_setup(const Options& o, ::cprokit::Lang lang) {
  XsdSetup setup;
  if (!o.xsd) {
    setup.disabled = true;
    return setup;
  }
  const xsd::SchemaLookup lookup = xsd::find_schemas(as_path(o.schemas));
  if (!lookup.found) {
    if (o.schemas) {
      throw Error(Message{fmt::format("schémas XSD : aucun dans {} (attendu : {}/{})", *o.schemas,
                                      *o.schemas, xsd::kUblInvoiceXsd),
                          fmt::format("XSD schemas: none in {} (expected {}/{})", *o.schemas,
                                      *o.schemas, xsd::kUblInvoiceXsd)}
                      .in(lang));
    }
    setup.missing_note_fr = fmt::format(
        "Validation XSD non faite : schémas introuvables (cherchés dans : {}). Donnez "
        "Options::schemas ou CPROKIT_SCHEMAS, ou Options::xsd = false.",
        tried_list(lookup));
    setup.missing_note_en = fmt::format(
        "XSD validation not done: schemas not found (looked in: {}). Set Options::schemas or "
        "CPROKIT_SCHEMAS, or Options::xsd = false.",
        tried_list(lookup));
    return setup;
  }
  try {
    setup.schemas = xsd::SchemaSet::load(*lookup.found);
  } catch (const xsd::SchemaError& e) {
    if (o.schemas) {
      throw Error(
          Message{fmt::format("schémas XSD de {} inutilisables : {}", *o.schemas, e.what()),
                  fmt::format("the XSD schemas in {} cannot be used: {}", *o.schemas, e.what())}
              .in(lang));
    }
    setup.missing_note_fr =
        fmt::format("Validation XSD non faite : les schémas trouvés via {} sont inutilisables : {}",
                    lookup.found_by, e.what());
    setup.missing_note_en =
        fmt::format("XSD validation not done: the schemas found through {} cannot be used: {}",
                    lookup.found_by, e.what());
  }
  return setup;
}

// The code lists of the BR-CL rules, or LIST-01's explanation.
void code_lists_setup(const Options& o, ::cprokit::Lang lang, LintOptions& options) {
  if (!o.use_code_lists) return;
  const DataLookup lookup = codelists::find_code_lists(as_path(o.code_lists));
  if (!lookup.found && o.code_lists) {
    throw Error(
        Message{fmt::format("listes de codes : {} n'est pas un fichier lisible", *o.code_lists),
                fmt::format("code lists: {} is not a readable file", *o.code_lists)}
            .in(lang));
  }
  if (!lookup.found) {
    options.code_lists_missing = {
        fmt::format("Règles BR-CL non vérifiées : listes de codes introuvables (cherchées dans : "
                    "{}). Donnez Options::code_lists ou CPROKIT_CODELISTS, ou "
                    "Options::use_code_lists = false.",
                    tried_list(lookup)),
        fmt::format("BR-CL rules not checked: code lists not found (looked in: {}). Set "
                    "Options::code_lists or CPROKIT_CODELISTS, or Options::use_code_lists = "
                    "false.",
                    tried_list(lookup))};
    return;
  }
  try {
    options.code_lists =
        std::make_shared<const en16931::CodeLists>(codelists::load_code_lists(*lookup.found));
  } catch (const codelists::CodeListError& e) {
    const Message why{fmt::format("listes de codes : {}", e.message_fr()),
                      fmt::format("code lists: {}", e.what())};
    if (o.code_lists) throw Error(why.in(lang));
    options.code_lists_missing = {
        fmt::format("Règles BR-CL non vérifiées : la liste de codes trouvée via {} est "
                    "inutilisable : {}",
                    lookup.found_by, e.message_fr()),
        fmt::format("BR-CL rules not checked: the code list file found through {} cannot be "
                    "used: {}",
                    lookup.found_by, e.what())};
  }
}

std::shared_ptr<const chorus::Directory> directory_setup(const std::string& path,
                                                         ::cprokit::Lang lang) {
  std::ifstream in(path, std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof()) {
    throw Error(Message{fmt::format("annuaire : {} illisible", path),
                        fmt::format("directory: {} cannot be read", path)}
                    .in(lang));
  }
  try {
    return std::make_shared<const chorus::Directory>(directory::parse_directory(text));
  } catch (const directory::DirectoryError& e) {
    throw Error(Message{fmt::format("annuaire {} : {}", path, e.message_fr()),
                        fmt::format("directory {}: {}", path, e.what())}
                    .in(lang));
  }
}

}  // namespace

EngineSetup engine_setup(const Options& o) {
  const auto lang = o.lang == Lang::fr ? ::cprokit::Lang::Fr : ::cprokit::Lang::En;
  if (catalogue::builtin().profile(o.profile) == nullptr) {
    throw Error(Message{fmt::format("profil « {} » inconnu (cprokit rules --profiles)", o.profile),
                        fmt::format("unknown profile \"{}\" (cprokit rules --profiles)", o.profile)}
                    .in(lang));
  }
  if (o.max_bytes == 0) {
    throw Error(Message{"max_bytes doit être positif", "max_bytes must be positive"}.in(lang));
  }
  EngineSetup setup;
  setup.options.profile = o.profile;
  setup.options.max_bytes = o.max_bytes;
  if (o.directory) setup.options.directory = directory_setup(*o.directory, lang);
  setup.xsd = xsd_setup(o, lang);
  code_lists_setup(o, lang, setup.options);
  return setup;
}

}  // namespace cprokit::lib
