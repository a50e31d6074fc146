// Compiled as C++17 (validators/CMakeLists.txt): qpdf 11.3's JSON.hh does not
// parse under clang in C++20 mode, which clang-tidy uses.
#include "validators/pdf/facturx_extractor.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <exception>
#include <iterator>
#include <map>

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>

#include "validators/pdf/xmp.hpp"

namespace cprokit::pdf {
namespace {

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// Collects a decoded stream up to a limit, then stops the decoding: a
// stream that inflates a thousandfold (a "PDF bomb") costs no more than the
// limit. qpdf catches what write() throws and reports the stream as not
// decoded; `overflowed` says why.
class CappedBuffer : public Pipeline {
 public:
  explicit CappedBuffer(std::size_t limit) : Pipeline("capped buffer", nullptr), limit_(limit) {}

  void write(unsigned char const* data, size_t len) override {
    if (len > limit_ - bytes.size()) {
      overflowed = true;
      throw std::length_error("decoded stream over its limit");
    }
    bytes.append(reinterpret_cast<const char*>(data), len);
  }
  void finish() override {}

  std::string bytes;
  bool overflowed = false;

 private:
  std::size_t limit_;
};

enum class Decoded { Ok, TooLarge, Failed };

Decoded decode(QPDFObjectHandle stream, CappedBuffer& into) {
  if (!stream.isStream()) return Decoded::Failed;
  // Generalized filters only (Flate, LZW, ASCII85/Hex, RunLength): an XML is
  // never an image, and an unknown filter must not hand back encoded bytes.
  bool attempted = false;
  const bool ok = stream.pipeStreamData(&into, &attempted, 0, qpdf_dl_generalized, true);
  if (into.overflowed) return Decoded::TooLarge;
  return ok ? Decoded::Ok : Decoded::Failed;
}

struct Attachment {
  std::string name;
  QPDFObjectHandle spec;  // the file specification dictionary
  QPDFObjectHandle stream;
};

// The embedded files, from the name tree /Names/EmbeddedFiles and from the
// catalog's /AF (PDF/A-3 associated files), each once.
std::vector<Attachment> attachments(QPDF& qpdf) {
  std::map<std::string, Attachment> by_name;
  auto add = [&](QPDFFileSpecObjectHelper spec, const std::string& key) {
    std::string name = spec.getFilename();
    if (name.empty()) name = key;
    QPDFObjectHandle stream = spec.getEmbeddedFileStream();
    if (!name.empty() && stream.isStream())
      by_name.try_emplace(name, Attachment{name, spec.getObjectHandle(), stream});
  };
  QPDFEmbeddedFileDocumentHelper files(qpdf);
  for (const auto& [key, spec] : files.getEmbeddedFiles())
    add(*spec, key);
  QPDFObjectHandle associated = qpdf.getRoot().getKey("/AF");
  if (associated.isArray()) {
    for (QPDFObjectHandle entry : associated.aitems()) {
      if (entry.isDictionary()) add(QPDFFileSpecObjectHelper(entry), "");
    }
  }
  std::vector<Attachment> out;
  out.reserve(by_name.size());
  for (auto& [name, file] : by_name)
    out.push_back(std::move(file));
  return out;
}

std::optional<FacturXMetadata> metadata(QPDF& qpdf, std::size_t limit) {
  CappedBuffer xmp(limit);
  if (decode(qpdf.getRoot().getKey("/Metadata"), xmp) != Decoded::Ok) return std::nullopt;
  return read_facturx_metadata(xmp.bytes);
}

std::optional<std::string> name_value(QPDFObjectHandle value) {
  if (value.isName()) return value.getName().substr(1);  // without its slash
  if (value.isString()) return value.getUTF8Value();
  return std::nullopt;
}

// `file` is a copy: qpdf's getters are not const.
AttachmentFacts facts_of(QPDF& qpdf, Attachment file) {
  AttachmentFacts facts;
  facts.af_relationship = name_value(file.spec.getKey("/AFRelationship"));
  QPDFObjectHandle associated = qpdf.getRoot().getKey("/AF");
  if (associated.isArray()) {
    for (const QPDFObjectHandle& entry : associated.aitems())
      facts.listed_in_af = facts.listed_in_af || entry.isSameObjectAs(file.spec);
  }
  QPDFObjectHandle dict = file.stream.getDict();
  facts.mime_type = name_value(dict.getKey("/Subtype"));
  QPDFObjectHandle params = dict.getKey("/Params");
  facts.has_params = params.isDictionary();
  facts.has_mod_date = facts.has_params && params.getKey("/ModDate").isString();
  return facts;
}

std::vector<std::string> names_of(const std::vector<Attachment>& files) {
  std::vector<std::string> out;
  out.reserve(files.size());
  for (const auto& f : files)
    out.push_back(f.name);
  return out;
}

// The invoice among the attachments: the one the XMP names, else the only
// one with a Factur-X name.
std::variant<Attachment, ExtractError> choose(const std::vector<Attachment>& files,
                                              const FacturXMetadata& meta) {
  if (meta.document_file_name) {
    auto named = std::find_if(files.begin(), files.end(), [&](const Attachment& f) {
      return f.name == *meta.document_file_name;
    });
    if (named != files.end()) return *named;
  }
  std::vector<Attachment> candidates;
  std::copy_if(files.begin(), files.end(), std::back_inserter(candidates),
               [](const Attachment& f) { return is_invoice_name(f.name); });
  if (candidates.empty()) return ExtractError{Problem::NoInvoice, "", names_of(files)};
  if (candidates.size() > 1) return ExtractError{Problem::SeveralXmls, "", names_of(candidates)};
  return candidates.front();
}

std::variant<FacturX, ExtractError> extract(QPDF& qpdf, const ExtractLimits& limits) {
  // PDF/A-3 forbids encryption and Chorus Pro refuses it, even when the file
  // opens without a password.
  if (qpdf.isEncrypted()) return ExtractError{Problem::Encrypted, "", {}};
  const std::optional<FacturXMetadata> xmp = metadata(qpdf, limits.max_xmp_bytes);
  const FacturXMetadata meta = xmp.value_or(FacturXMetadata{});
  const std::vector<Attachment> files = attachments(qpdf);
  auto chosen = choose(files, meta);
  if (auto* error = std::get_if<ExtractError>(&chosen)) return std::move(*error);
  const Attachment& file = std::get<Attachment>(chosen);

  CappedBuffer xml(limits.max_xml_bytes);
  switch (decode(file.stream, xml)) {
    case Decoded::TooLarge:
      return ExtractError{Problem::TooLarge, "", {file.name}};
    case Decoded::Failed:
      return ExtractError{Problem::Unreadable,
                          "the stream of the embedded file " + file.name + " cannot be decoded",
                          {file.name}};
    case Decoded::Ok:
      break;
  }
  FacturX out{file.name, std::move(xml.bytes), xmp.has_value(), meta, facts_of(qpdf, file), 0};
  out.invoice_xmls = static_cast<std::size_t>(std::count_if(
      files.begin(), files.end(), [](const Attachment& f) { return is_invoice_name(f.name); }));
  return out;
}

}  // namespace

bool is_invoice_name(std::string_view name) {
  // The names Factur-X 1.0 and ZUGFeRD 1.x / 2.x give the invoice XML
  // (compared ignoring case: ZUGFeRD 1 wrote ZUGFeRD-invoice.xml).
  constexpr std::array<std::string_view, 3> kInvoiceNames = {"factur-x.xml", "zugferd-invoice.xml",
                                                             "xrechnung.xml"};
  return std::any_of(kInvoiceNames.begin(), kInvoiceNames.end(),
                     [&](std::string_view known) { return same_ignoring_case(name, known); });
}

std::variant<FacturX, ExtractError> extract_facturx(std::string_view pdf,
                                                    const std::string& description,
                                                    const ExtractLimits& limits) {
  try {
    QPDF qpdf;
    qpdf.setSuppressWarnings(true);
    // qpdf reads the buffer in place; it never writes to it.
    qpdf.processMemoryFile(description.c_str(), pdf.data(), pdf.size());
    return extract(qpdf, limits);
  } catch (const QPDFExc& e) {
    // A password qpdf does not have: encrypted, not damaged.
    if (e.getErrorCode() == qpdf_e_password) return ExtractError{Problem::Encrypted, "", {}};
    return ExtractError{Problem::Unreadable, e.what(), {}};
  } catch (const std::exception& e) {
    return ExtractError{Problem::Unreadable, e.what(), {}};
  }
}

}  // namespace cprokit::pdf
