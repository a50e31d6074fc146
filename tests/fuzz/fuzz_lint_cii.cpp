// Fuzz target: a CII (UN/CEFACT D16B) invoice or credit note as `cprokit lint` reads it: kind
// detection, safe XML loading, the binding walk, the CII reader and every
// rule. Its corpus holds the CII fixtures (scripts/fuzz.sh).
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)cprokit::fuzz::linter().lint("fuzz.xml", cprokit::fuzz::as_text(data, size));
  return 0;
}
