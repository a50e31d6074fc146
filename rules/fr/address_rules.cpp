// BR-FR-12 and BR-FR-13: the buyer's (BT-49) and the seller's (BT-34)
// electronic addresses are given: the reform routes every invoice by them.
// BR-FR-21 and BR-FR-22: on a B2B invoice, the addressee's electronic
// address is of scheme 0225 and starts with its SIREN: the buyer's, or the
// seller's on a self-billed invoice.
// BR-FR-23 and BR-FR-25: an electronic address of scheme 0225 is made of
// letters, digits and + - _ . only; any electronic address has at most 125
// characters. BR-FR-24 and BR-FR-26: the same for a private party id
// (scheme 0224, BT-29 / BT-46), at most 100 characters.
// The schematron also tests the addresses of the agents, the payer, the
// invoicer and the invoicee (EXT-FR-FE-*), which the model does not read:
// here the seller, the buyer and the payee (EXT-FR-FE-29).
// All these tests read the addresses, the ids and the SIREN as written,
// white space included (" 842153793" is refused and does not start with
// "842153793"), as the reference does.
#include <array>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/processing_type.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

void require_address(const Invoice& inv, const Party& party, const Message& missing,
                     Reporter& report) {
  const auto& address = party.electronic_address;
  // UBL normalizes the address's white space; CII takes it as written, so
  // an address of white space only is there for CII (kept, as the reference).
  if (address && !(inv.syntax == Syntax::Cii ? as_written(inv, address->value, address->source)
                                             : std::string_view(address->value))
                      .empty())
    return;
  report.fire(address ? address->source : party.source, missing);
}

void check_br_fr_12(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_address(inv, inv.buyer,
                  {"L'adresse électronique de l'acheteur (BT-49) est absente ou vide : donnez "
                   "celle où il reçoit ses factures (par exemple son SIREN, schéma 0225).",
                   "The buyer's electronic address (BT-49) is missing or empty: give the one "
                   "it receives invoices at (e.g. its SIREN, scheme 0225)."},
                  report);
}

void check_br_fr_13(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_address(inv, inv.seller,
                  {"L'adresse électronique du vendeur (BT-34) est absente ou vide : donnez "
                   "celle de sa plateforme (par exemple son SIREN, schéma 0225).",
                   "The seller's electronic address (BT-34) is missing or empty: give the one "
                   "of its platform (e.g. its SIREN, scheme 0225)."},
                  report);
}

// The document types of a self-billed invoice, whose addressee is the seller.
bool is_self_billed(const Invoice& inv) {
  // Compared as written: " 389" is no self-billed type.
  return inv.type_code &&
         is_self_billed_type(as_written(inv, inv.type_code->value, inv.type_code->source));
}

// The SIREN each syntax's test reads for a party: CII its legal id whatever
// the scheme, UBL its legal id of scheme 0002; empty when none (and an
// empty SIREN starts every address, as in XPath starts-with()).
std::string_view siren_for_routing(const Invoice& inv, const Party& party) {
  const auto& id = party.legal_id;
  if (!id || (inv.syntax == Syntax::Ubl && id->scheme != "0002")) return {};
  return as_written(inv, id->value, id->source);
}

// An identifier as the tests read it, as written.
std::string_view written(const Invoice& inv, const Identifier& id) {
  return as_written(inv, id.value, id.source);
}

bool routes_to_siren(const Invoice& inv, const Party& party) {
  const auto& address = party.electronic_address;
  return address && address->scheme == "0225" &&
         written(inv, *address).starts_with(siren_for_routing(inv, party));
}

void fire_routing(const Invoice& inv, const Party& party, const char* fr, const char* en,
                  const char* term, Reporter& report) {
  const auto& address = party.electronic_address;
  const std::string_view value = address ? written(inv, *address) : std::string_view();
  const std::string scheme = address ? address->scheme : std::string();
  const std::string_view siren = siren_for_routing(inv, party);
  report.fire(address ? address->source : party.source,
              {fmt::format("Facture B2B : l'adresse électronique {} ({}) « {} », schéma « {} », "
                           "doit être de schéma 0225 et commencer par son SIREN « {} » : "
                           "écrivez le SIREN, éventuellement suivi d'un suffixe, avec "
                           "schemeID=\"0225\".",
                           fr, term, value, scheme, siren),
               fmt::format("B2B invoice: {} electronic address ({}) \"{}\", scheme \"{}\", "
                           "must be of scheme 0225 and start with its SIREN \"{}\": write the "
                           "SIREN, possibly followed by a suffix, with schemeID=\"0225\".",
                           en, term, value, scheme, siren)});
}

void check_br_fr_21(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!declares_b2b(inv) || is_self_billed(inv) || routes_to_siren(inv, inv.buyer)) return;
  fire_routing(inv, inv.buyer, "de l'acheteur", "the buyer's", "BT-49", report);
}

void check_br_fr_22(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  // UBL asks it of any processing type given, CII of a B2B invoice only.
  const bool declared =
      inv.syntax == Syntax::Ubl ? !ubl_bar_treatment(inv).empty() : declares_b2b(inv);
  if (!declared || !is_self_billed(inv) || routes_to_siren(inv, inv.seller)) return;
  fire_routing(inv, inv.seller, "du vendeur", "the seller's", "BT-34", report);
}

// A party whose addresses and ids BR-FR-23..26 read, under its term.
struct RoutedParty {
  const Party* party;
  const char* term;
};

std::array<RoutedParty, 3> routed_parties(const Invoice& inv) {
  return {{{&inv.seller, "BT-34"},
           {&inv.buyer, "BT-49"},
           {inv.payee ? &*inv.payee : nullptr, "EXT-FR-FE-29"}}};
}

template <std::size_t kIndex>
void check_address_format(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const RoutedParty p = routed_parties(inv)[kIndex];
  if (p.party == nullptr || !p.party->electronic_address) return;
  const Identifier& address = *p.party->electronic_address;
  const std::string_view value = written(inv, address);
  if (address.scheme != "0225" || is_scheme_id_format(value)) return;
  report.fire(address.source,
              {fmt::format("L'adresse électronique ({}) « {} » de schéma 0225 contient un "
                           "caractère interdit : n'utilisez que des lettres sans accent, des "
                           "chiffres et « - », « _ », « . », sans espace.",
                           p.term, value),
               fmt::format("The electronic address ({}) \"{}\" of scheme 0225 holds a forbidden "
                           "character: use only unaccented letters, digits and \"-\", \"_\", "
                           "\".\", no space.",
                           p.term, value)});
}

template <std::size_t kIndex>
void check_address_length(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const RoutedParty p = routed_parties(inv)[kIndex];
  if (p.party == nullptr || !p.party->electronic_address) return;
  const Identifier& address = *p.party->electronic_address;
  const std::size_t length = char_count(written(inv, address));
  if (length <= 125) return;
  report.fire(address.source,
              {fmt::format("L'adresse électronique ({}) a {} caractères : raccourcissez-la à "
                           "125 au plus.",
                           p.term, length),
               fmt::format("The electronic address ({}) has {} characters: shorten it to 125 at "
                           "most.",
                           p.term, length)});
}

// The private ids (scheme 0224) of a party: its party identifiers, in CII
// the ram:GlobalID ones only.
template <typename F>
void for_private_ids(const Invoice& inv, const Party& party, F f) {
  for (const Identifier& id : party.identifiers) {
    if (id.scheme == "0224" && (inv.syntax == Syntax::Ubl || id.global)) f(id);
  }
}

template <std::size_t kIndex>
void check_private_id_format(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const RoutedParty p = routed_parties(inv)[kIndex];
  const char* term = kIndex == 0 ? "BT-29" : "BT-46";
  for_private_ids(inv, *p.party, [&](const Identifier& id) {
    const std::string_view value = written(inv, id);
    if (is_scheme_id_format(value)) return;
    report.fire(id.source,
                {fmt::format("L'identifiant privé ({}) « {} » de schéma 0224 contient un "
                             "caractère interdit : n'utilisez que des lettres sans accent, des "
                             "chiffres et « - », « _ », « . », sans espace.",
                             term, value),
                 fmt::format("The private id ({}) \"{}\" of scheme 0224 holds a forbidden "
                             "character: use only unaccented letters, digits and \"-\", \"_\", "
                             "\".\", no space.",
                             term, value)});
  });
}

template <std::size_t kIndex>
void check_private_id_length(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const RoutedParty p = routed_parties(inv)[kIndex];
  const char* term = kIndex == 0 ? "BT-29" : "BT-46";
  for_private_ids(inv, *p.party, [&](const Identifier& id) {
    const std::size_t length = char_count(written(inv, id));
    if (length <= 100) return;
    report.fire(id.source,
                {fmt::format("L'identifiant privé ({}) de schéma 0224 a {} caractères : "
                             "raccourcissez-le à 100 au plus.",
                             term, length),
                 fmt::format("The private id ({}) of scheme 0224 has {} characters: shorten it "
                             "to 100 at most.",
                             term, length)});
  });
}

Message address_format_title(const char* term) {
  return {fmt::format("Une adresse électronique ({}) de schéma 0225 n'a que lettres, chiffres "
                      "et + - _ .",
                      term),
          fmt::format("An electronic address ({}) of scheme 0225 has only letters, digits and "
                      "+ - _ .",
                      term)};
}
Message address_length_title(const char* term) {
  return {fmt::format("Une adresse électronique ({}) a 125 caractères au plus.", term),
          fmt::format("An electronic address ({}) has 125 characters at most.", term)};
}
Message private_id_format_title(const char* term) {
  return {fmt::format("Un identifiant privé ({}, schéma 0224) n'a que lettres, chiffres et "
                      "+ - _ .",
                      term),
          fmt::format("A private id ({}, scheme 0224) has only letters, digits and + - _ .", term)};
}
Message private_id_length_title(const char* term) {
  return {fmt::format("Un identifiant privé ({}, schéma 0224) a 100 caractères au plus.", term),
          fmt::format("A private id ({}, scheme 0224) has 100 characters at most.", term)};
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
  registry.add(fr_rule("BR-FR-21_BT-49",
                       {"Sur une facture B2B, l'adresse électronique de l'acheteur (BT-49) est de "
                        "schéma 0225 et commence par son SIREN.",
                        "On a B2B invoice, the buyer's electronic address (BT-49) is of scheme "
                        "0225 and starts with its SIREN."},
                       {"BT-49", "BT-49-1", "BT-47", "BT-3"}, check_br_fr_21));
  registry.add(fr_rule("BR-FR-22_BT-34",
                       {"Sur une autofacture B2B, l'adresse électronique du vendeur (BT-34) est "
                        "de schéma 0225 et commence par son SIREN.",
                        "On a B2B self-billed invoice, the seller's electronic address (BT-34) "
                        "is of scheme 0225 and starts with its SIREN."},
                       {"BT-34", "BT-34-1", "BT-30", "BT-3"}, check_br_fr_22));
  registry.add(
      fr_rule("BR-FR-23_BT-34", address_format_title("BT-34"), {"BT-34"}, check_address_format<0>));
  registry.add(
      fr_rule("BR-FR-23_BT-49", address_format_title("BT-49"), {"BT-49"}, check_address_format<1>));
  registry.add(fr_rule("BR-FR-23_EXT-FR-FE-29", address_format_title("EXT-FR-FE-29"),
                       {"EXT-FR-FE-29"}, check_address_format<2>));
  registry.add(
      fr_rule("BR-FR-25_BT-34", address_length_title("BT-34"), {"BT-34"}, check_address_length<0>));
  registry.add(
      fr_rule("BR-FR-25_BT-49", address_length_title("BT-49"), {"BT-49"}, check_address_length<1>));
  registry.add(fr_rule("BR-FR-25_EXT-FR-FE-29", address_length_title("EXT-FR-FE-29"),
                       {"EXT-FR-FE-29"}, check_address_length<2>));
  registry.add(fr_rule("BR-FR-24_BT-29", private_id_format_title("BT-29"), {"BT-29"},
                       check_private_id_format<0>));
  registry.add(fr_rule("BR-FR-24_BT-46", private_id_format_title("BT-46"), {"BT-46"},
                       check_private_id_format<1>));
  registry.add(fr_rule("BR-FR-26_BT-29", private_id_length_title("BT-29"), {"BT-29"},
                       check_private_id_length<0>));
  registry.add(fr_rule("BR-FR-26_BT-46", private_id_length_title("BT-46"), {"BT-46"},
                       check_private_id_length<1>));
}

}  // namespace cprokit::fr
