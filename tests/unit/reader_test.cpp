// Reader lookups on an element with many children, where the children are
// grouped by name after the first long walk: the answers must be the same as
// walking every child, in document order.
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

constexpr const char* kUri = "urn:test";

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
  CHECK_FALSE(r.child(root, "urn:other", "line"));
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
  CHECK(r.children(root, "urn:other", "note").size() == 1);
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
  CHECK(r.text_of(r.child(root, "urn:other", "LineAmount")).value == "3");
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
