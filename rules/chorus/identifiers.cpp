#include "rules/chorus/identifiers.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <numeric>

#include <fmt/format.h>

namespace cprokit::chorus {
namespace {

constexpr std::size_t kSirenDigits = 9;
constexpr std::size_t kSiretDigits = 14;
constexpr std::string_view kVatPrefix = "FR";
constexpr std::size_t kVatKeyDigits = 2;
constexpr std::size_t kVatDigits = kVatKeyDigits + kSirenDigits;  // after "FR"
constexpr std::string_view kLaPosteSiren = "356000000";
constexpr std::string_view kLaPosteHeadOffice = "35600000000048";

// An identifier made of a fixed number of digits.
struct DigitsKind {
  std::string_view name;  // the same in French and English
  std::size_t digits;
};
constexpr DigitsKind kSiren{"SIREN", kSirenDigits};
constexpr DigitsKind kSiret{"SIRET", kSiretDigits};

// What people type between groups of digits: space, no-break space (U+00A0)
// and narrow no-break space (U+202F) in UTF-8, and dot.
constexpr std::array<std::string_view, 4> kSeparators = {" ", "\xC2\xA0", "\xE2\x80\xAF", "."};

// The length of the separator `text` starts with, 0 when it starts with none.
std::size_t separator_length(std::string_view text) {
  const auto* found =
      std::ranges::find_if(kSeparators, [text](std::string_view s) { return text.starts_with(s); });
  return found == kSeparators.end() ? 0 : found->size();
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
  return std::ranges::all_of(s, is_digit);
}

unsigned digit_value(char c) {
  return static_cast<unsigned>(c - '0');
}

unsigned digit_sum(std::string_view digits) {
  return std::accumulate(digits.begin(), digits.end(), 0U,
                         [](unsigned sum, char c) { return sum + digit_value(c); });
}

bool is_utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

bool is_ascii_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// The first character of `value` that is not a digit (there must be one),
// with all its bytes when it is a multi-byte UTF-8 character.
std::string_view first_non_digit(std::string_view value) {
  auto start = static_cast<std::size_t>(std::ranges::find_if_not(value, is_digit) - value.begin());
  std::size_t end = start + 1;
  while (end < value.size() && is_utf8_continuation(value[end]))
    ++end;
  return value.substr(start, end - start);
}

// The last digit that makes `payload` followed by it pass Luhn.
char luhn_completion(std::string_view payload) {
  std::string candidate = std::string(payload) + '0';
  while (!luhn_valid(candidate))
    ++candidate.back();
  return candidate.back();
}

// ---------------------------------------------------------------------------
// Messages. `expected` is the end of a message: what the value should be.

// French keeps the singular for 0 and 1, English only for 1.
std::string digits_found_fr(std::size_t n, std::string_view value) {
  std::string_view plural = n < 2 ? "" : "s";
  return fmt::format("{} chiffre{} trouvé{} dans {}", n, plural, plural, value);
}

std::string digits_en(std::size_t n) {
  return fmt::format("{} digit{}", n, n == 1 ? "" : "s");
}

Message empty_value(const Message& expected) {
  return {"Valeur vide : " + expected.fr, "Empty value: " + expected.en};
}

Message not_a_digit(std::string_view value, std::string_view character, const Message& expected) {
  return {
      fmt::format("{} contient « {} », qui n'est pas un chiffre : {}", value, character,
                  expected.fr),
      fmt::format("{} contains \"{}\", which is not a digit: {}", value, character, expected.en)};
}

Message digit_count(std::string_view value, std::size_t count, const Message& expected) {
  return {fmt::format("{} : {}", digits_found_fr(count, value), expected.fr),
          fmt::format("{} has {}: {}", value, digits_en(count), expected.en)};
}

// "<subject> fails the Luhn check: <why> (a <name> starting with ... ends with <d>)".
Message luhn_failure(const Message& subject, const Message& why, std::string_view name,
                     std::string_view digits) {
  std::string_view payload = digits.substr(0, digits.size() - 1);
  char last = luhn_completion(payload);
  return {fmt::format("{} échoue au contrôle de Luhn : {} (un {} qui commence par {} finit par {})",
                      subject.fr, why.fr, name, payload, last),
          fmt::format("{} fails the Luhn check: {} (a {} starting with {} ends with {})",
                      subject.en, why.en, name, payload, last)};
}

Message siren_luhn_failure(const Message& subject, std::string_view siren) {
  return luhn_failure(
      subject, {"un chiffre est faux ou deux sont inversés", "a digit is wrong or two are swapped"},
      kSiren.name, siren);
}

// The SIREN carried by a SIRET or a VAT number, named in a message.
Message siren_inside(std::string_view siren, std::string_view whole) {
  return {fmt::format("Le SIREN {} contenu dans {}", siren, whole),
          fmt::format("SIREN {} in {}", siren, whole)};
}

// ---------------------------------------------------------------------------
// SIREN and SIRET.

// Empty, not only digits, or not the digit count of `kind`.
std::optional<Message> shape_problem(std::string_view value, const DigitsKind& kind) {
  // Messages are spelled only for a value that fails: most values pass.
  const auto made_of = [&] {
    return Message{fmt::format("un {} se compose de {} chiffres", kind.name, kind.digits),
                   fmt::format("a {} is made of {} digits", kind.name, kind.digits)};
  };
  if (value.empty()) return empty_value(made_of());
  if (!all_digits(value)) return not_a_digit(value, first_non_digit(value), made_of());
  if (value.size() != kind.digits) {
    return digit_count(value, value.size(),
                       {fmt::format("un {} en a {}", kind.name, kind.digits),
                        fmt::format("a {} has {}", kind.name, kind.digits)});
  }
  return std::nullopt;
}

Message la_poste_problem(std::string_view siret) {
  unsigned sum = digit_sum(siret);
  return {fmt::format("{} est un établissement de La Poste (SIREN {}) : la somme de ses chiffres, "
                      "{}, devrait être un multiple de 5",
                      siret, kLaPosteSiren, sum),
          fmt::format("{} is a La Poste establishment (SIREN {}): the sum of its digits, {}, "
                      "should be a multiple of 5",
                      siret, kLaPosteSiren, sum)};
}

// ---------------------------------------------------------------------------
// French VAT number.

Message vat_format() {
  return {"un numéro de TVA français s'écrit FR, une clé à 2 chiffres puis le SIREN (9 chiffres)",
          "a French VAT number is FR, a 2-digit key, then the SIREN (9 digits)"};
}

Message other_siren(std::string_view vat, std::string_view siren, std::string_view expected) {
  return {fmt::format("{} porte le SIREN {}, or le SIREN attendu est {}", vat, siren, expected),
          fmt::format("{} carries SIREN {}, but the expected SIREN is {}", vat, siren, expected)};
}

Message wrong_key(std::string_view vat, std::string_view key, std::string_view siren) {
  std::string expected = fr_vat_key(siren);
  return {fmt::format("La clé de {} est {}, or le SIREN {} donne la clé {} : FR{}{}", vat, key,
                      siren, expected, expected, siren),
          fmt::format("The key of {} is {}, but SIREN {} gives the key {}: FR{}{}", vat, key, siren,
                      expected, expected, siren)};
}

// Unknown values: two letters then a digit look like a VAT number of another country.
bool looks_like_foreign_vat(std::string_view value) {
  return value.size() > 2 && is_ascii_letter(value[0]) && is_ascii_letter(value[1]) &&
         is_digit(value[2]);
}

}  // namespace

std::string without_separators(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  while (!value.empty()) {
    std::size_t separator = separator_length(value);
    if (separator == 0) {
      out += value.front();
      value.remove_prefix(1);
    } else {
      value.remove_prefix(separator);
    }
  }
  return out;
}

bool iban_valid(std::string_view iban) {
  if (iban.size() < 15 || iban.size() > 34) return false;
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!upper(iban[0]) || !upper(iban[1]) || !digit(iban[2]) || !digit(iban[3])) return false;
  unsigned remainder = 0;
  for (std::size_t i = 0; i < iban.size(); ++i) {
    const char c = iban[(i + 4) % iban.size()];  // the first four characters last
    if (digit(c)) {
      remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
    } else if (upper(c)) {
      remainder = (remainder * 100 + static_cast<unsigned>(c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

bool luhn_valid(std::string_view digits) {
  if (digits.empty() || !all_digits(digits)) return false;
  unsigned sum = 0;
  // Every second digit from the right is doubled: from the left, the first one
  // is when the count is even.
  bool doubled = digits.size() % 2 == 0;
  for (char c : digits) {
    unsigned d = digit_value(c);
    if (doubled) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

bool is_la_poste_establishment(std::string_view siret) {
  return siret.size() == kSiretDigits && siret.starts_with(kLaPosteSiren) &&
         siret != kLaPosteHeadOffice;
}

std::optional<Message> siren_problem(std::string_view value) {
  if (auto shape = shape_problem(value, kSiren)) return shape;
  if (!luhn_valid(value)) {
    return siren_luhn_failure({fmt::format("Le SIREN {}", value), fmt::format("SIREN {}", value)},
                              value);
  }
  return std::nullopt;
}

std::optional<Message> siret_problem(std::string_view value) {
  if (auto shape = shape_problem(value, kSiret)) return shape;
  if (is_la_poste_establishment(value)) {
    if (digit_sum(value) % 5 != 0) return la_poste_problem(value);
    return std::nullopt;
  }
  std::string_view siren = value.substr(0, kSirenDigits);
  if (!luhn_valid(siren)) return siren_luhn_failure(siren_inside(siren, value), siren);
  if (!luhn_valid(value)) {
    std::string_view nic = value.substr(kSirenDigits);
    return luhn_failure(
        {fmt::format("Le SIRET {}", value), fmt::format("SIRET {}", value)},
        {fmt::format("son SIREN {} est valide, c'est donc sans doute un chiffre du NIC {} qui est "
                     "faux",
                     siren, nic),
         fmt::format("its SIREN {} is valid, so a digit of the NIC {} is likely wrong", siren,
                     nic)},
        kSiret.name, value);
  }
  return std::nullopt;
}

std::optional<Message> fr_vat_problem(std::string_view value,
                                      std::optional<std::string_view> expected_siren) {
  if (value.empty()) return empty_value(vat_format());
  if (!value.starts_with(kVatPrefix)) {
    const Message format = vat_format();
    return Message{fmt::format("{} ne commence pas par FR : {}", value, format.fr),
                   fmt::format("{} does not start with FR: {}", value, format.en)};
  }
  std::string_view digits = value.substr(kVatPrefix.size());
  if (!all_digits(digits)) return not_a_digit(value, first_non_digit(digits), vat_format());
  if (digits.size() != kVatDigits) {
    return digit_count(value, digits.size(),
                       {"après FR, un numéro de TVA français en a 11 : la clé (2) et le SIREN (9)",
                        "after FR, a French VAT number has 11: the key (2) and the SIREN (9)"});
  }
  std::string_view key = digits.substr(0, kVatKeyDigits);
  std::string_view siren = digits.substr(kVatKeyDigits);
  if (expected_siren && siren != *expected_siren) return other_siren(value, siren, *expected_siren);
  if (!luhn_valid(siren)) return siren_luhn_failure(siren_inside(siren, value), siren);
  if (key != fr_vat_key(siren)) return wrong_key(value, key, siren);
  return std::nullopt;
}

std::string fr_vat_key(std::string_view siren) {
  unsigned remainder = 0;  // SIREN mod 97, digit by digit
  for (char c : siren)
    remainder = (remainder * 10 + digit_value(c)) % 97;
  return fmt::format("{:02}", (12 + 3 * remainder) % 97);
}

IdentifierType identifier_type(std::string_view value) {
  if (value.starts_with(kVatPrefix)) return IdentifierType::FrVat;
  if (!all_digits(value)) return IdentifierType::Unknown;
  if (value.size() == kSirenDigits) return IdentifierType::Siren;
  if (value.size() == kSiretDigits) return IdentifierType::Siret;
  return IdentifierType::Unknown;
}

Message unknown_identifier_problem(std::string_view value) {
  const Message each_one{
      "un SIREN se compose de 9 chiffres, un SIRET de 14, un numéro de TVA français commence par "
      "FR",
      "a SIREN is made of 9 digits, a SIRET of 14, a French VAT number starts with FR"};
  if (value.empty()) return empty_value(each_one);
  if (all_digits(value)) {
    // The nearer of the two first: 13 digits are more likely a SIRET than a SIREN.
    bool nearer_siret = value.size() > (kSirenDigits + kSiretDigits) / 2;
    return digit_count(value, value.size(),
                       nearer_siret
                           ? Message{"un SIRET en a 14, un SIREN 9", "a SIRET has 14, a SIREN 9"}
                           : Message{"un SIREN en a 9, un SIRET 14", "a SIREN has 9, a SIRET 14"});
  }
  if (looks_like_foreign_vat(value)) {
    std::string_view country = value.substr(0, 2);
    return {fmt::format("{} ressemble au numéro de TVA d'un autre pays ({}) : seuls les numéros "
                        "français (FR) sont vérifiés",
                        value, country),
            fmt::format("{} looks like a VAT number of another country ({}): only French ones "
                        "(FR) are checked",
                        value, country)};
  }
  return not_a_digit(value, first_non_digit(value), each_one);
}

}  // namespace cprokit::chorus
