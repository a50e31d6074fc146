// The code-list file loader (validators/codelists) and what the BR-CL rules
// make of the lists it gives: every error names the file and the place, the
// lookups answer exactly, and the comparisons the README documents hold
// (white space trimmed, case counting except for BR-CL-22, BR-CL-24 as
// written). The files are written here: no official list is needed.
#include "validators/codelists/code_list_file.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/en16931/code_lists.hpp"
#include "tests/skip.hpp"
#include "validators/codelists/code_list_scan.hpp"
#include "validators/pipeline.hpp"

using Catch::Matchers::Contains;
using cprokit::Syntax;
using cprokit::codelists::CodeListError;
using cprokit::codelists::load_code_lists;
using cprokit::codelists::parse_code_lists;
using cprokit::codelists::parse_code_lists_strictly;
using cprokit::codelists::scan_code_lists;
using cprokit::en16931::CodeList;
using cprokit::en16931::CodeLists;

namespace {

// Every list id of a syntax but UBL BR-CL-01, and a few codes each.
const std::map<std::string, std::string>& small_lists() {
  static const std::map<std::string, std::string> lists = {
      {"BR-CL-01", R"(["380", "381"])"},
      {"BR-CL-03", R"(["EUR", "USD"])"},
      {"BR-CL-04", R"(["EUR", "USD"])"},
      {"BR-CL-05", R"(["EUR"])"},
      {"BR-CL-06", R"(["5", "29", "72"])"},
      {"BR-CL-07", R"(["AAA"])"},
      {"BR-CL-08", R"(["AAA", "AAB", "AAI"])"},
      {"BR-CL-10", R"(["0088"])"},
      {"BR-CL-11", R"(["0009"])"},
      {"BR-CL-13", R"(["STI"])"},
      {"BR-CL-14", R"(["FR", "DE"])"},
      {"BR-CL-15", R"(["FR"])"},
      {"BR-CL-16", R"(["30", "58"])"},
      {"BR-CL-17", R"(["S", "AE"])"},
      {"BR-CL-18", R"(["S", "AE"])"},
      {"BR-CL-19", R"(["95"])"},
      {"BR-CL-20", R"(["ABK"])"},
      {"BR-CL-21", R"(["0160"])"},
      {"BR-CL-22", R"(["VATEX-EU-AE", "VATEX-EU-IC", "VATEX-EU-O"])"},
      {"BR-CL-23", R"(["C62", "H87"])"},
      {"BR-CL-24", R"(["application/pdf", "image/png"])"},
      {"BR-CL-25", R"(["0009"])"},
      {"BR-CL-26", R"(["0088"])"},
  };
  return lists;
}

// A change to the small file: the list `id` of `syntax` gets the object
// `body` instead of its own, or is left out when `body` is nullopt.
struct Change {
  std::string syntax, id;
  std::optional<std::string> body;
};

// The small file, with `changes` (a list of another id is added); `top` is inserted as the root's
// first members.
std::string lists_json(const std::vector<Change>& changes = {}, std::string_view top = "") {
  std::string out = "{\n" + std::string(top);
  for (const std::string_view syntax : {"ubl", "cii"}) {
    out += syntax == "ubl" ? "" : ",\n";
    out += " \"" + std::string(syntax) + "\": {";
    bool first = true;
    for (const auto& [id, codes] : small_lists()) {
      std::optional<std::string> body;
      if (syntax == "ubl" && id == "BR-CL-01") {
        body = R"({"InvoiceTypeCode": ["380", "389"], "CreditNoteTypeCode": ["381"]})";
      } else {
        body = R"({"context": "for the tests", "codes": )" + codes + "}";
      }
      for (const Change& c : changes) {
        if (c.syntax == syntax && c.id == id) body = c.body;
      }
      if (!body) continue;
      out += (first ? "\n  \"" : ",\n  \"") + id + "\": " + *body;
      first = false;
    }
    for (const Change& c : changes) {  // lists no rule has
      if (c.syntax == syntax && c.body && !small_lists().contains(c.id)) {
        out += ",\n  \"" + c.id + "\": " + *c.body;
      }
    }
    out += "\n }";
  }
  return out + "\n}\n";
}

// The error parsing `json` gives; fails the test when it loads.
CodeListError refusal(const std::string& json) {
  try {
    (void)parse_code_lists(json, "lists.json");
  } catch (const CodeListError& e) {
    return e;
  }
  FAIL("loaded:\n" << json);
  throw std::logic_error("unreachable");
}

// what() and message_fr() both begin with the file and the place.
void names_place(const CodeListError& e, const std::string& where) {
  INFO(e.what() << "\n" << e.message_fr());
  // The root has no pointer to print.
  CHECK(
      std::string_view(e.what()).starts_with("lists.json: " + (where.empty() ? "" : where + ": ")));
  CHECK(e.message_fr().starts_with("lists.json : " + (where.empty() ? "" : where + " : ")));
}

// Whether the verdicts of rule `id` depend on the code lists (BR-CL-*, LIST-01).
bool depends_on_code_lists(const std::string& id) {
  const cprokit::Registry& registry = cprokit::catalogue::builtin();
  const cprokit::Rule* rule = registry.find(id);
  return rule != nullptr && registry.depends_on(*rule).code_lists;
}

// The BR-CL findings (rule, value quoted in the message) of a document
// linted without XSD against `lists`.
std::multiset<std::string> code_findings(const std::string& xml,
                                         std::shared_ptr<const CodeLists> lists) {
  cprokit::XsdSetup no_xsd;
  no_xsd.disabled = true;
  cprokit::LintOptions options;
  options.profile = "en16931";
  options.code_lists = std::move(lists);
  const cprokit::Linter linter(options, no_xsd);
  std::multiset<std::string> out;
  for (const cprokit::Finding& f : linter.lint("test.xml", xml).findings) {
    if (depends_on_code_lists(f.rule)) out.insert(f.rule);
  }
  return out;
}

std::string cii(std::string_view settlement) {
  return std::string(
             R"(<rsm:CrossIndustryInvoice
 xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
 xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
 xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
<rsm:ExchangedDocument><ram:TypeCode>380</ram:TypeCode></rsm:ExchangedDocument>
<rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeSettlement>)") +
         std::string(settlement) +
         "</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction>"
         "</rsm:CrossIndustryInvoice>";
}

std::string ubl(std::string_view body) {
  return std::string(R"(<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>)") +
         std::string(body) + "</Invoice>";
}

// A CII document whose VAT breakdown has the exemption reason code `code`.
std::string exemption(std::string_view code) {
  return cii("<ram:ApplicableTradeTax><ram:ExemptionReasonCode>" + std::string(code) +
             "</ram:ExemptionReasonCode></ram:ApplicableTradeTax>");
}

// The single pass and the strict parser agree on `json`: when the single
// pass reads it, the strict parser reads the same lists; when the strict
// parser refuses it, the single pass leaves it (and the strict parser's
// error is the one reported).
void readers_agree(const std::string& json) {
  const std::optional<CodeLists> fast = scan_code_lists(json);
  try {
    const CodeLists strict = parse_code_lists_strictly(json, "lists.json");
    if (fast) CHECK(*fast == strict);
  } catch (const CodeListError& e) {
    INFO("refused: " << e.what() << "\n" << json);
    CHECK_FALSE(fast);
  }
}

std::shared_ptr<const CodeLists> small() {
  static const auto lists =
      std::make_shared<const CodeLists>(parse_code_lists(lists_json(), "lists.json"));
  return lists;
}

}  // namespace

TEST_CASE("code lists: a minimal file loads and its lookups answer exactly", "[codelists]") {
  const CodeLists lists = parse_code_lists(lists_json(), "lists.json");
  for (Syntax syntax : {Syntax::Ubl, Syntax::Cii}) {
    for (const std::string& name : cprokit::en16931::required_code_lists(syntax)) {
      INFO(name);
      CHECK(lists.find(syntax, name) != nullptr);
    }
  }
  // UBL BR-CL-01: one list per type code element, no list of the rule's name.
  const CodeList* invoice = lists.find(Syntax::Ubl, cprokit::en16931::kUblInvoiceTypeCodes);
  const CodeList* credit_note = lists.find(Syntax::Ubl, cprokit::en16931::kUblCreditNoteTypeCodes);
  REQUIRE(invoice != nullptr);
  REQUIRE(credit_note != nullptr);
  CHECK(invoice->contains("389"));
  CHECK_FALSE(credit_note->contains("389"));
  CHECK(lists.find(Syntax::Ubl, "BR-CL-01") == nullptr);
  CHECK(lists.find(Syntax::Cii, "BR-CL-01") != nullptr);
  CHECK(lists.find(Syntax::Cii, cprokit::en16931::kUblInvoiceTypeCodes) == nullptr);
  // Lists no rule has.
  CHECK(lists.find(Syntax::Cii, "BR-CL-02") == nullptr);
  CHECK(lists.find(Syntax::Ubl, "BR-CL-09") == nullptr);

  const CodeList* currencies = lists.find(Syntax::Cii, "BR-CL-04");
  REQUIRE(currencies != nullptr);
  CHECK(currencies->size() == 2);
  CHECK(currencies->contains("EUR"));
  // The lookup itself is exact: trimming and case are the rules' business.
  CHECK_FALSE(currencies->contains("eur"));
  CHECK_FALSE(currencies->contains(" EUR"));
  CHECK_FALSE(currencies->contains("EU"));
  CHECK_FALSE(currencies->contains(""));
  // The list spelled as the official UBL BR-CL-08 test searches it.
  const CodeList* subjects = lists.find(Syntax::Ubl, "BR-CL-08");
  REQUIRE(subjects != nullptr);
  CHECK(subjects->occurs_in_spelled_list("AAI"));
  CHECK(subjects->occurs_in_spelled_list("A A"));  // AAA then AAB: "… AAA AAB …"
  CHECK_FALSE(subjects->occurs_in_spelled_list("XYZ"));
}

TEST_CASE("code lists: the usual shape is read in one pass, which agrees with the strict parser",
          "[codelists]") {
  const std::string json = lists_json();
  const std::optional<CodeLists> fast = scan_code_lists(json);
  REQUIRE(fast);
  CHECK(*fast == parse_code_lists_strictly(json, "lists.json"));
  SECTION("what the single pass leaves to the strict parser still loads") {
    for (const std::string& other : {
             lists_json({{"cii", "BR-CL-04", R"({"codes": ["\u0045UR"]})"}}),  // an escape
             lists_json({{"cii", "BR-CL-04", R"({"context": "\u00e9t\u00e9", "codes": []})"}}),
             lists_json(
                 {{"cii", "BR-CL-04", "{\"context\": \"\xC3\xA9t\xC3\xA9\", \"codes\": []}"}}),
             "\xEF\xBB\xBF" + json,  // a byte order mark
         }) {
      INFO(other);
      CHECK_FALSE(scan_code_lists(other));
      CHECK(parse_code_lists(other, "lists.json") ==
            parse_code_lists_strictly(other, "lists.json"));
    }
  }
  SECTION("a key given twice, the file otherwise whole, is left to the strict parser") {
    const std::size_t ubl = json.find('{', json.find("\"ubl\"")) + 1;
    const std::string ubl_lists = json.substr(ubl, json.find("\n }") - ubl);
    for (const std::string& twice : {
             json.substr(0, ubl) + R"("BR-CL-03": {"codes": []},)" + json.substr(ubl),
             "{\"ubl\": {" + ubl_lists + "}," + json.substr(1),
             lists_json({{"cii", "BR-CL-04", R"({"codes": [], "codes": []})"}}),
             lists_json({{"cii", "BR-CL-04", R"({"context": "", "codes": [], "context": ""})"}}),
         }) {
      INFO(twice);
      CHECK_FALSE(scan_code_lists(twice));
      CHECK_THROWS_WITH(parse_code_lists(twice, "lists.json"), Contains("twice"));
    }
  }
  SECTION("a byte removed or replaced: the same lists, or the strict parser's error") {
    // Where the file's shapes are: the root, UBL BR-CL-01 and the first
    // list with a context; the start of "cii", its CII BR-CL-01; the end.
    // Every byte would cost seconds, and the rest repeats these.
    const std::size_t cii = json.find("\"cii\"");
    for (const auto& [from, to] : {std::pair<std::size_t, std::size_t>{0, 170},
                                   {cii - 20, cii + 60},
                                   {json.size() - 120, json.size()}}) {
      for (std::size_t i = from; i < to; ++i) {
        readers_agree(json.substr(0, i) + json.substr(i + 1));
        // A replaced digit turns a list id into another's (given twice), a
        // quote or a bracket breaks the syntax, a backslash starts an escape.
        for (const char c : {'1', '3', '"', ']', '}', '\\', ' ', 'x'}) {
          std::string changed = json;
          changed[i] = c;
          readers_agree(changed);
        }
      }
    }
  }
}

TEST_CASE("code lists: a long list finds each of its codes and no other", "[codelists]") {
  std::vector<std::string> codes;
  codes.reserve(5001);
  for (int n = 0; n < 5000; ++n)
    codes.push_back(std::to_string(n * 7));
  codes.emplace_back("0");  // given twice: counted once
  const CodeList list(std::vector<std::string_view>(codes.begin(), codes.end()));
  CHECK(list.size() == 5000);
  int found = 0;
  for (int n = 0; n < 35000; ++n)
    found += list.contains(std::to_string(n)) ? 1 : 0;
  CHECK(found == 5000);
  CHECK(list.contains("34993"));
  CHECK_FALSE(list.contains("34994"));
  CHECK_FALSE(list.contains(""));
  CHECK_FALSE(CodeList({}).contains("0"));
}

TEST_CASE("code lists: the official file, when present, is read in one pass", "[codelists]") {
  const cprokit::DataLookup lookup = cprokit::codelists::find_code_lists(std::nullopt);
  if (!lookup.found) SKIP_TEST("no code list file (CPROKIT_CODELISTS, the build default)");
  std::ifstream in(*lookup.found, std::ios::binary);
  const std::string json{std::istreambuf_iterator<char>(in), {}};
  const std::optional<CodeLists> fast = scan_code_lists(json);
  REQUIRE(fast);
  CHECK(*fast == parse_code_lists_strictly(json, lookup.found->string()));
}

TEST_CASE("code lists: a file loads from disk, or names itself when it cannot be read",
          "[codelists]") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("cprokit-codelist-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "lists.json";
  {
    std::ofstream out(file, std::ios::binary);
    out << lists_json();
  }
  const CodeLists lists = load_code_lists(file);
  CHECK(lists.find(Syntax::Ubl, "BR-CL-23") != nullptr);

  const std::filesystem::path missing = dir / "nonexistent.json";
  try {
    (void)load_code_lists(missing);
    FAIL("a missing file loaded");
  } catch (const CodeListError& e) {
    CHECK_THAT(e.what(), Contains(missing.string()));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("code lists: every error names the file and the place", "[codelists]") {
  SECTION("not JSON: line and column") {
    // The stray comma is line 2, column 10.
    const CodeListError e = refusal("{\n \"ubl\": {,\n \"cii\": {}\n}\n");
    INFO(e.what());
    names_place(e, "line 2, column 10");
    const CodeListError empty = refusal("");
    CHECK_THAT(empty.what(), Contains("lists.json: line 1, column 1"));
  }
  SECTION("a number no double holds (found by fuzz_codelists): not JSON, with its place") {
    const CodeListError e = refusal("{\n \"ubl\": 1e999\n}\n");
    INFO(e.what());
    CHECK_THAT(e.what(), Contains("lists.json: line 2, column"));
    CHECK_THAT(e.what(), Contains("not valid JSON"));
  }
  SECTION("nested deeper than a code list file goes: refused before the tree grows") {
    const std::string deep = R"({"ubl": )" + std::string(100, '[') + std::string(100, ']') + "}";
    const CodeListError e = refusal(deep);
    INFO(e.what());
    CHECK_THAT(e.what(), Contains("lists.json: line 1, column"));
    CHECK_THAT(e.what(), Contains("nested over"));
  }
  SECTION("the root, a syntax, a list that is no object") {
    names_place(refusal("[]"), "");
    names_place(refusal(R"({"ubl": []})"), "/ubl");
    names_place(refusal(lists_json({{"cii", "BR-CL-04", "[\"EUR\"]"}})), "/cii/BR-CL-04");
  }
  SECTION("a syntax or a list missing") {
    // {"ubl": {}}: UBL's lists are missing before CII is looked for.
    names_place(refusal(R"({"ubl": {}})"), "/ubl");
    const CodeListError only_ubl =
        refusal(lists_json().substr(0, lists_json().find(",\n \"cii\"")) + "}");
    CHECK_THAT(only_ubl.what(), Contains("\"cii\""));
    const CodeListError missing = refusal(lists_json({{"cii", "BR-CL-23", std::nullopt}}));
    names_place(missing, "/cii");
    CHECK_THAT(missing.what(), Contains("BR-CL-23"));
    const CodeListError no_type_codes = refusal(lists_json({{"ubl", "BR-CL-01", std::nullopt}}));
    names_place(no_type_codes, "/ubl");
    CHECK_THAT(no_type_codes.what(), Contains("BR-CL-01"));
  }
  SECTION("an array missing or of the wrong type") {
    names_place(refusal(lists_json({{"ubl", "BR-CL-14", R"({"context": "x"})"}})), "/ubl/BR-CL-14");
    names_place(refusal(lists_json({{"ubl", "BR-CL-14", R"({"codes": "FR"})"}})),
                "/ubl/BR-CL-14/codes");
    // UBL BR-CL-01 has its two arrays, no "codes".
    names_place(refusal(lists_json({{"ubl", "BR-CL-01", R"({"codes": ["380"]})"}})),
                "/ubl/BR-CL-01");
    names_place(refusal(lists_json({{"ubl", "BR-CL-01",
                                     R"({"InvoiceTypeCode": ["380"], "CreditNoteTypeCode": 1})"}})),
                "/ubl/BR-CL-01/CreditNoteTypeCode");
    // CII BR-CL-01 has "codes".
    names_place(refusal(lists_json({{"cii", "BR-CL-01", R"({"InvoiceTypeCode": ["380"]})"}})),
                "/cii/BR-CL-01");
  }
  SECTION("a code that is no string, empty or with white space") {
    names_place(refusal(lists_json({{"cii", "BR-CL-16", R"({"codes": ["30", 58]})"}})),
                "/cii/BR-CL-16/codes/1");
    names_place(refusal(lists_json({{"cii", "BR-CL-16", R"({"codes": [""]})"}})),
                "/cii/BR-CL-16/codes/0");
    names_place(refusal(lists_json({{"ubl", "BR-CL-23", R"({"codes": ["C62", " H87"]})"}})),
                "/ubl/BR-CL-23/codes/1");
    names_place(refusal(lists_json({{"ubl", "BR-CL-23", R"({"codes": ["C62\t"]})"}})),
                "/ubl/BR-CL-23/codes/0");
  }
  SECTION("a key given twice in one object, which JSON readers keep the last of") {
    const CodeListError list = refusal(lists_json({}, R"("ubl": {}, )"));
    names_place(list, "/ubl");
    CHECK_THAT(list.what(), Contains("twice"));
    CHECK_THAT(list.message_fr(), Contains("deux fois"));
    names_place(refusal(lists_json({{"ubl", "BR-CL-14", R"({"codes": ["FR"], "codes": ["DE"]})"}})),
                "/ubl/BR-CL-14/codes");
    // The same code twice in one list is no key: harmless, accepted.
    CHECK_NOTHROW(parse_code_lists(lists_json({{"ubl", "BR-CL-14", R"({"codes": ["FR", "FR"]})"}}),
                                   "lists.json"));
  }
  SECTION("an unknown list or field, a context that is no string") {
    names_place(refusal(lists_json({}, R"("extra": {}, )")), "/extra");
    names_place(refusal(lists_json({{"ubl", "BR-CL-02", R"({"codes": ["x"]})"}})), "/ubl/BR-CL-02");
    names_place(refusal(lists_json({{"cii", "BR-CL-26", R"({"codes": ["0088"], "code": []})"}})),
                "/cii/BR-CL-26/code");
    names_place(refusal(lists_json({{"cii", "BR-CL-26", R"({"codes": ["0088"], "context": 1})"}})),
                "/cii/BR-CL-26/context");
  }
}

TEST_CASE("code lists through the rules: trimmed, case counts except BR-CL-22, BR-CL-24 as written",
          "[codelists]") {
  using Found = std::multiset<std::string>;
  // Trimmed of XML white space, compared exactly.
  CHECK(code_findings(cii("<ram:InvoiceCurrencyCode> EUR\n</ram:InvoiceCurrencyCode>"), small())
            .empty());
  CHECK(code_findings(cii("<ram:InvoiceCurrencyCode>eur</ram:InvoiceCurrencyCode>"), small()) ==
        Found{"BR-CL-04"});
  CHECK(code_findings(cii("<ram:InvoiceCurrencyCode>E UR</ram:InvoiceCurrencyCode>"), small()) ==
        Found{"BR-CL-04"});
  CHECK(code_findings(ubl("<cbc:DocumentCurrencyCode>\tUSD </cbc:DocumentCurrencyCode>"), small())
            .empty());
  CHECK(code_findings(ubl("<cbc:DocumentCurrencyCode>Usd</cbc:DocumentCurrencyCode>"), small()) ==
        Found{"BR-CL-04"});

  // BR-CL-22: case ignored, still trimmed.
  CHECK(code_findings(exemption("VATEX-EU-AE"), small()).empty());
  CHECK(code_findings(exemption("vatex-eu-ae"), small()).empty());
  CHECK(code_findings(exemption(" Vatex-EU-o\n"), small()).empty());
  CHECK(code_findings(exemption("VATEX-EU-X"), small()) == Found{"BR-CL-22"});
  CHECK(code_findings(ubl("<cac:TaxTotal><cac:TaxSubtotal><cac:TaxCategory>"
                          "<cbc:TaxExemptionReasonCode>vatex-eu-ae</cbc:TaxExemptionReasonCode>"
                          "</cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>"),
                      small())
            .empty());

  // BR-CL-24: as written, neither trimmed nor case-folded.
  const auto attachment = [](std::string_view mime) {
    return cii(
        R"(<ram:InvoiceReferencedDocument><ram:AttachmentBinaryObject mimeCode=")" +
        std::string(mime) +
        R"(" filename="a">AA==</ram:AttachmentBinaryObject></ram:InvoiceReferencedDocument>)");
  };
  CHECK(code_findings(attachment("application/pdf"), small()).empty());
  CHECK(code_findings(attachment(" application/pdf"), small()) == Found{"BR-CL-24"});
  CHECK(code_findings(attachment("application/pdf "), small()) == Found{"BR-CL-24"});
  CHECK(code_findings(attachment("Application/PDF"), small()) == Found{"BR-CL-24"});
  CHECK(code_findings(ubl("<cac:AdditionalDocumentReference><cbc:ID>1</cbc:ID><cac:Attachment>"
                          "<cbc:EmbeddedDocumentBinaryObject mimeCode=\"IMAGE/PNG\" filename=\"a\">"
                          "AA==</cbc:EmbeddedDocumentBinaryObject></cac:Attachment>"
                          "</cac:AdditionalDocumentReference>"),
                      small()) == Found{"BR-CL-24"});

  // Without lists: no BR-CL finding (LIST-01 is the caller's, see the CLI tests).
  CHECK(code_findings(exemption("VATEX-EU-X"), nullptr).empty());
}

// The official BR-CL-22 test compares upper-case(.), XPath's Unicode
// upper-casing (Saxon: Java's full case mapping), in which U+0131 (dotless
// i) is I, U+017F (long s) S and U+FB06 (ligature st) ST. The official CII
// artefacts pass "vatex-eu-\u0131c" as VATEX-EU-IC.
TEST_CASE("BR-CL-22 upper-cases as XPath does: a dotless i is an I", "[codelists]") {
  CHECK(code_findings(exemption("vatex-eu-\u0131c"), small()).empty());
  // An upper case that is not ASCII stays different from every code.
  CHECK(code_findings(exemption("vatex-eu-\u00EDc"), small()) ==
        std::multiset<std::string>{"BR-CL-22"});
}
