// BR-FR-12 and BR-FR-13: the buyer's (BT-49) and the seller's (BT-34)
// electronic addresses are given: the reform routes every invoice by them.
#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"

namespace cprokit::fr {
namespace {

void require_address(const Party& party, const Message& missing, Reporter& report) {
  const auto& address = party.electronic_address;
  if (address && !address->value.empty()) return;
  report.fire(address ? address->source : party.source, missing);
}

void check_br_fr_12(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_address(inv.buyer,
                  {"L'adresse électronique de l'acheteur (BT-49) est absente ou vide : donnez "
                   "celle où il reçoit ses factures (par exemple son SIREN, schéma 0225).",
                   "The buyer's electronic address (BT-49) is missing or empty: give the one "
                   "it receives invoices at (e.g. its SIREN, scheme 0225)."},
                  report);
}

void check_br_fr_13(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_address(inv.seller,
                  {"L'adresse électronique du vendeur (BT-34) est absente ou vide : donnez "
                   "celle de sa plateforme (par exemple son SIREN, schéma 0225).",
                   "The seller's electronic address (BT-34) is missing or empty: give the one "
                   "of its platform (e.g. its SIREN, scheme 0225)."},
                  report);
}

}  // namespace

void register_address_rules(Registry& registry) {
  registry.add(fr_rule("BR-FR-12_BT-49",
                       {"L'adresse électronique de l'acheteur (BT-49) est obligatoire.",
                        "The buyer's electronic address (BT-49) is mandatory."},
                       {"BT-49"}, check_br_fr_12));
  registry.add(fr_rule("BR-FR-13_BT-34",
                       {"L'adresse électronique du vendeur (BT-34) est obligatoire.",
                        "The seller's electronic address (BT-34) is mandatory."},
                       {"BT-34"}, check_br_fr_13));
}

}  // namespace cprokit::fr
