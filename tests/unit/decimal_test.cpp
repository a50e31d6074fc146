#include "rules/model/decimal.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using cprokit::Decimal;
using cprokit::DecimalOverflow;

namespace {

Decimal dec(std::string_view text) {
  std::optional<Decimal> d = Decimal::parse(text);
  INFO("parsing \"" << std::string(text) << "\"");
  REQUIRE(d.has_value());
  return *d;
}

std::string round_str(std::string_view text, int places) {
  return dec(text).round_half_up(places).to_string();
}

std::optional<std::string> from_double_str(double v) {
  std::optional<Decimal> d = Decimal::from_double(v);
  if (!d) return std::nullopt;
  return d->to_string();
}

const std::string k36Nines(36, '9');

}  // namespace

TEST_CASE("Decimal::parse accepts the xs:decimal lexical space", "[decimal]") {
  struct Case {
    std::string_view text;
    std::string_view printed;
    int scale;
  };
  const std::vector<Case> cases = {
      {"5", "5", 0},
      {"-0.50", "-0.50", 2},
      {"+.5", "0.5", 1},
      {"5.", "5", 0},
      {".5", "0.5", 1},
      {"-.001", "-0.001", 3},
      {" 12.50 ", "12.50", 2},
      {"\t\r\n7\n", "7", 0},
      {"10.000", "10.000", 3},
      {"000123.4500", "123.4500", 4},
      {"0.000", "0.000", 3},
      {"-0", "0", 0},
      {"+0.0", "0.0", 1},
      {"123456789012345678901234567890123456", "123456789012345678901234567890123456", 0},
      {"-000000000000123456789012345678901234567890123456", "-123456789012345678901234567890123456",
       0},
      {"123456789012345678.901234567890123456", "123456789012345678.901234567890123456", 18},
      {"0.000000000000000000000000000000000001", "0.000000000000000000000000000000000001", 36},
      {"0.123456789012345678901234567890123456", "0.123456789012345678901234567890123456", 36},
  };
  for (const Case& c : cases) {
    INFO("input \"" << std::string(c.text) << "\"");
    std::optional<Decimal> d = Decimal::parse(c.text);
    REQUIRE(d.has_value());
    CHECK(d->to_string() == c.printed);
    CHECK(d->scale() == c.scale);
  }
}

TEST_CASE("Decimal::parse of negative zero is plain zero", "[decimal]") {
  Decimal z = dec("-0.00");
  CHECK(z.is_zero());
  CHECK_FALSE(z.is_negative());
  CHECK(z.to_string() == "0.00");
}

TEST_CASE("Decimal::parse rejects everything else", "[decimal]") {
  using namespace std::string_view_literals;
  const std::vector<std::string_view> rejected = {
      "",
      " ",
      ".",
      " . ",
      "+",
      "-",
      "+.",
      "1e3",
      "1E3",
      "1,5",
      "--1",
      "+-1",
      "-+1",
      "0x10",
      "1.2.3",
      "1 2",
      "+ 1",
      "12a",
      "a12",
      "\v1",
      "\f1",
      "\xc2\xa0\x31",  // no-break space, then "1"
      "1\0"sv,
      "\xd9\xa1",  // ARABIC-INDIC DIGIT ONE
      "NaN",
      "INF",
      // 37 significant digits
      "1234567890123456789012345678901234567",
      "-1234567890123456789012345678901234567",
      "0.1234567890123456789012345678901234567",
      "1.000000000000000000000000000000000001",
      // scale above 36
      "0.0000000000000000000000000000000000001",
  };
  for (std::string_view text : rejected) {
    INFO("input \"" << std::string(text) << "\"");
    CHECK_FALSE(Decimal::parse(text).has_value());
  }
}

TEST_CASE("Decimal::parse drops only the surplus trailing zeros of an over-long fraction",
          "[decimal]") {
  // 1 followed by 40 zero decimals: 41 digits, so 5 zeros go.
  Decimal d = dec("1.0000000000000000000000000000000000000000");
  CHECK(d == Decimal::from_int(1));
  CHECK(d.scale() == 35);
  // Scale 40 of zero: the fraction is cut to the maximum scale.
  Decimal z = dec("0.0000000000000000000000000000000000000000");
  CHECK(z.is_zero());
  CHECK(z.scale() == 36);
}

TEST_CASE("Decimal::to_string round-trips its canonical text", "[decimal]") {
  for (std::string_view text :
       {"0", "7", "-7", "0.05", "-0.05", "12.50", "10.000", "100", "-123.456", "0.001",
        "999999999999999999999999999999999999", "-0.000000000000000000000000000000000001",
        "1.00000000000000000000000000000000000"}) {
    CHECK(dec(text).to_string() == text);
  }
  CHECK(Decimal().to_string() == "0");
  CHECK(Decimal::from_int(-42).to_string() == "-42");
  CHECK(Decimal::from_int(std::numeric_limits<std::int64_t>::min()).to_string() ==
        "-9223372036854775808");
  CHECK(Decimal::from_int(std::numeric_limits<std::int64_t>::max()).to_string() ==
        "9223372036854775807");
}

TEST_CASE("Decimal addition and subtraction are exact and align scales", "[decimal]") {
  CHECK(dec("0.1") + dec("0.2") == dec("0.3"));
  CHECK((dec("0.1") + dec("0.2")).to_string() == "0.3");
  CHECK((dec("1.50") + dec("2.5")).to_string() == "4.00");
  CHECK((dec("5") - dec("7.25")).to_string() == "-2.25");
  CHECK((dec("-0.10") + dec("0.1")).to_string() == "0.00");
  CHECK((dec("2.50") - dec("2.5")).to_string() == "0.00");
  CHECK((-dec("3.10")).to_string() == "-3.10");

  const Decimal tiny = dec("0.00000000000000000001");  // 1e-20
  const Decimal big = dec("100000");
  Decimal sum = big + tiny;
  CHECK(sum.to_string() == "100000.00000000000000000001");
  CHECK(sum - tiny == big);
  CHECK((sum - tiny).to_string() == "100000.00000000000000000000");
  CHECK((tiny - big).to_string() == "-99999.99999999999999999999");

  Decimal acc = Decimal::from_int(0);
  for (int i = 0; i < 10; ++i)
    acc += dec("0.1");
  CHECK(acc == Decimal::from_int(1));
  acc -= dec("0.25");
  CHECK(acc.to_string() == "0.75");

  // Aligned operands beyond 128 bits whose exact result still fits.
  CHECK((dec("100000000000000000000000000000000000") + dec("1.00000000000000000000000000000000000"))
            .to_string() == "100000000000000000000000000000000001");
  CHECK((dec(k36Nines) - dec(k36Nines)).is_zero());
  CHECK((dec("1") - dec("0.000000000000000000000000000000000001")).to_string() == "0." + k36Nines);
}

TEST_CASE("Decimal multiplication is exact and adds scales", "[decimal]") {
  CHECK((dec("1.5") * dec("2.25")).to_string() == "3.375");
  CHECK((dec("-0.1") * dec("0.1")).to_string() == "-0.01");
  CHECK((dec("-0.5") * dec("-4")).to_string() == "2.0");
  CHECK((dec("2.00") * dec("3.000")).to_string() == "6.00000");
  CHECK((dec("0") * dec("-1.5")).to_string() == "0.0");
  CHECK((dec("-0.00") * dec("1")).to_string() == "0.00");
  CHECK(dec("0.00000000000000000001") * dec("0.0000000001") ==
        dec("0.000000000000000000000000000001"));
  CHECK((dec("19.99") * dec("3")).to_string() == "59.97");
  CHECK(dec("0.1") * dec("0.1") * dec("0.1") == dec("0.001"));

  // Coefficient 10^39 at scale 39 is out of range: trailing zeros of the result go instead.
  Decimal one = dec("1.000000000000000000") * dec("1.000000000000000000000");
  CHECK(one == Decimal::from_int(1));
  CHECK(one.scale() == 35);
  // 2^51 * 5^51 = 10^51 overflows 128 bits, yet the value (1e-15) fits.
  Decimal p =
      dec("0.000000000000002251799813685248") * dec("0.444089209850062616169452667236328125");
  CHECK(p == dec("0.000000000000001"));
  CHECK(p.scale() == 36);
}

TEST_CASE("Decimal arithmetic throws DecimalOverflow beyond 36 digits", "[decimal]") {
  const Decimal max = dec(k36Nines);
  CHECK_THROWS_AS(max + dec("1"), DecimalOverflow);
  CHECK_THROWS_AS(-max - dec("1"), DecimalOverflow);
  CHECK_THROWS_AS(max * dec("10"), DecimalOverflow);
  CHECK_THROWS_AS(max * max, DecimalOverflow);
  CHECK_THROWS_AS(dec("1000000000000000000") * dec("1000000000000000000"), DecimalOverflow);
  CHECK_THROWS_AS(max + dec("0.1"), DecimalOverflow);  // alignment needs 37 digits
  CHECK_THROWS_AS(dec("1") + dec("0.000000000000000000000000000000000001"), DecimalOverflow);
  CHECK_THROWS_AS(dec("0.000000000000000001") * dec("0.0000000000000000001"), DecimalOverflow);
  CHECK_THROWS_AS(dec("1.5").round_half_up(37), DecimalOverflow);
  CHECK_THROWS_AS(max.round_half_up(1), DecimalOverflow);

  CHECK_NOTHROW(max - dec("1"));
  CHECK_NOTHROW(max + -max);
  CHECK((dec("999999999999999999") * dec("1000000000000000001")).to_string() == k36Nines);
  CHECK((dec("0.1") * dec("0.1")).scale() == 2);
}

TEST_CASE("Decimal comparisons are numeric across scales", "[decimal]") {
  CHECK(dec("1.50") == dec("1.5"));
  CHECK(dec("-0") == dec("0"));
  CHECK(dec("0.000") == Decimal());
  CHECK(dec("2.0") <=> dec("2") == std::strong_ordering::equal);
  CHECK(dec("1.5") != dec("1.51"));
  CHECK(dec("1.5") < dec("1.51"));
  CHECK(dec("1.51") > dec("1.5"));
  CHECK(dec("-1.5") < dec("-1.49"));
  CHECK(dec("-1.5") > dec("-1.51"));
  CHECK(dec("10") > dec("9.999"));
  CHECK(dec("-10") < dec("-9.999"));
  CHECK(dec("-0.001") < dec("0"));
  CHECK(dec("0") < dec("0.000000000000000000000000000000000001"));
  CHECK(dec("-5") < dec("0.1"));
  CHECK(dec("0.1") > dec("-5"));
  CHECK(dec("1.10") <= dec("1.1"));
  CHECK(dec("1.10") >= dec("1.1"));
  // Alignment far beyond 128 bits.
  CHECK(dec(k36Nines) > dec("0." + k36Nines));
  CHECK(-dec(k36Nines) < dec("-0." + k36Nines));
  CHECK(dec("123456789012345678901234567890123456") > dec("123456789012345678901234567890.123455"));
}

TEST_CASE("Decimal::round_half_up rounds halves toward +infinity", "[decimal]") {
  struct Case {
    std::string_view text;
    int places;
    std::string_view rounded;
  };
  const std::vector<Case> cases = {
      {"0.125", 2, "0.13"},
      {"-0.125", 2, "-0.12"},
      {"-0.135", 2, "-0.13"},
      {"0.135", 2, "0.14"},
      {"2.5", 0, "3"},
      {"-2.5", 0, "-2"},
      {"-1.5", 0, "-1"},
      {"-0.5", 0, "0"},
      {"1.005", 2, "1.01"},
      {"-1.005", 2, "-1.00"},
      {"0.004999", 2, "0.00"},
      {"-0.004999", 2, "0.00"},
      {"0.005", 2, "0.01"},
      {"-0.005", 2, "0.00"},
      {"-0.0051", 2, "-0.01"},
      {"19.999", 2, "20.00"},
      {"-19.995", 2, "-19.99"},
      {"-19.9951", 2, "-20.00"},
      {"123.456", 1, "123.5"},
      {"5", 2, "5.00"},
      {"1.2", 2, "1.20"},
      {"1.23", 2, "1.23"},
      {"-1.23", 2, "-1.23"},
      {"0.999999999999999999999999999999999999", 2, "1.00"},
      {"-0.000000000000000000000000000000000001", 2, "0.00"},
      {"0.5", 36, "0.500000000000000000000000000000000000"},
      // Negative places round to tens, hundreds, ... as XPath round($x, -n) does.
      {"1249.9", -2, "1200"},
      {"1250", -2, "1300"},
      {"-1250", -2, "-1200"},
      {"5", -3, "0"},
      {"0.5", -40, "0"},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.text) << " round " << c.places);
    CHECK(round_str(c.text, c.places) == c.rounded);
  }
  CHECK(dec("2.675").round_half_up(2).scale() == 2);
  CHECK(Decimal::from_int(7).round_half_up(0).to_string() == "7");
}

TEST_CASE("Decimal::from_double gives the exact binary value when it fits", "[decimal]") {
  CHECK(from_double_str(0.5) == "0.5");
  CHECK(from_double_str(-2.75) == "-2.75");
  CHECK(from_double_str(0.125) == "0.125");
  CHECK(from_double_str(123456789.125) == "123456789.125");
  CHECK(from_double_str(1e20) == "100000000000000000000");
  CHECK(from_double_str(1e35) == "99999999999999996863366107917975552");
  CHECK(from_double_str(2251799813685248.5) == "2251799813685248.5");
  CHECK(from_double_str(0.0) == "0");
  std::optional<Decimal> neg_zero = Decimal::from_double(-0.0);
  REQUIRE(neg_zero.has_value());
  CHECK(neg_zero->is_zero());
  CHECK_FALSE(neg_zero->is_negative());
  CHECK(neg_zero->to_string() == "0");
}

TEST_CASE("Decimal::from_double rounds longer values to 36 digits", "[decimal]") {
  // Exact: 0.1000000000000000055511151231257827021181583404541015625
  CHECK(from_double_str(0.1) == "0.100000000000000005551115123125782702");
  // Exact: 3.000000000000000444089209850062616169452667236328125
  CHECK(from_double_str(3.0000000000000004) == "3.00000000000000044408920985006261617");
  CHECK(from_double_str(0.3) == "0.299999999999999988897769753748434596");
  CHECK(from_double_str(-0.3) == "-0.299999999999999988897769753748434596");
  CHECK(from_double_str(1e-7) == "0.000000099999999999999995474811182589");
  CHECK(from_double_str(std::ldexp(1.0, -60)) == "0.000000000000000000867361737988403547");
  // 2^-37 has 37 decimals ending in 5: a tie, rounded away from zero.
  CHECK(from_double_str(std::ldexp(1.0, -37)) == "0.000000000007275957614183425903320313");
  CHECK(from_double_str(-std::ldexp(1.0, -37)) == "-0.000000000007275957614183425903320313");
  // Below 1e-36 only zeros remain, at the maximum scale.
  CHECK(from_double_str(1e-40) == "0.000000000000000000000000000000000000");
  CHECK(from_double_str(std::numeric_limits<double>::denorm_min()) ==
        "0.000000000000000000000000000000000000");
  CHECK(from_double_str(-1e-40) == "0.000000000000000000000000000000000000");
  // The double 1.005 is just below 1.005, so it rounds down like in Saxon.
  CHECK(from_double_str(1.005) == "1.00499999999999989341858963598497212");
  CHECK(Decimal::from_double(1.005)->round_half_up(2).to_string() == "1.00");
  CHECK(Decimal::from_double(0.125)->round_half_up(2).to_string() == "0.13");
}

TEST_CASE("Decimal::from_double rejects NaN, infinities and huge values", "[decimal]") {
  CHECK_FALSE(Decimal::from_double(std::numeric_limits<double>::quiet_NaN()).has_value());
  CHECK_FALSE(Decimal::from_double(std::numeric_limits<double>::infinity()).has_value());
  CHECK_FALSE(Decimal::from_double(-std::numeric_limits<double>::infinity()).has_value());
  CHECK_FALSE(Decimal::from_double(std::numeric_limits<double>::max()).has_value());
  CHECK_FALSE(Decimal::from_double(1e36).has_value());
  CHECK_FALSE(Decimal::from_double(-1e40).has_value());
}

TEST_CASE("Decimal::to_double is correctly rounded", "[decimal]") {
  CHECK(dec("0.1").to_double() == 0.1);
  CHECK(dec("-2.75").to_double() == -2.75);
  CHECK(dec("0").to_double() == 0.0);
  CHECK_FALSE(std::signbit(dec("-0.0").to_double()));
  for (const char* text :
       {"0.1", "0.3", "1.005", "123456.789", "-2.75", "9007199254740993", "-9007199254740995",
        "0.000000000000000000000000000000000001", "999999999999999999999999999999999999",
        "0.30000000000000000000000000000000001", "2.675", "1.7976931348623157",
        "4503599627370496.5", "-0.000000000000000000000000000000000123"}) {
    INFO(text);
    CHECK(dec(text).to_double() == std::strtod(text, nullptr));
  }
  // Coefficients on both sides of 2^53 and scales on both sides of 22: the
  // fast path (one division) and the exact one must agree with strtod.
  std::uint64_t seed = 0x9E3779B97F4A7C15ULL;
  for (int i = 0; i < 20000; ++i) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::uint64_t coefficient = seed >> (i % 12);  // up to 2^64, often above 2^53
    const int scale = i % 26;
    std::string text = std::to_string(coefficient);
    if (scale > 0) {
      text.insert(0, std::string(static_cast<std::size_t>(scale) + 1, '0'));
      text.insert(text.size() - static_cast<std::size_t>(scale), ".");
    }
    if (i % 3 == 0) text.insert(0, "-");
    INFO(text);
    REQUIRE(dec(text).to_double() == std::strtod(text.c_str(), nullptr));
  }
  for (double x : {0.1, 0.3, 1.0 / 3.0, 3.0000000000000004, -2.75, 1e20, 1e-7, 1.005, 1e35}) {
    INFO(x);
    CHECK(Decimal::from_double(x)->to_double() == x);
  }
}
