// The parts of the XSD fast path that need no schema: the model's bytes
// (validators/xsd/fast_grammar.*) and the value checks of each built-in
// type (fast_values.*), accepted and refused forms, and the byte scan
// (fast_wellformed.*).
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "validators/xsd/fast_grammar.hpp"
#include "validators/xsd/fast_values.hpp"
#include "validators/xsd/fast_wellformed.hpp"

namespace {

using namespace cprokit::xsd::fast;

// A small model: a root with one child of a decimal type bounded above.
FastGrammar small_model() {
  FastGrammarBuilder b;
  auto& g = b.grammar();
  g.facets.push_back({FacetKind::MaxInclusive, 0, b.intern("100"), 0, 0});
  g.simple_types.push_back({Builtin::Decimal, WhiteSpace::Collapse, 0, 1});
  g.types.push_back({Content::Simple, 1, 0, 0, 0, 0});
  g.elements.push_back({b.intern("urn:x"), b.intern("Amount"), 1});
  g.particles.push_back({0, 1, kUnbounded});
  g.types.push_back({Content::Elements, 0, 0, 1, 0, 0});
  g.elements.push_back({b.intern("urn:x"), b.intern("Root"), 2});
  g.roots.push_back(1);
  return b.take();
}

TEST_CASE("xsd fast model: read back as written, refused when damaged", "[fast]") {
  const FastGrammar model = small_model();
  const std::string bytes = model.to_bytes();
  const auto back = FastGrammar::from_bytes(bytes);
  REQUIRE(back);
  CHECK(back->to_bytes() == bytes);
  REQUIRE(back->root("urn:x", "Root") != nullptr);
  CHECK(back->root("urn:x", "Amount") == nullptr);

  SECTION("truncated, extended, other magic or format") {
    for (std::size_t size = 0; size < bytes.size(); ++size)
      CHECK_FALSE(FastGrammar::from_bytes(bytes.substr(0, size)));
    CHECK_FALSE(FastGrammar::from_bytes(bytes + "x"));
    std::string other = bytes;
    other[0] = 'X';
    CHECK_FALSE(FastGrammar::from_bytes(other));
    other = bytes;
    other[std::string_view("CPROKIT-FAST-XSD\n").size()] ^= 0x7F;  // the format number
    CHECK_FALSE(FastGrammar::from_bytes(other));
  }
  SECTION("an index out of range") {
    FastGrammar broken = small_model();
    broken.particles[0].element = 7;
    CHECK_FALSE(FastGrammar::from_bytes(broken.to_bytes()));
    broken = small_model();
    broken.elements[0].name.size = 1000;
    CHECK_FALSE(FastGrammar::from_bytes(broken.to_bytes()));
    broken = small_model();
    broken.types[1].simple_type = 9;
    CHECK_FALSE(FastGrammar::from_bytes(broken.to_bytes()));
  }
}

void check_forms(Builtin builtin, std::initializer_list<std::string_view> accepted,
                 std::initializer_list<std::string_view> refused) {
  for (const auto value : accepted) {
    INFO("accepted: '" << value << "'");
    CHECK(proven_lexical(builtin, value));
  }
  for (const auto value : refused) {
    INFO("refused: '" << value << "'");
    CHECK_FALSE(proven_lexical(builtin, value));
  }
}

TEST_CASE("xsd fast values: the forms of each built-in type", "[fast]") {
  check_forms(Builtin::Decimal, {"0", "-1", "12.50", "007.0", "-0"},
              {"", "+1", ".5", "5.", "1e3", "1,5", "1.2.3", "- 1", "NaN"});
  check_forms(Builtin::Integer, {"0", "-12", "123456789012345678901234"}, {"1.0", "+1", "", "1a"});
  check_forms(Builtin::NonNegativeInteger, {"0", "5", "-0"}, {"-1"});
  check_forms(Builtin::PositiveInteger, {"1", "0099"}, {"0", "-0", "-1"});
  check_forms(Builtin::NegativeInteger, {"-1"}, {"0"});
  check_forms(Builtin::NonPositiveInteger, {"0", "-5"}, {"1"});
  check_forms(Builtin::Long, {"9223372036854775807", "-9223372036854775808"},
              {"9223372036854775808", "-9223372036854775809"});
  check_forms(Builtin::Int, {"2147483647"}, {"2147483648"});
  check_forms(Builtin::Short, {"-32768"}, {"32768"});
  check_forms(Builtin::Byte, {"127", "-128"}, {"128"});
  check_forms(Builtin::UnsignedLong, {"18446744073709551615"}, {"18446744073709551616", "-1"});
  check_forms(Builtin::UnsignedInt, {"4294967295"}, {"4294967296"});
  check_forms(Builtin::UnsignedShort, {"65535"}, {"65536"});
  check_forms(Builtin::UnsignedByte, {"255"}, {"256"});
  check_forms(Builtin::Boolean, {"true", "false", "1", "0"}, {"TRUE", "yes", ""});
  check_forms(Builtin::Date,
              {"2024-02-29", "2000-02-29", "2024-01-31Z", "2024-12-31+14:00", "2024-06-30-05:30"},
              {"2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
               "2024-1-01", "24-01-01", "0999-01-01", "2024-01-01+15:00", "2024-01-01+14:30",
               "2024-01-01z", "20240101", "-2024-01-01", "12024-01-01"});
  check_forms(Builtin::Time, {"00:00:00", "23:59:59", "12:30:00.5", "08:00:00Z", "08:00:00+01:00"},
              {"24:00:00", "12:60:00", "12:00:60", "12:00", "12:00:00.", "1:00:00"});
  check_forms(Builtin::DateTime, {"2024-01-01T12:00:00", "2024-01-01T12:00:00.123Z"},
              {"2024-01-01", "2024-01-01 12:00:00", "2024-01-01T", "2024-02-30T00:00:00"});
  check_forms(Builtin::Base64Binary, {"AAAA", "QUJD", "QUI=", "QQ==", "QUJD REVG", "Q U J D"},
              {"", "AAA", "A===", "QR==", "QUJ=", "QU=D", "QUJD!", "QUJD  REVG"});
  check_forms(Builtin::AnyUri,
              {"http://example.com/a?b=c#d", "urn:oasis:names:x", "relative/path", "a%20b",
               "mailto:x@example.com"},
              {"", "http://", "a b", "a%2", "a#b#c", "//host/path", "1a:b", "x:", "é"});
  check_forms(Builtin::NmToken, {"abc", "a.b-c_d:e", "123"}, {"", "a b", "é"});
  check_forms(Builtin::Language, {"fr", "en-GB", "zh-Hant-TW", "x-a1"},
              {"", "1a", "fr-", "toolongtag", "fr_FR"});
  check_forms(Builtin::Unsupported, {}, {"", "x"});
}

TEST_CASE("xsd fast values: white space and facets", "[fast]") {
  std::string buffer;
  CHECK(apply_white_space(" a \t b\n", WhiteSpace::Preserve, buffer) == " a \t b\n");
  CHECK(apply_white_space(" a \t b\n", WhiteSpace::Replace, buffer) == " a   b ");
  CHECK(apply_white_space(" a \t b\n", WhiteSpace::Collapse, buffer) == "a b");
  CHECK(apply_white_space("a b", WhiteSpace::Collapse, buffer) == "a b");
  CHECK(apply_white_space("  ", WhiteSpace::Collapse, buffer).empty());

  FastGrammarBuilder b;
  auto& g = b.grammar();
  const auto type_with = [&](Builtin builtin, WhiteSpace ws, Facet facet) {
    const auto first = static_cast<std::uint32_t>(g.facets.size());
    g.facets.push_back(facet);
    return SimpleType{builtin, ws, first, 1};
  };
  const auto number = [](FacetKind kind, std::uint32_t n) { return Facet{kind, n, {}, 0, 0}; };
  const auto bound = [&](FacetKind kind, std::string_view v) {
    return Facet{kind, 0, b.intern(v), 0, 0};
  };

  const SimpleType max3 =
      type_with(Builtin::String, WhiteSpace::Preserve, number(FacetKind::MaxLength, 3));
  CHECK(proven_valid_value(g, max3, "abc"));
  CHECK(proven_valid_value(g, max3, "éèà"));  // characters, not bytes
  CHECK_FALSE(proven_valid_value(g, max3, "abcd"));
  CHECK_FALSE(proven_valid_value(g, max3, " abc"));
  // The parser drops a text of spaces only: "" may be "   ", too long here.
  CHECK_FALSE(proven_valid_value(g, max3, ""));

  const SimpleType min1 =
      type_with(Builtin::Token, WhiteSpace::Collapse, number(FacetKind::MinLength, 1));
  CHECK(proven_valid_value(g, min1, "  a  "));
  CHECK_FALSE(proven_valid_value(g, min1, "   "));
  const SimpleType len2 =
      type_with(Builtin::Token, WhiteSpace::Collapse, number(FacetKind::Length, 2));
  CHECK(proven_valid_value(g, len2, " FR "));
  CHECK_FALSE(proven_valid_value(g, len2, "FRA"));

  const SimpleType digits4 =
      type_with(Builtin::Decimal, WhiteSpace::Collapse, number(FacetKind::TotalDigits, 4));
  CHECK(proven_valid_value(g, digits4, "12.34"));
  CHECK_FALSE(proven_valid_value(g, digits4, "12.345"));
  // Every digit written counts: never fewer than Xerces counts.
  CHECK_FALSE(proven_valid_value(g, digits4, "0012.3"));
  const SimpleType fraction2 =
      type_with(Builtin::Decimal, WhiteSpace::Collapse, number(FacetKind::FractionDigits, 2));
  CHECK(proven_valid_value(g, fraction2, "1.25"));
  CHECK_FALSE(proven_valid_value(g, fraction2, "1.250"));

  const SimpleType at_least_minus1 =
      type_with(Builtin::Decimal, WhiteSpace::Collapse, bound(FacetKind::MinInclusive, "-1"));
  CHECK(proven_valid_value(g, at_least_minus1, "-1.0"));
  CHECK(proven_valid_value(g, at_least_minus1, "0"));
  CHECK_FALSE(proven_valid_value(g, at_least_minus1, "-1.01"));
  const SimpleType below_10 =
      type_with(Builtin::Integer, WhiteSpace::Collapse, bound(FacetKind::MaxExclusive, "10"));
  CHECK(proven_valid_value(g, below_10, "9"));
  CHECK_FALSE(proven_valid_value(g, below_10, "10"));
  const SimpleType above_0 =
      type_with(Builtin::Decimal, WhiteSpace::Collapse, bound(FacetKind::MinExclusive, "0"));
  CHECK(proven_valid_value(g, above_0, "0.001"));
  CHECK_FALSE(proven_valid_value(g, above_0, "-0.0"));
  const SimpleType up_to_5 =
      type_with(Builtin::Decimal, WhiteSpace::Collapse, bound(FacetKind::MaxInclusive, "+5.0"));
  CHECK(proven_valid_value(g, up_to_5, "5"));
  CHECK_FALSE(proven_valid_value(g, up_to_5, "5.0001"));
  // A bound is a decimal only for numbers: on dates it is left to Xerces.
  const SimpleType dated =
      type_with(Builtin::Date, WhiteSpace::Collapse, bound(FacetKind::MinInclusive, "2000-01-01"));
  CHECK_FALSE(proven_valid_value(g, dated, "2024-01-01"));

  const auto first = static_cast<std::uint32_t>(g.enumerations.size());
  g.enumerations.push_back(b.intern("EUR"));
  g.enumerations.push_back(b.intern("USD"));
  const SimpleType currency = type_with(Builtin::Token, WhiteSpace::Collapse,
                                        Facet{FacetKind::Enumeration, 0, {}, first, 2});
  CHECK(proven_valid_value(g, currency, " USD "));
  CHECK_FALSE(proven_valid_value(g, currency, "eur"));
  CHECK_FALSE(proven_valid_value(g, currency, "EUR USD"));
}

TEST_CASE("xsd fast scan: only plain XML is proven", "[fast]") {
  CHECK(proven_plain_xml("<a/>"));
  CHECK(proven_plain_xml("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a b='1'>x</a>"));
  CHECK(
      proven_plain_xml("<?xml version='1.0' standalone='yes'?><a><!-- c --><b/>&lt;&#xE9;</a>\n"));
  for (const std::string_view refused : {
           "<?xml version=\"1.1\"?><a/>",
           R"(<?xml version="1.0" encoding="ISO-8859-1"?><a/>)",
           R"(<?xml version="1.0" encoding="UTF-16"?><a/>)",
           R"(<?xml version="1.0" encoding20.00="UTF-8"?><a/>)",
           R"(<?xml version="1.0" standaloneX="yes"?><a/>)",
           R"(<?xml version="1.0" encoding="UTF-8" standalone.="no"?><a/>)",
           R"(<?xml version="1.0" other="x"?><a/>)",
           " <?xml version=\"1.0\"?><a/>",
           R"(<a b="1" b="2"/>)",
           R"(<a b="1"c="2"/>)",
           R"(<a xmlns:p="x" xmlns:p="y"/>)",
           "<a>\x01</a>",
           "<a>\xEF\xBF\xBE</a>",
           "<a>&#1;</a>",
           "<a>&#10;</a>",
           "<a b=\"&#9;\"/>",
           "<a>&foo;</a>",
           "<a>&amp</a>",
           "<a b=\"<\"/>",
           "<a><![CDATA[x]]></a>",
           "<a>]]></a>",
           "<a><?pi x?></a>",
           "<a><!-- x -- y --></a>",
           "<a><!-- x ---></a>",
           "<a/><b/>",
           "<a/>x",
           "x<a/>",
           "<a></b>",
           "<a>",
           "<1a/>",
           "<a:b:c/>",
           "<a:/>",
           "<é/>",
           "<!DOCTYPE a><a/>",
       }) {
    INFO(refused);
    CHECK_FALSE(proven_plain_xml(refused));
  }
}

}  // namespace
