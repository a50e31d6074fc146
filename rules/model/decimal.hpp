// Exact decimal numbers for amounts, quantities, prices and rates.
//
// EN 16931 amounts are xs:decimal: they must never pass through binary
// floating point, or 0.1 + 0.2 stops being 0.3. A Decimal is a signed
// 128-bit coefficient and a base-10 scale (value = coefficient / 10^scale),
// which holds every amount an invoice can sensibly carry (up to 36
// significant digits) and makes + - * and comparisons exact.
#pragma once

#include <compare>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace cprokit {

class Decimal {
 public:
  __extension__ using Coefficient = __int128;
  static constexpr int kMaxDigits = 36;  // significant digits a Decimal holds

  constexpr Decimal() = default;
  static constexpr Decimal from_int(std::int64_t v) { return Decimal(v, 0); }

  // Parses the xs:decimal lexical form: optional surrounding whitespace,
  // optional sign, digits with at most one '.', at least one digit
  // ("5", "-0.50", "+.5", "5."). No exponent. Returns nullopt on anything
  // else, or beyond kMaxDigits significant digits.
  static std::optional<Decimal> parse(std::string_view text);

  // Exact decimal value of a binary double (every finite double has one),
  // as XPath's cast of xs:double to xs:decimal gives it; values needing more
  // than kMaxDigits digits are rounded half away from zero to fit (at most
  // 36 decimals). nullopt for NaN, infinities and |value| >= 10^36.
  static std::optional<Decimal> from_double(double value);

  // Nearest double (correctly rounded), as XPath casts a number to xs:double.
  double to_double() const;

  // Rounds to `places` decimals, halves toward +infinity: XPath round()
  // semantics, so round(-0.125, 2) is -0.12 and round(0.125, 2) is 0.13.
  // The result has scale `places` (negative places round to tens, hundreds…).
  Decimal round_half_up(int places) const;

  // Arithmetic is exact and keeps the scale (a product's scale is the sum of
  // both). Throws DecimalOverflow when a result needs more than kMaxDigits
  // digits or more than 36 decimals (never for real invoice amounts).
  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  Decimal operator-() const { return Decimal(-coefficient_, scale_); }
  Decimal& operator+=(const Decimal& o) { return *this = *this + o; }
  Decimal& operator-=(const Decimal& o) { return *this = *this - o; }

  // Numeric comparison: 1.50 == 1.5.
  friend bool operator==(const Decimal& a, const Decimal& b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

  bool is_zero() const { return coefficient_ == 0; }
  bool is_negative() const { return coefficient_ < 0; }
  Decimal abs() const { return is_negative() ? -*this : *this; }

  // Digits after the decimal point as written/held (scale): "10.000" has 3.
  int scale() const { return scale_; }

  // Plain notation with exactly scale() decimals: "-12.50", "0.001", "7".
  std::string to_string() const;

 private:
  constexpr Decimal(Coefficient c, int scale) : coefficient_(c), scale_(scale) {}
  Coefficient coefficient_ = 0;
  int scale_ = 0;
};

struct DecimalOverflow : std::exception {
  const char* what() const noexcept override { return "decimal overflow"; }
};

}  // namespace cprokit
