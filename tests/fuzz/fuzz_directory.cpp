// Fuzz target: the structure directory file (lint --directory, mock --data
// seeding) as validators/directory reads it, the mock's callers included;
// then, when it is read, a fixture invoice linted with it, so the lookups and
// the compiled formatNumeroEngagement patterns run. A refused file must be
// refused with a DirectoryError; any other exception is a bug.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

#include "tests/fuzz/fuzz_linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cprokit;
  directory::DirectoryFile file;
  try {
    file = directory::read_directory_file(fuzz::as_text(data, size));
  } catch (const directory::DirectoryError&) {
    return 0;
  }
  const Linter linter = fuzz::linter().for_directory(
      std::make_shared<const chorus::Directory>(std::move(file.directory)));
  (void)linter.lint("fuzz.xml", fuzz::sample_invoice());
  return 0;
}
