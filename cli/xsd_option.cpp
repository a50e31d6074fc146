#include "cli/xsd_option.hpp"

#include <filesystem>

#include <fmt/core.h>

#include "cli/user_error.hpp"

#include "validators/xsd/schema_set.hpp"
#include "validators/xsd/xsd_message.hpp"

namespace cprokit::cli {
namespace {

std::string tried_list(const xsd::SchemaLookup& lookup) {
  std::string out;
  for (const auto& p : lookup.tried)
    out += (out.empty() ? "" : ", ") + p.string();
  return out.empty() ? "—" : out;
}

}  // namespace

XsdSetup setup_xsd(bool no_xsd, const std::optional<std::string>& schemas) {
  XsdSetup setup;
  if (no_xsd) {
    setup.disabled = true;
    return setup;
  }
  std::optional<std::filesystem::path> option;
  if (schemas) option = *schemas;
  xsd::SchemaLookup lookup = xsd::find_schemas(option);
  if (!lookup.found) {
    if (option) {
      throw UserError({fmt::format("--schemas {} : aucun schéma ici (attendu : {}/{})", *schemas,
                                   *schemas, xsd::kUblInvoiceXsd),
                       fmt::format("--schemas {}: no schemas there (expected {}/{})", *schemas,
                                   *schemas, xsd::kUblInvoiceXsd)});
    }
    setup.missing_note_fr = fmt::format(
        "Validation XSD non faite : schémas introuvables (cherchés dans : {}). Obtenez UBL 2.1 "
        "(OASIS) et CII D16B (artefacts EN 16931), puis --schemas DIR ou CPROKIT_SCHEMAS ; "
        "voir README. --no-xsd fait taire cet avertissement.",
        tried_list(lookup));
    setup.missing_note_en = fmt::format(
        "XSD validation not done: schemas not found (looked in: {}). Get UBL 2.1 (OASIS) and "
        "CII D16B (EN 16931 artefacts), then use --schemas DIR or CPROKIT_SCHEMAS; see README. "
        "--no-xsd silences this warning.",
        tried_list(lookup));
    return setup;
  }
  try {
    setup.schemas = xsd::SchemaSet::load(*lookup.found);
    setup.found_by = lookup.found_by;
  } catch (const xsd::SchemaError& e) {
    if (option) {
      throw UserError(
          {fmt::format("--schemas {} : schémas inutilisables : {}", *schemas, e.what()),
           fmt::format("--schemas {}: the schemas cannot be used: {}", *schemas, e.what())});
    }
    const Message note = xsd::unusable_schemas(lookup.found_by, e.what());
    setup.missing_note_fr = note.fr;
    setup.missing_note_en = note.en;
  }
  return setup;
}

}  // namespace cprokit::cli
