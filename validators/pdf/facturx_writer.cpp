// Compiled as C++17, as facturx_extractor.cpp: qpdf 11.3's headers do not
// parse under clang in C++20 mode, which clang-tidy uses.
#include "validators/pdf/facturx_writer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>
#include <exception>
#include <sstream>
#include <utility>
#include <vector>

#include <pugixml.hpp>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEFStreamObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "validators/pdf/facturx_extractor.hpp"

namespace cprokit::pdf {
namespace {

// As --profile spells the profiles a Factur-X is made with.
constexpr std::array<std::pair<FacturXProfile, std::string_view>, 5> kOptions = {{
    {FacturXProfile::Minimum, "minimum"},
    {FacturXProfile::BasicWl, "basicwl"},
    {FacturXProfile::Basic, "basic"},
    {FacturXProfile::En16931, "en16931"},
    {FacturXProfile::Extended, "extended"},
}};

FacturXProfile for_the_pdf(FacturXProfile profile) {
  return profile == FacturXProfile::ExtendedCtcFr ? FacturXProfile::Extended : profile;
}

constexpr std::string_view kCiiNamespace =
    "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
constexpr std::string_view kFileName = "factur-x.xml";
constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kPdfaId = "http://www.aiim.org/pdfa/ns/id/";
constexpr std::string_view kPdfaExtension = "http://www.aiim.org/pdfa/ns/extension/";
constexpr std::string_view kPdfaSchema = "http://www.aiim.org/pdfa/ns/schema#";
constexpr std::string_view kPdfaProperty = "http://www.aiim.org/pdfa/ns/property#";
constexpr std::string_view kXmp = "http://ns.adobe.com/xap/1.0/";
constexpr std::string_view kFx = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

// ---------------------------------------------------------------------------
// XML names: pugixml leaves namespaces to us.

std::string_view prefix_of(std::string_view qualified) {
  const auto colon = qualified.find(':');
  return colon == std::string_view::npos ? std::string_view{} : qualified.substr(0, colon);
}

std::string_view local_of(std::string_view qualified) {
  return qualified.substr(qualified.find(':') + 1);  // npos + 1 is 0: no prefix
}

// The namespace `prefix` stands for at `node` (declared on it or above).
std::string_view namespace_at(pugi::xml_node node, std::string_view prefix) {
  const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (; node; node = node.parent()) {
    if (pugi::xml_attribute a = node.attribute(attribute.c_str())) return a.value();
  }
  return {};
}

bool in_namespace(pugi::xml_node element, std::string_view uri) {
  return namespace_at(element, prefix_of(element.name())) == uri;
}

// ---------------------------------------------------------------------------
// The invoice.

struct Invoice {
  std::optional<FacturXProfile> profile;  // BT-24's
  std::string guideline;                  // BT-24, as written
};

pugi::xml_node child_local(pugi::xml_node parent, std::string_view local) {
  for (pugi::xml_node c : parent.children()) {
    if (c.type() == pugi::node_element && local_of(c.name()) == local) return c;
  }
  return {};
}

std::variant<Invoice, MakeError> read_invoice(std::string_view xml) {
  pugi::xml_document doc;
  // pugixml expands no entity but the five predefined ones.
  const pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    return MakeError{MakeProblem::NotXml, std::string(parsed.description()) + " (offset " +
                                              std::to_string(parsed.offset) + ")"};
  }
  const pugi::xml_node root = doc.document_element();
  const std::string_view ns = namespace_at(root, prefix_of(root.name()));
  if (local_of(root.name()) != "CrossIndustryInvoice" || ns != kCiiNamespace) {
    return MakeError{MakeProblem::NotCii,
                     std::string(root.name()) + (ns.empty() ? "" : " (" + std::string(ns) + ")")};
  }
  const pugi::xml_node id = child_local(child_local(child_local(root, "ExchangedDocumentContext"),
                                                    "GuidelineSpecifiedDocumentContextParameter"),
                                        "ID");
  if (!id) return MakeError{MakeProblem::NoGuideline, ""};
  Invoice invoice;
  invoice.guideline = id.child_value();
  invoice.profile = profile_from_guideline(invoice.guideline);
  return invoice;
}

// ---------------------------------------------------------------------------
// Dates.

struct Dates {
  std::string pdf;  // D:20260115093000+00'00'
  std::string xmp;  // 2026-01-15T09:30:00+00:00
};

Dates dates_of(std::int64_t seconds) {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  std::array<char, 32> pdf{};
  std::array<char, 32> xmp{};
  std::strftime(pdf.data(), pdf.size(), "D:%Y%m%d%H%M%S+00'00'", &utc);
  std::strftime(xmp.data(), xmp.size(), "%Y-%m-%dT%H:%M:%S+00:00", &utc);
  return {pdf.data(), xmp.data()};
}

// A PDF date (D:YYYYMMDDHHmmSSOHH'mm', all but the year optional) as an
// XMP date; empty when it is not one.
std::string xmp_date(std::string pdf) {
  if (pdf.rfind("D:", 0) == 0) pdf.erase(0, 2);
  std::size_t digits = 0;
  while (digits < pdf.size() && digits < 14 &&
         std::isdigit(static_cast<unsigned char>(pdf[digits])))
    ++digits;
  if (digits < 4 || digits % 2 != 0) return {};
  std::string out = pdf.substr(0, 4);
  const std::array<const char*, 5> separators = {"-", "-", "T", ":", ":"};
  for (std::size_t at = 4, i = 0; at < digits; at += 2, ++i)
    out += separators.at(i) + pdf.substr(at, 2);
  if (digits < 10) return out;  // a date without a time takes no zone
  if (digits == 10) out += ":00";
  const std::string zone = pdf.substr(digits);
  if (zone.empty() || zone[0] == 'Z') return out + "Z";
  if ((zone[0] == '+' || zone[0] == '-') && zone.size() >= 3) {
    const std::string minutes = zone.size() >= 6 ? zone.substr(4, 2) : "00";
    return out + zone.substr(0, 3) + ":" + minutes;
  }
  return out;
}

// ---------------------------------------------------------------------------
// XMP.

constexpr std::string_view kXmpSkeleton =
    R"(<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>)";

pugi::xml_node find_rdf(pugi::xml_node node) {
  return node.find_node([](pugi::xml_node n) {
    return n.type() == pugi::node_element && local_of(n.name()) == "RDF" && in_namespace(n, kRdf);
  });
}

// Whether a property is one this writer owns: the PDF/A identification,
// the Factur-X values, the modification dates it sets.
bool owned_property(std::string_view uri, std::string_view local) {
  return uri == kPdfaId || uri == kFx ||
         (uri == kXmp && (local == "ModifyDate" || local == "MetadataDate"));
}

// Removes from every rdf:Description the properties this writer sets (as
// elements or attributes) and the Factur-X entry of the extension schemas;
// the other properties stay.
void strip_owned(pugi::xml_node rdf) {
  for (pugi::xml_node description : rdf.children()) {
    std::vector<pugi::xml_attribute> attributes;
    for (pugi::xml_attribute a : description.attributes()) {
      const std::string_view prefix = prefix_of(a.name());
      if (!prefix.empty() && prefix != "xmlns" &&
          owned_property(namespace_at(description, prefix), local_of(a.name())))
        attributes.push_back(a);
    }
    for (pugi::xml_attribute a : attributes)
      description.remove_attribute(a);
    std::vector<pugi::xml_node> elements;
    for (pugi::xml_node property : description.children()) {
      if (property.type() != pugi::node_element) continue;
      if (owned_property(namespace_at(property, prefix_of(property.name())),
                         local_of(property.name())))
        elements.push_back(property);
    }
    for (pugi::xml_node e : elements)
      description.remove_child(e);
  }
  // A description left with no property goes too.
  std::vector<pugi::xml_node> empty;
  for (pugi::xml_node description : rdf.children()) {
    if (local_of(description.name()) != "Description") continue;
    const bool has_attribute_property =
        std::any_of(description.attributes_begin(), description.attributes_end(),
                    [](const pugi::xml_attribute& a) {
                      const std::string_view prefix = prefix_of(a.name());
                      return !prefix.empty() && prefix != "xmlns" && prefix != "rdf";
                    });
    if (!has_attribute_property &&
        !description.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; }))
      empty.push_back(description);
  }
  for (pugi::xml_node d : empty)
    rdf.remove_child(d);
  // The Factur-X schema description, wherever it is listed.
  std::vector<pugi::xml_node> entries;
  for (pugi::xpath_node n : rdf.select_nodes("//*[local-name()='namespaceURI']")) {
    if (n.node().child_value() == kFx) {
      // namespaceURI is a property of the schema's rdf:li.
      pugi::xml_node li = n.node().parent();
      if (local_of(li.name()) == "Description") li = li.parent();  // an rdf:li holding a resource
      entries.push_back(li);
    }
  }
  for (pugi::xml_node li : entries)
    li.parent().remove_child(li);
}

pugi::xml_node description(pugi::xml_node rdf, std::string_view prefix, std::string_view uri) {
  pugi::xml_node d = rdf.append_child("rdf:Description");
  d.append_attribute("rdf:about") = "";
  d.append_attribute(("xmlns:" + std::string(prefix)).c_str()) = std::string(uri).c_str();
  return d;
}

void text(pugi::xml_node parent, const char* name, std::string_view value) {
  parent.append_child(name).text() = std::string(value).c_str();
}

// The property of the Factur-X extension schema's description.
void schema_property(pugi::xml_node seq, std::string_view name, std::string_view description) {
  pugi::xml_node li = seq.append_child("rdf:li");
  li.append_attribute("rdf:parseType") = "Resource";
  text(li, "pdfaProperty:name", name);
  text(li, "pdfaProperty:valueType", "Text");
  text(li, "pdfaProperty:category", "external");
  text(li, "pdfaProperty:description", description);
}

// The Factur-X extension schema, described for PDF/A (ISO 19005-3 §6.6.2.3:
// a custom XMP schema must be described in the file itself).
void add_schema_description(pugi::xml_node bag) {
  pugi::xml_node li = bag.append_child("rdf:li");
  li.append_attribute("rdf:parseType") = "Resource";
  li.append_attribute("xmlns:pdfaSchema") = std::string(kPdfaSchema).c_str();
  li.append_attribute("xmlns:pdfaProperty") = std::string(kPdfaProperty).c_str();
  text(li, "pdfaSchema:schema", "Factur-X PDFA Extension Schema");
  text(li, "pdfaSchema:namespaceURI", kFx);
  text(li, "pdfaSchema:prefix", "fx");
  pugi::xml_node seq = li.append_child("pdfaSchema:property").append_child("rdf:Seq");
  schema_property(seq, "DocumentFileName", "The name of the embedded XML document");
  schema_property(seq, "DocumentType", "The type of the hybrid document in capital letters");
  schema_property(seq, "Version",
                  "The actual version of the standard applying to the embedded "
                  "XML document");
  schema_property(seq, "ConformanceLevel", "The conformance level of the embedded XML document");
}

// The extension schemas' bag (pdfaExtension:schemas/rdf:Bag): the PDF's own
// when it lists some (a property is given once), else a new one.
pugi::xml_node extension_bag(pugi::xml_node rdf) {
  for (pugi::xml_node d : rdf.children()) {
    for (pugi::xml_node property : d.children()) {
      if (local_of(property.name()) == "schemas" && in_namespace(property, kPdfaExtension)) {
        pugi::xml_node bag = child_local(property, "Bag");
        return bag ? bag : property.append_child("rdf:Bag");
      }
    }
  }
  pugi::xml_node d = description(rdf, "pdfaExtension", kPdfaExtension);
  return d.append_child("pdfaExtension:schemas").append_child("rdf:Bag");
}

// The document information entries an XMP must repeat (ISO 19005-3 §6.6.2.3.1).
void add_info_properties(pugi::xml_node rdf, QPDFObjectHandle info) {
  if (!info.isDictionary()) return;
  auto value = [&](const char* key) {
    QPDFObjectHandle v = info.getKey(key);
    return v.isString() ? v.getUTF8Value() : std::string();
  };
  const std::string title = value("/Title");
  const std::string author = value("/Author");
  const std::string subject = value("/Subject");
  if (!title.empty() || !author.empty() || !subject.empty()) {
    pugi::xml_node dc = description(rdf, "dc", "http://purl.org/dc/elements/1.1/");
    auto alternative = [&](const char* name, const std::string& v) {
      pugi::xml_node li = dc.append_child(name).append_child("rdf:Alt").append_child("rdf:li");
      li.append_attribute("xml:lang") = "x-default";
      li.text() = v.c_str();
    };
    if (!title.empty()) alternative("dc:title", title);
    if (!author.empty())
      text(dc.append_child("dc:creator").append_child("rdf:Seq"), "rdf:li", author);
    if (!subject.empty()) alternative("dc:description", subject);
  }
  const std::string producer = value("/Producer");
  const std::string keywords = value("/Keywords");
  if (!producer.empty() || !keywords.empty()) {
    pugi::xml_node pdf = description(rdf, "pdf", "http://ns.adobe.com/pdf/1.3/");
    if (!producer.empty()) text(pdf, "pdf:Producer", producer);
    if (!keywords.empty()) text(pdf, "pdf:Keywords", keywords);
  }
  const std::string creator = value("/Creator");
  const std::string created = xmp_date(value("/CreationDate"));
  if (!creator.empty() || !created.empty()) {
    pugi::xml_node xmp = description(rdf, "xmp", kXmp);
    if (!creator.empty()) text(xmp, "xmp:CreatorTool", creator);
    if (!created.empty()) text(xmp, "xmp:CreateDate", created);
  }
}

struct Metadata {
  std::string packet;
  bool kept = false;      // the PDF's XMP read, its other properties kept
  bool replaced = false;  // the PDF's XMP unreadable, replaced whole
};

Metadata metadata(QPDF& qpdf, FacturXProfile profile, const Dates& dates) {
  Metadata out;
  pugi::xml_document doc;
  pugi::xml_node rdf;
  QPDFObjectHandle existing = qpdf.getRoot().getKey("/Metadata");
  if (existing.isStream()) {
    std::string bytes;
    try {
      auto data = existing.getStreamData(qpdf_dl_generalized);
      bytes.assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    } catch (const std::exception&) {
      bytes.clear();  // an XMP that cannot be decoded is replaced
    }
    if (doc.load_buffer(bytes.data(), bytes.size())) rdf = find_rdf(doc);
    out.kept = static_cast<bool>(rdf);
    out.replaced = !rdf;
  }
  if (!rdf) {
    doc.reset();
    doc.load_buffer(kXmpSkeleton.data(), kXmpSkeleton.size());
    rdf = find_rdf(doc);
    add_info_properties(rdf, qpdf.getTrailer().getKey("/Info"));
  }
  strip_owned(rdf);

  pugi::xml_node id = description(rdf, "pdfaid", kPdfaId);
  text(id, "pdfaid:part", "3");
  text(id, "pdfaid:conformance", "B");
  pugi::xml_node xmp = description(rdf, "xmp", kXmp);
  text(xmp, "xmp:ModifyDate", dates.xmp);
  text(xmp, "xmp:MetadataDate", dates.xmp);
  add_schema_description(extension_bag(rdf));
  pugi::xml_node fx = description(rdf, "fx", kFx);
  text(fx, "fx:DocumentType", "INVOICE");
  text(fx, "fx:DocumentFileName", kFileName);
  text(fx, "fx:Version", "1.0");
  text(fx, "fx:ConformanceLevel", names_of(profile).level);

  std::ostringstream xml;
  doc.save(xml, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  out.packet = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" + xml.str() +
               "<?xpacket end=\"w\"?>";
  return out;
}

// ---------------------------------------------------------------------------
// The PDF.

// Removes the invoice XMLs the PDF embeds (name tree and /AF); returns the
// first one's name, empty when there was none.
std::string remove_invoices(QPDF& qpdf, bool remove) {
  std::string found;
  QPDFEmbeddedFileDocumentHelper files(qpdf);
  std::vector<std::string> keys;
  for (const auto& [key, spec] : files.getEmbeddedFiles()) {
    const std::string name = spec->getFilename().empty() ? key : spec->getFilename();
    if (is_invoice_name(name) || is_invoice_name(key)) keys.push_back(key);
  }
  if (!keys.empty()) found = keys.front();
  QPDFObjectHandle root = qpdf.getRoot();
  QPDFObjectHandle associated = root.getKey("/AF");
  std::vector<QPDFObjectHandle> kept;
  if (associated.isArray()) {
    for (QPDFObjectHandle entry : associated.aitems()) {
      const std::string name =
          entry.isDictionary() ? QPDFFileSpecObjectHelper(entry).getFilename() : std::string();
      if (is_invoice_name(name)) {
        if (found.empty()) found = name;
      } else {
        kept.push_back(entry);
      }
    }
  }
  if (!remove || found.empty()) return found;
  for (const auto& key : keys)
    files.removeEmbeddedFile(key);
  if (associated.isArray()) root.replaceKey("/AF", QPDFObjectHandle::newArray(kept));
  return found;
}

// The file specification of factur-x.xml, in the name tree and in /AF.
void attach(QPDF& qpdf, std::string_view xml, FacturXProfile profile, const Dates& dates) {
  // qpdf computes /Params /Size and /CheckSum (MD5) from the bytes; the
  // writer compresses the stream (Flate).
  auto stream = QPDFEFStreamObjectHelper::createEFStream(qpdf, std::string(xml));
  stream.setSubtype("text/xml").setModDate(dates.pdf);
  auto created = QPDFFileSpecObjectHelper::createFileSpec(qpdf, std::string(kFileName), stream);
  created.setDescription("Factur-X invoice");
  QPDFObjectHandle spec = qpdf.makeIndirectObject(created.getObjectHandle());
  spec.replaceKey("/AFRelationship",
                  QPDFObjectHandle::newName("/" + std::string(af_relationship(profile))));
  QPDFEmbeddedFileDocumentHelper(qpdf).replaceEmbeddedFile(std::string(kFileName),
                                                           QPDFFileSpecObjectHelper(spec));
  QPDFObjectHandle root = qpdf.getRoot();
  QPDFObjectHandle associated = root.getKey("/AF");
  if (!associated.isArray()) {
    associated = QPDFObjectHandle::newArray();
    root.replaceKey("/AF", associated);
  }
  associated.appendItem(spec);
}

bool has_output_intent(QPDF& qpdf) {
  QPDFObjectHandle intents = qpdf.getRoot().getKey("/OutputIntents");
  return intents.isArray() && intents.getArrayNItems() > 0;
}

// A PDF/A output intent with the sRGB profile `icc`.
void add_output_intent(QPDF& qpdf, const std::string& icc) {
  QPDFObjectHandle profile = qpdf.newStream(icc);
  profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
  QPDFObjectHandle intent = QPDFObjectHandle::parse(
      "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
      "/RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) >>");
  intent.replaceKey("/DestOutputProfile", profile);
  qpdf.getRoot().replaceKey("/OutputIntents",
                            QPDFObjectHandle::newArray({qpdf.makeIndirectObject(intent)}));
}

void set_metadata(QPDF& qpdf, const std::string& packet) {
  QPDFObjectHandle xmp = qpdf.newStream(packet);
  xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
  xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
  qpdf.getRoot().replaceKey("/Metadata", xmp);
}

std::optional<MakeError> open(QPDF& qpdf, std::string_view pdf, const std::string& description) {
  try {
    qpdf.setSuppressWarnings(true);
    // qpdf reads the buffer in place; it never writes to it.
    qpdf.processMemoryFile(description.c_str(), pdf.data(), pdf.size());
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password) return MakeError{MakeProblem::PdfEncrypted, e.what()};
    return MakeError{MakeProblem::PdfUnreadable, e.what()};
  } catch (const std::exception& e) {
    return MakeError{MakeProblem::PdfUnreadable, e.what()};
  }
  if (qpdf.isEncrypted()) return MakeError{MakeProblem::PdfEncrypted, ""};
  return std::nullopt;
}

}  // namespace

ProfileNames names_of(FacturXProfile profile) {
  profile = for_the_pdf(profile);
  std::string_view option;
  for (const auto& [p, name] : kOptions) {
    if (p == profile) option = name;
  }
  return {option, level_of(profile), guideline_id(profile)};
}

std::optional<FacturXProfile> profile_from_option(std::string_view option) {
  for (const auto& [p, name] : kOptions) {
    if (name == option) return p;
  }
  return std::nullopt;
}

std::optional<FacturXProfile> profile_from_guideline(std::string_view guideline) {
  const auto profile = profile_of_guideline(guideline);
  if (!profile) return std::nullopt;
  return for_the_pdf(*profile);
}

// fr-mapping.md §4 (from akretion/factur-x and the usual guidance, itself
// marked "verify against the Factur-X spec PDF", which we could not read):
// /Data for MINIMUM and BASIC WL, whose XML is not a whole invoice and
// leaves the PDF the legal one; /Alternative for BASIC, EN 16931 and
// EXTENDED, whose XML is an equivalent of the PDF.
std::string_view af_relationship(FacturXProfile profile) {
  switch (profile) {
    case FacturXProfile::Minimum:
    case FacturXProfile::BasicWl:
      return "Data";
    case FacturXProfile::Basic:
    case FacturXProfile::En16931:
    case FacturXProfile::Extended:
    case FacturXProfile::ExtendedCtcFr:
      break;
  }
  return "Alternative";
}

std::variant<MadeFacturX, MakeError> make_facturx(std::string_view xml, std::string_view pdf,
                                                  const std::string& description,
                                                  const MakeOptions& options) {
  auto read = read_invoice(xml);
  if (auto* error = std::get_if<MakeError>(&read)) return std::move(*error);
  const Invoice& invoice = std::get<Invoice>(read);
  if (!invoice.profile) return MakeError{MakeProblem::UnknownGuideline, invoice.guideline};
  if (options.profile && *options.profile != *invoice.profile)
    return MakeError{MakeProblem::ProfileMismatch, invoice.guideline};

  try {
    QPDF qpdf;
    if (auto error = open(qpdf, pdf, description)) return std::move(*error);
    MadeFacturX made;
    made.profile = *invoice.profile;
    const std::string existing = remove_invoices(qpdf, options.replace);
    if (!existing.empty() && !options.replace)
      return MakeError{MakeProblem::AlreadyFacturX, existing};
    made.replaced_name = existing;

    const Dates dates = dates_of(
        options.fixed_time ? *options.fixed_time : static_cast<std::int64_t>(std::time(nullptr)));
    attach(qpdf, xml, made.profile, dates);
    const Metadata xmp = metadata(qpdf, made.profile, dates);
    made.metadata_kept = xmp.kept;
    made.metadata_replaced = xmp.replaced;
    set_metadata(qpdf, xmp.packet);
    // The document information says the modification date the XMP says.
    QPDFObjectHandle info = qpdf.getTrailer().getKey("/Info");
    if (info.isDictionary()) info.replaceKey("/ModDate", QPDFObjectHandle::newString(dates.pdf));
    made.had_output_intent = has_output_intent(qpdf);
    if (!made.had_output_intent && options.icc_profile) {
      add_output_intent(qpdf, *options.icc_profile);
      made.output_intent_added = true;
    }

    QPDFWriter writer(qpdf);
    writer.setOutputMemory();
    writer.setMinimumPDFVersion("1.7");  // PDF/A-3 is ISO 32000-1 (PDF 1.7)
    if (options.fixed_time) writer.setDeterministicID(true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    made.pdf.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    return made;
  } catch (const std::exception& e) {
    // A damage qpdf meets only when it resolves an object, after the open.
    return MakeError{MakeProblem::PdfUnreadable, e.what()};
  }
}

}  // namespace cprokit::pdf
