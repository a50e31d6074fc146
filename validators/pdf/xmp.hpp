// What the XMP metadata of a Factur-X PDF says about its embedded invoice.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cprokit::pdf {

struct FacturXMetadata {
  std::optional<std::string> document_file_name;  // fx:DocumentFileName
  std::optional<std::string> conformance_level;   // fx:ConformanceLevel
  std::optional<std::string> document_type;       // fx:DocumentType
  std::optional<std::string> version;             // fx:Version
  std::optional<std::string> pdfa_part;           // pdfaid:part
  std::optional<std::string> pdfa_conformance;    // pdfaid:conformance
  // A pdfaExtension:schemas entry describes the Factur-X (or ZUGFeRD)
  // namespace: PDF/A-3 wants every property outside its own schemas described.
  bool extension_schema = false;
};

// Reads the PDF/A identification and the Factur-X extension schema's
// properties, whether written as elements or as attributes of
// rdf:Description; empty when the XMP is not XML or has none.
FacturXMetadata read_facturx_metadata(std::string_view xmp);

}  // namespace cprokit::pdf
