// XSD validation by the document's guideline (BT-24): a CII of a Factur-X
// profile is judged by that profile's schema, EXTENDED-CTC-FR by CII D22B,
// any other by CII D16B (validators/xsd/grammar_groups.hpp).
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>

#include "rules/syntax/syntax_rules.hpp"
#include "tests/skip.hpp"
#include "tests/unit/scratch.hpp"
#include "validators/pdf/facturx_profile.hpp"
#include "validators/pdf/facturx_writer.hpp"
#include "validators/pipeline.hpp"
#include "validators/xml/safe_xml.hpp"
#include "validators/xsd/grammar_groups.hpp"
#include "validators/xsd/schema_set.hpp"

namespace {

namespace fs = std::filesystem;
using cprokit::Finding;
using cprokit::Syntax;
using cprokit::xsd::group_for;
using cprokit::xsd::kGroups;
using cprokit::xsd::SchemaSet;

constexpr std::string_view kMinimum = "urn:factur-x.eu:1p0:minimum";
constexpr std::string_view kEn16931 = "urn:cen.eu:en16931:2017";
constexpr std::string_view kCtcFr =
    "urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr";

// The group of a CII whose BT-24 is `bt24`, as the pipeline chooses it.
std::size_t group_of_cii(std::string_view bt24) {
  return group_for(Syntax::Cii, cprokit::pdf::profile_of_guideline(bt24));
}

// A CII holding what Factur-X MINIMUM allows, and nothing more unless
// `header_extra` (placed after the document's issue date) or `seller_tax`
// (the seller's tax registration) adds it.
std::string cii(std::string_view bt24, std::string_view header_extra = "",
                std::string_view seller_tax = "") {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
  xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
  xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>)") +
         std::string(bt24) + R"(</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>FM-2026-0042</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20260310</udt:DateTimeString></ram:IssueDateTime>
    )" + std::string(header_extra) +
         R"(
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty>
        <ram:Name>Menuiserie du Drac</ram:Name>
        <ram:PostalTradeAddress><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR32123456789</ram:ID>)" +
         std::string(seller_tax) + R"(</ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>Communauté de Communes de la Matheysine</ram:Name></ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery/>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">20.00</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>120.00</ram:GrandTotalAmount>
        <ram:DuePayableAmount>120.00</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
)";
}

// Allowed by CII D16B, not by Factur-X MINIMUM.
constexpr std::string_view kNote =
    "<ram:IncludedNote><ram:Content>Travaux de mars</ram:Content></ram:IncludedNote>";
// Allowed by CII D22B (the EU's import one-stop shop number), not by D16B.
constexpr std::string_view kIossId = "<ram:IOSSID>IM2500000042</ram:IOSSID>";

// The XSD findings (XSD-01, XSD-02) of `bytes` (XML or PDF) linted with
// `schemas`.
std::vector<Finding> xsd_findings(std::shared_ptr<const SchemaSet> schemas,
                                  const std::string& bytes) {
  cprokit::XsdSetup xsd;
  xsd.schemas = std::move(schemas);
  xsd.found_by = "--schemas";
  cprokit::LintOptions options;
  options.profile = "en16931";
  std::vector<Finding> out;
  for (Finding& f : cprokit::Linter(options, xsd).lint("facture", bytes).findings) {
    if (f.rule == cprokit::syntax::kXsdInvalid || f.rule == cprokit::syntax::kXsdUnavailable)
      out.push_back(std::move(f));
  }
  return out;
}

std::string describe(const std::vector<Finding>& findings) {
  std::string text;
  for (const Finding& f : findings)
    text += std::string(f.rule) + " " + f.message.en + "\n";
  return text;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

fs::path real_schema_dir() {
  return CPROKIT_DEFAULT_SCHEMAS;
}

// The real schemas, or null (the test is then skipped) on a clone without
// them or without the Factur-X and D22B schemas.
std::shared_ptr<const SchemaSet> real_schemas() {
  static const std::shared_ptr<const SchemaSet> schemas = []() -> std::shared_ptr<SchemaSet> {
    std::error_code ec;
    if (!fs::exists(real_schema_dir() / cprokit::xsd::kFacturXMinimumXsd, ec) ||
        !fs::exists(real_schema_dir() / cprokit::xsd::kCiiD22bXsd, ec))
      return nullptr;
    return SchemaSet::load(real_schema_dir());
  }();
  return schemas;
}

#define SKIP_WITHOUT_PROFILE_SCHEMAS()                                                     \
  do {                                                                                     \
    if (!real_schemas())                                                                   \
      SKIP_TEST("no Factur-X 1.09 and CII D22B schemas in " + real_schema_dir().string()); \
  } while (false)

// `xml` embedded in a PDF as a Factur-X of the profile its BT-24 names.
std::string facturx(const std::string& xml) {
  std::ifstream in(fs::path(CPROKIT_FIXTURES_DIR) / "invoices/facturx/no-invoice-xml.pdf",
                   std::ios::binary);
  const std::string pdf{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  REQUIRE_FALSE(pdf.empty());
  auto made = cprokit::pdf::make_facturx(xml, pdf, "test.pdf", {});
  REQUIRE(std::holds_alternative<cprokit::pdf::MadeFacturX>(made));
  return std::get<cprokit::pdf::MadeFacturX>(std::move(made)).pdf;
}

void write_file(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  REQUIRE(out.good());
}

// A schema folder with UBL and CII D16B entry points that accept any root
// element of their namespace's name, and none of the optional schemas.
void write_required_schemas_only(const fs::path& dir) {
  const auto any_root = [](std::string_view ns, std::string_view root) {
    return std::string(
               R"(<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace=")") +
           std::string(ns) + R"(" elementFormDefault="qualified"><xs:element name=")" +
           std::string(root) +
           R"("><xs:complexType><xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element></xs:schema>)";
  };
  write_file(dir / cprokit::xsd::kUblInvoiceXsd,
             any_root("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "Invoice"));
  write_file(dir / cprokit::xsd::kUblCreditNoteXsd,
             any_root("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", "CreditNote"));
  write_file(dir / cprokit::xsd::kCiiXsd,
             any_root("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
                      "CrossIndustryInvoice"));
}

}  // namespace

TEST_CASE("xsd profiles: the guideline (BT-24) chooses the CII grammar", "[xsd][profile]") {
  using cprokit::pdf::FacturXProfile;
  using cprokit::pdf::guideline_id;
  CHECK(group_of_cii(kMinimum) == cprokit::xsd::kFacturXMinimumGroup);
  CHECK(group_of_cii(guideline_id(FacturXProfile::BasicWl)) == cprokit::xsd::kFacturXBasicWlGroup);
  CHECK(group_of_cii(guideline_id(FacturXProfile::Basic)) == cprokit::xsd::kFacturXBasicGroup);
  CHECK(group_of_cii(guideline_id(FacturXProfile::Extended)) ==
        cprokit::xsd::kFacturXExtendedGroup);
  CHECK(group_of_cii(kCtcFr) == cprokit::xsd::kCiiD22bGroup);
  // EN 16931, in both spellings, and any other guideline: CII D16B.
  CHECK(group_of_cii(kEn16931) == cprokit::xsd::kCiiGroup);
  CHECK(group_of_cii("urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:en16931") ==
        cprokit::xsd::kCiiGroup);
  CHECK(group_of_cii("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0") ==
        cprokit::xsd::kCiiGroup);
  CHECK(group_for(Syntax::Cii, std::nullopt) == cprokit::xsd::kCiiGroup);
  // Asked for, D22B judges what D16B would, and only that.
  using cprokit::xsd::CiiSchema;
  CHECK(group_for(Syntax::Cii, FacturXProfile::En16931, CiiSchema::D22b) ==
        cprokit::xsd::kCiiD22bGroup);
  CHECK(group_for(Syntax::Cii, std::nullopt, CiiSchema::D22b) == cprokit::xsd::kCiiD22bGroup);
  CHECK(group_for(Syntax::Cii, FacturXProfile::Minimum, CiiSchema::D22b) ==
        cprokit::xsd::kFacturXMinimumGroup);
  CHECK(group_for(Syntax::Ubl, std::nullopt, CiiSchema::D22b) == cprokit::xsd::kUblGroup);
  // A guideline never changes a UBL document's grammar.
  CHECK(group_for(Syntax::Ubl, FacturXProfile::Minimum) == cprokit::xsd::kUblGroup);
  // Each group has its own cache files.
  for (std::size_t i = 0; i < kGroups.size(); ++i) {
    for (std::size_t j = i + 1; j < kGroups.size(); ++j) {
      CHECK(kGroups.at(i).name != kGroups.at(j).name);
      CHECK(kGroups.at(i).fast_name != kGroups.at(j).fast_name);
    }
  }
}

TEST_CASE("xsd profiles: a MINIMUM CII is judged by the MINIMUM schema, an EN 16931 one by D16B",
          "[xsd][profile][shared]") {
  SKIP_WITHOUT_PROFILE_SCHEMAS();
  const auto valid = xsd_findings(real_schemas(), cii(kMinimum));
  INFO(describe(valid));
  CHECK(valid.empty());

  const auto with_note = xsd_findings(real_schemas(), cii(kMinimum, kNote));
  INFO(describe(with_note));
  REQUIRE_FALSE(with_note.empty());
  for (const Finding& f : with_note) {
    CHECK(f.rule == "XSD-01");
    CHECK(contains(f.message.en, "Not valid against the Factur-X 1.09 MINIMUM XSD schema"));
    CHECK(contains(f.message.en, "IncludedNote"));
    CHECK(contains(f.message.fr, "Non conforme au schéma XSD Factur-X 1.09 MINIMUM"));
  }

  // D16B allows the note: the same document under an EN 16931 guideline passes.
  const auto en16931 = xsd_findings(real_schemas(), cii(kEn16931, kNote));
  INFO(describe(en16931));
  CHECK(en16931.empty());
}

TEST_CASE("xsd profiles: the fast path judges a profile's documents with the profile's model",
          "[xsd][profile][shared]") {
  SKIP_WITHOUT_PROFILE_SCHEMAS();
  cprokit::test::TempDir cache;
  const cprokit::test::ScopedEnv cache_dir("CPROKIT_CACHE_DIR", cache.path().string());
  const auto schemas = SchemaSet::load(real_schema_dir());
  const auto proven = [&](const std::string& xml, std::size_t group) {
    std::vector<Finding> findings;
    const auto loaded = cprokit::xml::load(xml, {1 << 20, 64}, findings);
    REQUIRE(loaded);
    return schemas->proven_valid(xml, loaded->doc, cprokit::DocumentKind::Invoice, Syntax::Cii,
                                 group);
  };
  CHECK(proven(cii(kMinimum), cprokit::xsd::kFacturXMinimumGroup));
  CHECK_FALSE(proven(cii(kMinimum, kNote), cprokit::xsd::kFacturXMinimumGroup));
  CHECK(proven(cii(kMinimum, kNote), cprokit::xsd::kCiiGroup));
}

TEST_CASE("xsd profiles: an EXTENDED-CTC-FR CII is judged by CII D22B", "[xsd][profile][shared]") {
  SKIP_WITHOUT_PROFILE_SCHEMAS();
  const auto ctc_fr = xsd_findings(real_schemas(), cii(kCtcFr, kNote, kIossId));
  INFO(describe(ctc_fr));
  CHECK(ctc_fr.empty());

  const auto en16931 = xsd_findings(real_schemas(), cii(kEn16931, kNote, kIossId));
  INFO(describe(en16931));
  REQUIRE_FALSE(en16931.empty());
  CHECK(contains(en16931[0].message.en, "IOSSID"));
  CHECK(contains(en16931[0].message.en, "Not valid against the XSD schema ("));

  const auto bad = xsd_findings(real_schemas(), cii(kCtcFr, "<ram:Unknown/>"));
  INFO(describe(bad));
  REQUIRE_FALSE(bad.empty());
  CHECK(contains(bad[0].message.en, "CII D22B XSD schema"));
}

TEST_CASE("xsd profiles: inside a Factur-X, the XML is judged by its profile's schema too",
          "[xsd][profile][shared]") {
  SKIP_WITHOUT_PROFILE_SCHEMAS();
  // MINIMUM is not read as an invoice (PDF-04), but its schema still judges it.
  CHECK(xsd_findings(real_schemas(), facturx(cii(kMinimum))).empty());
  const auto with_note = xsd_findings(real_schemas(), facturx(cii(kMinimum, kNote)));
  INFO(describe(with_note));
  REQUIRE_FALSE(with_note.empty());
  CHECK(contains(with_note[0].message.en, "Factur-X 1.09 MINIMUM XSD schema"));
  CHECK(with_note[0].where.path.starts_with("factur-x.xml"));

  // An EXTENDED-CTC-FR (made as an EXTENDED) by CII D22B, an EN 16931 by D16B.
  const auto ctc_fr = xsd_findings(real_schemas(), facturx(cii(kCtcFr, kNote, kIossId)));
  INFO(describe(ctc_fr));
  CHECK(ctc_fr.empty());
  const auto en16931 = xsd_findings(real_schemas(), facturx(cii(kEn16931, kNote, kIossId)));
  INFO(describe(en16931));
  REQUIRE_FALSE(en16931.empty());
  CHECK(contains(en16931[0].message.en, "IOSSID"));
}

TEST_CASE("xsd profiles: a folder without a profile's schema says so and where to get it",
          "[xsd][profile]") {
  cprokit::test::TempDir dir;
  write_required_schemas_only(dir.path());
  const std::shared_ptr<const SchemaSet> schemas = SchemaSet::load(dir.path());
  CHECK(schemas->has(cprokit::xsd::kCiiGroup));
  CHECK_FALSE(schemas->has(cprokit::xsd::kFacturXMinimumGroup));
  CHECK_FALSE(schemas->has(cprokit::xsd::kCiiD22bGroup));

  // The document D16B judges is validated as before.
  CHECK(xsd_findings(schemas, cii(kEn16931)).empty());

  const auto missing = xsd_findings(schemas, cii(kMinimum));
  INFO(describe(missing));
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].rule == "XSD-02");
  CHECK(contains(missing[0].message.en, "Factur-X 1.09 MINIMUM"));
  CHECK(contains(missing[0].message.en,
                 (dir.path() / cprokit::xsd::kFacturXMinimumXsd).string() + " is missing"));
  CHECK(contains(missing[0].message.en, "FNFE-MPE"));
  CHECK(contains(missing[0].message.fr, "FNFE-MPE"));

  // Validating against it directly is an error, not a crash.
  CHECK_THROWS_AS(schemas->validate(cii(kMinimum), cprokit::DocumentKind::Invoice, Syntax::Cii,
                                    cprokit::xsd::kFacturXMinimumGroup),
                  cprokit::xsd::SchemaError);
}
