// Builds the Factur-X fixtures (fixtures/invoices/facturx/*.pdf) from our own
// CII and UBL fixtures: a one-page PDF with the XML as an embedded file, in
// the name tree and the catalog's /AF, and Factur-X XMP metadata. The output
// is byte for byte reproducible, so the committed PDFs can be checked.
//
//   make_facturx_fixtures FIXTURES_DIR           writes invoices/facturx/*.pdf
//   make_facturx_fixtures FIXTURES_DIR --check   fails if they differ
//   make_facturx_fixtures --plain OUT.pdf         writes the one-page PDF with
//       no attachment that `cprokit facturx make` turns into the Factur-X
//       bases of fixtures/invoices/facturx-container
//       (scripts/make-facturx-variants.sh).
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEFStreamObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/QUtil.hh>
#include <qpdf/RandomDataProvider.hh>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Attachment {
  std::string name;
  std::string bytes;
};

struct Spec {
  std::vector<Attachment> files;
  std::optional<std::string> xmp_file_name;  // fx:DocumentFileName
  std::optional<std::string> xmp_level;      // fx:ConformanceLevel
  bool encrypted = false;
};

std::string xmp_packet(const Spec& spec) {
  std::string fx;
  if (spec.xmp_file_name)
    fx += "<fx:DocumentFileName>" + *spec.xmp_file_name + "</fx:DocumentFileName>";
  if (spec.xmp_level) fx += "<fx:ConformanceLevel>" + *spec.xmp_level + "</fx:ConformanceLevel>";
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
         "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
         "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"
         "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
         "</rdf:Description>"
         "<rdf:Description rdf:about=\"\" "
         "xmlns:fx=\"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#\">"
         "<fx:DocumentType>INVOICE</fx:DocumentType><fx:Version>1.0</fx:Version>" +
         fx + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
}

void add_page(QPDF& pdf) {
  QPDFObjectHandle page = pdf.makeIndirectObject(
      QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 595 842] /Resources << >> >>"));
  page.replaceKey("/Contents", pdf.newStream("% a blank page: the XML is the invoice\n"));
  QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(page), false);
}

void attach(QPDF& pdf, const Attachment& file, QPDFObjectHandle& associated) {
  auto stream = QPDFEFStreamObjectHelper::createEFStream(pdf, file.bytes);
  const bool xml = file.name.size() > 4 && file.name.substr(file.name.size() - 4) == ".xml";
  stream.setSubtype(xml ? "text/xml" : "text/plain");
  auto spec = QPDFFileSpecObjectHelper::createFileSpec(pdf, file.name, stream);
  spec.setDescription("Factur-X invoice");
  QPDFObjectHandle dict = pdf.makeIndirectObject(spec.getObjectHandle());
  dict.replaceKey("/AFRelationship", QPDFObjectHandle::newName("/Data"));
  QPDFEmbeddedFileDocumentHelper(pdf).replaceEmbeddedFile(file.name,
                                                          QPDFFileSpecObjectHelper(dict));
  associated.appendItem(dict);
}

// The same bytes on every run: qpdf's salts and IVs come from here. Only
// fit for test fixtures, whose password protects nothing.
class FixedRandom : public RandomDataProvider {
 public:
  void provideRandomData(unsigned char* data, size_t len) override {
    for (size_t i = 0; i < len; ++i)
      data[i] = static_cast<unsigned char>(next_++ * 31 + 7);
  }

 private:
  unsigned next_ = 0;
};

std::string build(const Spec& spec) {
  QPDF pdf;
  pdf.emptyPDF();
  add_page(pdf);
  QPDFObjectHandle associated = QPDFObjectHandle::newArray();
  for (const auto& file : spec.files)
    attach(pdf, file, associated);
  QPDFObjectHandle root = pdf.getRoot();
  if (!spec.files.empty()) root.replaceKey("/AF", associated);
  if (spec.xmp_file_name || spec.xmp_level) {
    QPDFObjectHandle xmp = pdf.newStream(xmp_packet(spec));
    xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", xmp);
  }
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setDeterministicID(!spec.encrypted);
  if (spec.encrypted) {
    writer.setStaticID(true);  // encrypted output cannot use a deterministic ID
    writer.setR6EncryptionParameters("mot-de-passe", "proprietaire", true, true, true, true, true,
                                     true, qpdf_r3p_full, true);
  }
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return {reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()};
}

struct Fixture {
  std::string name;
  std::function<std::string()> make;
};

std::vector<Fixture> fixtures(const fs::path& dir) {
  const std::string valid = slurp(dir / "invoices/cii/invoice-valid.xml");
  const std::string line_sum = slurp(dir / "invoices/cii/br-co-10-line-sum.xml");
  const std::string credit_note = slurp(dir / "invoices/cii/credit-note-valid.xml");
  const std::string ubl = slurp(dir / "invoices/ubl/invoice-valid.xml");
  const std::string chorus_ok = slurp(dir / "invoices/chorus/cii-invoice-chorus-ok.xml");
  auto facturx = [](std::string xml, std::string level = "EN 16931") {
    return Spec{{{"factur-x.xml", std::move(xml)}}, "factur-x.xml", std::move(level), false};
  };
  return {
      {"invoice-valid.pdf", [=] { return build(facturx(valid)); }},
      {"br-co-10-line-sum.pdf", [=] { return build(facturx(line_sum)); }},
      {"chorus-ok.pdf", [=] { return build(facturx(chorus_ok)); }},
      {"credit-note-zugferd-name.pdf",
       [=] {
         return build({{{"ZUGFeRD-invoice.xml", credit_note}}, {}, {}, false});
       }},
      {"ubl-embedded.pdf", [=] { return build(facturx(ubl)); }},
      {"level-minimum.pdf", [=] { return build(facturx(valid, "MINIMUM")); }},
      {"no-invoice-xml.pdf",
       [=] {
         return build({{{"notes.txt", "Bon de livraison n° 1234"}}, {}, "EN 16931", false});
       }},
      {"two-invoice-xmls.pdf",
       [=] {
         return build({{{"factur-x.xml", valid}, {"xrechnung.xml", line_sum}}, {}, {}, false});
       }},
      {"two-xmls-named-ok.pdf",
       [=] {
         return build(
             {{{"factur-x.xml", valid}, {"xrechnung.xml", line_sum}}, "factur-x.xml", {}, false});
       }},
      {"encrypted.pdf",
       [=] {
         Spec spec = facturx(valid);
         spec.encrypted = true;
         return build(spec);
       }},
      {"truncated.pdf",
       [=] {
         const std::string whole = build(facturx(valid));
         return whole.substr(0, whole.size() * 2 / 3);
       }},
      {"garbage.pdf",
       [] {
         std::string bytes = "%PDF-1.7\n";
         unsigned x = 12345;
         for (int i = 0; i < 2048; ++i) {
           x = x * 1103515245U + 12345U;
           bytes.push_back(static_cast<char>(x >> 16));
         }
         return bytes;
       }},
      // A bomb: a few kilobytes that inflate past the 20 MB XML limit.
      {"xml-over-limit.pdf",
       [=] { return build(facturx(valid + std::string(std::size_t{21} << 20, ' '))); }},
  };
}

}  // namespace

// A one-page PDF and nothing else, the input of `cprokit facturx make`.
int write_plain(const fs::path& out) {
  std::ofstream(out, std::ios::binary) << build(Spec{});
  return 0;
}

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--plain") {
    try {
      return write_plain(argv[2]);
    } catch (const std::exception& e) {
      std::cerr << "make_facturx_fixtures: " << e.what() << "\n";
      return 2;
    }
  }
  if (argc < 2 || (argc == 3 && std::string(argv[2]) != "--check") || argc > 3) {
    std::cerr << "usage: make_facturx_fixtures FIXTURES_DIR [--check]\n"
                 "       make_facturx_fixtures --plain OUT.pdf\n";
    return 2;
  }
  const fs::path dir = argv[1];
  const bool check = argc == 3;
  FixedRandom random;
  QUtil::setRandomDataProvider(&random);
  int differ = 0;
  try {
    for (const auto& fixture : fixtures(dir)) {
      const fs::path out = dir / "invoices/facturx" / fixture.name;
      const std::string bytes = fixture.make();
      if (!check) {
        std::ofstream(out, std::ios::binary) << bytes;
      } else if (!fs::exists(out) || slurp(out) != bytes) {
        std::cerr << out.string() << " is not what the generator makes: run "
                  << "scripts/make-facturx-fixtures.sh\n";
        ++differ;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "make_facturx_fixtures: " << e.what() << "\n";
    return 2;
  }
  return differ == 0 ? 0 : 1;
}
