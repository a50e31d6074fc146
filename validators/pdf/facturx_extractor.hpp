// The invoice XML a Factur-X (or ZUGFeRD) PDF carries as an embedded file,
// read with qpdf from the bytes alone: no file system, no network.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "validators/pdf/xmp.hpp"

namespace cprokit::pdf {

struct ExtractLimits {
  std::size_t max_xml_bytes = std::size_t{20} * 1024 * 1024;  // the XML, decompressed
  std::size_t max_xmp_bytes = std::size_t{1} * 1024 * 1024;   // the XMP metadata
};

// How the invoice's file specification and stream are written (PDF/A-3
// §6.8, Factur-X 1.0): what the PDF-level rules judge.
struct AttachmentFacts {
  std::optional<std::string> af_relationship;  // /AFRelationship, without its slash
  bool listed_in_af = false;                   // the file spec is in the catalog's /AF
  std::optional<std::string> mime_type;        // /Subtype of the stream, e.g. text/xml
  bool has_params = false;                     // the stream's /Params dictionary
  bool has_mod_date = false;                   // /Params /ModDate
};

struct FacturX {
  std::string name;  // the embedded file's name, as the PDF spells it
  std::string xml;
  bool has_xmp = false;  // the catalog has a /Metadata stream that decodes
  FacturXMetadata xmp;   // what it says (empty when absent)
  AttachmentFacts attachment;
  std::size_t invoice_xmls = 0;  // the embedded files with a Factur-X name
};

enum class Problem {
  Unreadable,   // not a PDF qpdf can read: damaged, truncated
  Encrypted,    // encrypted, with or without a password to open it
  NoInvoice,    // no embedded file with a Factur-X name
  SeveralXmls,  // more than one, and the XMP does not say which
  TooLarge,     // the XML decompresses to more than max_xml_bytes
};

struct ExtractError {
  Problem problem;
  std::string detail;              // qpdf's message (Unreadable), else empty
  std::vector<std::string> names;  // the embedded files met (NoInvoice, SeveralXmls, TooLarge)
};

// Whether an embedded file's name is one an invoice XML has in a Factur-X or
// ZUGFeRD PDF (factur-x.xml, zugferd-invoice.xml, xrechnung.xml, in any case).
bool is_invoice_name(std::string_view name);

// The Factur-X XML of `pdf`. `description` names the input in qpdf's
// messages (which give the object and offset of a problem).
std::variant<FacturX, ExtractError> extract_facturx(std::string_view pdf,
                                                    const std::string& description,
                                                    const ExtractLimits& limits = {});

}  // namespace cprokit::pdf
