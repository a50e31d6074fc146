// Fuzz target: the code-list file of the BR-CL rules (lint --codelists) as
// validators/codelists reads it; then, when it is read, a fixture invoice
// linted with those lists. A refused file must be refused with a
// CodeListError; any other exception is a bug. The single pass
// (code_list_scan.hpp) must read what the strict parser reads, the same, or
// leave it: a disagreement aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <utility>

#include "tests/fuzz/fuzz_linter.hpp"
#include "validators/codelists/code_list_scan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cprokit;
  const auto text = fuzz::as_text(data, size);
  const std::optional<en16931::CodeLists> fast = codelists::scan_code_lists(text);
  std::shared_ptr<const en16931::CodeLists> lists;
  try {
    lists = std::make_shared<const en16931::CodeLists>(
        codelists::parse_code_lists_strictly(text, "fuzz.json"));
  } catch (const codelists::CodeListError&) {
    if (fast) std::abort();
    return 0;
  }
  if (fast && !(*fast == *lists)) std::abort();
  const Linter linter(fuzz::lint_options(std::move(lists)), fuzz::no_xsd());
  (void)linter.lint("fuzz.xml", fuzz::sample_invoice());
  return 0;
}
