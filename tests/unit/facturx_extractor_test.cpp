// The Factur-X extractor on the generated fixtures (fixtures/invoices/facturx,
// made by tests/tools/make_facturx_fixtures.cpp) and on bytes cut or made up
// here.
#include "validators/pdf/facturx_extractor.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <pugixml.hpp>

#include "validators/pdf/facturx_profile.hpp"
#include "validators/pdf/xmp.hpp"

using namespace cprokit;
using namespace cprokit::pdf;

namespace {

std::string slurp(const std::string& relative) {
  std::ifstream in(std::filesystem::path(CPROKIT_FIXTURES_DIR) / relative, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

ExtractError error_of(const std::string& pdf, const ExtractLimits& limits = {}) {
  auto result = extract_facturx(pdf, "test.pdf", limits);
  REQUIRE(std::holds_alternative<ExtractError>(result));
  return std::get<ExtractError>(result);
}

}  // namespace

TEST_CASE("a Factur-X PDF gives back the very bytes of its CII and the level of its XMP",
          "[facturx]") {
  auto result = extract_facturx(slurp("invoices/facturx/invoice-valid.pdf"), "test.pdf");
  REQUIRE(std::holds_alternative<FacturX>(result));
  const FacturX& fx = std::get<FacturX>(result);
  CHECK(fx.name == "factur-x.xml");
  CHECK(fx.xml == slurp("invoices/cii/invoice-valid.xml"));
  CHECK(fx.xmp.conformance_level == "EN 16931");
}

TEST_CASE("an older ZUGFeRD name is found without XMP", "[facturx]") {
  auto result = extract_facturx(slurp("invoices/facturx/credit-note-zugferd-name.pdf"), "t.pdf");
  REQUIRE(std::holds_alternative<FacturX>(result));
  CHECK(std::get<FacturX>(result).name == "ZUGFeRD-invoice.xml");
  CHECK_FALSE(std::get<FacturX>(result).has_xmp);
}

TEST_CASE("a PDF with no invoice XML names the files it has", "[facturx]") {
  const ExtractError e = error_of(slurp("invoices/facturx/no-invoice-xml.pdf"));
  CHECK(e.problem == Problem::NoInvoice);
  CHECK(e.names == std::vector<std::string>{"notes.txt"});
}

TEST_CASE("two invoice XMLs are ambiguous unless the XMP names one", "[facturx]") {
  const ExtractError e = error_of(slurp("invoices/facturx/two-invoice-xmls.pdf"));
  CHECK(e.problem == Problem::SeveralXmls);
  CHECK(e.names == std::vector<std::string>{"factur-x.xml", "xrechnung.xml"});

  auto named = extract_facturx(slurp("invoices/facturx/two-xmls-named-ok.pdf"), "t.pdf");
  REQUIRE(std::holds_alternative<FacturX>(named));
  CHECK(std::get<FacturX>(named).xml == slurp("invoices/cii/invoice-valid.xml"));
}

TEST_CASE("an encrypted PDF is told apart from a damaged one", "[facturx]") {
  CHECK(error_of(slurp("invoices/facturx/encrypted.pdf")).problem == Problem::Encrypted);
}

TEST_CASE("garbage and truncated PDFs are unreadable, with qpdf's reason", "[facturx]") {
  for (const char* name : {"garbage.pdf", "truncated.pdf"}) {
    INFO(name);
    const ExtractError e = error_of(slurp(std::string("invoices/facturx/") + name));
    CHECK(e.problem == Problem::Unreadable);
    CHECK(e.detail.find("test.pdf") != std::string::npos);  // qpdf names the input
  }
  const std::string valid = slurp("invoices/facturx/invoice-valid.pdf");
  for (std::size_t cut : {std::size_t{0}, std::size_t{5}, std::size_t{100}, valid.size() / 2}) {
    INFO("cut at " << cut);
    CHECK(error_of(valid.substr(0, cut)).problem == Problem::Unreadable);
  }
}

TEST_CASE("decompression stops at the XML limit", "[facturx]") {
  const std::string valid = slurp("invoices/facturx/invoice-valid.pdf");
  const std::size_t xml_size = slurp("invoices/cii/invoice-valid.xml").size();
  CHECK(std::holds_alternative<FacturX>(extract_facturx(valid, "t.pdf", {xml_size, 1024})));
  const ExtractError e = error_of(valid, {xml_size - 1, 1024});
  CHECK(e.problem == Problem::TooLarge);
  CHECK(e.names == std::vector<std::string>{"factur-x.xml"});

  CHECK(error_of(slurp("invoices/facturx/xml-over-limit.pdf")).problem == Problem::TooLarge);
}

TEST_CASE("the XMP's Factur-X properties are read as elements or attributes", "[facturx]") {
  const auto elements = read_facturx_metadata(
      "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
      "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
      "xmlns:fx='urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#'>"
      "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>"
      "<fx:ConformanceLevel>BASIC WL</fx:ConformanceLevel></rdf:Description></rdf:RDF>"
      "</x:xmpmeta>");
  CHECK(elements.document_file_name == "factur-x.xml");
  CHECK(elements.conformance_level == "BASIC WL");
  const auto attributes = read_facturx_metadata(
      "<rdf:Description xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
      "xmlns:zf='urn:ferd:pdfa:CrossIndustryDocument:invoice:1p0#' "
      "zf:DocumentFileName='ZUGFeRD-invoice.xml' zf:ConformanceLevel='EXTENDED'/>");
  CHECK(attributes.document_file_name == "ZUGFeRD-invoice.xml");
  CHECK(attributes.conformance_level == "EXTENDED");
  CHECK_FALSE(read_facturx_metadata("not xml <").conformance_level);
}

TEST_CASE("the XMP's PDF/A identification, fx: values and extension schema are read", "[facturx]") {
  const std::string head =
      "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
      "<rdf:Description xmlns:pdfaid='http://www.aiim.org/pdfa/ns/id/' pdfaid:part='3' "
      "pdfaid:conformance='B'/>"
      "<rdf:Description xmlns:fx='urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#'>"
      "<fx:DocumentType>INVOICE</fx:DocumentType><fx:Version>1.0</fx:Version></rdf:Description>";
  const std::string schema =
      "<rdf:Description xmlns:pdfaExtension='http://www.aiim.org/pdfa/ns/extension/' "
      "xmlns:pdfaSchema='http://www.aiim.org/pdfa/ns/schema#'><pdfaExtension:schemas><rdf:Bag>"
      "<rdf:li><pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"
      "</pdfaSchema:namespaceURI></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>";
  const auto with = read_facturx_metadata(head + schema + "</rdf:RDF>");
  CHECK(with.pdfa_part == "3");
  CHECK(with.pdfa_conformance == "B");
  CHECK(with.document_type == "INVOICE");
  CHECK(with.version == "1.0");
  CHECK(with.extension_schema);
  CHECK_FALSE(read_facturx_metadata(head + "</rdf:RDF>").extension_schema);
}

TEST_CASE("the container's facts of a complete Factur-X and of its variants", "[facturx]") {
  const auto read = [](const char* name) {
    auto result =
        extract_facturx(slurp(std::string("invoices/facturx-container/") + name), "t.pdf");
    REQUIRE(std::holds_alternative<FacturX>(result));
    return std::get<FacturX>(result);
  };
  const FacturX base = read("base-en16931.pdf");
  CHECK(base.has_xmp);
  CHECK(base.attachment.af_relationship == "Alternative");
  CHECK(base.attachment.listed_in_af);
  CHECK(base.attachment.mime_type == "text/xml");
  CHECK(base.attachment.has_mod_date);
  CHECK(base.invoice_xmls == 1);
  CHECK_FALSE(read("no-af.pdf").attachment.listed_in_af);
  CHECK_FALSE(read("no-params.pdf").attachment.has_params);
  CHECK_FALSE(read("no-xmp.pdf").has_xmp);
  CHECK(read("two-xmls.pdf").invoice_xmls == 2);
  CHECK(read("wrong-name.pdf").name == "xrechnung.xml");
  CHECK(error_of(slurp("invoices/facturx-container/encrypted.pdf")).problem ==
        Problem::Encrypted);  // no password needed to open it: still refused
}

TEST_CASE("the Factur-X profile from BT-24 and from the XMP's level", "[facturx]") {
  CHECK(profile_of_guideline("urn:factur-x.eu:1p0:minimum") == FacturXProfile::Minimum);
  CHECK(profile_of_guideline("urn:cen.eu:en16931:2017") == FacturXProfile::En16931);
  CHECK(profile_of_guideline(
            "urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr") ==
        FacturXProfile::ExtendedCtcFr);
  CHECK_FALSE(profile_of_guideline("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:x"));
  CHECK(profile_of_level("BASIC WL") == FacturXProfile::BasicWl);
  CHECK(level_of(FacturXProfile::ExtendedCtcFr) == "EXTENDED");
  CHECK_FALSE(is_en16931_invoice(FacturXProfile::BasicWl));
  CHECK(is_en16931_invoice(FacturXProfile::Basic));
  pugi::xml_document cii;
  const std::string valid = slurp("invoices/cii/invoice-valid.xml");
  REQUIRE(cii.load_buffer(valid.data(), valid.size()));
  CHECK(guideline_in(cii.document_element()) == "urn:cen.eu:en16931:2017");
  pugi::xml_document without;
  REQUIRE(without.load_string("<rsm:CrossIndustryInvoice xmlns:rsm='urn:x'/>"));
  CHECK_FALSE(guideline_in(without.document_element()));
}
