// Fuzz target: a Factur-X PDF as `cprokit lint` reads it: the embedded
// invoice XML found with qpdf (name, XMP conformance level, decompression
// limit), then linted as an XML invoice is. Bytes not starting as a PDF would
// only test kind detection: they are skipped.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_linter.hpp"
#include "validators/detect.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = cprokit::fuzz::as_text(data, size);
  if (cprokit::sniff_format(bytes) != cprokit::Format::Pdf) return -1;  // not kept in the corpus
  (void)cprokit::fuzz::linter().lint("fuzz.pdf", bytes);
  return 0;
}
