#include "rules/chorus/duplicates.hpp"

#include <fmt/format.h>

#include "rules/chorus/chorus_rules.hpp"
#include "rules/chorus/parties.hpp"

namespace cprokit::chorus {
namespace {

const Rule& duplicate_rule() {
  // Described here, checked by the run (validators' LintRun): no check function.
  static const Rule rule = chorus_rule(kDuplicateRule, Severity::Fatal,
                                       {"Un même numéro de facture n'apparaît qu'une fois par "
                                        "fournisseur dans un lot.",
                                        "An invoice number appears only once per supplier in a "
                                        "run."},
                                       {"BT-1", "BT-30"}, nullptr);
  return rule;
}

}  // namespace

std::optional<InvoiceIdentity> identity_of(const Invoice& invoice) {
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
  return InvoiceIdentity{supplier, invoice.number->value, invoice.number->source.location()};
}

Finding duplicate_finding(const InvoiceIdentity& identity, std::string_view first_path) {
  const Rule& rule = duplicate_rule();
  return Finding{
      rule.id,
      rule.severity,
      {fmt::format("Facture n° {} du fournisseur {} déjà vue dans ce lot ({}) : Chorus Pro refuse "
                   "un second dépôt du même numéro pour le même fournisseur (doublon).",
                   identity.number, identity.supplier, first_path),
       fmt::format("Invoice {} of supplier {} already seen in this run ({}): Chorus Pro refuses "
                   "a second deposit of the same number for the same supplier (duplicate).",
                   identity.number, identity.supplier, first_path)},
      identity.where,
      rule.terms};
}

void register_duplicate_rule(Registry& registry) {
  registry.add(duplicate_rule());
}

}  // namespace cprokit::chorus
