// Fuzz target: an account form (JSON) as `cprokit lint` reads it: the JSON
// tree, kind detection, the account reader and the ACCT rules.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)cprokit::fuzz::linter().lint("fuzz.json", cprokit::fuzz::as_text(data, size));
  return 0;
}
