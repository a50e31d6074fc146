// BR-FR-10: the seller's SIREN (BT-30, scheme 0002) is given, nine digits.
// BR-FR-32: every party id of scheme 0002 (SIREN) — and, among the party
// identifiers (UBL cac:PartyIdentification, CII ram:GlobalID), of scheme 0231
// (member of a single VAT taxpayer) — is nine digits. The schematron reads
// these anywhere in the document; the model has the seller, the buyer, the
// payee, the tax representative and the deliver-to location.
#include <array>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

void check_br_fr_10(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  // UBL tests it on the seller's cac:PartyLegalEntity: without one, nothing.
  if (inv.syntax == Syntax::Ubl && !inv.seller.legal_entity) return;
  const auto& id = inv.seller.legal_id;
  if (id && id->scheme == "0002" && is_siren(id->value)) return;
  if (id && id->scheme == "0002") {
    report.fire(id->source,
                {fmt::format("Le SIREN du vendeur (BT-30) « {} » n'a pas 9 chiffres : "
                             "donnez les 9 chiffres du SIREN, sans espace ni lettre.",
                             id->value),
                 fmt::format("The seller's SIREN (BT-30) \"{}\" is not 9 digits: give the 9 "
                             "digits of the SIREN, no space, no letter.",
                             id->value)});
    return;
  }
  const SourceRef where = inv.seller.legal_entity ? *inv.seller.legal_entity : inv.seller.source;
  report.fire(where,
              {"Le SIREN du vendeur (BT-30, identifiant légal de schéma 0002) est absent : "
               "donnez-le, avec schemeID=\"0002\".",
               "The seller's SIREN (BT-30, legal id of scheme 0002) is missing: give it, with "
               "schemeID=\"0002\"."});
}

// Each party the model has, with the name a message gives it.
struct NamedParty {
  const Party* party;
  const char* fr;
  const char* en;
};

std::array<NamedParty, 4> parties(const Invoice& inv) {
  return {{{&inv.seller, "du vendeur", "The seller's"},
           {&inv.buyer, "de l'acheteur", "The buyer's"},
           {inv.payee ? &*inv.payee : nullptr, "du bénéficiaire", "The payee's"},
           {inv.tax_representative ? &*inv.tax_representative : nullptr, "du représentant fiscal",
            "The tax representative's"}}};
}

void fire_not_nine_digits(const Identifier& id, const char* fr, const char* en, Reporter& report) {
  report.fire(id.source,
              {fmt::format("L'identifiant {} « {} » de schéma {} n'a pas 9 chiffres : un SIREN "
                           "s'écrit avec ses 9 chiffres, sans espace ni lettre.",
                           fr, id.value, id.scheme),
               fmt::format("{} identifier \"{}\" of scheme {} is not 9 digits: a SIREN is "
                           "written as its 9 digits, no space, no letter.",
                           en, id.value, id.scheme)});
}

void check_br_fr_32_legal(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const NamedParty& p : parties(inv)) {
    if (p.party == nullptr || !p.party->legal_id) continue;
    const Identifier& id = *p.party->legal_id;
    if (id.scheme == "0002" && !is_siren(id.value)) fire_not_nine_digits(id, p.fr, p.en, report);
  }
}

// A party identifier the rule reads: every one in UBL, the GlobalIDs in CII.
bool registry_identifier(const Invoice& inv, const Identifier& id) {
  return inv.syntax == Syntax::Ubl || id.global;
}

void check_identifier(const Invoice& inv, const Identifier& id, const char* fr, const char* en,
                      Reporter& report) {
  if (!registry_identifier(inv, id) || (id.scheme != "0002" && id.scheme != "0231")) return;
  if (!is_siren(id.value)) fire_not_nine_digits(id, fr, en, report);
}

void check_br_fr_32_ids(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const NamedParty& p : parties(inv)) {
    if (p.party == nullptr) continue;
    for (const Identifier& id : p.party->identifiers)
      check_identifier(inv, id, p.fr, p.en, report);
  }
  if (inv.delivery && inv.delivery->location_id) {
    check_identifier(inv, *inv.delivery->location_id, "du lieu de livraison",
                     "The deliver-to location's", report);
  }
}

Message ids_title() {
  return {"Un identifiant de partie de schéma 0002 (SIREN) ou 0231 a 9 chiffres.",
          "A party identifier of scheme 0002 (SIREN) or 0231 is 9 digits."};
}

}  // namespace

void register_siren_rules(Registry& registry) {
  registry.add(fr_rule("BR-FR-10_BT-30",
                       {"Le SIREN du vendeur (BT-30, schéma 0002) est obligatoire, sur 9 "
                        "chiffres.",
                        "The seller's SIREN (BT-30, scheme 0002) is mandatory, 9 digits."},
                       {"BT-30", "BT-30-1"}, check_br_fr_10));
  registry.add(fr_rule("BR-FR-32-LEGALID",
                       {"Un identifiant légal de schéma 0002 (SIREN) a 9 chiffres.",
                        "A legal registration id of scheme 0002 (SIREN) is 9 digits."},
                       {"BT-30", "BT-47", "BT-61"}, check_br_fr_32_legal));
  // The same test on the party identifiers, named after each syntax's element.
  registry.add(fr_rule("BR-FR-32-GLOBALID", ids_title(), {"BT-29", "BT-46", "BT-60", "BT-71"},
                       only_in<Syntax::Cii, check_br_fr_32_ids>));
  registry.add(fr_rule("BR-FR-32-ID", ids_title(), {"BT-29", "BT-46", "BT-60", "BT-71"},
                       only_in<Syntax::Ubl, check_br_fr_32_ids>));
}

}  // namespace cprokit::fr
