// Where a value of the model came from in the input document.
#pragma once

#include <cstdint>
#include <string>

namespace cprokit {

struct SourceRef {
  // Path of the element or attribute in the document, with the document's own
  // prefixes and 1-based positions where siblings repeat:
  // "/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount".
  std::string path;
  std::uint32_t line = 0;    // 1-based; 0 when unknown
  std::uint32_t column = 0;  // 1-based; 0 when unknown
};

}  // namespace cprokit
