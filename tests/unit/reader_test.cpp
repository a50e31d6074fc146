// Reader lookups: on an element with many children, grouped by name after the
// first long walk, and on elements with few, listed on the first lookup. The
// answers must be the same as walking every child, in document order.
#include "validators/readers/reader.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "validators/xml/safe_xml.hpp"

using cprokit::Finding;
using cprokit::readers::Element;
using cprokit::readers::Reader;
namespace xml = cprokit::xml;

namespace {

constexpr xml::NamespaceUri kUri{"urn:test"};
constexpr xml::NamespaceUri kOtherUri{"urn:other"};

std::string element(const std::string& name, const std::string& text) {
  return "<" + name + ">" + text + "</" + name + ">";
}

// <r> with 3 notes, 150 lines, 2 more notes, and a total, all in "urn:test".
std::string many_children(const std::string& root_attributes = "") {
  std::string body;
  for (int i = 1; i <= 3; ++i)
    body += element("t:note", "n" + std::to_string(i));
  for (int i = 1; i <= 150; ++i)
    body += element("t:line", "l" + std::to_string(i));
  for (int i = 4; i <= 5; ++i)
    body += element("t:note", "n" + std::to_string(i));
  body += element("t:total", "T");
  return R"(<t:r xmlns:t="urn:test")" + root_attributes + ">" + body + "</t:r>";
}

std::vector<std::string> texts(const Reader& r, const std::vector<Element>& elements) {
  std::vector<std::string> out;
  out.reserve(elements.size());
  for (const Element& e : elements)
    out.push_back(r.text_of(e).value + "@" + r.where(e).path());
  return out;
}

// A document loaded from text, and a Reader on it.
struct Loaded {
  explicit Loaded(const std::string& text) : xml(load(text)), reader(xml, findings) {}

  static xml::LoadedXml load(const std::string& text) {
    std::vector<Finding> load_findings;
    auto loaded = xml::load(text, {1U << 20U, 200}, load_findings);
    REQUIRE(loaded);
    return std::move(*loaded);
  }

  std::vector<Finding> findings;
  xml::LoadedXml xml;
  Reader reader;
};

}  // namespace

TEST_CASE("Reader finds children among many, in document order", "[readers]") {
  Loaded doc(many_children());
  const Reader& r = doc.reader;
  Element root = r.root();

  // The first lookup walks past every line; the next ones use the groups.
  Element total = r.child(root, kUri, "total");
  REQUIRE(total);
  CHECK(r.text_of(total).value == "T");
  CHECK_FALSE(root.groups.empty());

  CHECK(texts(r, r.children(root, kUri, "note")) ==
        std::vector<std::string>{"n1@/t:r/t:note[1]", "n2@/t:r/t:note[2]", "n3@/t:r/t:note[3]",
                                 "n4@/t:r/t:note[4]", "n5@/t:r/t:note[5]"});
  auto lines = r.children(root, kUri, "line");
  REQUIRE(lines.size() == 150);
  CHECK(r.text_of(lines[149]).value == "l150");
  CHECK(r.where(lines[149]).path() == "/t:r/t:line[150]");
  CHECK(r.text_of(r.child(root, kUri, "note")).value == "n1");
  CHECK_FALSE(r.child(root, kUri, "absent"));
  CHECK(r.children(root, kUri, "absent").empty());
  CHECK_FALSE(r.child(root, kOtherUri, "line"));
}

TEST_CASE("Reader keeps document order when two prefixes name one namespace", "[readers]") {
  // u:line and t:line are the same name: the groups cannot tell, every child is walked.
  std::string text = many_children(R"( xmlns:u="urn:test")");
  text.insert(text.find("</t:r>"), "<u:line>l151</u:line>");
  Loaded doc(text);
  const Reader& r = doc.reader;
  Element root = r.root();

  REQUIRE(r.child(root, kUri, "total"));
  auto lines = r.children(root, kUri, "line");
  REQUIRE(lines.size() == 151);
  CHECK(r.text_of(lines[0]).value == "l1");
  CHECK(r.text_of(lines[150]).value == "l151");
  CHECK(r.where(lines[150]).path() == "/t:r/u:line[151]");
}

TEST_CASE("Reader walks every child where prefixes are bound below the root", "[readers]") {
  // The last note binds t to another namespace: it is not a note of urn:test.
  std::string text = many_children();
  text.replace(text.find("<t:note>n5</t:note>"), 19, R"(<t:note xmlns:t="urn:other">n5</t:note>)");
  Loaded doc(text);
  const Reader& r = doc.reader;
  Element root = r.root();

  REQUIRE(r.child(root, kUri, "total"));
  CHECK(root.groups.empty());
  CHECK(r.children(root, kUri, "note").size() == 4);
  CHECK(r.children(root, kOtherUri, "note").size() == 1);
}

TEST_CASE("Reader matches a child by its whole name, not by its length or start", "[readers]") {
  // Siblings of the same length as the name looked for, or sharing its start,
  // or with another prefix of the same length: only the exact name matches.
  Loaded doc(R"(<t:r xmlns:t="urn:test" xmlns:o="urn:other">)"
             "<t:LineTotal>1</t:LineTotal><t:LineTotals>2</t:LineTotals>"
             "<o:LineAmount>3</o:LineAmount><t:LineAmounx>4</t:LineAmounx>"
             "<t:LineAmount>5</t:LineAmount><t:Line>6</t:Line><t:Lin>7</t:Lin></t:r>");
  const Reader& r = doc.reader;
  Element root = r.root();

  CHECK(r.text_of(r.child(root, kUri, "LineAmount")).value == "5");
  CHECK(r.text_of(r.child(root, kOtherUri, "LineAmount")).value == "3");
  CHECK(r.text_of(r.child(root, kUri, "LineTotals")).value == "2");
  CHECK(r.text_of(r.child(root, kUri, "Line")).value == "6");
  CHECK(r.text_of(r.child(root, kUri, "Lin")).value == "7");
  CHECK_FALSE(r.child(root, kUri, "LineAmoun"));
  CHECK_FALSE(r.child(root, kUri, "LineAmountX"));
}

TEST_CASE("Reader matches unprefixed names in the default namespace", "[readers]") {
  Loaded doc(R"(<r xmlns="urn:test"><Amount>1</Amount><Amounts>2</Amounts><Amounx>3</Amounx></r>)");
  const Reader& r = doc.reader;
  Element root = r.root();

  CHECK(r.text_of(r.child(root, kUri, "Amounts")).value == "2");
  CHECK(r.text_of(r.child(root, kUri, "Amounx")).value == "3");
  CHECK(r.text_of(r.child(root, kUri, "Amount")).value == "1");
  CHECK_FALSE(r.child(root, kUri, "t:Amount"));
}

TEST_CASE("Reader lists an element's children once, skipping what is not an element", "[readers]") {
  // Mixed content: the text around the children is kept as nodes of its own.
  Loaded doc(R"(<t:r xmlns:t="urn:test"><t:p>text <t:a>1</t:a> more )"
             R"(<t:b>2</t:b> and <t:a>3</t:a> end</t:p></t:r>)");
  const Reader& r = doc.reader;
  Element root = r.root();
  Element p = r.child(root, kUri, "p");
  REQUIRE(p);

  CHECK(r.text_of(r.child(p, kUri, "b")).value == "2");
  CHECK(p.listed.size == 3);  // the four texts left out
  CHECK(texts(r, r.children(p, kUri, "a")) ==
        std::vector<std::string>{"1@/t:r/t:p/t:a[1]", "3@/t:r/t:p/t:a[2]"});
  CHECK_FALSE(r.child(p, kUri, "c"));
}

TEST_CASE("Reader lists children anew once its listings have started afresh", "[readers]") {
  // 3,000 items of 3 children each: far more children than the listings
  // keep, so the first item's listing is dropped while the others are read.
  std::string body;
  for (int i = 1; i <= 3000; ++i) {
    const std::string n = std::to_string(i);
    body += "<t:item>" + element("t:a", "a" + n) + element("t:b", "b" + n) +
            element("t:b", "c" + n) + "</t:item>";
  }
  Loaded doc(R"(<t:r xmlns:t="urn:test">)" + body + "</t:r>");
  const Reader& r = doc.reader;
  Element root = r.root();
  std::vector<Element> items = r.children(root, kUri, "item");
  REQUIRE(items.size() == 3000);

  CHECK(r.text_of(r.child(items[0], kUri, "a")).value == "a1");
  const std::uint32_t first_generation = items[0].listed.generation;
  for (const Element& item : items) {
    REQUIRE(r.children(item, kUri, "b").size() == 2);
  }
  CHECK(items[0].listed.generation == first_generation);  // not listed again yet

  // Its listing is gone: the lookup lists the children again and still answers right.
  CHECK(texts(r, r.children(items[0], kUri, "b")) ==
        std::vector<std::string>{"b1@/t:r/t:item[1]/t:b[1]", "c1@/t:r/t:item[1]/t:b[2]"});
  CHECK(items[0].listed.generation != first_generation);
  CHECK(r.text_of(r.child(items[2999], kUri, "a")).value == "a3000");
}
