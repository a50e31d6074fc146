#include "validators/xsd/fast_values.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace cprokit::xsd::fast {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

int two_digits(std::string_view s, std::size_t at) {
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

// A decimal number split into its parts, leading zeros of the integer part
// and trailing zeros of the fraction removed ("-0" is zero).
struct Decimal {
  bool negative = false;
  std::string_view integer;
  std::string_view fraction;
};

// The decimal `s` in the form [-]digits[.digits]; `allow_plus` for the
// bounds written in schemas. Other forms (".5", "5.", exponents) are not
// taken.
std::optional<Decimal> parse_decimal(std::string_view s, bool allow_plus) {
  Decimal d;
  if (!s.empty() && (s[0] == '-' || (allow_plus && s[0] == '+'))) {
    d.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  const auto dot = s.find('.');
  std::string_view integer = s.substr(0, dot);
  std::string_view fraction =
      dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
  if (!all_digits(integer) || (dot != std::string_view::npos && !all_digits(fraction))) {
    return std::nullopt;
  }
  while (integer.size() > 1 && integer[0] == '0')
    integer.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0')
    fraction.remove_suffix(1);
  if (integer == "0") integer = {};
  if (integer.empty() && fraction.empty()) d.negative = false;
  d.integer = integer;
  d.fraction = fraction;
  return d;
}

int compare_magnitude(const Decimal& a, const Decimal& b) {
  if (a.integer.size() != b.integer.size()) return a.integer.size() < b.integer.size() ? -1 : 1;
  if (const int c = a.integer.compare(b.integer); c != 0) return c < 0 ? -1 : 1;
  const int c = a.fraction.compare(b.fraction);  // no trailing zeros: plain order
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int compare(const Decimal& a, const Decimal& b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  const int m = compare_magnitude(a, b);
  return a.negative ? -m : m;
}

bool is_integer_kind(Builtin b) {
  return b >= Builtin::Integer && b <= Builtin::UnsignedByte;
}

// The bounds of the built-in integer types, as schema literals.
struct Range {
  std::string_view min;  // empty: none
  std::string_view max;
};

Range range_of(Builtin b) {
  switch (b) {
    case Builtin::NonNegativeInteger:
      return {"0", ""};
    case Builtin::PositiveInteger:
      return {"1", ""};
    case Builtin::NonPositiveInteger:
      return {"", "0"};
    case Builtin::NegativeInteger:
      return {"", "-1"};
    case Builtin::Long:
      return {"-9223372036854775808", "9223372036854775807"};
    case Builtin::Int:
      return {"-2147483648", "2147483647"};
    case Builtin::Short:
      return {"-32768", "32767"};
    case Builtin::Byte:
      return {"-128", "127"};
    case Builtin::UnsignedLong:
      return {"0", "18446744073709551615"};
    case Builtin::UnsignedInt:
      return {"0", "4294967295"};
    case Builtin::UnsignedShort:
      return {"0", "65535"};
    case Builtin::UnsignedByte:
      return {"0", "255"};
    default:
      return {"", ""};
  }
}

bool within(const Decimal& value, std::string_view bound, int allowed_sign_low, bool inclusive) {
  const auto b = parse_decimal(bound, true);
  if (!b) return false;
  const int c = compare(value, *b);
  return c == allowed_sign_low || (inclusive && c == 0);
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// YYYY-MM-DD with a year from 1000 to 9999 and a real day of its month.
bool plain_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || s[0] == '0') return false;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2))) {
    return false;
  }
  const int year = std::stoi(std::string(s.substr(0, 4)));
  const int month = two_digits(s, 5);
  const int day = two_digits(s, 8);
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const int last = kDays.at(static_cast<std::size_t>(month - 1)) + (month == 2 && is_leap(year));
  return day <= last;
}

// hh:mm:ss[.s+] from 00:00:00 to 23:59:59.999…
bool plain_time(std::string_view s) {
  if (s.size() < 8 || s[2] != ':' || s[5] != ':') return false;
  if (!all_digits(s.substr(0, 2)) || !all_digits(s.substr(3, 2)) || !all_digits(s.substr(6, 2))) {
    return false;
  }
  if (two_digits(s, 0) > 23 || two_digits(s, 3) > 59 || two_digits(s, 6) > 59) return false;
  if (s.size() == 8) return true;
  return s[8] == '.' && all_digits(s.substr(9));
}

// `s` without its time zone (Z, +hh:mm, -hh:mm up to 14:00), or nullopt
// when the zone is malformed.
std::optional<std::string_view> without_zone(std::string_view s) {
  if (s.ends_with('Z')) return s.substr(0, s.size() - 1);
  if (s.size() >= 6) {
    const std::string_view zone = s.substr(s.size() - 6);
    if ((zone[0] == '+' || zone[0] == '-') && zone[3] == ':' && all_digits(zone.substr(1, 2)) &&
        all_digits(zone.substr(4, 2))) {
      const int hours = two_digits(zone, 1);
      const int minutes = two_digits(zone, 4);
      if (minutes > 59 || hours > 14 || (hours == 14 && minutes != 0)) return std::nullopt;
      return s.substr(0, s.size() - 6);
    }
  }
  return s;
}

bool date_value(std::string_view s) {
  const auto bare = without_zone(s);
  return bare && plain_date(*bare);
}

bool time_value(std::string_view s) {
  const auto bare = without_zone(s);
  return bare && plain_time(*bare);
}

bool date_time_value(std::string_view s) {
  const auto bare = without_zone(s);
  return bare && bare->size() > 11 && (*bare)[10] == 'T' && plain_date(bare->substr(0, 10)) &&
         plain_time(bare->substr(11));
}

// The value of each base64 character, -1 for the others (a table: an
// attachment is megabytes of them).
constexpr std::array<std::int8_t, 256> kBase64 = [] {
  std::array<std::int8_t, 256> table{};
  table.fill(-1);
  constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < kAlphabet.size(); ++i)
    table.at(static_cast<unsigned char>(kAlphabet[i])) = static_cast<std::int8_t>(i);
  return table;
}();

int base64_index(char c) {
  return kBase64.at(static_cast<unsigned char>(c));
}

// Base64 after collapsing: groups of four characters, single spaces allowed
// between characters, '=' padding only at the very end with the unused bits
// of the last character zero (as Xerces' schema mode requires).
bool base64_value(std::string_view s) {
  if (s.starts_with(' ') || s.ends_with(' ') || s.find("  ") != std::string_view::npos) {
    return false;
  }
  std::size_t pad = 0;
  if (s.ends_with("==")) {
    pad = 2;
  } else if (s.ends_with('=')) {
    pad = 1;
  }
  const std::string_view data = s.substr(0, s.size() - pad);
  if (data.empty() || data.back() == ' ') return false;
  std::size_t count = pad;
  for (const char c : data) {
    if (c == ' ') continue;
    if (base64_index(c) < 0) return false;
    ++count;
  }
  if (count % 4 != 0) return false;
  if (pad == 2) return (base64_index(data.back()) & 0xF) == 0;
  if (pad == 1) return (base64_index(data.back()) & 0x3) == 0;
  return true;
}

bool uri_char(char c) {
  return is_alpha(c) || is_digit(c) ||
         std::string_view("-._~:/?#@!$&'()*+,;=").find(c) != std::string_view::npos;
}

bool hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A plain URI or relative reference: ASCII, percent escapes well formed, at
// most one '#', a scheme made of the allowed characters, and a non-empty host
// after "//". Anything unusual is left to Xerces.
bool any_uri_value(std::string_view s) {
  if (s.empty() || s.starts_with("//")) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || !hex(s[i + 1]) || !hex(s[i + 2])) return false;
      i += 2;
    } else if (!uri_char(s[i])) {
      return false;
    }
  }
  if (std::count(s.begin(), s.end(), '#') > 1) return false;
  const auto colon = s.find(':');
  const auto delimiter = s.find_first_of("/?#");
  if (colon == std::string_view::npos ||
      (delimiter != std::string_view::npos && delimiter < colon)) {
    return true;  // a relative reference
  }
  const std::string_view scheme = s.substr(0, colon);
  if (scheme.empty() || !is_alpha(scheme[0]) ||
      !std::all_of(scheme.begin(), scheme.end(), [](char c) {
        return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.';
      })) {
    return false;
  }
  std::string_view rest = s.substr(colon + 1);
  if (rest.empty()) return false;
  if (rest.starts_with("//")) {
    rest.remove_prefix(2);
    const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    return !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
      return is_alpha(c) || is_digit(c) || c == '.' || c == '-';
    });
  }
  return true;
}

bool nmtoken_value(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return is_alpha(c) || is_digit(c) || c == '.' || c == '-' || c == '_' || c == ':';
  });
}

bool language_value(std::string_view s) {
  std::size_t part = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '-') {
      const std::string_view piece = s.substr(start, i - start);
      if (piece.empty() || piece.size() > 8) return false;
      for (const char c : piece) {
        if (!is_alpha(c) && (part == 0 || !is_digit(c))) return false;
      }
      ++part;
      start = i + 1;
    }
  }
  return true;
}

// Characters, not bytes (the text is valid UTF-8).
std::size_t length_in_characters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

bool is_stringish(Builtin b) {
  return (b >= Builtin::String && b <= Builtin::Language) || b == Builtin::AnyUri;
}

bool facet_holds(const FastGrammar& g, Builtin builtin, const Facet& f, std::string_view value) {
  switch (f.kind) {
    case FacetKind::Length:
    case FacetKind::MinLength:
    case FacetKind::MaxLength: {
      if (!is_stringish(builtin)) return false;
      const std::size_t n = length_in_characters(value);
      if (f.kind == FacetKind::Length) return n == f.number;
      return f.kind == FacetKind::MinLength ? n >= f.number : n <= f.number;
    }
    case FacetKind::TotalDigits:
    case FacetKind::FractionDigits: {
      if (builtin != Builtin::Decimal && !is_integer_kind(builtin)) return false;
      // Every digit written counts, zeros included: never fewer than Xerces counts.
      const auto dot = value.find('.');
      const std::string_view fraction =
          dot == std::string_view::npos ? std::string_view{} : value.substr(dot + 1);
      if (f.kind == FacetKind::FractionDigits) return fraction.size() <= f.number;
      return static_cast<std::size_t>(std::count_if(value.begin(), value.end(), is_digit)) <=
             f.number;
    }
    case FacetKind::MinInclusive:
    case FacetKind::MaxInclusive:
    case FacetKind::MinExclusive:
    case FacetKind::MaxExclusive: {
      if (builtin != Builtin::Decimal && !is_integer_kind(builtin)) return false;
      const auto v = parse_decimal(value, false);
      if (!v) return false;
      const bool inclusive = f.kind == FacetKind::MinInclusive || f.kind == FacetKind::MaxInclusive;
      const bool lower = f.kind == FacetKind::MinInclusive || f.kind == FacetKind::MinExclusive;
      return within(*v, g.text(f.value), lower ? 1 : -1, inclusive);
    }
    case FacetKind::Enumeration:
      for (std::uint32_t i = 0; i < f.enumeration_count; ++i) {
        if (g.text(g.enumerations[f.first_enumeration + i]) == value) return true;
      }
      return false;
  }
  return false;
}

}  // namespace

std::string_view apply_white_space(std::string_view raw, WhiteSpace mode, std::string& buffer) {
  if (mode == WhiteSpace::Preserve) return raw;
  if (mode == WhiteSpace::Replace) {
    if (std::none_of(raw.begin(), raw.end(), [](char c) { return is_space(c) && c != ' '; })) {
      return raw;
    }
    buffer.assign(raw);
    std::replace_if(buffer.begin(), buffer.end(), is_space, ' ');
    return buffer;
  }
  constexpr std::string_view kSpaces = " \t\n\r";
  const auto first = raw.find_first_not_of(kSpaces);
  if (first == std::string_view::npos) return {};
  const std::string_view trimmed = raw.substr(first, raw.find_last_not_of(kSpaces) + 1 - first);
  bool plain = true;
  for (std::size_t i = 0; i < trimmed.size() && plain; ++i) {
    plain = trimmed[i] == ' ' ? trimmed[i + 1] != ' ' : !is_space(trimmed[i]);
  }
  if (plain) return trimmed;
  // Word by word: a base64 attachment is megabytes in lines of 76.
  buffer.clear();
  buffer.reserve(trimmed.size());
  for (std::size_t at = 0; at < trimmed.size();) {
    const std::size_t end = std::min(trimmed.find_first_of(kSpaces, at), trimmed.size());
    if (!buffer.empty()) buffer += ' ';
    buffer.append(trimmed.substr(at, end - at));
    at = std::min(trimmed.find_first_not_of(kSpaces, end), trimmed.size());
  }
  return buffer;
}

bool proven_lexical(Builtin builtin, std::string_view value) {
  switch (builtin) {
    case Builtin::String:
    case Builtin::NormalizedString:
    case Builtin::Token:
      return true;
    case Builtin::NmToken:
      return nmtoken_value(value);
    case Builtin::Language:
      return language_value(value);
    case Builtin::Decimal:
      return parse_decimal(value, false).has_value();
    case Builtin::Boolean:
      return value == "true" || value == "false" || value == "1" || value == "0";
    case Builtin::Date:
      return date_value(value);
    case Builtin::Time:
      return time_value(value);
    case Builtin::DateTime:
      return date_time_value(value);
    case Builtin::Base64Binary:
      return base64_value(value);
    case Builtin::AnyUri:
      return any_uri_value(value);
    case Builtin::Unsupported:
      return false;
    default:
      break;
  }
  if (!is_integer_kind(builtin) || value.find('.') != std::string_view::npos) return false;
  const auto v = parse_decimal(value, false);
  if (!v) return false;
  const Range range = range_of(builtin);
  return (range.min.empty() || within(*v, range.min, 1, true)) &&
         (range.max.empty() || within(*v, range.max, -1, true));
}

bool proven_valid_value(const FastGrammar& grammar, const SimpleType& type, std::string_view raw) {
  // The parser drops texts made only of white space: "" may stand for spaces
  // that a preserving type would count.
  if (raw.empty() && type.white_space != WhiteSpace::Collapse && type.facet_count > 0) return false;
  std::string buffer;
  const std::string_view value = apply_white_space(raw, type.white_space, buffer);
  if (!proven_lexical(type.builtin, value)) return false;
  for (std::uint32_t i = 0; i < type.facet_count; ++i) {
    if (!facet_holds(grammar, type.builtin, grammar.facets[type.first_facet + i], value)) {
      return false;
    }
  }
  return true;
}

}  // namespace cprokit::xsd::fast
