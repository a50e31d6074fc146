// cprokit as a library: lint the bytes of one document (UBL, CII, Factur-X
// PDF, Chorus Pro deposit request or account JSON) with the rules of
// `cprokit lint`, in process. This header is the whole public API of
// libcprokit: it exposes none of cprokit's internal types (no XML library,
// no rule engine), only the standard library, so that the library can
// change inside without its users recompiling beyond a new SOVERSION.
//
//   #include <cprokit/lint.hpp>
//   cprokit::lib::Options options;
//   options.lang = cprokit::lib::Lang::en;
//   const cprokit::lib::Linter linter(options);
//   cprokit::lib::Result r = linter.lint(bytes, "facture-001.xml");
//   for (const auto& f : r.findings) std::cout << f.rule << ' ' << f.message << '\n';
//
// Link: find_package(cprokit REQUIRED) then
// target_link_libraries(app PRIVATE cprokit::cprokit).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#if defined(CPROKIT_LIBRARY_BUILD)
#define CPROKIT_API __attribute__((visibility("default")))
#else
#define CPROKIT_API
#endif

// The engine itself lives in namespace cprokit; the public API sits in
// cprokit::lib so that its few names never meet the engine's.
namespace cprokit::lib {

enum class Lang { fr, en };
enum class Severity { fatal, warning, info };

// Where reference data comes from when a path is not given: the same places,
// in the same order, as `cprokit lint` (README, "XSD schemas" and "Code
// lists"): the environment variable (CPROKIT_SCHEMAS, CPROKIT_CODELISTS), the
// installed data folder, the folder set when cprokit was built.
struct Options {
  std::string profile = "all";  // all | chorus | en16931 | syntax (cprokit rules --profiles)
  Lang lang = Lang::fr;         // the language of Finding::message
  // XSD validation: `schemas` names the folder of the schemas; nullopt looks
  // them up as above (not found: the XSD-02 warning on each XML document,
  // as the CLI does). xsd = false: no XSD validation, nothing said.
  bool xsd = true;
  std::optional<std::string> schemas;
  // The code lists of the BR-CL rules: `code_lists` names the JSON file;
  // nullopt looks it up as above (not found: the LIST-01 warning).
  // use_code_lists = false: the BR-CL rules are skipped, nothing said.
  bool use_code_lists = true;
  std::optional<std::string> code_lists;
  // The structure directory file (JSON, README "Structure directory"); nullopt:
  // none, the rules that need one are not run (as `lint` without --directory).
  std::optional<std::string> directory;
  // Larger documents are not read: XML-03.
  std::size_t max_bytes = std::size_t{20} * 1024 * 1024;
};

struct Finding {
  std::string rule;  // "BR-CO-10", "CPRO-SIRET-01", …
  Severity severity = Severity::fatal;
  std::string message;             // in Options::lang
  std::string location;            // XPath-like place in the document; may be empty
  std::uint32_t line = 0;          // 1-based; 0 when unknown
  std::vector<std::string> terms;  // EN 16931 business terms concerned: "BT-106"
};

// One document linted; the fields of one document of the JSON contract.
struct Result {
  std::string name;    // as given to lint()
  std::string sha256;  // of the bytes, lower-case hex
  std::string kind;    // invoice | credit-note | account | deposit-request | unknown
  std::string syntax;  // UBL | CII | FACTURX | CPRO-JSON | ACCOUNT-JSON | unknown
  bool valid = false;  // no fatal finding
  std::vector<Finding> findings;
};

// A Linter that cannot be built: an unknown profile, a schema folder without
// usable schemas, a code list or directory file that cannot be read or used.
// what() says what and where, in Options::lang.
class CPROKIT_API Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  ~Error() override;
};

class CPROKIT_API Linter {
 public:
  // Loads the schemas, code lists and directory once. Throws Error.
  explicit Linter(const Options& options = {});
  ~Linter();
  Linter(Linter&&) noexcept;
  Linter& operator=(Linter&&) noexcept;
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

  // Lints one document. Never throws for bad input: every problem of the
  // bytes is a finding. May be called from several threads at once. `name`
  // is the document's file name (some Chorus Pro rules read it). The checks
  // across the documents of a run (CPRO-DUP-01, the duplicate invoice
  // number) are those of `cprokit lint` only.
  Result lint(std::string_view bytes, std::string_view name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The document's object of the JSON contract (README, "JSON output": an
// element of "documents"), exactly as `cprokit lint --format json` writes it,
// on one line.
CPROKIT_API std::string to_json(const Result& result);

// cprokit's version, "0.1.0".
CPROKIT_API std::string version();

}  // namespace cprokit::lib
