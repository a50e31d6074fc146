#include "rules/model/decimal.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cprokit {
namespace {

__extension__ using U128 = unsigned __int128;
using Coefficient = Decimal::Coefficient;

// Every Decimal keeps |coefficient| < 10^kMaxDigits and 0 <= scale <= kMaxScale, so an
// aligned operand is below 10^72 and a product below 10^72: both fit in 256 bits.
constexpr int kMaxScale = Decimal::kMaxDigits;

constexpr std::array<U128, 39> kPow10 = [] {
  std::array<U128, 39> p{};
  p[0] = 1;
  for (std::size_t i = 1; i < p.size(); ++i)
    p[i] = p[i - 1] * 10;
  return p;
}();

constexpr std::array<U128, kMaxScale + 1> kPow5 = [] {
  std::array<U128, kMaxScale + 1> p{};
  p[0] = 1;
  for (std::size_t i = 1; i < p.size(); ++i)
    p[i] = p[i - 1] * 5;
  return p;
}();

constexpr U128 kLimit = kPow10[Decimal::kMaxDigits];

// Unsigned 256-bit integer, little-endian 64-bit limbs: just enough for exact intermediates.
struct U256 {
  std::array<std::uint64_t, 4> w = {0, 0, 0, 0};

  static U256 from(U128 v) {
    U256 r;
    r.w[0] = static_cast<std::uint64_t>(v);
    r.w[1] = static_cast<std::uint64_t>(v >> 64);
    return r;
  }
  bool fits_u128() const { return w[2] == 0 && w[3] == 0; }
  U128 low() const { return (static_cast<U128>(w[1]) << 64) | w[0]; }
  bool bit(int i) const { return i >= 0 && i < 256 && ((w[i / 64] >> (i % 64)) & 1) != 0; }
};

U256 mul(U128 a, U128 b) {
  const std::array<std::uint64_t, 2> x = {static_cast<std::uint64_t>(a),
                                          static_cast<std::uint64_t>(a >> 64)};
  const std::array<std::uint64_t, 2> y = {static_cast<std::uint64_t>(b),
                                          static_cast<std::uint64_t>(b >> 64)};
  U256 r;
  for (int i = 0; i < 2; ++i) {
    std::uint64_t carry = 0;
    for (int j = 0; j < 2; ++j) {
      U128 t = static_cast<U128>(x[i]) * y[j] + r.w[i + j] + carry;
      r.w[i + j] = static_cast<std::uint64_t>(t);
      carry = static_cast<std::uint64_t>(t >> 64);
    }
    r.w[i + 2] = carry;
  }
  return r;
}

int compare(const U256& a, const U256& b) {
  for (int i = 3; i >= 0; --i) {
    if (a.w[i] != b.w[i]) return a.w[i] < b.w[i] ? -1 : 1;
  }
  return 0;
}

// Callers keep sums far below 2^256.
U256 add(const U256& a, const U256& b) {
  U256 r;
  std::uint64_t carry = 0;
  for (int i = 0; i < 4; ++i) {
    U128 t = static_cast<U128>(a.w[i]) + b.w[i] + carry;
    r.w[i] = static_cast<std::uint64_t>(t);
    carry = static_cast<std::uint64_t>(t >> 64);
  }
  return r;
}

// Requires a >= b.
U256 sub(const U256& a, const U256& b) {
  U256 r;
  std::uint64_t borrow = 0;
  for (int i = 0; i < 4; ++i) {
    std::uint64_t d = a.w[i] - b.w[i];
    std::uint64_t next = (a.w[i] < b.w[i] || d < borrow) ? 1 : 0;
    r.w[i] = d - borrow;
    borrow = next;
  }
  return r;
}

// Divides by 10 in place and returns the remainder.
unsigned div10(U256& a) {
  std::uint64_t rem = 0;
  for (int i = 3; i >= 0; --i) {
    U128 cur = (static_cast<U128>(rem) << 64) | a.w[i];
    a.w[i] = static_cast<std::uint64_t>(cur / 10);
    rem = static_cast<std::uint64_t>(cur % 10);
  }
  return static_cast<unsigned>(rem);
}

U256 shift_right(const U256& a, int k) {
  U256 r;
  if (k >= 256) return r;
  const int limbs = k / 64;
  const int bits = k % 64;
  for (int i = 0; i + limbs < 4; ++i) {
    std::uint64_t v = a.w[i + limbs] >> bits;
    if (bits != 0 && i + limbs + 1 < 4) v |= a.w[i + limbs + 1] << (64 - bits);
    r.w[i] = v;
  }
  return r;
}

U128 magnitude(Coefficient c) {
  return c < 0 ? U128{0} - static_cast<U128>(c) : U128(c);
}

Coefficient with_sign(bool negative, U128 mag) {
  auto c = static_cast<Coefficient>(mag);  // mag < 10^36
  return negative ? -c : c;
}

int digit_count(U128 v) {
  int n = 0;
  while (v != 0) {
    v /= 10;
    ++n;
  }
  return n;
}

struct Raw {
  Coefficient coefficient;
  int scale;
};

// Brings an exact result into range, dropping trailing zeros of its scale only when needed.
std::optional<Raw> fit(bool negative, U256 mag, int scale) {
  const U256 limit = U256::from(kLimit);
  while (scale > kMaxScale || compare(mag, limit) >= 0) {
    if (scale == 0) return std::nullopt;
    U256 q = mag;
    if (div10(q) != 0) return std::nullopt;
    mag = q;
    --scale;
  }
  return Raw{with_sign(negative, mag.low()), scale};
}

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  while (!text.empty() && is_xml_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_xml_space(text.back()))
    text.remove_suffix(1);

  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const std::size_t dot = text.find('.');
  std::string_view int_part = text.substr(0, dot);
  std::string_view frac_part =
      dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (int_part.empty() && frac_part.empty()) return std::nullopt;
  if (!std::all_of(int_part.begin(), int_part.end(), is_digit) ||
      !std::all_of(frac_part.begin(), frac_part.end(), is_digit)) {
    return std::nullopt;
  }

  // Significant digits run from the first non-zero digit to the end; leading zeros are free.
  const std::size_t first_int = int_part.find_first_not_of('0');
  std::size_t significant;
  if (first_int != std::string_view::npos) {
    significant = int_part.size() - first_int + frac_part.size();
  } else {
    const std::size_t first_frac = frac_part.find_first_not_of('0');
    significant = first_frac == std::string_view::npos ? 0 : frac_part.size() - first_frac;
  }
  // Trailing fraction zeros beyond the range change nothing numerically: drop just enough of them.
  while ((frac_part.size() > kMaxScale || significant > kMaxDigits) && !frac_part.empty() &&
         frac_part.back() == '0') {
    frac_part.remove_suffix(1);
    if (significant > 0) --significant;
  }
  if (frac_part.size() > kMaxScale || significant > kMaxDigits) return std::nullopt;

  U128 mag = 0;
  for (char c : int_part)
    mag = mag * 10 + static_cast<unsigned>(c - '0');
  for (char c : frac_part)
    mag = mag * 10 + static_cast<unsigned>(c - '0');
  return Decimal(with_sign(negative, mag), static_cast<int>(frac_part.size()));
}

// Saxon casts xs:double to xs:decimal with Java's new BigDecimal(double), i.e. the exact binary
// value, which is what we return whenever it fits kMaxDigits digits and kMaxScale decimals.
// Otherwise it is rounded half away from zero to the most decimals that fit (36 below 1, at least
// 20 otherwise, as any double with a fraction is below 2^53). That moves x by at most 5e-36 * |x|
// (5e-37 below 1), while a double that is not exactly on a .xx5 boundary lies at least
// ulp(x) / 200 > 5e-19 * |x| away from one. So round_half_up(2) matches Saxon for every double:
// differing would need x within about 1e-30 of such a boundary without being on it.
std::optional<Decimal> Decimal::from_double(double value) {
  const auto bits = std::bit_cast<std::uint64_t>(value);
  const bool negative = (bits >> 63) != 0;
  const int exp_bits = static_cast<int>((bits >> 52) & 0x7ff);
  std::uint64_t m = bits & ((std::uint64_t{1} << 52) - 1);
  if (exp_bits == 0x7ff) return std::nullopt;  // NaN or infinity
  int e = -1074;
  if (exp_bits != 0) {
    m |= std::uint64_t{1} << 52;
    e = exp_bits - 1075;
  }
  if (m == 0) return Decimal();
  const int tz = std::countr_zero(m);
  m >>= tz;
  e += tz;  // value = m * 2^e with m odd

  if (e >= 0) {
    if (std::bit_width(m) + e > 120) return std::nullopt;  // >= 2^120 > 10^36
    const U128 v = static_cast<U128>(m) << e;
    if (v >= kLimit) return std::nullopt;
    return Decimal(with_sign(negative, v), 0);
  }

  // value = m * 5^k / 10^k: exactly k decimals.
  const int k = -e;
  if (k <= kMaxScale) {
    const U256 exact = mul(m, kPow5[k]);
    if (exact.fits_u128() && exact.low() < kLimit) {
      return Decimal(with_sign(negative, exact.low()), k);
    }
  }
  const int int_digits = k < 64 ? digit_count(m >> k) : 0;
  int t = std::min(kMaxScale, kMaxDigits - int_digits);
  const U256 scaled = mul(m, kPow10[t]);  // value * 10^t * 2^k, below 2^173
  U256 q = shift_right(scaled, k);
  if (scaled.bit(k - 1)) q = add(q, U256::from(1));
  U128 coefficient = q.low();
  if (coefficient >= kLimit) {  // rounded up to exactly 10^36
    coefficient /= 10;
    --t;
  }
  return Decimal(with_sign(negative, coefficient), t);
}

double Decimal::to_double() const {
  // Clinger's fast path: a coefficient below 2^53 and a power of ten up to
  // 1e22 are exact doubles, so one IEEE division is correctly rounded, as
  // from_chars is. Amounts nearly always take it.
  constexpr U128 kExactCoefficient = U128{1} << 53U;
  constexpr std::array<double, 23> kExactPow10{1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const U128 mag = magnitude(coefficient_);
  if (mag < kExactCoefficient && scale_ >= 0 && scale_ < static_cast<int>(kExactPow10.size())) {
    const double value = static_cast<double>(mag) / kExactPow10[static_cast<std::size_t>(scale_)];
    return is_negative() ? -value : value;
  }
  const std::string s = to_string();
  double result = 0;
  std::from_chars(s.data(), s.data() + s.size(), result);  // correctly rounded
  return result;
}

Decimal Decimal::round_half_up(int places) const {
  const std::int64_t s = scale_;
  const std::int64_t p = places;
  if (p >= s) {
    if (p > kMaxScale) throw DecimalOverflow();
    const U256 mag = mul(magnitude(coefficient_), kPow10[p - s]);
    if (!mag.fits_u128() || mag.low() >= kLimit) throw DecimalOverflow();
    return Decimal(with_sign(is_negative(), mag.low()), places);
  }
  // floor(c / 10^d + 1/2); with d > 37 the quotient is below 10^-2, so it rounds to 0.
  const std::int64_t d = s - p;
  if (d > 37) return Decimal();  // only reachable with negative places
  const auto divisor = static_cast<Coefficient>(kPow10[d]);
  Coefficient q = coefficient_ / divisor;
  Coefficient r = coefficient_ % divisor;
  if (r < 0) {
    --q;
    r += divisor;
  }
  if (r >= divisor - r) ++q;
  if (p >= 0) return Decimal(q, places);
  // Negative places round to tens, hundreds, ... like XPath round($x, -2); q != 0 implies -p <= 36.
  if (q == 0) return Decimal();
  const U256 mag = mul(magnitude(q), kPow10[-p]);
  if (!mag.fits_u128() || mag.low() >= kLimit) throw DecimalOverflow();
  return Decimal(with_sign(q < 0, mag.low()), 0);
}

namespace {

std::optional<Raw> add_signed(Coefficient a, int a_scale, Coefficient b, int b_scale) {
  const int scale = std::max(a_scale, b_scale);
  const U256 ma = mul(magnitude(a), kPow10[scale - a_scale]);
  const U256 mb = mul(magnitude(b), kPow10[scale - b_scale]);
  const bool na = a < 0;
  const bool nb = b < 0;
  if (na == nb) return fit(na, add(ma, mb), scale);
  if (compare(ma, mb) >= 0) return fit(na, sub(ma, mb), scale);
  return fit(nb, sub(mb, ma), scale);
}

}  // namespace

Decimal operator+(const Decimal& a, const Decimal& b) {
  const auto r = add_signed(a.coefficient_, a.scale_, b.coefficient_, b.scale_);
  if (!r) throw DecimalOverflow();
  return Decimal(r->coefficient, r->scale);
}

Decimal operator-(const Decimal& a, const Decimal& b) {
  const auto r = add_signed(a.coefficient_, a.scale_, -b.coefficient_, b.scale_);
  if (!r) throw DecimalOverflow();
  return Decimal(r->coefficient, r->scale);
}

Decimal operator*(const Decimal& a, const Decimal& b) {
  const bool negative = (a.coefficient_ < 0) != (b.coefficient_ < 0);
  const auto r =
      fit(negative, mul(magnitude(a.coefficient_), magnitude(b.coefficient_)), a.scale_ + b.scale_);
  if (!r) throw DecimalOverflow();
  return Decimal(r->coefficient, r->scale);
}

bool operator==(const Decimal& a, const Decimal& b) {
  return std::is_eq(a <=> b);
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const int sa = a.is_negative() ? -1 : (a.is_zero() ? 0 : 1);
  const int sb = b.is_negative() ? -1 : (b.is_zero() ? 0 : 1);
  if (sa != sb || sa == 0) return sa <=> sb;
  const int scale = std::max(a.scale_, b.scale_);
  const int c = compare(mul(magnitude(a.coefficient_), kPow10[scale - a.scale_]),
                        mul(magnitude(b.coefficient_), kPow10[scale - b.scale_]));
  return (sa < 0 ? -c : c) <=> 0;
}

std::string Decimal::to_string() const {
  U128 mag = magnitude(coefficient_);
  std::string digits;
  while (mag != 0) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(mag % 10)));
    mag /= 10;
  }
  while (digits.size() <= static_cast<std::size_t>(scale_))
    digits.push_back('0');
  std::string out;
  out.reserve(digits.size() + 2);
  if (is_negative()) out.push_back('-');
  const std::size_t int_len = digits.size() - static_cast<std::size_t>(scale_);
  out.append(digits.rbegin(), digits.rbegin() + static_cast<std::ptrdiff_t>(int_len));
  if (scale_ > 0) {
    out.push_back('.');
    out.append(digits.rbegin() + static_cast<std::ptrdiff_t>(int_len), digits.rend());
  }
  return out;
}

}  // namespace cprokit
