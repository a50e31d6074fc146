// Core rules on the parties: seller and buyer names and addresses
// (BR-06..11), payee (BR-17), seller tax representative (BR-18..20, BR-56),
// deliver-to address (BR-57) and electronic addresses (BR-62, BR-63).
#include <algorithm>

#include <fmt/core.h>

#include "rules/en16931/core_rules.hpp"

namespace cprokit::en16931::core {
namespace {

// A party in messages: "du vendeur" / "seller".
struct Who {
  std::string_view of_fr, en;
};
constexpr Who kSeller{"du vendeur", "seller"};
constexpr Who kBuyer{"de l'acheteur", "buyer"};

void require_name(const Party& party, Who who, std::string_view bt, Reporter& report) {
  if (filled(party.name)) return;
  report.fire(at(party.name, party.source),
              {fmt::format("Le nom {} ({}) est absent ou vide.", who.of_fr, bt),
               fmt::format("The {} name ({}) is missing or empty.", who.en, bt)});
}

void require_address(const Party& party, Who who, std::string_view bg, Reporter& report) {
  if (party.address) return;
  report.fire(at(party.source),
              {fmt::format("L'adresse postale {} ({}) est absente.", who.of_fr, bg),
               fmt::format("The {} postal address ({}) is missing.", who.en, bg)});
}

// The country code of a party's address must be filled. UBL tests it on the
// address (nothing fires without one); CII on the document, so a missing
// address fires this rule too.
void require_country(const Invoice& inv, const Party& party, Who who, std::string_view bt,
                     Reporter& report) {
  if (!party.address && inv.syntax == Syntax::Ubl) return;
  const std::optional<Text> none;
  const std::optional<Text>& country = party.address ? party.address->country : none;
  if (filled(country)) return;
  report.fire(at(country, party.address ? party.address->source : party.source),
              {fmt::format("L'adresse {} n'a pas de code pays ({}).", who.of_fr, bt),
               fmt::format("The {} address has no country code ({}).", who.en, bt)});
}

void check_br_06(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_name(inv.seller, kSeller, "BT-27", report);
}
void check_br_07(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_name(inv.buyer, kBuyer, "BT-44", report);
}
void check_br_08(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_address(inv.seller, kSeller, "BG-5", report);
}
void check_br_09(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_country(inv, inv.seller, kSeller, "BT-40", report);
}
void check_br_10(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_address(inv.buyer, kBuyer, "BG-8", report);
}
void check_br_11(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_country(inv, inv.buyer, kBuyer, "BT-55", report);
}

// BR-17 -------------------------------------------------------------------

// CII party identifiers mix ram:ID and ram:GlobalID; the CII test compares ram:ID only.
bool is_global_id(const Identifier& id) {
  return id.source.step != nullptr && id.source.step->name.ends_with("GlobalID");
}

// A payee identifier that is also one of the seller's, as the test compares them.
const Identifier* shared_identifier(const Invoice& inv, const Party& payee) {
  const bool cii = inv.syntax == Syntax::Cii;
  for (const Identifier& p : payee.identifiers) {
    if (cii && is_global_id(p)) continue;
    for (const Identifier& s : inv.seller.identifiers) {
      if (cii && is_global_id(s)) continue;
      if (p.value == s.value) return &p;
    }
  }
  return nullptr;
}

// The official test reads "a payee that differs from the seller": it wants a
// payee name, and fails when the payee has the seller's name or one of its
// identifiers. UBL compares the names of PartyName (the payee's BT-59 with the
// seller's trading name) and PartyIdentification; CII compares ram:Name,
// ram:ID and the legal registration identifier.
void check_br_17(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.payee) return;
  const Party& payee = *inv.payee;
  if (!payee.name) {
    report.fire(at(payee.source), {"Le bénéficiaire (BG-10) n'a pas de nom (BT-59).",
                                   "The payee (BG-10) has no name (BT-59)."});
    return;
  }
  const std::optional<Text>& seller_name =
      inv.syntax == Syntax::Ubl ? inv.seller.trading_name : inv.seller.name;
  if (seller_name && seller_name->value == payee.name->value) {
    report.fire(payee.name->source,
                {fmt::format("Le bénéficiaire (BG-10) porte le nom du vendeur « {} » : un "
                             "bénéficiaire n'est donné que s'il diffère du vendeur.",
                             payee.name->value),
                 fmt::format("The payee (BG-10) has the seller's name \"{}\": a payee is given "
                             "only when it differs from the seller.",
                             payee.name->value)});
    return;
  }
  const Identifier* same = shared_identifier(inv, payee);
  if (!same && inv.syntax == Syntax::Cii && payee.legal_id && inv.seller.legal_id &&
      payee.legal_id->value == inv.seller.legal_id->value) {
    same = &*payee.legal_id;
  }
  if (!same) return;
  report.fire(same->source,
              {fmt::format("Le bénéficiaire (BG-10) porte l'identifiant du vendeur « {} » : un "
                           "bénéficiaire n'est donné que s'il diffère du vendeur.",
                           same->value),
               fmt::format("The payee (BG-10) has the seller's identifier \"{}\": a payee is "
                           "given only when it differs from the seller.",
                           same->value)});
}

// Seller tax representative (BG-11) ------------------------------------------

void check_br_18(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.tax_representative || filled(inv.tax_representative->name)) return;
  const Party& rep = *inv.tax_representative;
  report.fire(at(rep.name, rep.source),
              {"Le représentant fiscal du vendeur (BG-11) n'a pas de nom (BT-62).",
               "The seller tax representative (BG-11) has no name (BT-62)."});
}

void check_br_19(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.tax_representative || inv.tax_representative->address) return;
  report.fire(at(inv.tax_representative->source),
              {"Le représentant fiscal du vendeur (BG-11) n'a pas d'adresse postale (BG-12).",
               "The seller tax representative (BG-11) has no postal address (BG-12)."});
}

void check_br_20(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.tax_representative) return;
  require_country(inv, *inv.tax_representative, {"du représentant fiscal", "tax representative"},
                  "BT-69", report);
}

// UBL: a PartyTaxScheme under VAT with a CompanyID; CII: a filled tax
// registration id of scheme VA.
void check_br_56(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.tax_representative) return;
  const Party& rep = *inv.tax_representative;
  if (inv.syntax == Syntax::Ubl ? rep.vat_id.has_value() : filled(rep.vat_id)) return;
  report.fire(at(rep.vat_id, rep.source),
              {"Le représentant fiscal du vendeur (BG-11) n'a pas de numéro de TVA (BT-63).",
               "The seller tax representative (BG-11) has no VAT identifier (BT-63)."});
}

// Deliver-to address: UBL wants the country element, CII a filled one.
void check_br_57(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.delivery || !inv.delivery->address) return;
  const Address& address = *inv.delivery->address;
  if (inv.syntax == Syntax::Ubl ? address.country.has_value() : filled(address.country)) return;
  report.fire(at(address.country, address.source),
              {"L'adresse de livraison (BG-15) n'a pas de code pays (BT-80).",
               "The deliver to address (BG-15) has no country code (BT-80)."});
}

// Electronic addresses: UBL wants a schemeID attribute, CII a filled one.
void require_scheme(const Invoice& inv, const Party& party, Who who, std::string_view bt,
                    Reporter& report) {
  if (!party.electronic_address) return;
  const Identifier& address = *party.electronic_address;
  if (has_scheme(inv, address)) return;
  if (address.value.empty()) {
    report.fire(address.source,
                {fmt::format("L'adresse électronique {} ({}) est vide et n'a pas d'identifiant de "
                             "schéma : la donner avec son schéma (attribut schemeID), ou retirer "
                             "l'élément.",
                             who.of_fr, bt),
                 fmt::format("The {} electronic address ({}) is empty and has no scheme "
                             "identifier: give the address with its scheme (schemeID attribute), "
                             "or remove the element.",
                             who.en, bt)});
    return;
  }
  report.fire(address.source,
              {fmt::format("L'adresse électronique {} ({}) « {} » n'a pas d'identifiant de "
                           "schéma (attribut schemeID).",
                           who.of_fr, bt, address.value),
               fmt::format("The {} electronic address ({}) \"{}\" has no scheme identifier "
                           "(schemeID attribute).",
                           who.en, bt, address.value)});
}

void check_br_62(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_scheme(inv, inv.seller, kSeller, "BT-34", report);
}
void check_br_63(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_scheme(inv, inv.buyer, kBuyer, "BT-49", report);
}

}  // namespace

void register_party_rules(Registry& registry) {
  registry.add(fatal_rule("BR-06",
                          {"Une facture contient le nom du vendeur (BT-27).",
                           "An invoice shall contain the seller name (BT-27)."},
                          {"BT-27"}, check_br_06));
  registry.add(fatal_rule("BR-07",
                          {"Une facture contient le nom de l'acheteur (BT-44).",
                           "An invoice shall contain the buyer name (BT-44)."},
                          {"BT-44"}, check_br_07));
  registry.add(fatal_rule("BR-08",
                          {"Une facture contient l'adresse postale du vendeur (BG-5).",
                           "An invoice shall contain the seller postal address (BG-5)."},
                          {"BG-5"}, check_br_08));
  registry.add(fatal_rule("BR-09",
                          {"L'adresse postale du vendeur contient un code pays (BT-40).",
                           "The seller postal address shall contain a country code (BT-40)."},
                          {"BT-40"}, check_br_09));
  registry.add(fatal_rule("BR-10",
                          {"Une facture contient l'adresse postale de l'acheteur (BG-8).",
                           "An invoice shall contain the buyer postal address (BG-8)."},
                          {"BG-8"}, check_br_10));
  registry.add(fatal_rule("BR-11",
                          {"L'adresse postale de l'acheteur contient un code pays (BT-55).",
                           "The buyer postal address shall contain a country code (BT-55)."},
                          {"BT-55"}, check_br_11));
  registry.add(fatal_rule("BR-17",
                          {"Un bénéficiaire (BG-10) distinct du vendeur porte un nom (BT-59).",
                           "The payee name (BT-59) shall be provided if the payee (BG-10) differs "
                           "from the seller."},
                          {"BG-10", "BT-59"}, check_br_17));
  registry.add(fatal_rule("BR-18",
                          {"Le représentant fiscal du vendeur (BG-11) porte un nom (BT-62).",
                           "The seller tax representative name (BT-62) shall be provided if the "
                           "seller has a tax representative (BG-11)."},
                          {"BG-11", "BT-62"}, check_br_18));
  registry.add(
      fatal_rule("BR-19",
                 {"Le représentant fiscal du vendeur (BG-11) a une adresse postale (BG-12).",
                  "The seller tax representative postal address (BG-12) shall be provided "
                  "if the seller has a tax representative (BG-11)."},
                 {"BG-11", "BG-12"}, check_br_19));
  registry.add(
      fatal_rule("BR-20",
                 {"L'adresse du représentant fiscal (BG-12) contient un code pays (BT-69).",
                  "The seller tax representative postal address (BG-12) shall contain a "
                  "country code (BT-69)."},
                 {"BG-12", "BT-69"}, check_br_20));
  registry.add(fatal_rule("BR-56",
                          {"Le représentant fiscal du vendeur (BG-11) a un numéro de TVA (BT-63).",
                           "The seller tax representative VAT identifier (BT-63) shall be provided "
                           "if the seller has a tax representative (BG-11)."},
                          {"BG-11", "BT-63"}, check_br_56));
  registry.add(fatal_rule("BR-57",
                          {"Une adresse de livraison (BG-15) contient un code pays (BT-80).",
                           "Each deliver to address (BG-15) shall contain a country code (BT-80)."},
                          {"BG-15", "BT-80"}, check_br_57));
  registry.add(fatal_rule("BR-62",
                          {"L'adresse électronique du vendeur (BT-34) a un identifiant de schéma.",
                           "The seller electronic address (BT-34) shall have a scheme identifier."},
                          {"BT-34"}, check_br_62));
  registry.add(
      fatal_rule("BR-63",
                 {"L'adresse électronique de l'acheteur (BT-49) a un identifiant de schéma.",
                  "The buyer electronic address (BT-49) shall have a scheme identifier."},
                 {"BT-49"}, check_br_63));
}

}  // namespace cprokit::en16931::core
