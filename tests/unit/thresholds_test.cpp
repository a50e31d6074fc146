// Every documented limit of the rules and of the lint pipeline, at its edge:
// one case exactly at the limit, accepted, and one just past it, refused, so
// that a limit moved by one, or a <= turned into <, fails a test. Documents
// are the bundled fixtures with one value changed; large ones are made here.
// The limits of the command line and of the mock are pinned in
// tests/cli/thresholds_test.cpp and tests/mock/thresholds_test.cpp.
#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "validators/pipeline.hpp"

using namespace cprokit;

namespace {

constexpr std::size_t kMiB = std::size_t{1024} * 1024;

std::string slurp(const std::string& relative) {
  std::ifstream in(std::filesystem::path(CPROKIT_FIXTURES_DIR) / relative, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// `text` with every `from` replaced by `to` (at least one).
std::string with(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  for (; at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// The rules fired on a document by the linter with its default options but
// `options_change` (no XSD, no directory, no code lists: those rules say
// nothing).
template <typename Change>
std::set<std::string> fired_with(const std::string& bytes, Change options_change,
                                 const std::string& path = "document") {
  XsdSetup no_xsd;
  no_xsd.disabled = true;
  LintOptions options;
  options_change(options);
  std::set<std::string> rules;
  for (const Finding& f : Linter(options, no_xsd).lint(path, bytes).findings)
    rules.insert(f.rule);
  return rules;
}

std::set<std::string> fired(const std::string& bytes, const std::string& path = "document") {
  return fired_with(
      bytes, [](LintOptions&) {}, path);
}

bool fires(const std::string& bytes, const std::string& rule) {
  return fired(bytes).contains(rule);
}

// The XML document made exactly `size` bytes long by a comment before its
// root element.
std::string xml_of_size(const std::string& xml, std::size_t size) {
  const std::string open = "<!--";
  const std::string close = "-->\n";
  const std::size_t filler = size - xml.size() - open.size() - close.size();
  REQUIRE(filler < size);  // no wrap-around: the document is smaller than `size`
  std::string out = xml;
  out.insert(out.find("<Invoice"), open + std::string(filler, 'x') + close);
  REQUIRE(out.size() == size);
  return out;
}

// ---- the account form -------------------------------------------------------

const std::string& account() {
  static const std::string text = slurp("accounts/account-ok.json");
  return text;
}

// The account form with `password` as the password and its confirmation.
std::string account_with_password(const std::string& password) {
  return with(account(), "\"Chêne-EI30-portes\"", "\"" + password + "\"");
}

// ---- the Chorus Pro invoice ---------------------------------------------------

const std::string& chorus_invoice() {
  static const std::string text = slurp("invoices/chorus/invoice-chorus-ok.xml");
  return text;
}

}  // namespace

TEST_CASE("thresholds: ACCT-PWD-01, at least 12 characters of 3 kinds out of 4", "[thresholds]") {
  REQUIRE_FALSE(fires(account(), "ACCT-PWD-01"));
  // Upper case, lower case, digits: 12 characters pass, 11 do not.
  CHECK_FALSE(fires(account_with_password("Abcdefghij12"), "ACCT-PWD-01"));
  CHECK(fires(account_with_password("Abcdefghi12"), "ACCT-PWD-01"));
  // All four kinds do not make up for a character missing.
  CHECK(fires(account_with_password("Abcdefgh1-2"), "ACCT-PWD-01"));
  // Three kinds pass, two do not, at any length.
  CHECK_FALSE(fires(account_with_password("abcdefghij1-"), "ACCT-PWD-01"));
  CHECK(fires(account_with_password("abcdefghij12"), "ACCT-PWD-01"));
  CHECK(fires(account_with_password("abcdefghijklmnopqrstu123456"), "ACCT-PWD-01"));
  // Characters, not bytes: "É" (two bytes) counts as one, and as a special one.
  CHECK_FALSE(fires(account_with_password("Écluse-42abc"), "ACCT-PWD-01"));
  CHECK(fires(account_with_password("Éclus-42abc"), "ACCT-PWD-01"));
}

TEST_CASE("thresholds: ACCT-CP-01, a French postal code of exactly 5 digits", "[thresholds]") {
  REQUIRE_FALSE(fires(account(), "ACCT-CP-01"));  // 38350
  CHECK(fires(with(account(), "\"38350\"", "\"3835\""), "ACCT-CP-01"));
  CHECK(fires(with(account(), "\"38350\"", "\"383500\""), "ACCT-CP-01"));
}

TEST_CASE("thresholds: ACCT-ID-01, an EU VAT number of 2 letters then 2 to 12 characters",
          "[thresholds]") {
  const std::string eu = with(account(), "\"SIRET\"", "\"UE_HORS_FRANCE\"");
  const auto id = [&](const std::string& value) {
    return with(eu, "\"81234567600017\"", "\"" + value + "\"");
  };
  CHECK_FALSE(fires(id("DE12"), "ACCT-ID-01"));
  CHECK(fires(id("DE1"), "ACCT-ID-01"));
  CHECK_FALSE(fires(id("DE123456789012"), "ACCT-ID-01"));
  CHECK(fires(id("DE1234567890123"), "ACCT-ID-01"));
}

TEST_CASE("thresholds: ACCT-EMAIL-01, the lengths of an address and its parts", "[thresholds]") {
  const auto email = [](const std::string& value) {
    return with(account(), "\"helene.ferrand@menuiserie-alpine.fr\"", "\"" + value + "\"");
  };
  // A top-level domain of two letters or more.
  CHECK_FALSE(fires(email("h@alpine.fr"), "ACCT-EMAIL-01"));
  CHECK(fires(email("h@alpine.f"), "ACCT-EMAIL-01"));
  // A local part of 64 characters at most (RFC 5321).
  CHECK_FALSE(fires(email(std::string(64, 'h') + "@alpine.fr"), "ACCT-EMAIL-01"));
  CHECK(fires(email(std::string(65, 'h') + "@alpine.fr"), "ACCT-EMAIL-01"));
  // Labels of 63 characters at most.
  CHECK_FALSE(fires(email("h@" + std::string(63, 'a') + ".fr"), "ACCT-EMAIL-01"));
  CHECK(fires(email("h@" + std::string(64, 'a') + ".fr"), "ACCT-EMAIL-01"));
  // 254 characters in all at most (RFC 5321), the domain taking all but "h@".
  const auto long_address = [](std::size_t last_label) {
    return "h@" + std::string(63, 'a') + "." + std::string(63, 'b') + "." + std::string(63, 'c') +
           "." + std::string(last_label, 'd') + ".fr";
  };
  REQUIRE(long_address(57).size() == 254);
  CHECK_FALSE(fires(email(long_address(57)), "ACCT-EMAIL-01"));
  CHECK(fires(email(long_address(58)), "ACCT-EMAIL-01"));
}

TEST_CASE("thresholds: CPRO-NUM-01, an invoice number of 35 characters at most", "[thresholds]") {
  REQUIRE_FALSE(fires(chorus_invoice(), "CPRO-NUM-01"));
  const auto number = [](std::size_t length) {
    return with(chorus_invoice(), "<cbc:ID>FA-2026-0042</cbc:ID>",
                "<cbc:ID>FA-" + std::string(length - 3, '7') + "</cbc:ID>");
  };
  CHECK_FALSE(fires(number(35), "CPRO-NUM-01"));
  CHECK(fires(number(36), "CPRO-NUM-01"));
}

TEST_CASE("thresholds: CPRO-ENG-02, an engagement number of 50 characters at most",
          "[thresholds]") {
  REQUIRE_FALSE(fires(chorus_invoice(), "CPRO-ENG-02"));
  const auto engagement = [](std::size_t length) {
    return with(chorus_invoice(), "<cbc:ID>BC2026-000123</cbc:ID>",
                "<cbc:ID>BC" + std::string(length - 2, '1') + "</cbc:ID>");
  };
  CHECK_FALSE(fires(engagement(50), "CPRO-ENG-02"));
  CHECK(fires(engagement(51), "CPRO-ENG-02"));
}

TEST_CASE("thresholds: CPRO-SIZE-01, a file of 10 MB = 10 x 1024 x 1024 bytes at most",
          "[thresholds]") {
  const std::set<std::string> at = fired(xml_of_size(chorus_invoice(), 10 * kMiB));
  CHECK_FALSE(at.contains("CPRO-SIZE-01"));
  CHECK_FALSE(at.contains("XML-03"));
  CHECK(fired(xml_of_size(chorus_invoice(), 10 * kMiB + 1)).contains("CPRO-SIZE-01"));
}

TEST_CASE("thresholds: XML-03, an input of 20 MB at most by default (--max-bytes)",
          "[thresholds]") {
  REQUIRE(LintOptions{}.max_bytes == 20 * kMiB);  // what --max-bytes defaults to
  const std::set<std::string> at = fired(xml_of_size(chorus_invoice(), 20 * kMiB));
  CHECK_FALSE(at.contains("XML-03"));
  CHECK(at.contains("CPRO-SIZE-01"));  // read and judged
  CHECK(fired(xml_of_size(chorus_invoice(), 20 * kMiB + 1)) == std::set<std::string>{"XML-03"});
}

TEST_CASE("thresholds: XML-04, 200 levels of elements at most", "[thresholds]") {
  // The root element is the first level.
  const auto nested = [](std::size_t levels) {
    std::string xml = chorus_invoice();
    const std::size_t inner = levels - 1;
    std::string elements;
    for (std::size_t i = 0; i < inner; ++i)
      elements += "<cbc:Note>";
    for (std::size_t i = 0; i < inner; ++i)
      elements += "</cbc:Note>";
    xml.insert(xml.rfind("</Invoice>"), elements);
    return xml;
  };
  CHECK_FALSE(fires(nested(200), "XML-04"));
  CHECK(fires(nested(201), "XML-04"));
}

TEST_CASE("thresholds: JSON-01, 200 levels of nesting at most", "[thresholds]") {
  // The top object is the first level.
  const auto nested = [](std::size_t levels) {
    const std::size_t inner = levels - 1;
    std::string json = account();
    json.insert(json.rfind('}'),
                ",\n  \"x\": " + std::string(inner, '[') + std::string(inner, ']') + "\n");
    return json;
  };
  const std::set<std::string> at = fired(nested(200), "account.json");
  CHECK_FALSE(at.contains("JSON-01"));
  CHECK(at.contains("JSON-03"));  // read: "x" is an unknown field
  CHECK(fired(nested(201), "account.json") == std::set<std::string>{"JSON-01"});
}

TEST_CASE("thresholds: a Factur-X's invoice decompressed up to --max-bytes", "[thresholds]") {
  const std::string pdf = slurp("invoices/facturx/invoice-valid.pdf");
  const std::size_t xml_size = slurp("invoices/cii/invoice-valid.xml").size();
  const auto with_max = [&](std::size_t max_bytes) {
    return fired_with(
        pdf, [&](LintOptions& o) { o.max_bytes = max_bytes; }, "invoice.pdf");
  };
  CHECK_FALSE(with_max(xml_size).contains("XML-03"));
  CHECK(with_max(xml_size - 1).contains("XML-03"));
}
