// BR-FR-09: a party's SIRET (scheme 0009, in UBL cac:PartyIdentification, in
// CII ram:GlobalID) is 14 digits and starts with the party's SIREN (its legal
// id of scheme 0002). Only the first SIRET of a party is read. The payee may
// have no SIREN: its SIRET then only needs its 14 digits.
// Both are read as written: white space around either (" 842153793") makes
// them differ, as in the reference.
#include <string_view>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

const Identifier* first_siret(const Invoice& inv, const Party& party) {
  for (const Identifier& id : party.identifiers) {
    if (id.scheme == "0009" && (inv.syntax == Syntax::Ubl || id.global)) return &id;
  }
  return nullptr;
}

// The party's SIREN, as the rule reads it: its legal id of scheme 0002, as
// written (empty when it has none).
std::string_view siren_of(const Invoice& inv, const Party& party) {
  const auto& id = party.legal_id;
  return id && id->scheme == "0002" ? as_written(inv, id->value, id->source) : std::string_view();
}

void check_party(const Invoice& inv, const Party& party, bool siren_from_siret, const char* fr,
                 const char* en, Reporter& report) {
  const Identifier* siret = first_siret(inv, party);
  if (siret == nullptr) return;
  const std::string_view written = as_written(inv, siret->value, siret->source);
  std::string_view siren = siren_of(inv, party);
  if (siren.empty() && siren_from_siret) siren = written.substr(0, 9);
  if (siret_matches_siren(written, siren)) return;
  report.fire(
      siret->source,
      {fmt::format("Le SIRET {} « {} » doit avoir 14 chiffres et commencer par son "
                   "SIREN (identifiant légal de schéma 0002{}) : corrigez l'un ou "
                   "l'autre.",
                   fr, written, siren.empty() ? ", absent" : fmt::format(" « {} »", siren)),
       fmt::format("{} SIRET \"{}\" must be 14 digits and start with its SIREN (legal id "
                   "of scheme 0002{}): correct one or the other.",
                   en, written, siren.empty() ? ", missing" : fmt::format(" \"{}\"", siren))});
}

void check_seller(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_party(inv, inv.seller, false, "du vendeur (BT-29)", "The seller's (BT-29)", report);
}

void check_buyer(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_party(inv, inv.buyer, false, "de l'acheteur (BT-46)", "The buyer's (BT-46)", report);
}

void check_payee(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (inv.payee) {
    check_party(inv, *inv.payee, true, "du bénéficiaire (BT-60)", "The payee's (BT-60)", report);
  }
}

}  // namespace

void register_siret_rules(Registry& registry) {
  registry.add(fr_rule("BR-FR-09_BT-29",
                       {"Le SIRET du vendeur (BT-29, schéma 0009) a 14 chiffres et commence par "
                        "son SIREN (BT-30).",
                        "The seller's SIRET (BT-29, scheme 0009) is 14 digits and starts with "
                        "its SIREN (BT-30)."},
                       {"BT-29", "BT-30"}, check_seller));
  registry.add(fr_rule("BR-FR-09_BT-46",
                       {"Le SIRET de l'acheteur (BT-46, schéma 0009) a 14 chiffres et commence "
                        "par son SIREN (BT-47).",
                        "The buyer's SIRET (BT-46, scheme 0009) is 14 digits and starts with "
                        "its SIREN (BT-47)."},
                       {"BT-46", "BT-47"}, check_buyer));
  registry.add(fr_rule("BR-FR-09_BT-60",
                       {"Le SIRET du bénéficiaire (BT-60, schéma 0009) a 14 chiffres et "
                        "commence par son SIREN (BT-61) s'il est donné.",
                        "The payee's SIRET (BT-60, scheme 0009) is 14 digits and starts with its "
                        "SIREN (BT-61) when given."},
                       {"BT-60", "BT-61"}, check_payee));
}

}  // namespace cprokit::fr
