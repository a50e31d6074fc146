#include "rules/chorus/duplicates.hpp"

#include <optional>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "rules/chorus/chorus_rules.hpp"
#include "rules/chorus/parties.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::chorus {
namespace {

// What Chorus Pro keeps unique: who issued the invoice (SIRET, else VAT
// number, else name) and its number (BT-1 as written), at BT-1. None when
// the invoice has no number or no identifiable supplier.
std::optional<RunKey> identity_of(const Invoice& invoice) {
  if (!invoice.number || invoice.number->value.empty()) return std::nullopt;
  std::string supplier;
  if (const Identifier* siret = siret_of(invoice.seller)) {
    supplier = siret->value;
  } else if (invoice.seller.vat_id) {
    supplier = invoice.seller.vat_id->value;
  } else if (invoice.seller.name) {
    supplier = invoice.seller.name->value;
  } else {
    return std::nullopt;
  }
  return RunKey{supplier, invoice.number->value, invoice.number->source.location()};
}

void already_seen(const RunKey& identity, std::string_view first_path, Reporter& report) {
  report.fire(
      identity.where,
      {fmt::format("Facture n° {} du fournisseur {} déjà vue dans ce lot ({}) : Chorus Pro refuse "
                   "un second dépôt du même numéro pour le même fournisseur (doublon).",
                   identity.value, identity.scope, first_path),
       fmt::format("Invoice {} of supplier {} already seen in this run ({}): Chorus Pro refuses "
                   "a second deposit of the same number for the same supplier (duplicate).",
                   identity.value, identity.scope, first_path)});
}

}  // namespace

void register_duplicate_rule(Registry& registry) {
  Rule rule = chorus_rule("CPRO-DUP-01", Severity::Fatal,
                          {"Un même numéro de facture n'apparaît qu'une fois par fournisseur "
                           "dans un lot.",
                           "An invoice number appears only once per supplier in a run."},
                          {"BT-1", "BT-30"}, nullptr);
  rule.run_check = {identity_of, already_seen};
  registry.add(std::move(rule));
}

}  // namespace cprokit::chorus
