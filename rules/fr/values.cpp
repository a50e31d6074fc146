#include "rules/fr/values.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <limits>
#include <system_error>

namespace cprokit::fr {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits)
    v = v * 10 + (c - '0');
  return v;
}

// A day that exists, of the years 2000 to 2099: the digits are checked.
bool is_reform_day(std::string_view year, std::string_view month, std::string_view day) {
  if (!year.starts_with("20")) return false;
  const int y = to_int(year);
  const int m = to_int(month);
  const int d = to_int(day);
  if (m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int last = m == 2 && leap ? 29 : kDays[static_cast<std::size_t>(m - 1)];
  return d <= last;
}

}  // namespace

bool is_digits(std::string_view s, std::size_t n) {
  return s.size() == n && std::ranges::all_of(s, is_digit);
}

bool is_siren(std::string_view s) {
  return is_digits(normalize_space(s), 9);
}

bool siret_matches_siren(std::string_view siret, std::string_view siren) {
  // XPath substring(siret, 1, 9) = siren: its first nine digits are the SIREN.
  return is_digits(siret, 14) && siren.size() == 9 && siret.starts_with(siren);
}

bool is_billing_mode(std::string_view code) {
  static constexpr std::array<std::string_view, 20> kModes = {
      "B1", "S1", "M1", "B2", "S2", "M2", "S3", "B4", "S4", "M4",
      "S5", "S6", "B7", "S7", "B8", "S8", "M8", "B9", "S9", "M9"};
  return std::ranges::find(kModes, code) != kModes.end();
}

bool is_document_type(std::string_view code) {
  static constexpr std::array<std::string_view, 16> kTypes = {
      "380", "389", "393", "501", "386", "500", "384", "471",
      "472", "473", "261", "262", "381", "396", "502", "503"};
  return std::ranges::find(kTypes, code) != kTypes.end();
}

bool is_vat_category(std::string_view code) {
  static constexpr std::array<std::string_view, 7> kCategories = {"S", "E", "AE", "K",
                                                                  "G", "O", "Z"};
  return std::ranges::find(kCategories, code) != kCategories.end();
}

bool is_vat_rate(std::string_view rate) {
  // The rates of metropolitan France, Corsica and the overseas departments,
  // current and former, each in the forms the schematron lists.
  static constexpr std::array<std::string_view, 33> kRates = {
      "0",     "0.0",  "0.00",  "10",   "10.0",  "10.00", "13",   "13.0", "13.00", "20",  "20.0",
      "20.00", "8.5",  "8.50",  "19.6", "19.60", "2.1",   "2.10", "5.5",  "5.50",  "7",   "7.0",
      "7.00",  "20.6", "20.60", "1.05", "0.9",   "0.90",  "1.75", "9.2",  "9.20",  "9.6", "9.60"};
  return std::ranges::find(kRates, rate) != kRates.end();
}

bool is_scheme_id_format(std::string_view value) {
  return !value.empty() && std::ranges::all_of(value, [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '+' ||
           c == '-' || c == '_' || c == '.';
  });
}

std::size_t char_count(std::string_view utf8) {
  // Every byte but a continuation byte (10xxxxxx) starts a character.
  return static_cast<std::size_t>(std::ranges::count_if(
      utf8, [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

bool has_decimal_form(std::string_view text, DecimalForm form) {
  std::string_view rest = text;
  if (form.negative && rest.starts_with('-')) rest.remove_prefix(1);
  const std::size_t dot = rest.find('.');
  const std::string_view whole = rest.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
  if (whole.empty() || !std::ranges::all_of(whole, is_digit)) return false;
  if (dot != std::string_view::npos &&
      (fraction.empty() || fraction.size() > static_cast<std::size_t>(form.decimals) ||
       !std::ranges::all_of(fraction, is_digit))) {
    return false;
  }
  const std::size_t length = text.size() - (dot == std::string_view::npos ? 0 : 1);
  return whole.size() <= static_cast<std::size_t>(form.digits) &&
         length <= static_cast<std::size_t>(form.digits);
}

bool fits_identifier_length(std::string_view id) {
  return char_count(id) <= 35;
}

bool is_identifier_format(std::string_view id) {
  // normalize-space() then no space at all: any white space but a lone
  // space is gone from the normalized text, and a space fails the test.
  const std::string normalized = normalize_space(id);
  if (normalized.empty() || id.find(' ') != std::string_view::npos) return false;
  return std::ranges::all_of(normalized, [](char c) {
    return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '+' ||
           c == '-' || c == '_' || c == '/';
  });
}

bool is_reform_date_cii(std::string_view date) {
  const std::string_view d = date.substr(0, 8);
  if (!is_digits(d, 8)) return false;
  return is_reform_day(d.substr(0, 4), d.substr(4, 2), d.substr(6, 2));
}

bool is_reform_date_ubl(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  const std::string_view year = date.substr(0, 4);
  const std::string_view month = date.substr(5, 2);
  const std::string_view day = date.substr(8, 2);
  if (!is_digits(year, 4) || !is_digits(month, 2) || !is_digits(day, 2)) return false;
  return is_reform_day(year, month, day);
}

bool is_bidirectional_billing_mode(std::string_view code) {
  const std::string mode = normalize_space(code);
  return mode == "S9" || mode == "B9" || mode == "M9";
}

std::size_t occurrences(std::string_view text, std::string_view marker) {
  if (marker.empty()) return 0;
  std::size_t count = 0;
  for (std::size_t at = text.find(marker); at != std::string_view::npos;
       at = text.find(marker, at + marker.size())) {
    ++count;
  }
  return count;
}

bool is_special_billing_mode(std::string_view code) {
  return is_multi_vendor_billing_mode(code) || is_bidirectional_billing_mode(code);
}

bool is_multi_vendor_billing_mode(std::string_view code) {
  const std::string mode = normalize_space(code);
  return mode == "S8" || mode == "B8" || mode == "M8";
}

bool is_self_billed_type(std::string_view code) {
  constexpr std::array<std::string_view, 7> kTypes = {"389", "261", "501", "500",
                                                      "502", "471", "473"};
  return std::ranges::find(kTypes, code) != kTypes.end();
}

bool is_corrective_or_credit_type(std::string_view code) {
  constexpr std::array<std::string_view, 5> kTypes = {"384", "472", "381", "396", "503"};
  return std::ranges::find(kTypes, code) != kTypes.end();
}

bool is_attachment_code(std::string_view code) {
  static constexpr std::array<std::string_view, 12> kCodes = {"RIB",
                                                              "LISIBLE",
                                                              "FEUILLE_DE_STYLE",
                                                              "PJA",
                                                              "BORDEREAU_SUIVI",
                                                              "DOCUMENT_ANNEXE",
                                                              "BON_LIVRAISON",
                                                              "BON_COMMANDE",
                                                              "BORDEREAU_SUIVI_VALIDATION",
                                                              "ETAT_ACOMPTE",
                                                              "FACTURE_PAIEMENT_DIRECT",
                                                              "RECAPITULATIF_COTRAITANCE"};
  return std::ranges::find(kCodes, code) != kCodes.end();
}

double xpath_number(std::string_view text) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return kNaN;
  text = text.substr(first, text.find_last_not_of(kSpace) - first + 1);
  if (text == "INF") return std::numeric_limits<double>::infinity();
  if (text == "-INF") return -std::numeric_limits<double>::infinity();
  if (text == "NaN") return kNaN;
  // (+|-)? digits with at most one '.', at least one digit, then an optional
  // exponent (e|E)(+|-)?digits: what from_chars reads besides, such as
  // "inf" or a hexadecimal form, is no xs:double.
  std::string_view body = text;
  if (body.starts_with('+') || body.starts_with('-')) body.remove_prefix(1);
  const auto exponent = body.find_first_of("eE");
  const std::string_view mantissa = body.substr(0, exponent);
  const auto digits = std::ranges::count_if(mantissa, is_digit);
  const auto dots = std::ranges::count(mantissa, '.');
  if (digits == 0 || dots > 1 || static_cast<std::size_t>(digits + dots) != mantissa.size())
    return kNaN;
  if (exponent != std::string_view::npos) {
    std::string_view power = body.substr(exponent + 1);
    if (power.starts_with('+') || power.starts_with('-')) power.remove_prefix(1);
    if (power.empty() || !std::ranges::all_of(power, is_digit)) return kNaN;
  }
  // from_chars takes no '+'; the sign is put back after.
  const bool negative = text.starts_with('-');
  double value = kNaN;
  const auto [end, error] = std::from_chars(body.data(), body.data() + body.size(), value);
  if (end != body.data() + body.size()) return kNaN;
  // Too large or too small for a double: XPath gives infinity or zero.
  if (error == std::errc::result_out_of_range) {
    const bool large = exponent == std::string_view::npos || body[exponent + 1] != '-';
    value = large ? std::numeric_limits<double>::infinity() : 0.0;
  } else if (error != std::errc()) {
    return kNaN;
  }
  return negative ? -value : value;
}

double xpath_number(const std::optional<Amount>& amount,
                    const std::optional<UnreadableAmount>& unreadable) {
  if (amount) return amount->value.to_double();
  if (unreadable) return xpath_number(unreadable->text);
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace cprokit::fr
