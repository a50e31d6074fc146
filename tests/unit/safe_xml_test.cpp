#include "validators/xml/safe_xml.hpp"

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/syntax/syntax_rules.hpp"

using namespace cprokit;

namespace {

constexpr xml::SafeLimits kLimits{1U << 20U, 200};

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// `depth` nested elements <e>…</e>, each start tag on its own line when `lines`.
std::string nested(std::size_t depth, bool lines) {
  std::string out;
  out.reserve(depth * 8);
  for (std::size_t i = 0; i < depth; ++i) {
    out += "<e>";
    if (lines) out += '\n';
  }
  for (std::size_t i = 0; i < depth; ++i)
    out += "</e>";
  return out;
}

// Loads `text` expecting a refusal with exactly one finding of rule `id`.
Finding refused(std::string_view text, const xml::SafeLimits& limits, std::string_view id) {
  std::vector<Finding> findings;
  std::optional<xml::LoadedXml> loaded = xml::load(text, limits, findings);
  CHECK_FALSE(loaded.has_value());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == id);
  CHECK(findings[0].severity == Severity::Fatal);
  return findings[0];
}

}  // namespace

TEST_CASE("xml::load loads a well-formed document and locates its elements", "[safe_xml]") {
  const std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"  // 1
      "<root>\n"                                      // 2
      "  <a>1</a>\n"                                  // 3
      "  <!-- a comment -->\n"                        // 4
      "  <b\n"                                        // 5
      "     x=\"y\">\n"                               // 6
      "    <c/>\n"                                    // 7
      "  </b>\n"                                      // 8
      "</root>\n";                                    // 9
  std::vector<Finding> findings;
  auto loaded = xml::load(text, kLimits, findings);
  REQUIRE(loaded.has_value());
  CHECK(findings.empty());
  pugi::xml_node root = loaded->doc.document_element();
  REQUIRE(std::string_view(root.name()) == "root");
  CHECK(loaded->line_of(root) == 2);
  CHECK(loaded->line_of(root.child("a")) == 3);
  CHECK(loaded->line_of(root.child("b")) == 5);
  CHECK(loaded->line_of(root.child("b").child("c")) == 7);
  CHECK(std::string_view(root.child("a").child_value()) == "1");
  CHECK(std::string_view(root.child("b").attribute("x").value()) == "y");
  CHECK(loaded->line_starts.size() == 10);  // nine lines, and the empty one after the last \n
  CHECK(loaded->line_starts[1] == text.find("<root>"));
  CHECK_FALSE(loaded->nested_namespace_declarations);
}

TEST_CASE("xml::load finds every line start, wherever the newlines fall", "[safe_xml]") {
  // Lines of every length from 0 to 19 bytes, so that newlines fall at each
  // place of an eight-byte word, runs of them included, and at the very end.
  std::string text = "<r>";
  std::vector<std::uint32_t> expected{0};
  for (std::size_t length = 0; length < 20; ++length) {
    text += std::string(length, 'x') + "\n";
    expected.push_back(static_cast<std::uint32_t>(text.size()));
  }
  text += "</r>\n\n";
  expected.push_back(static_cast<std::uint32_t>(text.size() - 1));
  expected.push_back(static_cast<std::uint32_t>(text.size()));
  std::vector<Finding> findings;
  auto loaded = xml::load(text, kLimits, findings);
  REQUIRE(loaded.has_value());
  CHECK(loaded->line_starts == expected);
}

TEST_CASE("xml::load counts lines after multi-byte characters", "[safe_xml]") {
  const std::string text = "<r>\xC3\xA9\xE2\x82\xAC\n\xC3\xA9\n<x/></r>";
  std::vector<Finding> findings;
  auto loaded = xml::load(text, kLimits, findings);
  REQUIRE(loaded.has_value());
  CHECK(loaded->line_of(loaded->doc.document_element().child("x")) == 3);
}

TEST_CASE("xml::load refuses a document over max_bytes", "[safe_xml]") {
  const std::string text = "<r>" + std::string(94, 'x') + "</r>";  // 101 bytes
  REQUIRE(text.size() == 101);

  SECTION("one byte over") {
    Finding f = refused(text, {100, 200}, syntax::kTooLarge);
    CHECK(f.rule == "XML-03");
    CHECK(contains(f.message.fr, "101 octets"));
    CHECK(contains(f.message.fr, "100 octets"));
    CHECK(contains(f.message.en, "101 bytes"));
    CHECK(contains(f.message.en, "100 bytes"));
  }
  SECTION("exactly at the limit") {
    std::vector<Finding> findings;
    CHECK(xml::load(text, {101, 200}, findings).has_value());
    CHECK(findings.empty());
  }
  SECTION("the size is checked before anything else") {
    // Not even XML: still XML-03 only.
    Finding f = refused(std::string(50, '\xE9'), {10, 200}, syntax::kTooLarge);
    CHECK(contains(f.message.en, "50 bytes"));
  }
}

TEST_CASE("xml::too_large builds the XML-03 finding", "[safe_xml]") {
  Finding f = xml::too_large(30'000'000, 20'971'520);
  CHECK(f.rule == "XML-03");
  CHECK(f.severity == Severity::Fatal);
  CHECK(contains(f.message.en, "30000000 bytes"));
  CHECK(contains(f.message.en, "20971520 bytes"));
  CHECK(contains(f.message.fr, "--max-bytes"));
}

TEST_CASE("xml::load refuses an empty document", "[safe_xml]") {
  const std::string text =
      GENERATE(std::string(""), std::string(" "), std::string("\n"), std::string(" \t\r\n  \n"));
  Finding f = refused(text, kLimits, syntax::kEmpty);
  CHECK(f.rule == "XML-06");
  CHECK(contains(f.message.fr, "vide"));
  CHECK(contains(f.message.en, "empty"));
}

TEST_CASE("xml::load reports malformed XML with line and column", "[safe_xml]") {
  SECTION("mismatched end tag after accented characters") {
    // Line 2 is "  <a>éé</b>": é are two bytes each, but the 'b' is the 10th character.
    Finding f = refused("<root>\n  <a>\xC3\xA9\xC3\xA9</b>\n</root>", kLimits, syntax::kMalformed);
    CHECK(f.rule == "XML-01");
    CHECK(f.where.line == 2);
    CHECK(f.where.column == 10);
    CHECK(contains(f.message.fr, "XML mal formé"));
    CHECK(contains(f.message.en, "Malformed XML"));
    CHECK(contains(f.message.en, "mismatch"));
  }
  SECTION("unquoted attribute value") {
    // Line 3 is "  <a>éé <b x=1/></a>": the value '1' is the 14th character.
    Finding f =
        refused("<?xml version=\"1.0\"?>\n<root>\n  <a>\xC3\xA9\xC3\xA9 <b x=1/></a>\n</root>",
                kLimits, syntax::kMalformed);
    CHECK(f.where.line == 3);
    CHECK(f.where.column == 14);
    CHECK(contains(f.message.en, "attribute"));
  }
  SECTION("no root element") {
    Finding f = refused("<?xml version=\"1.0\"?>\n<!-- nothing -->\n", kLimits, syntax::kMalformed);
    CHECK(f.rule == "XML-01");
  }
}

TEST_CASE("xml::load reports an encoding problem as XML-05", "[safe_xml]") {
  Finding f = refused("<r>\n  <a>\xC3\xA9\xE9</a>\n</r>", kLimits, syntax::kEncoding);
  CHECK(f.rule == "XML-05");
  CHECK(f.where.line == 2);
  CHECK(f.where.column == 7);
  CHECK(contains(f.message.en, "0xE9"));
}

TEST_CASE("xml::load refuses any DOCTYPE without expanding its entities", "[safe_xml]") {
  SECTION("internal subset") {
    Finding f = refused(
        "<?xml version=\"1.0\"?>\n"
        "<!-- invoice -->\n"
        "<!DOCTYPE Invoice [\n"
        "  <!ENTITY company \"ACME\">\n"
        "]>\n"
        "<Invoice>&company;</Invoice>\n",
        kLimits, syntax::kDoctype);
    CHECK(f.rule == "XML-02");
    CHECK(f.where.line == 3);
    CHECK(contains(f.message.fr, "DOCTYPE"));
    CHECK(contains(f.message.en, "DOCTYPE"));
    CHECK_FALSE(contains(f.message.en, "ACME"));
  }
  SECTION("external entity reading a local file") {
    Finding f = refused(
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        "<r>&xxe;</r>\n",
        kLimits, syntax::kDoctype);
    CHECK(f.where.line == 2);
    CHECK_FALSE(contains(f.message.fr, "root:"));
    CHECK_FALSE(contains(f.message.en, "root:"));
  }
  SECTION("billion laughs") {
    std::string text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
      text += " <!ENTITY lol" + std::to_string(i) + " \"";
      const std::string prev = i == 1 ? "lol" : "lol" + std::to_string(i - 1);
      for (int k = 0; k < 10; ++k)
        text += "&" + prev + ";";
      text += "\">\n";
    }
    text += "]>\n<lolz>&lol9;</lolz>\n";
    Finding f = refused(text, kLimits, syntax::kDoctype);
    CHECK(f.where.line == 2);
    CHECK(f.message.en.size() < 300);
  }
  SECTION("DOCTYPE without subset, after the root element") {
    Finding f = refused("<a/>\n<!DOCTYPE a>", kLimits, syntax::kDoctype);
    CHECK(f.where.line == 2);
  }
  SECTION("a DOCTYPE inside an element is malformed") {
    refused("<a><!DOCTYPE a></a>", kLimits, syntax::kMalformed);
  }
}

TEST_CASE("xml::load caps the nesting depth", "[safe_xml]") {
  SECTION("exactly max_depth levels pass") {
    std::vector<Finding> findings;
    auto loaded = xml::load(nested(5, true), {1U << 20U, 5}, findings);
    REQUIRE(loaded.has_value());
    CHECK(findings.empty());
  }
  SECTION("max_depth + 1 levels fail, at the first element too deep") {
    // One start tag per line: the 6th element is on line 6.
    Finding f = refused(nested(6, true), {1U << 20U, 5}, syntax::kTooDeep);
    CHECK(f.rule == "XML-04");
    CHECK(f.where.line == 6);
    CHECK(contains(f.message.fr, "plus de 5 niveaux"));
    CHECK(contains(f.message.en, "more than 5 levels"));
  }
  SECTION("depth is counted along each branch, not over siblings") {
    // Root with 10 children each 3 deep: depth 4 at most.
    std::string text = "<r>";
    for (int i = 0; i < 10; ++i)
      text += "<a><b><c/></b></a>";
    text += "</r>";
    std::vector<Finding> findings;
    CHECK(xml::load(text, {1U << 20U, 4}, findings).has_value());
    CHECK(findings.empty());
    refused(text, {1U << 20U, 3}, syntax::kTooDeep);
  }
  SECTION("a deep branch after a shallow one") {
    const std::string text = "<r>\n<a/>\n<b>\n<c>\n<d/>\n</c>\n</b>\n</r>";
    Finding f = refused(text, {1U << 20U, 3}, syntax::kTooDeep);
    CHECK(f.where.line == 5);  // <d/>, the 4th level
  }
  SECTION("100,000 levels fail cleanly") {
    const std::string text = nested(100'000, false);
    Finding f = refused(text, {1U << 24U, 200}, syntax::kTooDeep);
    CHECK(f.where.line == 1);
    CHECK(contains(f.message.en, "more than 200 levels"));
  }
}

TEST_CASE("xml::load notes possible namespace declarations below the root", "[safe_xml]") {
  SECTION("all declarations on the root") {
    std::vector<Finding> findings;
    auto loaded = xml::load(R"(<r xmlns="urn:a" xmlns:x="urn:x"><x:a><b x:attr="1"/></x:a></r>)",
                            kLimits, findings);
    REQUIRE(loaded.has_value());
    CHECK_FALSE(loaded->nested_namespace_declarations);
  }
  SECTION("a prefixed declaration deeper down") {
    std::vector<Finding> findings;
    auto loaded =
        xml::load(R"(<r xmlns="urn:a"><a><b xmlns:x="urn:x"/></a></r>)", kLimits, findings);
    REQUIRE(loaded.has_value());
    CHECK(loaded->nested_namespace_declarations);
  }
  SECTION("a default namespace declaration on a child") {
    std::vector<Finding> findings;
    auto loaded = xml::load("<r><a xmlns=\"urn:a\"/></r>", kLimits, findings);
    REQUIRE(loaded.has_value());
    CHECK(loaded->nested_namespace_declarations);
  }
  SECTION("a mere mention of xmlns below the root is taken as a possible declaration") {
    // Conservative on purpose: it only sends the readers to the slow path.
    std::vector<Finding> findings;
    auto loaded = xml::load("<r><a>see xmlns</a></r>", kLimits, findings);
    REQUIRE(loaded.has_value());
    CHECK(loaded->nested_namespace_declarations);
  }
  // A text full of x (a base64 attachment) has the attributes asked instead
  // of the bytes searched: the answer is then exact.
  SECTION("after a text full of x, a declaration is found") {
    std::vector<Finding> findings;
    auto loaded = xml::load("<r><a>" + std::string(100'000, 'x') + "</a><b xmlns=\"urn:b\"/></r>",
                            kLimits, findings);
    REQUIRE(loaded.has_value());
    CHECK(loaded->nested_namespace_declarations);
  }
  SECTION("after a text full of x, a mention of xmlns is no declaration") {
    std::vector<Finding> findings;
    auto loaded = xml::load(R"(<r xmlns:x="urn:x"><a>)" + std::string(100'000, 'x') +
                                R"(</a><a>see xmlns:y="urn:y"</a><!-- xmlns="urn:z" -->)"
                                R"(<xmlns a="xmlns"/><b xmlnsy="1" x:xmlns="2"/></r>)",
                            kLimits, findings);
    REQUIRE(loaded.has_value());
    CHECK_FALSE(loaded->nested_namespace_declarations);
  }
}

TEST_CASE("xml::load reads an ISO-8859-1 document as UTF-8", "[safe_xml]") {
  const std::string text =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
      "<r>\n"
      "  <name>Soci\xE9t\xE9 g\xE9n\xE9rale</name>\n"
      "  <city a=\"\xC0 Paris\"/>\n"
      "</r>\n";
  std::vector<Finding> findings;
  auto loaded = xml::load(text, kLimits, findings);
  REQUIRE(loaded.has_value());
  CHECK(findings.empty());
  pugi::xml_node root = loaded->doc.document_element();
  CHECK(std::string_view(root.child("name").child_value()) ==
        "Soci\xC3\xA9t\xC3\xA9 g\xC3\xA9n\xC3\xA9rale");
  CHECK(std::string_view(root.child("city").attribute("a").value()) == "\xC3\x80 Paris");
  CHECK(loaded->line_of(root.child("city")) == 4);
}

TEST_CASE("xml::load line_of answers in any order, near and far", "[safe_xml]") {
  // line_of starts from its previous answer: jumps back and long jumps
  // forward must still give the right line.
  std::string text = "<r>\n";
  for (int i = 1; i <= 50; ++i)
    text += "<e n=\"" + std::to_string(i) + "\"/>\n";
  text += "</r>\n";
  std::vector<Finding> findings;
  auto loaded = xml::load(text, kLimits, findings);
  REQUIRE(loaded.has_value());
  std::vector<pugi::xml_node> elements;
  for (auto e : loaded->doc.document_element().children("e"))
    elements.push_back(e);
  REQUIRE(elements.size() == 50);
  for (int i : {1, 2, 3, 40, 41, 5, 50, 49, 10, 11, 30, 1}) {
    INFO("element " << i);
    CHECK(loaded->line_of(elements[static_cast<std::size_t>(i - 1)]) ==
          static_cast<std::uint32_t>(i + 1));
  }
  CHECK(loaded->line_of(loaded->doc.document_element()) == 1);
}
