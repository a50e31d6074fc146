// The invoice XML a Factur-X (or ZUGFeRD) PDF carries as an embedded file,
// read with qpdf from the bytes alone: no file system, no network.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cprokit::pdf {

struct ExtractLimits {
  std::size_t max_xml_bytes = std::size_t{20} * 1024 * 1024;  // the XML, decompressed
  std::size_t max_xmp_bytes = std::size_t{1} * 1024 * 1024;   // the XMP metadata
};

struct FacturX {
  std::string name;  // the embedded file's name, as the PDF spells it
  std::string xml;
  std::optional<std::string> conformance_level;  // fx:ConformanceLevel of the XMP, if any
};

enum class Problem {
  Unreadable,   // not a PDF qpdf can read: damaged, truncated, encrypted with a password
  NoInvoice,    // no embedded file with a Factur-X name
  SeveralXmls,  // more than one, and the XMP does not say which
  TooLarge,     // the XML decompresses to more than max_xml_bytes
};

struct ExtractError {
  Problem problem;
  std::string detail;              // qpdf's message (Unreadable), else empty
  std::vector<std::string> names;  // the embedded files met (NoInvoice, SeveralXmls, TooLarge)
};

// The Factur-X XML of `pdf`. `description` names the input in qpdf's
// messages (which give the object and offset of a problem).
std::variant<FacturX, ExtractError> extract_facturx(std::string_view pdf,
                                                    const std::string& description,
                                                    const ExtractLimits& limits = {});

}  // namespace cprokit::pdf
