#include "rules/chorus/identifiers.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <numeric>
#include <span>

#include <fmt/core.h>

namespace cprokit::chorus {
namespace {

constexpr std::size_t kSirenDigits = 9;
constexpr std::size_t kSiretDigits = 14;
constexpr std::string_view kVatPrefix = "FR";
constexpr std::size_t kVatKeyDigits = 2;
constexpr std::size_t kVatDigits = kVatKeyDigits + kSirenDigits;  // after "FR"
constexpr std::string_view kLaPosteSiren = "356000000";
constexpr std::string_view kLaPosteHeadOffice = "35600000000048";
constexpr std::size_t kIbanMinLength = 15;
constexpr std::size_t kIbanMaxLength = 34;
constexpr std::size_t kIbanHeadLength = 4;  // country code and check digits
// ISO 13616-1's paper format may put this in front of the IBAN.
constexpr std::string_view kIbanPaperPrefix = "IBAN";

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
// The spaces among them: those of an IBAN's paper format.
constexpr std::span<const std::string_view> kSpaces = std::span(kSeparators).first<3>();

// The length of the string of `strings` that `text` starts with, 0 when none.
std::size_t prefix_length(std::string_view text, std::span<const std::string_view> strings) {
  const auto found =
      std::ranges::find_if(strings, [text](std::string_view s) { return text.starts_with(s); });
  return found == strings.end() ? 0 : found->size();
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

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

bool is_ascii_letter(char c) {
  return is_upper(c) || is_lower(c);
}

// The first character of `value` that `keep` refuses (there must be one),
// with all its bytes when it is a multi-byte UTF-8 character.
std::string_view first_refused(std::string_view value, bool (*keep)(char)) {
  auto start = static_cast<std::size_t>(std::ranges::find_if_not(value, keep) - value.begin());
  std::size_t end = start + 1;
  while (end < value.size() && is_utf8_continuation(value[end]))
    ++end;
  return value.substr(start, end - start);
}

std::string_view first_non_digit(std::string_view value) {
  return first_refused(value, is_digit);
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

// ---------------------------------------------------------------------------
// IBAN.

struct IbanCountry {
  std::string_view code;
  std::size_t length;
};

// How long the IBANs of each country of SWIFT's IBAN registry (the
// registration authority of ISO 13616) are. A country missing here is held to
// 15..34 characters only: the registry grows, and an IBAN must not be refused
// for being newer than this table.
constexpr auto kIbanLengths = std::to_array<IbanCountry>({
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
    {"YE", 30},
});

// The length of the IBANs of `country`, when the table knows it.
std::optional<std::size_t> iban_length(std::string_view country) {
  const auto* found = std::ranges::find(kIbanLengths, country, &IbanCountry::code);
  if (found == kIbanLengths.end()) return std::nullopt;
  return found->length;
}

bool is_iban_character(char c) {
  return is_upper(c) || is_digit(c);
}

// Two capital letters, then two digits.
bool has_iban_head(std::string_view iban) {
  return iban.size() >= kIbanHeadLength && is_upper(iban[0]) && is_upper(iban[1]) &&
         is_digit(iban[2]) && is_digit(iban[3]);
}

// `text` (capital letters and digits) read as a number after `remainder`,
// letters as 10 (A) to 35 (Z), modulo 97: ISO 7064 MOD 97-10, as ISO 13616
// applies it.
unsigned mod97(std::string_view text, unsigned remainder = 0) {
  for (char c : text) {
    remainder = is_digit(c) ? (remainder * 10 + digit_value(c)) % 97
                            : (remainder * 100 + static_cast<unsigned>(c - 'A' + 10)) % 97;
  }
  return remainder;
}

// The check digits the rest of `iban` gives: 98 minus the remainder of its
// account part, its country code and "00".
std::string iban_check_digits(std::string_view iban) {
  const unsigned rest = mod97("00", mod97(iban.substr(0, 2), mod97(iban.substr(kIbanHeadLength))));
  return fmt::format("{:02}", 98 - rest);
}

// A value brought to the electronic format of ISO 13616-1 — spaces removed, a
// leading "IBAN" dropped, letters in capitals — and what that changed.
struct ElectronicForm {
  std::string iban;
  bool had_spaces = false;
  bool had_prefix = false;
  bool had_lower_case = false;
};

char to_upper(char c) {
  return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

ElectronicForm electronic_form(std::string_view value) {
  ElectronicForm out;
  while (!value.empty()) {
    if (const std::size_t space = prefix_length(value, kSpaces); space > 0) {
      out.had_spaces = true;
      value.remove_prefix(space);
    } else {
      out.iban += value.front();
      value.remove_prefix(1);
    }
  }
  // No IBAN starts with "IBAN": its third and fourth characters are digits.
  if (out.iban.size() > kIbanPaperPrefix.size() &&
      std::ranges::equal(kIbanPaperPrefix,
                         std::string_view(out.iban).substr(0, kIbanPaperPrefix.size()),
                         [](char prefix, char c) { return prefix == to_upper(c); })) {
    out.iban.erase(0, kIbanPaperPrefix.size());
    out.had_prefix = true;
  }
  out.had_lower_case = std::ranges::any_of(out.iban, is_lower);
  std::ranges::transform(out.iban, out.iban.begin(), to_upper);
  return out;
}

Message iban_made_of() {
  return {
      "un IBAN se compose du code pays (2 lettres), de 2 chiffres de contrôle puis du numéro "
      "de compte, en lettres et chiffres",
      "an IBAN is made of the country code (2 letters), 2 check digits, then the account "
      "number, in letters and digits"};
}

Message iban_no_head(std::string_view value) {
  return {fmt::format("{} ne commence pas comme un IBAN, par le code pays (2 lettres) puis 2 "
                      "chiffres de contrôle",
                      value),
          fmt::format("{} does not start as an IBAN does, with the country code (2 letters) "
                      "then 2 check digits",
                      value)};
}

Message iban_wrong_length(std::string_view value, std::size_t found, std::string_view country,
                          std::size_t expected) {
  const std::size_t gap = found > expected ? found - expected : expected - found;
  return {fmt::format("{} compte {} lettres et chiffres : un IBAN {} en a {} ({})", value, found,
                      country, expected,
                      found > expected ? fmt::format("{} de trop", gap)
                                       : fmt::format("il en manque {}", gap)),
          fmt::format("{} has {} letters and digits: an IBAN of {} has {} ({} {})", value, found,
                      country, expected, gap, found > expected ? "too many" : "missing")};
}

Message iban_out_of_bounds(std::string_view value, std::size_t found) {
  return {fmt::format("{} compte {} lettres et chiffres : un IBAN en a de {} à {}", value, found,
                      kIbanMinLength, kIbanMaxLength),
          fmt::format("{} has {} letters and digits: an IBAN has {} to {}", value, found,
                      kIbanMinLength, kIbanMaxLength)};
}

Message iban_wrong_check_digits(std::string_view value, std::string_view found,
                                std::string_view expected) {
  return {fmt::format("Les chiffres de contrôle de {} sont {}, or le reste de l'IBAN donne {} : "
                      "un caractère est faux ou deux sont inversés",
                      value, found, expected),
          fmt::format("The check digits of {} are {}, but the rest of the IBAN gives {}: a "
                      "character is wrong or two are swapped",
                      value, found, expected)};
}

// A valid IBAN written for reading: says how, and gives the electronic form.
Message iban_presentation(std::string_view value, const ElectronicForm& form) {
  std::string how_fr;
  std::string how_en;
  const auto add = [&](bool changed, std::string_view fr, std::string_view en) {
    if (!changed) return;
    how_fr += fmt::format("{}{}", how_fr.empty() ? "" : ", ", fr);
    how_en += fmt::format("{}{}", how_en.empty() ? "" : ", ", en);
  };
  add(form.had_spaces, "avec des espaces (format papier)", "with spaces (paper format)");
  add(form.had_prefix, "précédé de « IBAN »", "preceded by \"IBAN\"");
  add(form.had_lower_case, "en minuscules", "in lower case");
  return {fmt::format("{} est un IBAN valide écrit {} : une facture électronique le donne au "
                      "format électronique d'ISO 13616, {}",
                      value, how_fr, form.iban),
          fmt::format("{} is a valid IBAN written {}: an electronic invoice gives it in ISO "
                      "13616's electronic format, {}",
                      value, how_en, form.iban)};
}

}  // namespace

std::string without_separators(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  while (!value.empty()) {
    std::size_t separator = prefix_length(value, kSeparators);
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
  if (iban.size() < kIbanMinLength || iban.size() > kIbanMaxLength || !has_iban_head(iban) ||
      !std::ranges::all_of(iban, is_iban_character)) {
    return false;
  }
  const auto length = iban_length(iban.substr(0, 2));
  if (length && iban.size() != *length) return false;
  // The first four characters moved to the end.
  return mod97(iban.substr(0, kIbanHeadLength), mod97(iban.substr(kIbanHeadLength))) == 1;
}

std::optional<IbanProblem> iban_problem(std::string_view value) {
  if (iban_valid(value)) return std::nullopt;
  const ElectronicForm form = electronic_form(value);
  const std::string_view iban = form.iban;
  if (iban.empty()) return IbanProblem{empty_value(iban_made_of())};
  if (!std::ranges::all_of(iban, is_iban_character)) {
    const std::string_view character = first_refused(iban, is_iban_character);
    const Message made_of = iban_made_of();
    return IbanProblem{
        {fmt::format("{} contient « {} », ni lettre ni chiffre : {}", value, character, made_of.fr),
         fmt::format("{} contains \"{}\", neither a letter nor a digit: {}", value, character,
                     made_of.en)}};
  }
  if (!has_iban_head(iban)) return IbanProblem{iban_no_head(value)};
  const std::string_view country = iban.substr(0, 2);
  if (const auto length = iban_length(country)) {
    if (iban.size() != *length) {
      return IbanProblem{iban_wrong_length(value, iban.size(), country, *length)};
    }
  } else if (iban.size() < kIbanMinLength || iban.size() > kIbanMaxLength) {
    return IbanProblem{iban_out_of_bounds(value, iban.size())};
  }
  if (const std::string expected = iban_check_digits(iban); expected != iban.substr(2, 2)) {
    return IbanProblem{iban_wrong_check_digits(value, iban.substr(2, 2), expected)};
  }
  return IbanProblem{iban_presentation(value, form), true};
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
