// Fuzz target: a UBL invoice or credit note as `cprokit lint` reads it: kind
// detection, safe XML loading, the binding walk, the UBL reader and every
// rule. Its corpus holds the UBL fixtures (scripts/fuzz.sh).
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)cprokit::fuzz::linter().lint("fuzz.xml", cprokit::fuzz::as_text(data, size));
  return 0;
}
