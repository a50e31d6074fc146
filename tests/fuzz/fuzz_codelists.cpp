// Fuzz target: the code-list file of the BR-CL rules (lint --codelists) as
// validators/codelists reads it; then, when it is read, a fixture invoice
// linted with those lists. A refused file must be refused with a
// CodeListError; any other exception is a bug.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

#include "tests/fuzz/fuzz_linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cprokit;
  std::shared_ptr<const en16931::CodeLists> lists;
  try {
    lists = std::make_shared<const en16931::CodeLists>(
        codelists::parse_code_lists(fuzz::as_text(data, size), "fuzz.json"));
  } catch (const codelists::CodeListError&) {
    return 0;
  }
  const Linter linter(fuzz::lint_options(std::move(lists)), fuzz::no_xsd());
  (void)linter.lint("fuzz.xml", fuzz::sample_invoice());
  return 0;
}
