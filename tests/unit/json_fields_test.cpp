// Reading a JSON document into a model after a table of its fields: values
// land with their JSON Pointer, line and column; wrong types (JSON-02),
// unknown fields (JSON-03) and duplicate keys (JSON-04) become findings.
#include "validators/readers/json_fields.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "rules/syntax/syntax_rules.hpp"

using cprokit::Decimal;
using cprokit::Finding;
using cprokit::Flag;
using cprokit::Number;
using cprokit::Severity;
using cprokit::SourcePaths;
using cprokit::SourceRef;
using cprokit::Text;
using cprokit::readers::array_field;
using cprokit::readers::Field;
using cprokit::readers::flag_field;
using cprokit::readers::JsonFields;
using cprokit::readers::number_field;
using cprokit::readers::object_field;
using cprokit::readers::optional_object_field;
using cprokit::readers::Place;
using cprokit::readers::read_object;
using cprokit::readers::text_field;
using cprokit::readers::unchecked_field;
namespace json = cprokit::json;
namespace syntax = cprokit::syntax;

namespace {

// A tiny model: a document with a party, an optional party and lines.
struct Party {
  SourceRef source;
  std::optional<Text> name;
};

struct Line {
  SourceRef source;
  std::optional<Text> label;
  std::optional<Number> amount;
};

struct Doc {
  SourceRef source;
  std::optional<Text> number;
  std::optional<Number> total;
  std::optional<Flag> paid;
  std::optional<Text> odd;  // under the key "a/b~c"
  Party seller;
  std::optional<Party> buyer;
  std::vector<Line> lines;
};

constexpr std::array<Field<Party>, 1> kParty{{
    {"name", text_field<Party, &Party::name>},
}};

constexpr std::array<Field<Line>, 3> kLine{{
    {"label", text_field<Line, &Line::label>},
    {"amount", number_field<Line, &Line::amount>},
    {"note", unchecked_field<Line>},
}};

constexpr std::array<Field<Doc>, 7> kDoc{{
    {"number", text_field<Doc, &Doc::number>},
    {"total", number_field<Doc, &Doc::total>},
    {"paid", flag_field<Doc, &Doc::paid>},
    {"a/b~c", text_field<Doc, &Doc::odd>},
    {"seller", object_field<Doc, Party, &Doc::seller, kParty>},
    {"buyer", optional_object_field<Doc, Party, &Doc::buyer, kParty>},
    {"lines", array_field<Doc, Line, &Doc::lines, kLine>},
}};

constexpr std::string_view kDocFields = "number, total, paid, a/b~c, seller, buyer, lines";

json::Value parsed(std::string_view text) {
  json::ParseResult result = json::parse(text, 64);
  REQUIRE(std::holds_alternative<json::Value>(result));
  return std::get<json::Value>(std::move(result));
}

// `text` read into a Doc; the tree and the paths stay alive with it.
struct Read {
  explicit Read(std::string_view text) : root(parsed(text)) {
    JsonFields fields(paths, findings);
    read_object(fields, Place{root, nullptr}, doc, kDoc);
  }

  json::Value root;
  SourcePaths paths;
  std::vector<Finding> findings;
  Doc doc;
};

// "path@line:column", so that a failure shows all three.
std::string at(const SourceRef& ref) {
  return ref.path() + "@" + std::to_string(ref.line) + ":" + std::to_string(ref.column);
}

std::string at(const Finding& f) {
  return f.rule + " " + f.where.path + "@" + std::to_string(f.where.line) + ":" +
         std::to_string(f.where.column);
}

std::vector<std::string> all(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  out.reserve(findings.size());
  for (const Finding& f : findings)
    out.push_back(at(f));
  std::sort(out.begin(), out.end());
  return out;
}

// The one finding at `path`.
const Finding& at_path(const std::vector<Finding>& findings, std::string_view path) {
  const auto found = std::find_if(findings.begin(), findings.end(),
                                  [path](const Finding& f) { return f.where.path == path; });
  INFO("no finding at " << path);
  REQUIRE(found != findings.end());
  REQUIRE(std::count_if(findings.begin(), findings.end(),
                        [path](const Finding& f) { return f.where.path == path; }) == 1);
  return *found;
}

}  // namespace

TEST_CASE("json fields: values land in the model with their path, line and column",
          "[json][readers]") {
  const Read r(
      "{\n"
      "  \"number\": \"F-001\",\n"
      "  \"total\": 1200.50,\n"
      "  \"paid\": true,\n"
      "  \"seller\": {\"name\": \"ACME\"},\n"
      "  \"lines\": [\n"
      "    {\"label\": \"a\", \"amount\": \"10.00\", \"note\": [1, 2]},\n"
      "    {\"label\": \"b\", \"amount\": 20.5}\n"
      "  ]\n"
      "}");
  CHECK(r.findings.empty());
  CHECK(at(r.doc.source) == "@1:1");

  REQUIRE(r.doc.number);
  CHECK(r.doc.number->value == "F-001");
  CHECK(at(r.doc.number->source) == "/number@2:13");

  REQUIRE(r.doc.total);
  CHECK(r.doc.total->value == *Decimal::parse("1200.50"));
  CHECK(r.doc.total->value.to_string() == "1200.50");
  CHECK(at(r.doc.total->source) == "/total@3:12");

  REQUIRE(r.doc.paid);
  CHECK(r.doc.paid->value);
  CHECK(at(r.doc.paid->source) == "/paid@4:11");

  CHECK(at(r.doc.seller.source) == "/seller@5:13");
  REQUIRE(r.doc.seller.name);
  CHECK(r.doc.seller.name->value == "ACME");
  CHECK(at(r.doc.seller.name->source) == "/seller/name@5:22");
  CHECK_FALSE(r.doc.buyer);
  CHECK_FALSE(r.doc.odd);

  REQUIRE(r.doc.lines.size() == 2);
  CHECK(at(r.doc.lines[0].source) == "/lines/0@7:5");
  REQUIRE(r.doc.lines[0].label);
  CHECK(r.doc.lines[0].label->value == "a");
  CHECK(at(r.doc.lines[0].label->source) == "/lines/0/label@7:15");
  REQUIRE(r.doc.lines[1].amount);
  CHECK(r.doc.lines[1].amount->value.to_string() == "20.5");
  CHECK(at(r.doc.lines[1].amount->source) == "/lines/1/amount@8:30");
}

TEST_CASE("json fields: a number may come as a string that holds one", "[json][readers]") {
  const Read r(R"({"total": "-1250.50", "lines": [{"amount": "10.00"}]})");
  CHECK(r.findings.empty());
  REQUIRE(r.doc.total);
  CHECK(r.doc.total->value == *Decimal::parse("-1250.50"));
  CHECK(r.doc.total->value.to_string() == "-1250.50");
  CHECK(at(r.doc.total->source) == "/total@1:11");
  REQUIRE(r.doc.lines.size() == 1);
  REQUIRE(r.doc.lines[0].amount);
  CHECK(r.doc.lines[0].amount->value.to_string() == "10.00");
  CHECK(at(r.doc.lines[0].amount->source) == "/lines/0/amount@1:44");
}

TEST_CASE("json fields: a number with an exponent or a string of letters is JSON-02",
          "[json][readers]") {
  const Read r(
      "{\"total\": 1e3,\n"
      " \"lines\": [{\"amount\": \"abc\"}, {\"amount\": \"1e3\"}]}");
  CHECK_FALSE(r.doc.total);
  REQUIRE(r.doc.lines.size() == 2);
  CHECK_FALSE(r.doc.lines[0].amount);
  CHECK_FALSE(r.doc.lines[1].amount);
  CHECK(all(r.findings) == std::vector<std::string>{"JSON-02 /lines/0/amount@2:23",
                                                    "JSON-02 /lines/1/amount@2:42",
                                                    "JSON-02 /total@1:11"});

  const Finding& exponent = at_path(r.findings, "/total");
  CHECK(exponent.rule == syntax::kJsonWrongType);
  CHECK(exponent.severity == Severity::Fatal);
  CHECK(exponent.message.en ==
        "Unexpected type: expected a decimal number without exponent (e.g. 1250.50), found a "
        "number (1e3). The other checks ignore this value.");
  CHECK_THAT(exponent.message.fr, Catch::Contains("trouvé un nombre (1e3)"));

  const Finding& letters = at_path(r.findings, "/lines/0/amount");
  CHECK_THAT(letters.message.en,
             Catch::Contains("expected a decimal number (e.g. 1250.50), found a string (\"abc\")"));
  CHECK_THAT(letters.message.fr, Catch::Contains("trouvé une chaîne (\"abc\")"));
}

TEST_CASE("json fields: a text or a flag of another type is JSON-02", "[json][readers]") {
  const Read r(R"({"number": 12, "paid": "true"})");
  CHECK_FALSE(r.doc.number);
  CHECK_FALSE(r.doc.paid);
  CHECK(all(r.findings) == std::vector<std::string>{"JSON-02 /number@1:12", "JSON-02 /paid@1:24"});
  CHECK_THAT(at_path(r.findings, "/number").message.en,
             Catch::Contains("expected a string, found a number (12)"));
  CHECK_THAT(at_path(r.findings, "/paid").message.en,
             Catch::Contains("expected a boolean, found a string (\"true\")"));
}

TEST_CASE("json fields: a value where an object is expected is JSON-02 and skipped",
          "[json][readers]") {
  const Read r(
      "{\"seller\": \"ACME\", \"buyer\": [1],\n"
      " \"lines\": [\"x\", {\"label\": \"b\"}, 3]}");
  CHECK(all(r.findings) == std::vector<std::string>{"JSON-02 /buyer@1:29", "JSON-02 /lines/0@2:12",
                                                    "JSON-02 /lines/2@2:33",
                                                    "JSON-02 /seller@1:12"});
  CHECK_THAT(at_path(r.findings, "/seller").message.en,
             Catch::Contains("expected an object, found a string (\"ACME\")"));
  CHECK_THAT(at_path(r.findings, "/buyer").message.en,
             Catch::Contains("expected an object, found an array ([…])"));
  CHECK_FALSE(r.doc.seller.name);
  CHECK(r.doc.seller.source.step == nullptr);
  CHECK_FALSE(r.doc.buyer);
  // Only the object among the elements makes a line, with its own index.
  REQUIRE(r.doc.lines.size() == 1);
  REQUIRE(r.doc.lines[0].label);
  CHECK(at(r.doc.lines[0].source) == "/lines/1@2:17");
  CHECK(at(r.doc.lines[0].label->source) == "/lines/1/label@2:27");

  const Read not_an_array(R"({"lines": {"label": "b"}})");
  CHECK(not_an_array.doc.lines.empty());
  CHECK(all(not_an_array.findings) == std::vector<std::string>{"JSON-02 /lines@1:11"});
  CHECK_THAT(not_an_array.findings.at(0).message.en,
             Catch::Contains("expected an array, found an object ({…})"));
}

TEST_CASE("json fields: null reads as absent, with no finding", "[json][readers]") {
  const Read r(
      R"({"number": null, "total": null, "paid": null, "a/b~c": null, "seller": null,
          "buyer": null, "lines": [null, {"label": null, "amount": null}]})");
  CHECK(r.findings.empty());
  CHECK_FALSE(r.doc.number);
  CHECK_FALSE(r.doc.total);
  CHECK_FALSE(r.doc.paid);
  CHECK_FALSE(r.doc.odd);
  CHECK_FALSE(r.doc.seller.name);
  CHECK_FALSE(r.doc.buyer);
  REQUIRE(r.doc.lines.size() == 1);
  CHECK(r.doc.lines[0].source.path() == "/lines/1");
  CHECK_FALSE(r.doc.lines[0].label);
  CHECK_FALSE(r.doc.lines[0].amount);

  const Read no_lines(R"({"lines": null})");
  CHECK(no_lines.findings.empty());
  CHECK(no_lines.doc.lines.empty());
}

TEST_CASE("json fields: an unknown field is JSON-03, with the near name when there is one",
          "[json][readers]") {
  const Read r(
      "{\"TOTAL\": 1,\n"
      " \"totl\": 2,\n"
      " \"tot\": 3,\n"
      " \"xyz\": 4,\n"
      " \"to\": 5,\n"
      " \"lines\": [{\"amout\": 6}]}");
  CHECK_FALSE(r.doc.total);  // a misspelt field is not read
  REQUIRE(r.doc.lines.size() == 1);
  CHECK_FALSE(r.doc.lines[0].amount);
  CHECK(all(r.findings) == std::vector<std::string>{"JSON-03 /TOTAL@1:11",
                                                    "JSON-03 /lines/0/amout@6:22",
                                                    "JSON-03 /to@5:8", "JSON-03 /tot@3:9",
                                                    "JSON-03 /totl@2:10", "JSON-03 /xyz@4:9"});
  for (const Finding& f : r.findings)
    CHECK(f.severity == Severity::Warning);

  SECTION("case ignored, one or two edits: did you mean") {
    CHECK(at_path(r.findings, "/TOTAL").message.en ==
          "Unknown field \"TOTAL\", ignored: did you mean \"total\"?");
    CHECK(at_path(r.findings, "/TOTAL").message.fr ==
          "Champ inconnu « TOTAL », ignoré : vouliez-vous dire « total » ?");
    CHECK(at_path(r.findings, "/totl").message.en ==
          "Unknown field \"totl\", ignored: did you mean \"total\"?");
    CHECK(at_path(r.findings, "/tot").message.en ==
          "Unknown field \"tot\", ignored: did you mean \"total\"?");
    CHECK(at_path(r.findings, "/lines/0/amout").message.en ==
          "Unknown field \"amout\", ignored: did you mean \"amount\"?");
  }
  SECTION("three edits or more: the fields expected") {
    CHECK(at_path(r.findings, "/xyz").message.en ==
          "Unknown field \"xyz\", ignored. Fields expected here: " + std::string(kDocFields) + ".");
    CHECK(at_path(r.findings, "/xyz").message.fr ==
          "Champ inconnu « xyz », ignoré. Champs attendus ici : " + std::string(kDocFields) + ".");
    CHECK(at_path(r.findings, "/to").message.en ==
          "Unknown field \"to\", ignored. Fields expected here: " + std::string(kDocFields) + ".");
  }
}

TEST_CASE("json fields: a key given twice is JSON-04 and the first value is kept",
          "[json][readers]") {
  const Read r(
      "{\"number\": \"A\",\n"
      " \"seller\": {\"name\": \"X\", \"name\": \"Y\"},\n"
      " \"number\": \"B\",\n"
      " \"zz\": 1, \"zz\": 2}");
  REQUIRE(r.doc.number);
  CHECK(r.doc.number->value == "A");
  CHECK(at(r.doc.number->source) == "/number@1:12");
  REQUIRE(r.doc.seller.name);
  CHECK(r.doc.seller.name->value == "X");
  CHECK(at(r.doc.seller.name->source) == "/seller/name@2:21");

  // An unknown key given twice: JSON-03 for the first, JSON-04 for the second.
  CHECK(all(r.findings) == std::vector<std::string>{"JSON-03 /zz@4:8", "JSON-04 /number@3:12",
                                                    "JSON-04 /seller/name@2:34",
                                                    "JSON-04 /zz@4:17"});
  const Finding& twice = at_path(r.findings, "/number");
  CHECK(twice.rule == syntax::kJsonDuplicateKey);
  CHECK(twice.severity == Severity::Fatal);
  CHECK(twice.message.en ==
        "Field \"number\" appears twice in the same object (first at line 1): keep only one.");
  CHECK(twice.message.fr ==
        "Le champ « number » figure deux fois dans le même objet (déjà ligne 1) : gardez-en un "
        "seul.");
  CHECK_THAT(at_path(r.findings, "/seller/name").message.en, Catch::Contains("first at line 2"));
}

TEST_CASE("json fields: '/' and '~' in keys are escaped in the path (RFC 6901)",
          "[json][readers]") {
  const Read r(R"({"a/b~c": "odd", "x/y~z": 1, "~1": 2, "": 3})");
  REQUIRE(r.doc.odd);
  CHECK(r.doc.odd->value == "odd");
  CHECK(at(r.doc.odd->source) == "/a~1b~0c@1:11");
  CHECK(all(r.findings) ==
        std::vector<std::string>{"JSON-03 /@1:43", "JSON-03 /x~1y~0z@1:27", "JSON-03 /~01@1:36"});
}

TEST_CASE("json fields: keys are compared decoded, escapes and all", "[json][readers]") {
  // "n\u0075mber" is "number" written with an escape: the same key, twice.
  const Read r(R"({"number": "A", "n\u0075mber": "B"})");
  REQUIRE(r.doc.number);
  CHECK(r.doc.number->value == "A");
  CHECK(all(r.findings) == std::vector<std::string>{"JSON-04 /number@1:32"});
}
