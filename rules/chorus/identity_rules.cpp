// CPRO-SIRET-01..04 and CPRO-VAT-01: the identifiers Chorus Pro routes and
// matches invoices by.
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "rules/chorus/chorus_rules.hpp"
#include "rules/chorus/identifiers.hpp"
#include "rules/chorus/parties.hpp"
#include "rules/chorus/routing.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::chorus {
namespace {

void check_buyer_siret_present(const Routing& r, const Context& /*ctx*/, Reporter& report) {
  if (r.buyer_siret) return;
  report.fire(r.buyer,
              {fmt::format("SIRET de l'acheteur absent : Chorus Pro achemine la facture vers la "
                           "structure publique désignée par ce SIRET ({}). Ajoutez les 14 "
                           "chiffres du SIRET indiqué sur le bon de commande.",
                           r.names->buyer_siret.fr),
               fmt::format("Buyer SIRET missing: Chorus Pro routes the invoice to the public "
                           "structure of this SIRET ({}). Add the 14 digits of the SIRET given "
                           "on the purchase order.",
                           r.names->buyer_siret.en)});
}

void check_buyer_siret_valid(const Routing& r, const Context& /*ctx*/, Reporter& report) {
  if (!r.buyer_siret) return;
  if (auto problem = siret_problem(r.buyer_siret->value)) {
    const FieldNames& field = r.names->buyer_siret_short;
    report.fire(r.buyer_siret->source,
                explained(fmt::format("SIRET de l'acheteur ({}) invalide : ", field.fr),
                          fmt::format("Buyer SIRET ({}) invalid: ", field.en), *problem));
  }
}

void check_buyer_known(const Routing& r, const Context& ctx, Reporter& report) {
  const auto& siret = r.buyer_siret;
  if (ctx.directory == nullptr || !siret || siret_problem(siret->value)) return;
  const Structure* s = r.buyer_structure;
  const FieldNames& field = r.names->buyer_siret_short;
  if (s == nullptr) {
    report.fire(siret->source,
                {fmt::format("L'acheteur {} ({}) n'est pas dans l'annuaire des structures : "
                             "vérifiez le SIRET sur le bon de commande.",
                             siret->value, field.fr),
                 fmt::format("Buyer {} ({}) is not in the structure directory: check the "
                             "SIRET on the purchase order.",
                             siret->value, field.en)});
  } else if (!s->is_active()) {
    report.fire(siret->source,
                {fmt::format("La structure {} ({}) est inactive dans l'annuaire : Chorus Pro "
                             "refuse les factures qui lui sont adressées.",
                             siret->value, s->libelle),
                 fmt::format("Structure {} ({}) is inactive in the directory: Chorus Pro refuses "
                             "invoices addressed to it.",
                             siret->value, s->libelle)});
  }
}

void check_seller_siret(const Invoice& inv, const Context&, Reporter& report) {
  const Identifier* siret = siret_of(inv.seller);
  if (!siret) {
    if (!is_french(inv.seller)) return;
    report.fire(inv.seller.source,
                {"SIRET du fournisseur absent (BT-30, identifiant légal du vendeur, schéma 0009) : "
                 "un fournisseur français est identifié par son SIRET sur Chorus Pro.",
                 "Supplier SIRET missing (BT-30, seller legal registration identifier, scheme "
                 "0009): Chorus Pro identifies a French supplier by its SIRET."});
    return;
  }
  if (auto problem = siret_problem(siret->value)) {
    report.fire(siret->source, explained("SIRET du fournisseur (BT-30) invalide : ",
                                         "Supplier SIRET (BT-30) invalid: ", *problem));
  }
}

void check_seller_vat(const Invoice& inv, const Context&, Reporter& report) {
  const auto& vat = inv.seller.vat_id;
  if (!vat || !vat->value.starts_with("FR")) return;
  std::optional<std::string_view> siren;
  const Identifier* siret = siret_of(inv.seller);
  if (siret && !siret_problem(siret->value)) siren = std::string_view(siret->value).substr(0, 9);
  if (auto problem = fr_vat_problem(vat->value, siren)) {
    report.fire(vat->source, explained("Numéro de TVA du fournisseur (BT-31) : ",
                                       "Supplier VAT number (BT-31): ", *problem));
  }
}

}  // namespace

void register_identity_rules(Registry& registry) {
  registry.add(chorus_rule("CPRO-SIRET-01", Severity::Fatal,
                           {"Le SIRET de l'acheteur (BT-47, schéma 0009) est présent.",
                            "The buyer SIRET (BT-47, scheme 0009) is present."},
                           {"BT-47"}, routing_checks<check_buyer_siret_present>(),
                           kRoutedDocuments));
  registry.add(chorus_rule(
      "CPRO-SIRET-02", Severity::Fatal,
      {"Le SIRET de l'acheteur a 14 chiffres et une clé de contrôle juste (Luhn ; règle "
       "propre à La Poste).",
       "The buyer SIRET has 14 digits and a correct check digit (Luhn; La Poste's own rule)."},
      {"BT-47"}, routing_checks<check_buyer_siret_valid>(), kRoutedDocuments));
  registry.add(
      chorus_rule("CPRO-SIRET-03", Severity::Fatal,
                  {"L'acheteur est une structure active de l'annuaire (avec --directory).",
                   "The buyer is an active structure of the directory (with --directory)."},
                  {"BT-47"}, routing_checks<check_buyer_known>(), kRoutedDocuments));
  registry.add(chorus_rule(
      "CPRO-SIRET-04", Severity::Fatal,
      {"Le SIRET du fournisseur (BT-30) est présent pour un fournisseur français, et valide.",
       "The supplier SIRET (BT-30) is present for a French supplier, and valid."},
      {"BT-30"}, check_seller_siret));
  registry.add(
      chorus_rule("CPRO-VAT-01", Severity::Fatal,
                  {"Un numéro de TVA français (BT-31) a la bonne clé et le SIREN du fournisseur.",
                   "A French VAT number (BT-31) has the right key and the supplier's SIREN."},
                  {"BT-31", "BT-30"}, check_seller_vat));
}

}  // namespace cprokit::chorus
