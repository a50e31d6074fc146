// Breaks one thing in a Factur-X PDF, whatever made it: the broken variants
// each PDF-level rule is tested on (scripts/make-facturx-variants.sh).
//
//   facturx_variant IN.pdf BREAKAGE OUT.pdf
//
// The invoice attachment is the embedded file factur-x.xml. The output is
// the same bytes on every run.
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFNameTreeObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/QUtil.hh>
#include <qpdf/RandomDataProvider.hh>

#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

namespace {

constexpr const char* kInvoice = "factur-x.xml";

// The same bytes on every run (qpdf's salts and IVs for encryption).
class FixedRandom : public RandomDataProvider {
 public:
  void provideRandomData(unsigned char* data, size_t len) override {
    for (size_t i = 0; i < len; ++i)
      data[i] = static_cast<unsigned char>(next_++ * 37 + 11);
  }

 private:
  unsigned next_ = 0;
};

QPDFObjectHandle invoice_spec(QPDF& pdf) {
  auto spec = QPDFEmbeddedFileDocumentHelper(pdf).getEmbeddedFile(kInvoice);
  if (!spec) throw std::runtime_error("no embedded file factur-x.xml");
  return spec->getObjectHandle();
}

QPDFObjectHandle invoice_stream(QPDF& pdf) {
  return QPDFFileSpecObjectHelper(invoice_spec(pdf)).getEmbeddedFileStream();
}

// Replaces `from` (which must be there) with `to` in the XMP packet.
void edit_xmp(QPDF& pdf, const std::string& from, const std::string& to) {
  QPDFObjectHandle xmp = pdf.getRoot().getKey("/Metadata");
  if (!xmp.isStream()) throw std::runtime_error("no XMP metadata");
  auto data = xmp.getStreamData(qpdf_dl_generalized);
  std::string text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("not in the XMP: " + from);
  text.replace(at, from.size(), to);
  xmp.replaceStreamData(text, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

// Removes the text from `begin` to the end of `end`, both in the XMP.
void cut_xmp(QPDF& pdf, const std::string& begin, const std::string& end) {
  QPDFObjectHandle xmp = pdf.getRoot().getKey("/Metadata");
  if (!xmp.isStream()) throw std::runtime_error("no XMP metadata");
  auto data = xmp.getStreamData(qpdf_dl_generalized);
  std::string text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  const auto from = text.find(begin);
  const auto to = text.find(end, from);
  if (from == std::string::npos || to == std::string::npos)
    throw std::runtime_error("not in the XMP: " + begin);
  text.erase(from, to + end.size() - from);
  xmp.replaceStreamData(text, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

// The embedded file factur-x.xml under another name, in the name tree and
// its file specification.
void rename_invoice(QPDF& pdf, const std::string& name) {
  QPDFObjectHandle spec = invoice_spec(pdf);
  // The name tree itself: removeEmbeddedFile would also null the file
  // specification, which /AF still lists.
  QPDFNameTreeObjectHelper tree(pdf.getRoot().getKey("/Names").getKey("/EmbeddedFiles"), pdf);
  tree.remove(kInvoice);
  spec.replaceKey("/F", QPDFObjectHandle::newString(name));
  spec.replaceKey("/UF", QPDFObjectHandle::newUnicodeString(name));
  tree.insert(name, spec);
}

// A second invoice XML, a copy of the first, attached as the first is.
void add_second_invoice(QPDF& pdf) {
  QPDFObjectHandle spec = invoice_spec(pdf);
  QPDFObjectHandle stream = invoice_stream(pdf);
  QPDFObjectHandle copy_stream = stream.copyStream();
  QPDFObjectHandle copy = pdf.makeIndirectObject(spec.shallowCopy());
  const std::string name = "zugferd-invoice.xml";
  copy.replaceKey("/F", QPDFObjectHandle::newString(name));
  copy.replaceKey("/UF", QPDFObjectHandle::newUnicodeString(name));
  QPDFObjectHandle ef = QPDFObjectHandle::newDictionary();
  ef.replaceKey("/F", copy_stream);
  ef.replaceKey("/UF", copy_stream);
  copy.replaceKey("/EF", ef);
  QPDFEmbeddedFileDocumentHelper(pdf).replaceEmbeddedFile(name, QPDFFileSpecObjectHelper(copy));
  pdf.getRoot().getKey("/AF").appendItem(copy);
}

const std::map<std::string, std::function<void(QPDF&)>>& breakages() {
  static const std::map<std::string, std::function<void(QPDF&)>> all = {
      {"wrong-relationship",
       [](QPDF& pdf) {
         invoice_spec(pdf).replaceKey("/AFRelationship", QPDFObjectHandle::newName("/Supplement"));
       }},
      {"alternative-relationship",
       [](QPDF& pdf) {
         invoice_spec(pdf).replaceKey("/AFRelationship", QPDFObjectHandle::newName("/Alternative"));
       }},
      {"no-af", [](QPDF& pdf) { pdf.getRoot().removeKey("/AF"); }},
      {"level-mismatch",
       [](QPDF& pdf) {
         edit_xmp(pdf, "<fx:ConformanceLevel>EN 16931<", "<fx:ConformanceLevel>EXTENDED<");
       }},
      {"unknown-level",
       [](QPDF& pdf) {
         edit_xmp(pdf, "<fx:ConformanceLevel>EN 16931<", "<fx:ConformanceLevel>COMFORT<");
       }},
      {"wrong-name", [](QPDF& pdf) { rename_invoice(pdf, "xrechnung.xml"); }},
      {"two-xmls", add_second_invoice},
      {"encrypted", [](QPDF&) {}},  // done when writing
      {"no-xmp", [](QPDF& pdf) { pdf.getRoot().removeKey("/Metadata"); }},
      {"pdfa-2", [](QPDF& pdf) { edit_xmp(pdf, "<pdfaid:part>3<", "<pdfaid:part>2<"); }},
      {"no-extension-schema",
       [](QPDF& pdf) { cut_xmp(pdf, "<pdfaExtension:schemas>", "</pdfaExtension:schemas>"); }},
      {"no-params", [](QPDF& pdf) { invoice_stream(pdf).getDict().removeKey("/Params"); }},
      {"wrong-mime",
       [](QPDF& pdf) {
         invoice_stream(pdf).getDict().replaceKey("/Subtype",
                                                  QPDFObjectHandle::newName("/text#2fplain"));
       }},
  };
  return all;
}

std::string write(QPDF& pdf, bool encrypted) {
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  if (encrypted) {
    // No user password: it opens without one, and is still encrypted.
    writer.setStaticID(true);
    writer.setR6EncryptionParameters("", "proprietaire", true, true, true, true, true, true,
                                     qpdf_r3p_full, true);
  } else {
    writer.setDeterministicID(true);
  }
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return {reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 || breakages().count(argv[2]) == 0) {
    std::cerr << "usage: facturx_variant IN.pdf BREAKAGE OUT.pdf\nbreakages:";
    for (const auto& [name, _] : breakages())
      std::cerr << " " << name;
    std::cerr << "\n";
    return 2;
  }
  FixedRandom random;
  QUtil::setRandomDataProvider(&random);
  try {
    QPDF pdf;
    pdf.processFile(argv[1]);
    const std::string breakage = argv[2];
    breakages().at(breakage)(pdf);
    std::ofstream(argv[3], std::ios::binary) << write(pdf, breakage == "encrypted");
  } catch (const std::exception& e) {
    std::cerr << "facturx_variant: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
