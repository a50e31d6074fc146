// The Factur-X writer: what it builds, read back with qpdf, the extractor
// and the XMP reader of validators/pdf; what it refuses. Compiled as C++17
// (tests/CMakeLists.txt) for qpdf's headers.
#include "validators/pdf/facturx_writer.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <openssl/evp.h>
#include <pugixml.hpp>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "validators/pdf/facturx_extractor.hpp"
#include "validators/pdf/xmp.hpp"

using namespace cprokit::pdf;

namespace {

std::string slurp(const std::string& relative) {
  std::ifstream in(std::filesystem::path(CPROKIT_FIXTURES_DIR) / relative, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

constexpr std::string_view kEn16931 = "urn:cen.eu:en16931:2017";

// `xml` with its BT-24 (an EN 16931 one in every CII fixture) made `guideline`.
std::string with_guideline(std::string xml, std::string_view guideline) {
  const std::string from = "<ram:ID>" + std::string(kEn16931) + "</ram:ID>";
  const auto at = xml.find(from);
  REQUIRE(at != std::string::npos);
  return xml.replace(at, from.size(), "<ram:ID>" + std::string(guideline) + "</ram:ID>");
}

// A one-page PDF, changed by `edit` before it is written.
std::string plain_pdf(const std::function<void(QPDF&)>& edit = {}) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle page = pdf.makeIndirectObject(
      QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 595 842] /Resources << >> >>"));
  page.replaceKey("/Contents", pdf.newStream("% blank\n"));
  QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(page), false);
  if (edit) edit(pdf);
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setStaticID(true);
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return {reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()};
}

MadeFacturX made(const std::string& xml, const std::string& pdf, const MakeOptions& options = {}) {
  auto result = make_facturx(xml, pdf, "test.pdf", options);
  if (auto* error = std::get_if<MakeError>(&result)) FAIL("refused: " << error->detail);
  return std::get<MadeFacturX>(std::move(result));
}

MakeError refused(const std::string& xml, const std::string& pdf, const MakeOptions& options = {}) {
  auto result = make_facturx(xml, pdf, "test.pdf", options);
  REQUIRE(std::holds_alternative<MakeError>(result));
  return std::get<MakeError>(result);
}

// A made PDF opened again.
struct Opened {
  explicit Opened(std::string bytes) : bytes_(std::move(bytes)) {
    qpdf.processMemoryFile("made.pdf", bytes_.data(), bytes_.size());
  }
  static std::string stream_bytes(QPDFObjectHandle stream) {
    auto data = stream.getStreamData(qpdf_dl_generalized);
    return {reinterpret_cast<const char*>(data->getBuffer()), data->getSize()};
  }
  std::string xmp() { return stream_bytes(qpdf.getRoot().getKey("/Metadata")); }

  QPDF qpdf;

 private:
  std::string bytes_;
};

// The texts of the XMP elements called `qualified` (pugixml keeps prefixes).
std::vector<std::string> xmp_values(const std::string& xmp, const char* qualified) {
  pugi::xml_document doc;
  REQUIRE(doc.load_buffer(xmp.data(), xmp.size()));
  std::vector<std::string> out;
  for (pugi::xpath_node n : doc.select_nodes(("//" + std::string(qualified)).c_str()))
    out.emplace_back(n.node().child_value());
  return out;
}

using Strings = std::vector<std::string>;

// The MD5 of `bytes`, raw, as /CheckSum holds it (ISO 32000-1 §7.11.4).
std::string md5(const std::string& bytes) {
  std::string digest(EVP_MAX_MD_SIZE, '\0');
  unsigned size = 0;
  REQUIRE(EVP_Digest(bytes.data(), bytes.size(), reinterpret_cast<unsigned char*>(digest.data()),
                     &size, EVP_md5(), nullptr) == 1);
  digest.resize(size);
  return digest;
}

constexpr std::array<FacturXProfile, 5> kAll = {FacturXProfile::Minimum, FacturXProfile::BasicWl,
                                                FacturXProfile::Basic, FacturXProfile::En16931,
                                                FacturXProfile::Extended};

}  // namespace

TEST_CASE("a Factur-X made from a CII, for each profile, has the container its profile takes",
          "[facturx-writer]") {
  const std::string icc = "not really an ICC profile, but bytes to find again";
  for (const char* fixture :
       {"invoices/cii/invoice-valid.xml", "invoices/cii/credit-note-valid.xml",
        "invoices/cii/invoice-with-allowance-charge.xml"}) {
    for (FacturXProfile profile : kAll) {
      const ProfileNames& names = names_of(profile);
      CAPTURE(fixture, names.level);
      const std::string xml = with_guideline(slurp(fixture), names.guideline);
      MakeOptions options;
      options.profile = profile;
      options.icc_profile = icc;
      const MadeFacturX fx = made(xml, plain_pdf(), options);
      CHECK(fx.profile == profile);
      CHECK(fx.output_intent_added);

      // The extractor gives the XML back byte for byte, with the XMP's level.
      auto extracted = extract_facturx(fx.pdf, "made.pdf");
      REQUIRE(std::holds_alternative<FacturX>(extracted));
      CHECK(std::get<FacturX>(extracted).name == "factur-x.xml");
      CHECK(std::get<FacturX>(extracted).xml == xml);

      Opened pdf(fx.pdf);
      QPDFObjectHandle root = pdf.qpdf.getRoot();
      // In the name tree and in /AF, the same file specification.
      QPDFEmbeddedFileDocumentHelper files(pdf.qpdf);
      auto spec = files.getEmbeddedFile("factur-x.xml");
      REQUIRE(spec);
      QPDFObjectHandle dict = spec->getObjectHandle();
      QPDFObjectHandle af = root.getKey("/AF");
      REQUIRE(af.isArray());
      REQUIRE(af.getArrayNItems() == 1);
      CHECK(af.getArrayItem(0).getObjGen() == dict.getObjGen());
      CHECK(dict.getKey("/F").getUTF8Value() == "factur-x.xml");
      CHECK(dict.getKey("/UF").getUTF8Value() == "factur-x.xml");
      CHECK(dict.getKey("/Desc").isString());
      // fr-mapping.md §4: /Data where the XML is not the whole invoice.
      const bool partial = profile == FacturXProfile::Minimum || profile == FacturXProfile::BasicWl;
      CHECK(dict.getKey("/AFRelationship").getName() == (partial ? "/Data" : "/Alternative"));

      QPDFObjectHandle stream = spec->getEmbeddedFileStream();
      QPDFObjectHandle sdict = stream.getDict();
      CHECK(sdict.getKey("/Type").getName() == "/EmbeddedFile");
      CHECK(sdict.getKey("/Subtype").getName() == "/text/xml");  // written /text#2Fxml
      CHECK(sdict.getKey("/Filter").getName() == "/FlateDecode");
      QPDFObjectHandle params = sdict.getKey("/Params");
      CHECK(params.getKey("/ModDate").isString());
      CHECK(params.getKey("/Size").getIntValue() == static_cast<long long>(xml.size()));
      CHECK(params.getKey("/CheckSum").getStringValue() == md5(xml));

      // The XMP, uncompressed, read by the project's reader and by hand.
      QPDFObjectHandle metadata = root.getKey("/Metadata");
      CHECK(metadata.getDict().getKey("/Filter").isNull());
      const std::string xmp = pdf.xmp();
      const FacturXMetadata read = read_facturx_metadata(xmp);
      CHECK(read.document_file_name == "factur-x.xml");
      CHECK(read.conformance_level == std::string(names.level));
      CHECK(xmp_values(xmp, "pdfaid:part") == Strings{"3"});
      CHECK(xmp_values(xmp, "pdfaid:conformance") == Strings{"B"});
      CHECK(xmp_values(xmp, "fx:DocumentType") == Strings{"INVOICE"});
      CHECK(xmp_values(xmp, "fx:Version") == Strings{"1.0"});
      CHECK(xmp_values(xmp, "fx:ConformanceLevel") == Strings{std::string(names.level)});
      CHECK(xmp_values(xmp, "pdfaSchema:namespaceURI") ==
            Strings{"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"});
      CHECK(xmp_values(xmp, "pdfaSchema:prefix") == Strings{"fx"});
      CHECK(xmp_values(xmp, "pdfaProperty:name") ==
            Strings{"DocumentFileName", "DocumentType", "Version", "ConformanceLevel"});
      CHECK(xmp_values(xmp, "pdfaProperty:valueType") == Strings(4, "Text"));
      CHECK(xmp_values(xmp, "pdfaProperty:category") == Strings(4, "external"));

      // The output intent, with the profile given.
      QPDFObjectHandle intents = root.getKey("/OutputIntents");
      REQUIRE(intents.isArray());
      REQUIRE(intents.getArrayNItems() == 1);
      QPDFObjectHandle intent = intents.getArrayItem(0);
      CHECK(intent.getKey("/S").getName() == "/GTS_PDFA1");
      CHECK(Opened::stream_bytes(intent.getKey("/DestOutputProfile")) == icc);
    }
  }
}

TEST_CASE("the profile defaults to BT-24's, and each BT-24 of fr-mapping.md names its own",
          "[facturx-writer]") {
  const std::string valid = slurp("invoices/cii/invoice-valid.xml");
  CHECK(made(valid, plain_pdf()).profile == FacturXProfile::En16931);
  for (FacturXProfile profile : kAll) {
    CHECK(profile_from_guideline(names_of(profile).guideline) == profile);
    CHECK(profile_from_option(names_of(profile).option) == profile);
    CHECK(made(with_guideline(valid, names_of(profile).guideline), plain_pdf()).profile == profile);
  }
  // The French CTC extension is an EXTENDED for the PDF.
  CHECK(made(with_guideline(valid,
                            "urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:"
                            "extended-ctc-fr"),
             plain_pdf())
            .profile == FacturXProfile::Extended);
}

TEST_CASE("what the writer refuses, and why", "[facturx-writer]") {
  const std::string valid = slurp("invoices/cii/invoice-valid.xml");
  const std::string pdf = plain_pdf();

  SECTION("an encrypted PDF") {
    CHECK(refused(valid, slurp("invoices/facturx/encrypted.pdf")).problem ==
          MakeProblem::PdfEncrypted);
  }
  SECTION("a PDF that cannot be read") {
    CHECK(refused(valid, slurp("invoices/facturx/truncated.pdf")).problem ==
          MakeProblem::PdfUnreadable);
    CHECK(refused(valid, "not a PDF at all").problem == MakeProblem::PdfUnreadable);
  }
  SECTION("a PDF with an invoice XML already, under any of its names") {
    const MakeError e = refused(valid, slurp("invoices/facturx/invoice-valid.pdf"));
    CHECK(e.problem == MakeProblem::AlreadyFacturX);
    CHECK(e.detail == "factur-x.xml");
    CHECK(refused(valid, slurp("invoices/facturx/credit-note-zugferd-name.pdf")).detail ==
          "ZUGFeRD-invoice.xml");
  }
  SECTION("an XML that is not a CII invoice") {
    const MakeError ubl = refused(slurp("invoices/ubl/invoice-valid.xml"), pdf);
    CHECK(ubl.problem == MakeProblem::NotCii);
    CHECK(ubl.detail.find("Invoice") != std::string::npos);
    CHECK(refused("<a><b></a>", pdf).problem == MakeProblem::NotXml);
    // The right name in another namespace is no CII.
    CHECK(refused("<CrossIndustryInvoice xmlns=\"urn:example\"/>", pdf).problem ==
          MakeProblem::NotCii);
  }
  SECTION("a BT-24 missing, unknown, or contrary to the profile asked") {
    const std::string no_guideline =
        "<rsm:CrossIndustryInvoice "
        "xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"/>";
    CHECK(refused(no_guideline, pdf).problem == MakeProblem::NoGuideline);
    const MakeError unknown = refused(with_guideline(valid, "urn:example:other"), pdf);
    CHECK(unknown.problem == MakeProblem::UnknownGuideline);
    CHECK(unknown.detail == "urn:example:other");
    MakeOptions basic;
    basic.profile = FacturXProfile::Basic;
    const MakeError mismatch = refused(valid, pdf, basic);
    CHECK(mismatch.problem == MakeProblem::ProfileMismatch);
    CHECK(mismatch.detail == kEn16931);
  }
}

TEST_CASE("replace puts the new invoice in the old one's place, other attachments kept",
          "[facturx-writer]") {
  const std::string valid = slurp("invoices/cii/invoice-valid.xml");
  const std::string credit = slurp("invoices/cii/credit-note-valid.xml");
  MakeOptions replace;
  replace.replace = true;
  const MadeFacturX fx =
      made(credit, slurp("invoices/facturx/credit-note-zugferd-name.pdf"), replace);
  CHECK(fx.replaced_name == "ZUGFeRD-invoice.xml");
  Opened pdf(fx.pdf);
  QPDFEmbeddedFileDocumentHelper files(pdf.qpdf);
  std::vector<std::string> names;
  for (const auto& [name, spec] : files.getEmbeddedFiles())
    names.push_back(name);
  CHECK(names == Strings{"factur-x.xml"});
  CHECK(pdf.qpdf.getRoot().getKey("/AF").getArrayNItems() == 1);

  // A PDF with another attachment keeps it, in the name tree and in /AF.
  const MadeFacturX notes = made(valid, slurp("invoices/facturx/no-invoice-xml.pdf"));
  Opened with_notes(notes.pdf);
  CHECK(QPDFEmbeddedFileDocumentHelper(with_notes.qpdf).getEmbeddedFile("notes.txt"));
  CHECK(with_notes.qpdf.getRoot().getKey("/AF").getArrayNItems() == 2);
  auto extracted = extract_facturx(notes.pdf, "made.pdf");
  REQUIRE(std::holds_alternative<FacturX>(extracted));
  CHECK(std::get<FacturX>(extracted).xml == valid);
}

TEST_CASE("an existing XMP keeps its other properties; the writer's own are not doubled",
          "[facturx-writer]") {
  const std::string old_xmp =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
      "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
      "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Facture 42</rdf:li></rdf:Alt></dc:title>"
      "</rdf:Description>"
      "<rdf:Description rdf:about=\"\" xmlns:a=\"http://www.aiim.org/pdfa/ns/id/\" a:part=\"1\" "
      "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" pdf:Producer=\"Traitement de texte\"/>"
      "<rdf:Description rdf:about=\"\" "
      "xmlns:fx=\"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#\">"
      "<fx:ConformanceLevel>MINIMUM</fx:ConformanceLevel></rdf:Description>"
      "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
  const std::string pdf = plain_pdf([&](QPDF& q) {
    QPDFObjectHandle xmp = q.newStream(old_xmp);
    xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    q.getRoot().replaceKey("/Metadata", xmp);
  });
  const MadeFacturX fx = made(slurp("invoices/cii/invoice-valid.xml"), pdf);
  CHECK(fx.metadata_kept);
  CHECK_FALSE(fx.metadata_replaced);
  const std::string xmp = Opened(fx.pdf).xmp();
  CHECK(xmp_values(xmp, "rdf:li[@xml:lang='x-default']") == Strings{"Facture 42"});
  CHECK(xmp.find("pdf:Producer=\"Traitement de texte\"") != std::string::npos);
  CHECK(xmp.find("a:part") == std::string::npos);  // PDF/A-1 as an attribute, another prefix
  // The emptied fx: description is gone; the one holding pdf:Producer stays.
  CHECK(xmp_values(xmp, "rdf:Description[not(*)]").size() == 1);
  CHECK(xmp_values(xmp, "pdfaid:part") == Strings{"3"});
  CHECK(xmp_values(xmp, "fx:ConformanceLevel") == Strings{"EN 16931"});
  CHECK(read_facturx_metadata(xmp).conformance_level == "EN 16931");
}

TEST_CASE("a PDF without XMP gets one that repeats its document information", "[facturx-writer]") {
  const std::string pdf = plain_pdf([](QPDF& q) {
    QPDFObjectHandle info = q.makeIndirectObject(
        QPDFObjectHandle::parse("<< /Title (Facture 2026-001) /Producer (Traitement de texte 7) "
                                "/CreationDate (D:20260105093000+01'00') >>"));
    q.getTrailer().replaceKey("/Info", info);
  });
  MakeOptions fixed;
  fixed.fixed_time = 1767225600;  // 2026-01-01T00:00:00Z
  const MadeFacturX fx = made(slurp("invoices/cii/invoice-valid.xml"), pdf, fixed);
  CHECK_FALSE(fx.metadata_kept);
  Opened opened(fx.pdf);
  const std::string xmp = opened.xmp();
  CHECK(xmp_values(xmp, "dc:title/rdf:Alt/rdf:li") == Strings{"Facture 2026-001"});
  CHECK(xmp_values(xmp, "pdf:Producer") == Strings{"Traitement de texte 7"});
  CHECK(xmp_values(xmp, "xmp:CreateDate") == Strings{"2026-01-05T09:30:00+01:00"});
  CHECK(xmp_values(xmp, "xmp:ModifyDate") == Strings{"2026-01-01T00:00:00+00:00"});
  QPDFObjectHandle info = opened.qpdf.getTrailer().getKey("/Info");
  CHECK(info.getKey("/ModDate").getUTF8Value() == "D:20260101000000+00'00'");
  QPDFEmbeddedFileDocumentHelper files(opened.qpdf);
  CHECK(files.getEmbeddedFile("factur-x.xml")
            ->getEmbeddedFileStream()
            .getDict()
            .getKey("/Params")
            .getKey("/ModDate")
            .getUTF8Value() == "D:20260101000000+00'00'");
}

TEST_CASE("an output intent there already is kept; none is made without an ICC profile",
          "[facturx-writer]") {
  const std::string valid = slurp("invoices/cii/invoice-valid.xml");
  const std::string with_intent = plain_pdf([](QPDF& q) {
    q.getRoot().replaceKey("/OutputIntents",
                           QPDFObjectHandle::parse("[<< /Type /OutputIntent /S /GTS_PDFA1 "
                                                   "/OutputConditionIdentifier (theirs) >>]"));
  });
  MakeOptions icc;
  icc.icc_profile = "ICC";
  const MadeFacturX kept = made(valid, with_intent, icc);
  CHECK(kept.had_output_intent);
  CHECK_FALSE(kept.output_intent_added);
  QPDFObjectHandle intents = Opened(kept.pdf).qpdf.getRoot().getKey("/OutputIntents");
  REQUIRE(intents.getArrayNItems() == 1);
  CHECK(intents.getArrayItem(0).getKey("/OutputConditionIdentifier").getUTF8Value() == "theirs");

  const MadeFacturX none = made(valid, plain_pdf());
  CHECK_FALSE(none.output_intent_added);
  CHECK(Opened(none.pdf).qpdf.getRoot().getKey("/OutputIntents").isNull());
}

TEST_CASE("with a fixed time the output is the same bytes on every run", "[facturx-writer]") {
  const std::string valid = slurp("invoices/cii/invoice-valid.xml");
  MakeOptions fixed;
  fixed.fixed_time = 1767225600;
  const std::string first = made(valid, plain_pdf(), fixed).pdf;
  CHECK(made(valid, plain_pdf(), fixed).pdf == first);
  fixed.fixed_time = 1767225601;
  CHECK(made(valid, plain_pdf(), fixed).pdf != first);
}
