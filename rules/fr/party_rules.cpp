// The reform's tests on its other parties: the agents of the buyer
// (EXT-FR-FE-06) and of the seller (EXT-FR-FE-69), the payer (EXT-FR-FE-46),
// the invoicee (EXT-FR-FE-92), the invoicer (EXT-FR-FE-115) and the
// deliver-to location, of the invoice (BT-71) and of a line (EXT-FR-FE-146).
// BR-FR-09: a party's first SIRET (scheme 0009; CII ram:GlobalID) is 14
// digits and starts with its SIREN (legal id of scheme 0002), or, without
// one, it needs only its 14 digits. BR-FR-23 and BR-FR-25: their electronic
// addresses, as address_rules.cpp tests the seller's. BR-FR-CO-10: the
// global ids of every party, the seller (BT-29), the buyer (BT-46) and the
// payee (BT-60) included, carry a scheme (-1), each scheme once (-2): UBL
// reads every cac:PartyIdentification/cbc:ID (a deliver-to location its
// cbc:ID), CII every ram:GlobalID (not ram:ID).
#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

enum class Role {
  Seller,
  Buyer,
  Payee,
  BuyerAgent,
  Payer,
  SellerAgent,
  Invoicee,
  Invoicer,
  DeliverTo,
  LineDeliverTo
};

// A party as the ids and messages name it.
struct RoleName {
  const char* term;     // the party's id term: BT-29, EXT-FR-FE-06...
  const char* address;  // its electronic address's term (none for the others)
  const char* fr;       // "de l'agent de l'acheteur"
  const char* en;       // "the buyer's agent"
};

constexpr RoleName name_of(Role role) {
  switch (role) {
    case Role::Seller:
      return {"BT-29", "BT-34", "du vendeur", "the seller"};
    case Role::Buyer:
      return {"BT-46", "BT-49", "de l'acheteur", "the buyer"};
    case Role::Payee:
      return {"BT-60", "EXT-FR-FE-29", "du bénéficiaire", "the payee"};
    case Role::BuyerAgent:
      return {"EXT-FR-FE-06", "EXT-FR-FE-12", "de l'agent de l'acheteur", "the buyer's agent"};
    case Role::Payer:
      return {"EXT-FR-FE-46", "EXT-FR-FE-52", "du payeur", "the payer"};
    case Role::SellerAgent:
      return {"EXT-FR-FE-69", "EXT-FR-FE-75", "de l'agent du vendeur", "the seller's agent"};
    case Role::Invoicee:
      return {"EXT-FR-FE-92", "EXT-FR-FE-98", "du facturé", "the invoicee"};
    case Role::Invoicer:
      return {"EXT-FR-FE-115", "EXT-FR-FE-121", "du facturant", "the invoicer"};
    case Role::DeliverTo:
      return {"BT-71", "", "du lieu de livraison", "the deliver-to location"};
    case Role::LineDeliverTo:
      return {"EXT-FR-FE-146", "", "du lieu de livraison de la ligne",
              "the line's deliver-to location"};
  }
  return {};
}

// Each party of `role` in the invoice (none, one or several).
template <typename F>
void for_each_party(const Invoice& inv, Role role, F&& f) {
  auto each = [&](const auto& parties) {
    for (const Party& p : parties)
      f(p);
  };
  auto one = [&](const std::optional<Party>& p) {
    if (p) f(*p);
  };
  switch (role) {
    case Role::Seller:
      f(inv.seller);
      return;
    case Role::Buyer:
      f(inv.buyer);
      return;
    case Role::Payee:
      one(inv.payee);
      return;
    case Role::BuyerAgent:
      one(inv.buyer_agent);
      return;
    case Role::Payer:
      each(inv.payers);
      return;
    case Role::SellerAgent:
      one(inv.seller_agent);
      return;
    case Role::Invoicee:
      each(inv.invoicees);
      return;
    case Role::Invoicer:
      each(inv.invoicers);
      return;
    case Role::DeliverTo:
      each(inv.deliver_to);
      return;
    case Role::LineDeliverTo:
      // UBL reads the lines of the right name only.
      for (const InvoiceLine& line : inv.lines)
        if (!line.misnamed) each(line.deliver_to);
      return;
  }
}

// The ids BR-FR-09 and BR-FR-CO-10 read: in CII the ram:GlobalID ones.
bool is_global(const Invoice& inv, const Identifier& id) {
  return inv.syntax == Syntax::Ubl || id.global;
}

// BR-FR-09: the first SIRET against the SIREN, or against its own first
// nine characters when the party has no SIREN (as for the payee).
template <Role kRole>
void check_siret(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  constexpr RoleName name = name_of(kRole);
  for_each_party(inv, kRole, [&](const Party& party) {
    const auto siret = std::ranges::find_if(party.identifiers, [&](const Identifier& id) {
      return id.scheme == "0009" && is_global(inv, id);
    });
    if (siret == party.identifiers.end()) return;
    const auto& legal = party.legal_id;
    std::string_view siren =
        legal && legal->scheme == "0002" ? std::string_view(legal->value) : std::string_view();
    if (siren.empty()) siren = std::string_view(siret->value).substr(0, 9);
    if (siret_matches_siren(siret->value, siren)) return;
    report.fire(siret->source,
                {fmt::format("Le SIRET {} ({}, schéma 0009) « {} » doit avoir 14 chiffres et "
                             "commencer par son SIREN (identifiant légal de schéma 0002) « {} » : "
                             "corrigez l'un ou l'autre.",
                             name.fr, name.term, siret->value, siren),
                 fmt::format("The SIRET of {} ({}, scheme 0009) \"{}\" must be 14 digits and "
                             "start with its SIREN (legal id of scheme 0002) \"{}\": correct one "
                             "or the other.",
                             name.en, name.term, siret->value, siren)});
  });
}

// BR-FR-23: an electronic address of scheme 0225 is made of letters, digits
// and + - _ . only.
template <Role kRole>
void check_address_format(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  constexpr RoleName name = name_of(kRole);
  for_each_party(inv, kRole, [&](const Party& party) {
    const auto& address = party.electronic_address;
    if (!address || address->scheme != "0225" || is_scheme_id_format(address->value)) return;
    report.fire(address->source,
                {fmt::format("L'adresse électronique {} ({}) « {} » de schéma 0225 contient un "
                             "caractère interdit : n'utilisez que des lettres sans accent, des "
                             "chiffres et « + », « - », « _ », « . », sans espace.",
                             name.fr, name.address, address->value),
                 fmt::format("The electronic address of {} ({}) \"{}\" of scheme 0225 holds a "
                             "forbidden character: use only unaccented letters, digits and "
                             "\"+\", \"-\", \"_\", \".\", no space.",
                             name.en, name.address, address->value)});
  });
}

// BR-FR-25: an electronic address has at most 125 characters, whatever its
// scheme.
template <Role kRole>
void check_address_length(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  constexpr RoleName name = name_of(kRole);
  for_each_party(inv, kRole, [&](const Party& party) {
    const auto& address = party.electronic_address;
    if (!address) return;
    const std::size_t length = char_count(address->value);
    if (length <= 125) return;
    report.fire(address->source,
                {fmt::format("L'adresse électronique {} ({}) a {} caractères : raccourcissez-la "
                             "à 125 au plus.",
                             name.fr, name.address, length),
                 fmt::format("The electronic address of {} ({}) has {} characters: shorten it to "
                             "125 at most.",
                             name.en, name.address, length)});
  });
}

// BR-FR-CO-10-1: every global id carries a scheme attribute (an empty one
// will do: the test asks for the attribute only). Once per party, at its
// first id without one.
template <Role kRole>
void check_scheme_given(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  constexpr RoleName name = name_of(kRole);
  for_each_party(inv, kRole, [&](const Party& party) {
    const auto bare = std::ranges::find_if(party.identifiers, [&](const Identifier& id) {
      return is_global(inv, id) && !id.scheme_given;
    });
    if (bare == party.identifiers.end()) return;
    report.fire(bare->source,
                {fmt::format("L'identifiant « {} » {} ({}) n'a pas de schéma : donnez son "
                             "schemeID (0009 pour un SIRET, 0224 pour un identifiant privé…).",
                             bare->value, name.fr, name.term),
                 fmt::format("The id \"{}\" of {} ({}) has no scheme: give its schemeID (0009 "
                             "for a SIRET, 0224 for a private id…).",
                             bare->value, name.en, name.term)});
  });
}

// BR-FR-CO-10-2: no two global ids of a party under the same scheme (the
// schemes compared as written). Once per party, at its first repeated one.
template <Role kRole>
void check_scheme_once(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  constexpr RoleName name = name_of(kRole);
  for_each_party(inv, kRole, [&](const Party& party) {
    std::set<std::string_view> seen;
    for (const Identifier& id : party.identifiers) {
      if (!is_global(inv, id) || !id.scheme_given || seen.insert(id.scheme).second) continue;
      report.fire(id.source,
                  {fmt::format("Plusieurs identifiants {} ({}) sont de schéma « {} » : "
                               "gardez-en un seul par schéma.",
                               name.fr, name.term, id.scheme),
                   fmt::format("Several ids of {} ({}) are of scheme \"{}\": keep one per "
                               "scheme.",
                               name.en, name.term, id.scheme)});
      return;
    }
  });
}

template <Role kRole>
void add_siret_rule(Registry& registry) {
  constexpr RoleName name = name_of(kRole);
  registry.add(fr_rule(fmt::format("BR-FR-09_{}", name.term),
                       {fmt::format("Le SIRET {} ({}, schéma 0009) a 14 chiffres et commence par "
                                    "son SIREN s'il est donné.",
                                    name.fr, name.term),
                        fmt::format("The SIRET of {} ({}, scheme 0009) is 14 digits and starts "
                                    "with its SIREN when given.",
                                    name.en, name.term)},
                       {name.term}, check_siret<kRole>));
}

template <Role kRole>
void add_address_rules(Registry& registry) {
  constexpr RoleName name = name_of(kRole);
  registry.add(fr_rule(fmt::format("BR-FR-23_{}", name.address),
                       {fmt::format("L'adresse électronique {} ({}) de schéma 0225 n'a que "
                                    "lettres, chiffres et + - _ .",
                                    name.fr, name.address),
                        fmt::format("The electronic address of {} ({}) of scheme 0225 has only "
                                    "letters, digits and + - _ .",
                                    name.en, name.address)},
                       {name.address}, check_address_format<kRole>));
  registry.add(fr_rule(fmt::format("BR-FR-25_{}", name.address),
                       {fmt::format("L'adresse électronique {} ({}) a 125 caractères au plus.",
                                    name.fr, name.address),
                        fmt::format("The electronic address of {} ({}) has 125 characters at "
                                    "most.",
                                    name.en, name.address)},
                       {name.address}, check_address_length<kRole>));
}

template <Role kRole>
void add_scheme_rules(Registry& registry) {
  constexpr RoleName name = name_of(kRole);
  registry.add(fr_rule(fmt::format("BR-FR-CO-10_{}-1", name.term),
                       {fmt::format("Les identifiants {} ({}) ont un schéma.", name.fr, name.term),
                        fmt::format("The ids of {} ({}) have a scheme.", name.en, name.term)},
                       {name.term}, check_scheme_given<kRole>));
  registry.add(fr_rule(
      fmt::format("BR-FR-CO-10_{}-2", name.term),
      {fmt::format("Les identifiants {} ({}) ont chacun un schéma différent.", name.fr, name.term),
       fmt::format("The ids of {} ({}) each have a different scheme.", name.en, name.term)},
      {name.term}, check_scheme_once<kRole>));
}

}  // namespace

void register_party_rules(Registry& registry) {
  add_siret_rule<Role::BuyerAgent>(registry);
  add_siret_rule<Role::Payer>(registry);
  add_siret_rule<Role::SellerAgent>(registry);
  add_siret_rule<Role::Invoicee>(registry);
  add_siret_rule<Role::Invoicer>(registry);
  add_siret_rule<Role::DeliverTo>(registry);
  // UBL's test reads a cac:DeliveryLocation inside the line's
  // cac:DeliveryLocation, which the UBL schema has not: it never fires on a
  // valid document, and the id is CII's only here.
  registry.add(fr_rule("BR-FR-09_EXT-FR-FE-146",
                       {"Le SIRET du lieu de livraison de la ligne (EXT-FR-FE-146, schéma 0009) "
                        "a 14 chiffres et commence par son SIREN s'il est donné.",
                        "The SIRET of the line's deliver-to location (EXT-FR-FE-146, scheme "
                        "0009) is 14 digits and starts with its SIREN when given."},
                       {"EXT-FR-FE-146"}, only_in<Syntax::Cii, check_siret<Role::LineDeliverTo>>));

  add_address_rules<Role::BuyerAgent>(registry);
  add_address_rules<Role::Payer>(registry);
  add_address_rules<Role::SellerAgent>(registry);
  add_address_rules<Role::Invoicee>(registry);
  add_address_rules<Role::Invoicer>(registry);

  add_scheme_rules<Role::Seller>(registry);
  add_scheme_rules<Role::Buyer>(registry);
  add_scheme_rules<Role::Payee>(registry);
  add_scheme_rules<Role::BuyerAgent>(registry);
  add_scheme_rules<Role::Payer>(registry);
  add_scheme_rules<Role::SellerAgent>(registry);
  add_scheme_rules<Role::Invoicee>(registry);
  add_scheme_rules<Role::Invoicer>(registry);
  add_scheme_rules<Role::DeliverTo>(registry);
  add_scheme_rules<Role::LineDeliverTo>(registry);
}

}  // namespace cprokit::fr
