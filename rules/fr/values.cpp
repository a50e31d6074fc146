#include "rules/fr/values.hpp"

#include <algorithm>
#include <array>

namespace cprokit::fr {
namespace {

// XML white space, as normalize-space() knows it.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::string normalize_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

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

std::size_t occurrences(std::string_view text, std::string_view marker) {
  if (marker.empty()) return 0;
  std::size_t count = 0;
  for (std::size_t at = text.find(marker); at != std::string_view::npos;
       at = text.find(marker, at + marker.size())) {
    ++count;
  }
  return count;
}

}  // namespace cprokit::fr
