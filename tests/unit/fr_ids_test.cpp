// Values the BR-FR tests read as written, white space included
// (Invoice::padded_texts): what the readers keep, how as_written() finds it,
// and the rules that judge it (BR-FR-01/02 on the invoice numbers, BR-FR-03,
// BR-FR-04, BR-FR-23). Their agreement with the FNFE-MPE reference is the
// fixtures' business (fixtures/invoices/fr/rules-*/br-fr-0[12]-*space*,
// *newline*, *tab*).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/engine/engine.hpp"
#include "rules/model/invoice.hpp"
#include "tests/unit/fr_fired.hpp"
#include "validators/readers/readers.hpp"
#include "validators/xml/safe_xml.hpp"

using namespace cprokit;

namespace {

Invoice read_ubl(const std::string& text) {
  std::vector<Finding> findings;
  auto loaded = xml::load(text, {1U << 20U, 200}, findings);
  REQUIRE(loaded);
  return readers::read_ubl(*loaded, DocumentKind::Invoice, findings);
}

Invoice read_cii(const std::string& text) {
  std::vector<Finding> findings;
  auto loaded = xml::load(text, {1U << 20U, 200}, findings);
  REQUIRE(loaded);
  return readers::read_cii(*loaded, DocumentKind::Invoice, findings);
}

std::string ubl_with(std::string_view number, std::string_view type_code,
                     std::string_view address) {
  return "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
         " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
         " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
         "<cbc:ID>" +
         std::string(number) + "</cbc:ID><cbc:InvoiceTypeCode>" + std::string(type_code) +
         "</cbc:InvoiceTypeCode><cbc:Note>\n  a note, read trimmed only\n</cbc:Note>"
         "<cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID=\"0225\">" +
         std::string(address) +
         "</cbc:EndpointID></cac:Party></cac:AccountingSupplierParty></Invoice>";
}

// The ids starting with `prefix` fired on `inv` under fr-ctc.
std::set<std::string> fired(const Invoice& inv, std::string_view prefix) {
  return test::fr_fired(inv, {prefix});
}

// An invoice of `syntax` numbered `trimmed`, written `written` in the document.
Invoice numbered(Syntax syntax, const std::string& trimmed, const std::string& written) {
  auto paths = std::make_shared<SourcePaths>();
  const PathStep* step = paths->parse("/Invoice/cbc:ID");
  Invoice inv;
  inv.paths = paths;
  inv.syntax = syntax;
  inv.kind = DocumentKind::Invoice;
  inv.number = Text{trimmed, {step, 7, 0}};
  if (written != trimmed) inv.padded_texts.push_back({step, written});
  return inv;
}

std::set<std::string> number_rules(const Invoice& inv) {
  std::set<std::string> out = fired(inv, "BR-FR-01_");
  out.merge(fired(inv, "BR-FR-02_"));
  return out;
}

}  // namespace

TEST_CASE("readers keep the padded texts the BR-FR rules read as written, and no other",
          "[fr][ids]") {
  const Invoice plain = read_ubl(ubl_with("F-1", "380", "842153793"));
  CHECK(plain.padded_texts.empty());
  REQUIRE(plain.number);
  CHECK(as_written(plain, plain.number->value, plain.number->source) == "F-1");

  const Invoice padded = read_ubl(ubl_with(" F-1", "380\n", "842153793 "));
  // The number, the type code and the address; not the note, read trimmed only.
  CHECK(padded.padded_texts.size() == 3);
  REQUIRE(padded.number);
  CHECK(padded.number->value == "F-1");
  CHECK(as_written(padded, padded.number->value, padded.number->source) == " F-1");
  REQUIRE(padded.type_code);
  CHECK(as_written(padded, padded.type_code->value, padded.type_code->source) == "380\n");
  REQUIRE(padded.seller.electronic_address);
  const Identifier& address = *padded.seller.electronic_address;
  CHECK(address.value == "842153793");
  CHECK(as_written(padded, address.value, address.source) == "842153793 ");
  REQUIRE(padded.notes.size() == 1);
  CHECK(as_written(padded, padded.notes[0].value, padded.notes[0].source) ==
        "a note, read trimmed only");
}

TEST_CASE("the CII reader keeps a padded invoice number", "[fr][ids]") {
  const Invoice inv = read_cii(
      "<rsm:CrossIndustryInvoice"
      " xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\""
      " xmlns:ram=\"urn:un:unece:uncefact:data:standard:"
      "ReusableAggregateBusinessInformationEntity:100\">"
      "<rsm:ExchangedDocument><ram:ID>\tF-2\t</ram:ID></rsm:ExchangedDocument>"
      "</rsm:CrossIndustryInvoice>");
  REQUIRE(inv.number);
  CHECK(inv.number->value == "F-2");
  CHECK(as_written(inv, inv.number->value, inv.number->source) == "\tF-2\t");
}

TEST_CASE("as_written finds each of many padded texts", "[fr][ids]") {
  auto paths = std::make_shared<SourcePaths>();
  Invoice inv;
  inv.paths = paths;
  std::vector<const PathStep*> steps;
  for (int i = 1; i <= 500; ++i) {
    steps.push_back(paths->parse("/Invoice/cac:InvoiceLine[" + std::to_string(i) + "]/cbc:ID"));
  }
  // Every other one padded, in the order the readers give: by step.
  for (std::size_t i = 0; i < steps.size(); i += 2) {
    inv.padded_texts.push_back({steps[i], " " + std::to_string(i) + " "});
  }
  std::ranges::sort(inv.padded_texts, std::less{}, &WrittenText::step);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string trimmed = std::to_string(i);
    const std::string expected = i % 2 == 0 ? " " + trimmed + " " : trimmed;
    CHECK(as_written(inv, trimmed, {steps[i], 0, 0}) == expected);
  }
  CHECK(as_written(inv, "x", {}) == "x");  // no place: the value
}

TEST_CASE("BR-FR-01/02: the invoice number as written", "[fr][ids]") {
  const std::string n35(35, '7');
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    const bool ubl = syntax == Syntax::Ubl;
    const std::set<std::string> bad_characters =
        ubl ? std::set<std::string>{"BR-FR-01_BT-1-2", "BR-FR-02_BT-1"}
            : std::set<std::string>{"BR-FR-02_BT-1"};
    const std::set<std::string> too_long = {ubl ? "BR-FR-01_BT-1-1" : "BR-FR-01_BT-1"};
    CHECK(number_rules(numbered(syntax, "F-1", "F-1")).empty());
    CHECK(number_rules(numbered(syntax, "F-1", " F-1")) == bad_characters);
    CHECK(number_rules(numbered(syntax, "F-1", "F-1 ")) == bad_characters);
    // A newline or a tab around: normalized away, and no space: accepted.
    CHECK(number_rules(numbered(syntax, "F-1", "\n\tF-1\n")).empty());
    // ... but counted in the length.
    CHECK(number_rules(numbered(syntax, n35, n35)).empty());
    CHECK(number_rules(numbered(syntax, n35, n35 + "\n")) == too_long);
  }
}

TEST_CASE("BR-FR-04 and BR-FR-23 compare the code and the address as written", "[fr][ids]") {
  const Invoice inv = read_ubl(ubl_with("F-1", " 380", " 842153793"));
  CHECK(fired(inv, "BR-FR-04_") == std::set<std::string>{"BR-FR-04_BT-3"});
  CHECK(fired(inv, "BR-FR-23_") == std::set<std::string>{"BR-FR-23_BT-34"});
  const Invoice plain = read_ubl(ubl_with("F-1", "380", "842153793"));
  CHECK(fired(plain, "BR-FR-04_").empty());
  CHECK(fired(plain, "BR-FR-23_").empty());
}

TEST_CASE("a VAT rate with a decimal comma is no number but still judged by BR-FR-16 and -DEC-04",
          "[fr][ids]") {
  const std::string dir = std::string(CPROKIT_FIXTURES_DIR) + "/invoices/fr/";
  for (const bool ubl : {true, false}) {
    INFO((ubl ? "UBL" : "CII"));
    std::ifstream in(dir + (ubl ? "base-ubl.xml" : "base-cii.xml"));
    std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string tag = ubl ? "cbc:Percent>" : "ram:RateApplicablePercent>";
    // The rate 20 of the breakdown and of the first line, written with a comma.
    for (std::size_t at = 0; (at = xml.find(tag + "20<", at)) != std::string::npos;)
      xml.replace(at + tag.size(), 2, "20,0");
    const Invoice inv = ubl ? read_ubl(xml) : read_cii(xml);
    REQUIRE(inv.vat_breakdown.front().rate_unreadable);
    CHECK(inv.vat_breakdown.front().rate_unreadable->value == "20,0");
    CHECK_FALSE(inv.vat_breakdown.front().rate);
    const auto fired = test::fr_fired(inv, {"BR-FR-16_", "BR-FR-DEC-04_"});
    CHECK(fired == std::set<std::string>{"BR-FR-16_BT-119", "BR-FR-16_BT-152",
                                         "BR-FR-DEC-04_BT-119", "BR-FR-DEC-04_BT-152"});
  }
}
