// BR-CO-09: a VAT identifier (BT-31 seller, BT-48 buyer, BT-63 tax
// representative) starts with a country prefix.
//
// The prefixes are the ISO 3166-1 alpha-2 country codes, with the VAT
// prefixes that are not country codes (EL for Greece, XI for Northern Ireland,
// 1A for Kosovo). The official UBL and CII tests do not search them alike:
// - CII looks for the first two characters as a whole code in a
//   space-separated list; UBL looks for them anywhere in that list, so "R " or
//   " F" (a one-letter id followed by a space, say) pass in UBL only;
// - the CII list still has AN (Netherlands Antilles, withdrawn in 2010) and
//   lacks SS (South Sudan, 2011).
#include <array>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "rules/en16931/en16931_rules.hpp"
#include "rules/en16931/family.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::en16931 {
namespace {

// ISO 3166-1 alpha-2, the officially assigned codes.
constexpr std::array<std::string_view, 249> kCountryCodes = {
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW"};

// VAT prefixes that are not ISO 3166-1 codes.
constexpr std::array<std::string_view, 3> kOtherVatPrefixes = {"EL", "XI", "1A"};

// The prefixes of a syntax as one list: " AD AE ... 1A ".
std::string prefix_list(Syntax syntax) {
  std::string out = " ";
  auto add = [&out](std::string_view code) {
    out += code;
    out += ' ';
  };
  for (std::string_view code : kCountryCodes) {
    if (syntax != Syntax::Cii || code != "SS") add(code);
  }
  for (std::string_view code : kOtherVatPrefixes)
    add(code);
  if (syntax == Syntax::Cii) add("AN");
  return out;
}

// The first two characters of `s` (XPath counts characters, not UTF-8 bytes).
std::string_view first_two_characters(std::string_view s) {
  std::size_t end = 0;
  for (int chars = 0; chars < 2 && end < s.size(); ++chars) {
    ++end;
    while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0U) == 0x80U)
      ++end;
  }
  return s.substr(0, end);
}

bool has_country_prefix(std::string_view vat_id, Syntax syntax) {
  static const std::string kUbl = prefix_list(Syntax::Ubl);
  static const std::string kCii = prefix_list(Syntax::Cii);
  const std::string_view prefix = first_two_characters(vat_id);
  if (syntax == Syntax::Cii) {
    return kCii.find(fmt::format(" {} ", prefix)) != std::string::npos;
  }
  return kUbl.find(prefix) != std::string::npos;
}

void check_vat_id(const std::optional<Text>& vat_id, const char* term, Syntax syntax,
                  Reporter& report) {
  if (!vat_id || has_country_prefix(vat_id->value, syntax)) return;
  report.fire(vat_id->source,
              {fmt::format("Numéro de TVA ({}) « {} » : il doit commencer par le code du pays "
                           "(ISO 3166-1 alpha-2, EL pour la Grèce), « {} » n'en est pas un.",
                           term, vat_id->value, first_two_characters(vat_id->value)),
               fmt::format("VAT identifier ({}) \"{}\": it must start with a country code "
                           "(ISO 3166-1 alpha-2, EL for Greece); \"{}\" is none.",
                           term, vat_id->value, first_two_characters(vat_id->value))});
}

void check_br_co_09(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_vat_id(inv.seller.vat_id, "BT-31", inv.syntax, report);
  check_vat_id(inv.buyer.vat_id, "BT-48", inv.syntax, report);
  // The tests check every party's VAT identifier, the payee's too.
  if (inv.payee) check_vat_id(inv.payee->vat_id, "BG-10", inv.syntax, report);
  if (inv.tax_representative) {
    check_vat_id(inv.tax_representative->vat_id, "BT-63", inv.syntax, report);
  }
}

}  // namespace

void register_vat_identifier_rules(Registry& registry) {
  registry.add(fatal_rule(
      "BR-CO-09",
      {"Le numéro de TVA du vendeur (BT-31), du représentant fiscal (BT-63) et de l'acheteur "
       "(BT-48) commence par le code de son pays (ISO 3166-1 alpha-2, EL pour la Grèce).",
       "The seller (BT-31), tax representative (BT-63) and buyer (BT-48) VAT identifiers start "
       "with a country prefix (ISO 3166-1 alpha-2, EL for Greece)."},
      {"BT-31", "BT-48", "BT-63"}, check_br_co_09));
}

}  // namespace cprokit::en16931
