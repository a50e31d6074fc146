// What the fuzz targets share: the linter `cprokit lint` builds, set up once
// as `cprokit lint --directory fixtures/directory/matheysine.json --no-xsd`
// would set it (the code lists too when the build found them), and the
// fixture invoice the targets that fuzz a data file lint with it. XSD is left
// out: Xerces-C validation would spend most of each execution outside our code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "rules/catalogue/catalogue.hpp"
#include "validators/codelists/code_list_file.hpp"
#include "validators/directory/directory_file.hpp"
#include "validators/pipeline.hpp"

namespace cprokit::fuzz {

// The bytes of a fixture (fixtures/PATH); throws when it cannot be read, so a
// broken setup stops the fuzzer at once instead of fuzzing nothing.
inline std::string fixture(const std::string& path) {
  std::ifstream in(std::filesystem::path(CPROKIT_FIXTURES_DIR) / path, std::ios::binary);
  if (!in) throw std::runtime_error("fuzz: cannot read fixture " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data),
          size};  // NOLINT(*-reinterpret-cast): libFuzzer's bytes
}

// The structures of the Matheysine fixture, read once.
inline std::shared_ptr<const chorus::Directory> matheysine() {
  static const auto directory = std::make_shared<const chorus::Directory>(
      directory::parse_directory(fixture("directory/matheysine.json")));
  return directory;
}

// The options of a lint run; `code_lists` null: none.
inline LintOptions lint_options(std::shared_ptr<const en16931::CodeLists> code_lists) {
  LintOptions options;
  options.directory = matheysine();
  options.code_lists = std::move(code_lists);
  return options;
}

inline XsdSetup no_xsd() {
  XsdSetup xsd;
  xsd.disabled = true;
  return xsd;
}

// The build-time default code lists (../shared), or null where they are not.
inline std::shared_ptr<const en16931::CodeLists> default_code_lists() {
  const std::filesystem::path file(CPROKIT_DEFAULT_CODELISTS);
  if (!std::filesystem::is_regular_file(file)) return nullptr;
  return std::make_shared<const en16931::CodeLists>(codelists::load_code_lists(file));
}

inline const Linter& linter() {
  static const Linter linter(lint_options(default_code_lists()), no_xsd());
  return linter;
}

// An invoice whose buyer is in the directory, with an engagement number the
// buyer's formatNumeroEngagement judges: the directory and code-list targets
// lint it with what they read.
inline const std::string& sample_invoice() {
  static const std::string bytes = fixture("invoices/chorus/eng-02-format.xml");
  return bytes;
}

}  // namespace cprokit::fuzz
