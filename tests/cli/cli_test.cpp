// The cprokit binary seen from outside: exit codes, usage errors, the JSON
// contract, the human output, inputs, kind detection, hostile inputs, the XSD
// layer and `cprokit rules`. Every run goes through run() (fork/execve).
#include <unistd.h>
#include <csignal>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/code_lists_sample.hpp"
#include "tests/cli/run.hpp"
#include "tests/fixtures/expectations.hpp"
#include "tests/skip.hpp"

namespace fs = std::filesystem;
using cprokit::test::cprokit_binary;
using cprokit::test::kUnset;
using cprokit::test::run;
using cprokit::test::run_in_terminal;
using cprokit::test::run_program;
using cprokit::test::RunResult;
using cprokit::test::small_code_lists;
namespace testing = cprokit::testing;
using nlohmann::ordered_json;

namespace {

// ---------------------------------------------------------------------------
// Scratch space: <tmp>/cprokit-cli-tests-<pid>, removed when the program ends.

class Scratch {
 public:
  static Scratch& get() {
    static Scratch scratch;
    return scratch;
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  const fs::path& root() const { return root_; }

 private:
  Scratch() : root_(fs::temp_directory_path() / (kPrefix + std::to_string(::getpid()))) {
    remove_stale();
    fs::remove_all(root_);
    fs::create_directories(root_);
  }

  // Folders left by runs that died before cleaning up (their process is gone).
  static void remove_stale() {
    std::error_code ec;
    for (fs::directory_iterator it(fs::temp_directory_path(), ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.starts_with(kPrefix)) continue;
      std::string digits = name.substr(kPrefix.size());
      if (digits.empty() || digits.size() > 9 ||
          digits.find_first_not_of("0123456789") != std::string::npos) {
        continue;
      }
      if (::kill(static_cast<pid_t>(std::stol(digits)), 0) != 0 && errno == ESRCH) {
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
      }
    }
  }

  static inline const std::string kPrefix = "cprokit-cli-tests-";
  fs::path root_;
};

// A new, empty folder under the scratch root.
fs::path fresh_dir(const std::string& name) {
  fs::path dir = Scratch::get().root() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write_file(const fs::path& path, std::string_view bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  REQUIRE(out.good());
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// SHA-256 of `bytes` according to coreutils' sha256sum (fed on stdin, no shell).
std::string sha256sum(const std::string& bytes) {
  std::string tool = fs::exists("/usr/bin/sha256sum") ? "/usr/bin/sha256sum" : "/bin/sha256sum";
  RunResult r = run_program(tool, {}, bytes);
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.out.size() >= 64);
  return r.out.substr(0, 64);
}

std::size_t count_of(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

bool contains(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

// True when one line of `text` starts with `id` followed by a space.
bool lists(std::string_view text, std::string_view id) {
  std::string needle = std::string(id) + " ";
  return text.starts_with(needle) || contains(text, "\n" + needle);
}

bool no_crash(const RunResult& r) {
  return r.signal == 0 && r.exit_code >= 0 && r.exit_code < 128;
}

// ---------------------------------------------------------------------------
// Invoices.

constexpr std::string_view kUblNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

// A small UBL 2.1 invoice, valid against the XSD and EN 16931 when
// `line_amount` is 100.00 (BT-106 = 100.00, BT-109 = 100.00, BT-112 = 120.00),
// with no fatal Chorus Pro finding either (SIRETs, engagement, IBAN).
// Another line amount breaks BR-CO-10 (and BR-S-08: the VAT breakdown says
// 100.00); `after_id` is inserted after cbc:ID.
std::string ubl_invoice(std::string_view line_amount = "100.00", std::string_view after_id = "") {
  std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
  <cbc:ID>F-0001</cbc:ID>)";
  out += after_id;
  out += R"(
  <cbc:IssueDate>2024-01-15</cbc:IssueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:OrderReference><cbc:ID>BC2026-000123</cbc:ID></cac:OrderReference>
  <cac:AccountingSupplierParty><cac:Party><cac:PostalAddress><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress><cac:PartyTaxScheme><cbc:CompanyID>FR19812345676</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme><cac:PartyLegalEntity><cbc:RegistrationName>Vendeur</cbc:RegistrationName><cbc:CompanyID schemeID="0009">81234567600017</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PostalAddress><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress><cac:PartyLegalEntity><cbc:RegistrationName>Acheteur</cbc:RegistrationName><cbc:CompanyID schemeID="0009">20004065700013</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
  <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cac:PayeeFinancialAccount><cbc:ID>FR7630004004510001023456779</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="EUR">20.00</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="EUR">100.00</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="EUR">20.00</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">100.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">100.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">120.00</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="EUR">120.00</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">1</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">)";
  out += line_amount;
  out += R"(</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Article</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="EUR">)";
  out += line_amount;
  out += R"(</cbc:PriceAmount></cac:Price>
  </cac:InvoiceLine>
</Invoice>
)";
  return out;
}

// True when a fixture's .expect text lists `id` ("ID" or "ID @LINE" on a line).
bool expects_rule(const std::string& expect, std::string_view id) {
  std::istringstream lines(expect);
  for (std::string line; std::getline(lines, line);) {
    if (line == id || line.starts_with(std::string(id) + " ")) return true;
  }
  return false;
}

// The valid invoice and the BR-CO-10 one: the fixtures when they are there
// (fixtures/invoices/ubl/invoice-valid.xml, fixtures/invoices/ubl/br-co-10*.xml),
// otherwise files written here from ubl_invoice().
struct Samples {
  fs::path valid;
  fs::path broken;
};

const Samples& samples() {
  static const Samples s = [] {
    Samples out;
    std::vector<fs::path> files;
    std::error_code ec;
    fs::path dir = fs::path(CPROKIT_FIXTURES_DIR) / "invoices" / "ubl";
    for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file()) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::string name = f.filename().string();
      if (name == "invoice-valid.xml") out.valid = f;
      // br-co-10-*-ok.xml are neighbours that must not fire; the .expect says what fires.
      if (out.broken.empty() && name.starts_with("br-co-10") && f.extension() == ".xml" &&
          !name.ends_with("-ok.xml")) {
        fs::path expect = f.string() + ".expect";
        if (!fs::exists(expect) || expects_rule(read_file(expect), "BR-CO-10")) {
          out.broken = f;
        }
      }
    }
    fs::path own = fresh_dir("samples");
    if (out.valid.empty()) {
      out.valid = own / "invoice-valid.xml";
      write_file(out.valid, ubl_invoice());
    }
    if (out.broken.empty()) {
      out.broken = own / "br-co-10-line-sum.xml";
      write_file(out.broken, ubl_invoice("90.00"));
    }
    return out;
  }();
  return s;
}

// The schema folder this build uses by default (-DCPROKIT_DEFAULT_SCHEMAS,
// ../shared/en16931/xsd), when present: a clone has none.
fs::path shared_xsd_dir() {
  return CPROKIT_DEFAULT_SCHEMAS;
}

bool have_shared_xsd() {
  return fs::is_regular_file(shared_xsd_dir() / "ubl-2.1" / "maindoc" / "UBL-Invoice-2.1.xsd");
}

// ---------------------------------------------------------------------------
// The JSON contract.

std::vector<std::string> keys_of(const ordered_json& object) {
  std::vector<std::string> out;
  for (auto it = object.begin(); it != object.end(); ++it)
    out.push_back(it.key());
  return out;
}

ordered_json parse_json(const RunResult& r) {
  INFO("exit " << r.exit_code << "\nstdout:\n" << r.out << "\nstderr:\n" << r.err);
  ordered_json j;
  REQUIRE_NOTHROW(j = ordered_json::parse(r.out));
  return j;
}

// Checks the whole contract on the output of `cprokit lint --format json`,
// its exit code included; returns the parsed document.
ordered_json check_contract(const RunResult& r) {
  INFO("exit " << r.exit_code << "\nstdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(no_crash(r));
  ordered_json j = parse_json(r);
  REQUIRE(j.is_object());
  REQUIRE(keys_of(j) == std::vector<std::string>{"tool", "documents", "summary"});

  const auto& tool = j.at("tool");
  REQUIRE(tool.is_object());
  REQUIRE(keys_of(tool) == std::vector<std::string>{"name", "version", "references"});
  CHECK(tool.at("name") == "cprokit");
  CHECK(tool.at("version") == CPROKIT_VERSION);

  const std::regex hex64("^[0-9a-f]{64}$");
  const auto& references = tool.at("references");
  REQUIRE(keys_of(references) == std::vector<std::string>{"directory", "codelists", "xsd"});
  for (const auto& [what, data] : references.items()) {
    INFO(what);
    if (data.is_null()) continue;
    std::vector<std::string> keys = {"path", "sha256"};
    if (what == "xsd") keys.emplace_back("files");
    REQUIRE(keys_of(data) == keys);
    CHECK(data.at("path").is_string());
    CHECK(std::regex_match(data.at("sha256").get<std::string>(), hex64));
    if (what == "xsd") CHECK(data.at("files").is_number_unsigned());
  }
  const std::set<std::string> kinds = {"invoice", "credit-note", "account", "deposit-request",
                                       "unknown"};
  const std::set<std::string> syntaxes = {"UBL",       "CII",          "FACTURX",
                                          "CPRO-JSON", "ACCOUNT-JSON", "UNKNOWN"};
  const std::set<std::string> severities = {"fatal", "warning", "info"};
  std::size_t valid = 0;
  std::size_t invalid = 0;
  std::size_t fatal = 0;
  std::size_t warning = 0;
  std::size_t info = 0;

  REQUIRE(j.at("documents").is_array());
  for (const auto& doc : j.at("documents")) {
    REQUIRE(doc.is_object());
    REQUIRE(keys_of(doc) ==
            std::vector<std::string>{"path", "sha256", "kind", "syntax", "valid", "findings"});
    CHECK(doc.at("path").is_string());
    REQUIRE(doc.at("sha256").is_string());
    // Empty only for a stream refused past --max-bytes (read in part, never whole).
    const std::string sha = doc.at("sha256").get<std::string>();
    CHECK((std::regex_match(sha, hex64) || (sha.empty() && doc.at("path") == "-") ||
           (sha.empty() && doc.at("path") == "/dev/zero")));
    REQUIRE(doc.at("kind").is_string());
    CHECK(kinds.count(doc.at("kind").get<std::string>()) == 1);
    REQUIRE(doc.at("syntax").is_string());
    CHECK(syntaxes.count(doc.at("syntax").get<std::string>()) == 1);
    REQUIRE(doc.at("valid").is_boolean());
    REQUIRE(doc.at("findings").is_array());
    bool has_fatal = false;
    for (const auto& f : doc.at("findings")) {
      REQUIRE(f.is_object());
      REQUIRE(keys_of(f) ==
              std::vector<std::string>{"rule", "severity", "message", "location", "line", "terms"});
      REQUIRE(f.at("rule").is_string());
      CHECK_FALSE(f.at("rule").get<std::string>().empty());
      REQUIRE(f.at("severity").is_string());
      const std::string severity = f.at("severity").get<std::string>();
      CHECK(severities.count(severity) == 1);
      REQUIRE(f.at("message").is_string());
      CHECK_FALSE(f.at("message").get<std::string>().empty());
      CHECK(f.at("location").is_string());
      CHECK((f.at("line").is_null() ||
             (f.at("line").is_number_integer() && f.at("line").get<long>() > 0)));
      REQUIRE(f.at("terms").is_array());
      for (const auto& t : f.at("terms"))
        CHECK(t.is_string());
      if (severity == "fatal") {
        has_fatal = true;
        ++fatal;
      } else if (severity == "warning") {
        ++warning;
      } else {
        ++info;
      }
    }
    CHECK(doc.at("valid").get<bool>() == !has_fatal);
    ++(has_fatal ? invalid : valid);
  }

  const auto& summary = j.at("summary");
  REQUIRE(summary.is_object());
  REQUIRE(keys_of(summary) ==
          std::vector<std::string>{"documents", "valid", "invalid", "fatal", "warning", "info"});
  CHECK(summary.at("documents") == j.at("documents").size());
  CHECK(summary.at("valid") == valid);
  CHECK(summary.at("invalid") == invalid);
  CHECK(summary.at("fatal") == fatal);
  CHECK(summary.at("warning") == warning);
  CHECK(summary.at("info") == info);
  CHECK(r.exit_code == (fatal > 0 ? 1 : 0));
  return j;
}

std::vector<std::string> rules_of(const ordered_json& doc) {
  std::vector<std::string> out;
  for (const auto& f : doc.at("findings"))
    out.push_back(f.at("rule").get<std::string>());
  return out;
}

bool has_rule(const ordered_json& doc, std::string_view rule) {
  auto ids = rules_of(doc);
  return std::find(ids.begin(), ids.end(), rule) != ids.end();
}

// The rules of the catalogue by id, as `cprokit rules --format json` gives
// them: those of one family (and its sub-families) when `family` is given.
const std::map<std::string, nlohmann::json>& catalogue_rules(const std::string& family = "") {
  static std::map<std::string, std::map<std::string, nlohmann::json>> by_family;
  auto known = by_family.find(family);
  if (known != by_family.end()) return known->second;
  std::vector<std::string> args = {"rules", "--format", "json"};
  if (!family.empty()) args.insert(args.end(), {"--family", family});
  const RunResult r = run(args);
  REQUIRE(r.exit_code == 0);
  const auto catalogue = nlohmann::json::parse(r.out);  // kept: the loop reads inside it
  std::map<std::string, nlohmann::json> rules;
  for (const auto& rule : catalogue.at("rules"))
    rules[rule.at("id").get<std::string>()] = rule;
  return by_family.emplace(family, std::move(rules)).first->second;
}

// Whether a rule of `family` fired on the document.
bool has_rule_of_family(const ordered_json& doc, const std::string& family) {
  const auto& members = catalogue_rules(family);
  auto ids = rules_of(doc);
  return std::any_of(ids.begin(), ids.end(), [&](const auto& id) { return members.contains(id); });
}

// The first finding of `rule` in `doc`; fails the test when there is none.
ordered_json finding_of(const ordered_json& doc, std::string_view rule) {
  for (const auto& f : doc.at("findings")) {
    if (f.at("rule") == rule) return f;
  }
  INFO("findings: " << doc.at("findings").dump());
  FAIL("no " << rule << " finding");
  return {};
}

// `cprokit lint --format json` on one input; checks the contract and that
// there is exactly one document.
struct Linted {
  RunResult result;
  ordered_json json;
  ordered_json doc;
};

Linted lint_json(std::vector<std::string> args, const std::string& stdin_data = {},
                 const std::map<std::string, std::string>& env = {}) {
  args.insert(args.begin(), {"lint", "--format", "json"});
  Linted out;
  out.result = run(args, stdin_data, env);
  out.json = check_contract(out.result);
  REQUIRE(out.json.at("documents").size() == 1);
  out.doc = out.json.at("documents")[0];
  return out;
}

}  // namespace

// ===========================================================================
// The run() helper itself.

TEST_CASE("run helper: separate streams, stdin, environment changes, signals", "[run]") {
  SECTION("stdout and stderr are kept apart, stdin is fed, big data does not block") {
    std::string big(std::size_t{3} * 1024 * 1024, 'x');  // far more than a pipe buffer
    RunResult r = run_program("/bin/sh", {"-c", "cat; echo to-err >&2; exit 7"}, big);
    CHECK(r.exit_code == 7);
    CHECK(r.signal == 0);
    CHECK(r.out == big);
    CHECK(r.err == "to-err\n");
  }
  SECTION("variables are overridden, added and removed") {
    RunResult before = run_program("/usr/bin/env", {}, {}, {{"PATH", "/usr/bin:/bin"}});
    REQUIRE(before.exit_code == 0);
    CHECK(contains("\n" + before.out, "\nPATH=/usr/bin:/bin\n"));
    RunResult r =
        run_program("/usr/bin/env", {}, {}, {{"CPROKIT_TEST_VAR", "a=b"}, {"PATH", kUnset}});
    CHECK(contains("\n" + r.out, "\nCPROKIT_TEST_VAR=a=b\n"));
    CHECK_FALSE(contains("\n" + r.out, "\nPATH="));
  }
  SECTION("a child killed by a signal is reported as such") {
    RunResult r = run_program("/bin/sh", {"-c", "kill -KILL $$"});
    CHECK(r.signal == 9);
    CHECK_FALSE(r.exited());
  }
  SECTION("a program that cannot be run throws") {
    CHECK_THROWS(run_program("/nonexistent/cprokit-nope", {}));
  }
  SECTION("a child that does not read its input does not hurt the parent") {
    RunResult r = run({"--version"}, std::string(std::size_t{1024} * 1024, 'y'));
    CHECK(r.exit_code == 0);
  }
}

// ===========================================================================
// Usage, exit codes.

TEST_CASE("version: cprokit --version prints the version", "[usage]") {
  RunResult r = run({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == std::string("cprokit ") + CPROKIT_VERSION + "\n");
  CHECK(r.err.empty());
}

TEST_CASE("no arguments: usage on stderr, exit 2", "[usage]") {
  RunResult r = run({});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "Usage: cprokit"));
}

TEST_CASE("help: cprokit --help prints the usage on stdout, exit 0", "[usage]") {
  RunResult r = run({"--help"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Usage: cprokit"));
}

TEST_CASE("an unknown command: exit 2, named on stderr", "[usage]") {
  RunResult r = run({"frobnicate"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "frobnicate"));
}

TEST_CASE("lint --help and rules --help: exit 0 with examples", "[usage]") {
  for (std::string command : {"lint", "rules"}) {
    for (std::string flag : {"--help", "-h"}) {
      INFO(command << " " << flag);
      RunResult r = run({command, flag});
      CHECK(r.exit_code == 0);
      CHECK(contains(r.out, "Exemples / examples"));
      CHECK(r.err.empty());
    }
  }
}

TEST_CASE("lint usage errors: exit 2, message on stderr, nothing on stdout", "[usage]") {
  const std::string file = samples().valid.string();
  struct Case {
    std::vector<std::string> args;
    std::string in_message;
  };
  const std::vector<Case> cases = {
      {{"lint", "--bogus-option", file}, "--bogus-option"},
      {{"lint"}, "lint"},
      {{"lint", "--format", "json"}, "lint"},
      {{"lint", "--format", "xml", file}, "xml"},
      {{"lint", "--lang", "de", file}, "de"},
      {{"lint", "--profile", "nope", file}, "nope"},
      {{"lint", "--color", "sometimes", file}, "--color"},
      {{"lint", "--max-bytes", "lots", file}, "max-bytes"},
      {{"lint", "--schemas", "/nonexistent-cprokit-schemas", file}, "/nonexistent-cprokit-schemas"},
      {{"lint", "--fail-on", "info", file}, "--fail-on"},
      {{"lint", "--jobs", "0", file}, "--jobs"},
      {{"lint", "--jobs", "many", file}, "--jobs"},
      {{"lint", "--progress", "sometimes", file}, "--progress"},
      {{"lint", "-f", "json", "-o", "a.json", "-o", "b.json", file}, "-o"},
      {{"lint", "-f", "json", "-f", "human", file}, "sortie standard"},
      {{"lint", "-f", "json", "-o", "/nonexistent-cprokit-dir/r.json", file},
       "/nonexistent-cprokit-dir/r.json"},
  };
  for (const auto& c : cases) {
    std::string shown;
    for (const auto& a : c.args)
      shown += a + " ";
    INFO("cprokit " << shown);
    RunResult r = run(c.args);
    INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, c.in_message));
  }
}

TEST_CASE("usage errors in French by default, in English with --lang en, every subcommand",
          "[usage]") {
  const std::string file = samples().valid.string();
  const std::string missing = (Scratch::get().root() / "absent.json").string();
  const std::string data = fresh_dir("usage-mock-data").string();
  struct Case {
    std::vector<std::string> args;  // the subcommand first; --lang goes right after it
    std::string fr;
    std::string en;
  };
  const std::vector<Case> cases = {
      {{"lint", "--bogus", file}, "option inconnue : --bogus", "unknown option: --bogus"},
      {{"lint", file, "--format"}, "--format attend une valeur", "--format needs a value"},
      {{"lint", "--no-xsd=yes", file},
       "--no-xsd ne prend pas de valeur",
       "--no-xsd takes no value"},
      {{"lint", "--jobs", "0", file},
       "--jobs : « 0 » n'est pas un nombre de fils",
       "--jobs: \"0\" is not a thread count"},
      {{"lint", "--directory", missing, file},
       "--directory " + missing + " : introuvable",
       "--directory " + missing + ": not found"},
      {{"lint", "--with", missing, file},
       "--with " + missing + " : introuvable",
       "--with " + missing + ": not found"},
      {{"lint", "--codelists", missing, file},
       "--codelists " + missing + " : introuvable",
       "--codelists " + missing + ": not found"},
      {{"lint", "-f", "json", "-o", "/nonexistent-cprokit-dir/r.json", file},
       "-o /nonexistent-cprokit-dir/r.json : introuvable",
       "-o /nonexistent-cprokit-dir/r.json: not found"},
      {{"rules", "--bogus"}, "option inconnue : --bogus", "unknown option: --bogus"},
      {{"rules", "NO-SUCH-RULE"},
       "règle inconnue « NO-SUCH-RULE »",
       "unknown rule \"NO-SUCH-RULE\""},
      {{"id", "--format"}, "--format attend une valeur", "--format needs a value"},
      {{"mock", "--bogus"}, "option inconnue : --bogus", "unknown option: --bogus"},
      {{"mock", "--data", data, "--port", "many"},
       "--port : valeur incorrecte",
       "--port: invalid value"},
      {{"mock", "--data", data, "--directory", missing},
       "--directory " + missing + " : introuvable",
       "--directory " + missing + ": not found"},
  };
  for (const auto& c : cases) {
    std::string shown;
    for (const auto& a : c.args)
      shown += a + " ";
    INFO("cprokit " << shown);
    RunResult fr = run(c.args);
    INFO("stderr:\n" << fr.err);
    CHECK(fr.exit_code == 2);
    CHECK(contains(fr.err, "cprokit " + c.args[0] + ": " + c.fr + ""));
    CHECK_FALSE(contains(fr.err, c.en));
    for (const std::vector<std::string>& lang :
         {std::vector<std::string>{"--lang", "en"}, {"--lang=en"}, {"-len"}}) {
      std::vector<std::string> args = c.args;
      args.insert(args.begin() + 1, lang.begin(), lang.end());
      RunResult en = run(args);
      INFO("--lang en: stderr:\n" << en.err);
      CHECK(en.exit_code == 2);
      CHECK(contains(en.err, "cprokit " + c.args[0] + ": " + c.en));
    }
  }
}

// ===========================================================================
// The JSON contract.

TEST_CASE("JSON contract on a valid and a broken invoice", "[json]") {
  const Samples& s = samples();
  SECTION("valid invoice: valid, no fatal, exit 0") {
    Linted l = lint_json({s.valid.string()});
    CHECK(l.result.exit_code == 0);
    CHECK(l.doc.at("path") == s.valid.string());
    CHECK(l.doc.at("kind") == "invoice");
    CHECK(l.doc.at("syntax") == "UBL");
    CHECK(l.doc.at("valid") == true);
    CHECK(l.doc.at("sha256") == sha256sum(read_file(s.valid)));
  }
  SECTION("broken invoice: BR-CO-10 fatal with its terms, exit 1") {
    Linted l = lint_json({s.broken.string()});
    CHECK(l.result.exit_code == 1);
    CHECK(l.doc.at("valid") == false);
    CHECK(l.doc.at("sha256") == sha256sum(read_file(s.broken)));
    ordered_json f = finding_of(l.doc, "BR-CO-10");
    CHECK(f.at("severity") == "fatal");
    auto terms = f.at("terms").get<std::vector<std::string>>();
    CHECK(std::find(terms.begin(), terms.end(), "BT-106") != terms.end());
    CHECK(f.at("line").is_number_integer());
    CHECK_FALSE(f.at("location").get<std::string>().empty());
  }
  SECTION("both together: documents in argument order, summary over both, exit 1") {
    RunResult r = run({"lint", "--format", "json", s.valid.string(), s.broken.string()});
    ordered_json j = check_contract(r);
    REQUIRE(j.at("documents").size() == 2);
    CHECK(j.at("documents")[0].at("path") == s.valid.string());
    CHECK(j.at("documents")[1].at("path") == s.broken.string());
    CHECK(j.at("summary").at("documents") == 2);
    CHECK(j.at("summary").at("valid") == 1);
    CHECK(j.at("summary").at("invalid") == 1);
    CHECK(r.exit_code == 1);
  }
  SECTION("two files with the same bytes have the same sha256, another file another one") {
    fs::path dir = fresh_dir("same-bytes");
    write_file(dir / "one.xml", read_file(s.valid));
    write_file(dir / "two.xml", read_file(s.valid));
    RunResult r = run({"lint", "--format", "json", (dir / "one.xml").string(),
                       (dir / "two.xml").string(), s.broken.string()});
    ordered_json j = check_contract(r);
    REQUIRE(j.at("documents").size() == 3);
    CHECK(j.at("documents")[0].at("sha256") == j.at("documents")[1].at("sha256"));
    CHECK(j.at("documents")[0].at("sha256") != j.at("documents")[2].at("sha256"));
  }
}

TEST_CASE("one lint, several reports: each --format with its -o, one on stdout", "[json]") {
  const Samples& s = samples();
  const fs::path dir = fresh_dir("several-reports");
  const fs::path json_file = dir / "report.json";
  RunResult r = run({"lint", "--format", "json", "-o", json_file.string(), "--format", "human",
                     s.valid.string(), s.broken.string()});
  INFO("stderr:\n" << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "BR-CO-10"));  // the human report on stdout
  CHECK_FALSE(contains(r.out, "{"));   // and only it
  const auto report = nlohmann::json::parse(read_file(json_file));
  REQUIRE(report.at("documents").size() == 2);
  CHECK(report.at("documents")[0].at("path") == s.valid.string());
  CHECK(report.at("summary").at("invalid") == 1);
  // Without a document the array is empty, and the file still parses.
  const fs::path empty_dir = fresh_dir("several-reports-empty");
  RunResult none =
      run({"lint", "--allow-empty", "-f", "json", "-o", json_file.string(), empty_dir.string()});
  CHECK(none.exit_code == 0);
  CHECK(nlohmann::json::parse(read_file(json_file)).at("documents").empty());
}

TEST_CASE("lint --jobs: the same reports, in input order, whatever the threads", "[inputs]") {
  // Every fixture: hundreds of documents of every kind, some slow (XSD, big
  // lines), so that threads finish out of order.
  const std::string all = fs::path(CPROKIT_FIXTURES_DIR).string();
  RunResult one = run({"lint", "-f", "json", "--jobs", "1", all});
  RunResult two = run({"lint", "-f", "json", "--jobs", "2", all});
  RunResult many = run({"lint", "-f", "json", "--jobs", "7", all});
  REQUIRE(one.exit_code == 1);
  CHECK(nlohmann::json::parse(one.out).at("documents").size() > 100);
  CHECK(two.exit_code == one.exit_code);
  CHECK(many.exit_code == one.exit_code);
  CHECK(two.out == one.out);
  CHECK(many.out == one.out);
  CHECK(one.err.empty());  // no progress bar when stderr is not a terminal
}

TEST_CASE("lint --include/--exclude: globs on the path below the folder", "[inputs]") {
  const fs::path dir = fresh_dir("globs");
  fs::create_directories(dir / "2026" / "draft");
  fs::create_directories(dir / "2025");
  const std::string bytes = read_file(samples().valid);
  for (const fs::path& p : {dir / "2026" / "a.xml", dir / "2026" / "draft" / "b.xml",
                            dir / "2025" / "c.xml", dir / "d.json"}) {
    std::ofstream(p, std::ios::binary) << bytes;
  }
  auto paths = [&](const std::vector<std::string>& options) {
    std::vector<std::string> args{"lint", "-f", "json"};
    args.insert(args.end(), options.begin(), options.end());
    args.push_back(dir.string());
    RunResult r = run(args);
    const auto report = nlohmann::json::parse(r.out);
    std::vector<std::string> out;
    for (const auto& d : report.at("documents")) {
      out.push_back(fs::path(d.at("path").get<std::string>()).lexically_relative(dir).string());
    }
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(paths({}) == V{"2025/c.xml", "2026/a.xml", "2026/draft/b.xml", "d.json"});
  CHECK(paths({"--include", "2026/*"}) == V{"2026/a.xml", "2026/draft/b.xml"});
  CHECK(paths({"--include", "*.xml", "--exclude", "*draft*"}) == V{"2025/c.xml", "2026/a.xml"});
  CHECK(paths({"--include", "2025/*", "--include", "*.json"}) == V{"2025/c.xml", "d.json"});
}

TEST_CASE("lint --fail-on warning: a warning alone gives exit 1", "[usage]") {
  // invoice-valid.xml has no fatal finding but a CPRO-NAME-01 warning (its
  // file name carries neither the supplier nor the number).
  const Samples& s = samples();
  RunResult fatal_only = run({"lint", "-f", "json", s.valid.string()});
  REQUIRE(fatal_only.exit_code == 0);
  REQUIRE(contains(fatal_only.out, "\"severity\": \"warning\""));
  RunResult on_warning = run({"lint", "-f", "json", "--fail-on", "warning", s.valid.string()});
  CHECK(on_warning.exit_code == 1);
  CHECK(on_warning.out == fatal_only.out);
}

TEST_CASE("lint --lang en gives English messages, French by default", "[json]") {
  const std::string file = samples().broken.string();
  Linted fr = lint_json({file});
  Linted fr_explicit = lint_json({"--lang", "fr", file});
  Linted en = lint_json({"--lang", "en", file});
  CHECK(rules_of(fr.doc) == rules_of(en.doc));
  const std::string message_fr = finding_of(fr.doc, "BR-CO-10").at("message");
  const std::string message_en = finding_of(en.doc, "BR-CO-10").at("message");
  CHECK(message_fr == finding_of(fr_explicit.doc, "BR-CO-10").at("message").get<std::string>());
  CHECK(message_fr != message_en);
  // Everything but the messages is the same.
  CHECK(fr.doc.at("sha256") == en.doc.at("sha256"));
  CHECK(finding_of(fr.doc, "BR-CO-10").at("location") ==
        finding_of(en.doc, "BR-CO-10").at("location"));
  CHECK(fr.json.at("summary") == en.json.at("summary"));
}

TEST_CASE("every fixture through the binary: JSON contract and the rules of its .expect",
          "[json][fixtures]") {
  const std::vector<fs::path> files = testing::fixture_files(CPROKIT_FIXTURES_DIR);
  if (files.empty()) {
    WARN("no fixture in " << CPROKIT_FIXTURES_DIR << ": not tested through the binary");
    return;
  }

  // One run per set of fixture options (tests/fixtures/expectations.hpp).
  std::map<std::string, std::pair<testing::FixtureOptions, std::vector<fs::path>>> groups;
  for (const auto& f : files) {
    testing::FixtureOptions options = testing::read_fixture_options(f);
    auto& group = groups[options.key()];
    group.first = options;
    group.second.push_back(f);
  }
  std::map<fs::path, ordered_json> documents;
  for (const auto& [key, options_and_files] : groups) {
    const auto& [options, group] = options_and_files;
    std::vector<std::string> args = {"lint", "--format", "json", "--profile", options.profile};
    if (options.directory) args.insert(args.end(), {"--directory", options.directory->string()});
    if (!options.name.empty()) args.insert(args.end(), {"--name", options.name});
    if (options.with) args.insert(args.end(), {"--with", options.with->string()});
    for (const auto& f : group)
      args.push_back(f.string());
    ordered_json j = check_contract(run(args));
    REQUIRE(j.at("documents").size() == group.size());
    for (std::size_t i = 0; i < group.size(); ++i)
      documents[group[i]] = j.at("documents")[i];
  }

  // Without schemas (XSD-02 somewhere), the XSD expectations are not judged.
  bool with_xsd = true;
  for (const auto& [file, doc] : documents) {
    if (has_rule(doc, "XSD-02")) with_xsd = false;
  }
  if (!with_xsd) WARN("the binary found no XSD schemas: XSD-* expectations not judged");
  // Without code lists (LIST-01 somewhere), neither are BR-CL-* and LIST-01.
  bool with_lists = true;
  for (const auto& [file, doc] : documents) {
    if (has_rule(doc, "LIST-01")) with_lists = false;
  }
  if (!with_lists) WARN("the binary found no code lists: BR-CL-* expectations not judged");
  // Fixtures are variants of a few invoices: linted in one run, they are
  // duplicates of each other (CPRO-DUP-01 has its own test).
  // A rule whose verdicts depend on reference data the binary lacks is not
  // judged (the catalogue says which: XSD-*, BR-CL-*, LIST-01).
  auto judged = [&](const std::string& id) {
    const auto rule = catalogue_rules().find(id);
    if (rule == catalogue_rules().end()) return true;  // unknown: fails
    for (const auto& data : rule->second.at("depends_on")) {
      if (data == "xsd" && !with_xsd) return false;
      if (data == "code-lists" && !with_lists) return false;
    }
    return id != "CPRO-DUP-01";
  };

  for (const fs::path& file : files) {
    const ordered_json& doc = documents.at(file);
    INFO(file.string() << "\nfindings: " << doc.at("findings").dump(1));
    CHECK(doc.at("path") == file.string());
    const fs::path expect_file = file.string() + ".expect";
    if (!fs::exists(expect_file)) continue;  // the fixture test reports it
    std::set<std::string> want;
    std::set<std::string> got;
    std::vector<std::pair<std::string, long>> pinned;
    std::istringstream lines(read_file(expect_file));
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line.front() == '#') continue;
      std::istringstream words(line);
      std::string id;
      std::string at;
      words >> id >> at;
      if (id.empty() || !judged(id)) continue;
      want.insert(id);
      if (at.size() > 1 && at.front() == '@') pinned.emplace_back(id, std::stol(at.substr(1)));
    }
    for (const auto& id : rules_of(doc)) {
      if (judged(id)) got.insert(id);
    }
    CHECK(got == want);
    for (const auto& [id, line] : pinned) {
      INFO(id << " expected at line " << line);
      bool found = false;
      for (const auto& f : doc.at("findings")) {
        if (f.at("rule") == id && f.at("line").is_number_integer() && f.at("line") == line) {
          found = true;
        }
      }
      CHECK(found);
    }
  }

  // The same folders walked: every .xml, .pdf, .json file, the other ones left out.
  std::vector<std::string> walk = {"lint", "--format", "json"};
  for (const fs::path& root : testing::fixture_roots(CPROKIT_FIXTURES_DIR)) {
    if (fs::exists(root)) walk.push_back(root.string());
  }
  RunResult walked = run(walk);
  ordered_json w = check_contract(walked);
  std::size_t with_extension = 0;
  for (const auto& f : files) {
    std::string ext = f.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".xml" || ext == ".pdf" || ext == ".json") ++with_extension;
  }
  CHECK(w.at("documents").size() == with_extension);
}

// ===========================================================================
// Human output.

TEST_CASE("human output: grouped by file, each path once as a header", "[human]") {
  const Samples& s = samples();
  const std::string broken = s.broken.string();
  const std::string valid = s.valid.string();
  // Two variants of one invoice: en16931, or CPRO-DUP-01 would name the first again.
  RunResult r = run({"lint", "--profile", "en16931", broken, valid});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  CHECK(r.exit_code == 1);
  CHECK(count_of(r.out, broken) == 1);
  CHECK(count_of(r.out, valid) == 1);
  const std::size_t broken_at = r.out.find(broken);
  const std::size_t valid_at = r.out.find(valid);
  REQUIRE(broken_at != std::string::npos);
  REQUIRE(valid_at != std::string::npos);
  // Headers start their line, in argument order.
  CHECK(broken_at == 0);
  CHECK(r.out[valid_at - 1] == '\n');
  CHECK(broken_at < valid_at);
  // The broken file's finding sits under its header, before the next file.
  const std::size_t finding_at = r.out.find("BR-CO-10");
  REQUIRE(finding_at != std::string::npos);
  CHECK(broken_at < finding_at);
  CHECK(finding_at < valid_at);
  // The valid file has no finding line of its own: only the summary follows.
  std::string after_valid = r.out.substr(valid_at);
  CHECK_FALSE(contains(after_valid, "BR-CO-"));
  CHECK(contains(r.out, "2 document(s)"));
}

TEST_CASE("human output: colours", "[human]") {
  const std::string broken = samples().broken.string();
  const std::string esc = "\x1b[";
  SECTION("--color auto (default) on a pipe: no escape code") {
    RunResult r = run({"lint", broken});
    CHECK(r.exit_code == 1);
    CHECK_FALSE(contains(r.out, esc));
    CHECK_FALSE(contains(r.err, esc));
    RunResult explicit_auto = run({"lint", "--color", "auto", broken});
    CHECK(explicit_auto.out == r.out);
  }
  SECTION("--color never: no escape code") {
    RunResult r = run({"lint", "--color", "never", broken});
    CHECK(r.exit_code == 1);
    CHECK_FALSE(contains(r.out, esc));
  }
  SECTION("--color always: escape codes, even with NO_COLOR set") {
    RunResult r = run({"lint", "--color", "always", broken});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, esc));
    RunResult no_color = run({"lint", "--color", "always", broken}, {}, {{"NO_COLOR", "1"}});
    CHECK(contains(no_color.out, esc));
  }
  // NO_COLOR in auto mode only matters on a terminal: not testable through a pipe.
}

TEST_CASE("human output in English", "[human]") {
  RunResult fr = run({"lint", samples().broken.string()});
  RunResult en = run({"lint", "--lang", "en", samples().broken.string()});
  CHECK(fr.exit_code == 1);
  CHECK(en.exit_code == 1);
  CHECK(contains(fr.out, "invalide"));
  CHECK(contains(en.out, "invalid"));
  CHECK_FALSE(contains(en.out, "invalide"));
}

// ===========================================================================
// Inputs.

TEST_CASE("a folder is walked recursively, sorted, hidden entries and other extensions skipped",
          "[inputs]") {
  fs::path dir = fresh_dir("walk");
  const std::string invoice = ubl_invoice();
  for (const char* name :
       {"a.xml", "B.XML", "c.Pdf", "d.JsOn", "e.txt", "noext", ".hidden.xml", ".git/h.xml",
        "sub/g.xml", "sub/deeper/h.json", "folder.xml/k.xml", "sub/.secret/s.xml"}) {
    write_file(dir / name, invoice);
  }
  // The same invoice seven times: en16931, or CPRO-DUP-01 would fire from the second on.
  RunResult r = run({"lint", "--format", "json", "--no-xsd", "--profile", "en16931", dir.string()});
  ordered_json j = check_contract(r);
  std::vector<std::string> paths;
  for (const auto& doc : j.at("documents"))
    paths.push_back(doc.at("path").get<std::string>());
  std::vector<std::string> expected;
  for (const char* name : {"B.XML", "a.xml", "c.Pdf", "d.JsOn", "folder.xml/k.xml",
                           "sub/deeper/h.json", "sub/g.xml"}) {
    expected.push_back((dir / name).string());
  }
  CHECK(paths == expected);
  CHECK(r.exit_code == 0);
  for (const auto& doc : j.at("documents"))
    CHECK(doc.at("syntax") == "UBL");
}

TEST_CASE("a folder that cannot be read is named, the others are linted, exit 2", "[inputs]") {
  if (::geteuid() == 0) SKIP_TEST("root reads every folder: run the tests as another user");
  fs::path dir = fresh_dir("locked-folder");
  const std::string invoice = ubl_invoice();
  for (const char* name : {"a.xml", "locked/b.xml", "z.xml"})
    write_file(dir / name, invoice);
  fs::permissions(dir / "locked", fs::perms::none);
  RunResult r = run({"lint", "--format", "json", "--no-xsd", "--profile", "en16931", "--jobs", "2",
                     dir.string()});
  fs::permissions(dir / "locked", fs::perms::owner_all);
  ordered_json j = parse_json(r);
  REQUIRE(j.at("documents").size() == 2);
  CHECK(j.at("documents")[0].at("path") == (dir / "a.xml").string());
  CHECK(j.at("documents")[1].at("path") == (dir / "z.xml").string());
  CHECK(contains(r.err, "cprokit lint: " + (dir / "locked").string() + " : accès refusé"));
  CHECK(r.exit_code == 2);
}

TEST_CASE("paths that cannot be read are named with the cause, the others linted, exit 2",
          "[inputs]") {
  // Causes that hold even for root: a missing file, a symbolic link loop, a
  // path through a file.
  const fs::path dir = fresh_dir("unreadable-paths");
  const Samples& s = samples();
  const fs::path missing = dir / "nosuch.xml";
  const fs::path loop = dir / "loop.xml";
  fs::create_symlink(loop.filename(), loop);
  const fs::path through_file = fs::path(s.valid.string()) / "x.xml";
  const std::vector<std::string> inputs = {missing.string(), s.valid.string(), loop.string(),
                                           s.broken.string(), through_file.string()};
  const fs::path report = dir / "report.json";
  std::vector<std::string> args = {"lint", "-f",    "json",   "-o", report.string(),
                                   "-f",   "human", "--jobs", "2"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  RunResult r = run(args);
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  CHECK(r.exit_code == 2);  // above the 1 of the broken invoice
  // The readable ones are linted, in order, and every report is complete.
  ordered_json j = ordered_json::parse(read_file(report));
  REQUIRE(j.at("documents").size() == 2);
  CHECK(j.at("documents")[0].at("path") == s.valid.string());
  CHECK(j.at("documents")[1].at("path") == s.broken.string());
  CHECK(j.at("summary").at("documents") == 2);
  CHECK(contains(r.out, "2 document(s)"));
  // Each of the others on a line of its own, with its cause, in French.
  CHECK(contains(r.err,
                 "cprokit lint: " + missing.string() + " : introuvable : vérifiez le chemin\n"));
  CHECK(contains(r.err, "cprokit lint: " + loop.string() + " : trop de liens symboliques"));
  CHECK(contains(r.err, "cprokit lint: " + through_file.string() +
                            " : introuvable : une partie du chemin n'est pas un dossier"));
  CHECK(count_of(r.err, "\n") == 3);

  SECTION("in English with --lang en") {
    args.insert(args.begin() + 1, {"--lang", "en"});
    RunResult en = run(args);
    CHECK(en.exit_code == 2);
    CHECK(contains(en.err, "cprokit lint: " + missing.string() + ": not found: check the path\n"));
    CHECK(contains(en.err, "cprokit lint: " + loop.string() + ": too many symbolic links"));
  }
  SECTION("a missing file alone: named, an empty report, exit 2") {
    RunResult alone = run({"lint", "-f", "json", missing.string()});
    CHECK(alone.exit_code == 2);
    CHECK(ordered_json::parse(alone.out).at("documents").empty());
    CHECK(contains(alone.err, missing.string() + " : introuvable"));
    CHECK_FALSE(contains(alone.err, "aucun fichier à vérifier"));  // not also "nothing to lint"
  }
}

TEST_CASE("standard input that cannot be read is named as such, exit 2", "[inputs]") {
  // Standard input redirected from a folder: read(2) fails with EISDIR.
  RunResult r = run_program("/bin/sh", {"-c", R"(exec "$0" lint - "$1" < /)", cprokit_binary(),
                                        samples().valid.string()});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "cprokit lint: entrée standard (-) : c'est un dossier, pas un fichier\n"));
  CHECK(contains(r.out, samples().valid.string() + " ("));
}

TEST_CASE("nothing to lint: empty folders or globs that match nothing give exit 2", "[inputs]") {
  const fs::path empty = fresh_dir("empty-folder");
  write_file(empty / "readme.txt", "not an invoice");
  const fs::path full = fresh_dir("full-folder");
  write_file(full / "2026" / "a.xml", ubl_invoice());

  RunResult r = run({"lint", "--format", "json", empty.string()});
  INFO("stderr:\n" << r.err);
  CHECK(r.exit_code == 2);
  CHECK(ordered_json::parse(r.out).at("documents").empty());  // the report is still whole
  CHECK(contains(r.err, "cprokit lint: aucun fichier à vérifier dans " + empty.string()));
  CHECK(contains(r.err, "--allow-empty"));

  RunResult typo = run({"lint", "--no-xsd", "--include", "2025/*.xml", full.string()});
  CHECK(typo.exit_code == 2);
  CHECK(contains(typo.err, "--include '2025/*.xml'"));
  RunResult en = run({"lint", "--lang", "en", "--exclude", "*.xml", full.string()});
  CHECK(en.exit_code == 2);
  CHECK(contains(en.err, "cprokit lint: no file to check in " + full.string()));
  CHECK(contains(en.err, "--exclude '*.xml'"));

  SECTION("--allow-empty: exit 0, nothing said") {
    RunResult allowed = run({"lint", "--allow-empty", "--format", "json", empty.string()});
    CHECK(allowed.exit_code == 0);
    CHECK(allowed.err.empty());
  }
  SECTION("a folder with a document is not empty") {
    RunResult some = run({"lint", "--no-xsd", "--include", "2026/*.xml", full.string()});
    CHECK(some.exit_code == 0);
    CHECK(some.err.empty());
  }
}

TEST_CASE("many documents: big output, one document each", "[inputs]") {
  fs::path dir = fresh_dir("many");
  const std::string invoice = ubl_invoice("90.00");
  constexpr int kCount = 300;
  for (int i = 0; i < kCount; ++i) {
    write_file(dir / ("inv-" + std::to_string(1000 + i) + ".xml"), invoice);
  }
  RunResult r = run({"lint", "--format", "json", "--no-xsd", dir.string()});
  ordered_json j = check_contract(r);
  CHECK(j.at("documents").size() == kCount);
  CHECK(j.at("summary").at("invalid") == kCount);
  CHECK(r.exit_code == 1);
  CHECK(r.out.size() > 65536);  // more than a pipe buffer went through run()
}

// ===========================================================================
// The progress line, on the terminal the reports are written to.

namespace {

// What a terminal shows after receiving `raw`: carriage return, line feed and
// erase to end of line (ESC [ K) applied, other escape sequences (colours)
// dropped; one string per line, the last one unfinished.
std::vector<std::string> screen_lines(std::string_view raw) {
  std::vector<std::string> lines(1);
  std::size_t column = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\r') {
      column = 0;
    } else if (c == '\n') {
      lines.emplace_back();
      column = 0;
    } else if (c == '\033' && i + 1 < raw.size() && raw[i + 1] == '[') {
      std::size_t end = i + 2;
      while (end < raw.size() && !std::isalpha(static_cast<unsigned char>(raw[end])))
        ++end;
      if (end < raw.size() && raw[end] == 'K') lines.back().resize(column);
      i = end;
    } else if (column < lines.back().size()) {
      lines.back()[column++] = c;
    } else {
      lines.back().push_back(c);
      ++column;
    }
  }
  return lines;
}

// "[####      ] 3/12  …/s  ~…": the progress line (cli/progress.cpp).
const std::regex kProgressLine(R"(\[[# ]{24}\] \d+/\d+  \d+/s  ~)");

// A folder of `count` invoices, the same one under different names.
fs::path invoice_folder(const std::string& name, int count) {
  fs::path dir = fresh_dir(name);
  for (int i = 0; i < count; ++i)
    write_file(dir / ("inv-" + std::to_string(10 + i) + ".xml"), ubl_invoice());
  return dir;
}

}  // namespace

TEST_CASE("terminal: screen_lines renders what a terminal shows", "[progress]") {
  using V = std::vector<std::string>;
  CHECK(screen_lines("ab\r\ncd") == V{"ab", "cd"});
  CHECK(screen_lines("abc\rx") == V{"xbc"});
  CHECK(screen_lines("abc\r\033[Kx\033[1;31my\033[0m") == V{"xy"});
  CHECK(screen_lines("\r\033[K[##] 1/2ab\n") == V{"[##] 1/2ab", ""});
}

TEST_CASE("the progress line never lands on a report line on the same terminal", "[progress]") {
  constexpr int kCount = 12;
  const fs::path dir = invoice_folder("progress-terminal", kCount);
  // en16931: no CPRO-DUP-01 for the same invoice twelve times.
  RunResult r = run_in_terminal(
      {"lint", "--no-xsd", "--profile", "en16931", "--color", "never", dir.string()});
  INFO("terminal output:\n" << r.out);
  CHECK(r.exit_code == 0);
  CHECK(std::regex_search(r.out, kProgressLine));  // the line was drawn
  const std::vector<std::string> lines = screen_lines(r.out);
  for (const auto& line : lines) {
    INFO(line);
    CHECK_FALSE(std::regex_search(line, kProgressLine));
  }
  for (int i = 0; i < kCount; ++i) {
    const std::string path = (dir / ("inv-" + std::to_string(10 + i) + ".xml")).string();
    CHECK(std::count_if(lines.begin(), lines.end(), [&](const std::string& line) {
            return line.starts_with(path + " (");
          }) == 1);
  }

  SECTION("a report that leaves its lines open (JSON) is shown whole") {
    RunResult json = run_in_terminal(
        {"lint", "--no-xsd", "--profile", "en16931", "--format", "json", dir.string()});
    std::string shown;
    for (const auto& line : screen_lines(json.out))
      shown += line + "\n";
    INFO("terminal output:\n" << json.out);
    ordered_json j;
    REQUIRE_NOTHROW(j = ordered_json::parse(shown));
    CHECK(j.at("documents").size() == kCount);
  }
  SECTION("reports written elsewhere: the line is drawn, and erased at the end") {
    const fs::path report = dir / "report.json";
    RunResult file = run_in_terminal({"lint", "--no-xsd", "--profile", "en16931", "-f", "json",
                                      "-o", report.string(), dir.string()});
    CHECK(std::regex_search(file.out, kProgressLine));
    std::string shown;
    for (const auto& line : screen_lines(file.out))
      shown += line;
    CHECK(shown.empty());
  }
}

TEST_CASE("standard input (-) is read, same bytes give the same sha256 as the file", "[inputs]") {
  const fs::path file = samples().valid;
  const std::string bytes = read_file(file);
  // The same deposit name for both: standard input has no file name of its own.
  Linted from_stdin = lint_json({"--name", "x", "-"}, bytes);
  Linted from_file = lint_json({"--name", "x", file.string()});
  CHECK(from_stdin.doc.at("path") == "-");
  CHECK(from_stdin.doc.at("syntax") == "UBL");
  CHECK(from_stdin.doc.at("kind") == "invoice");
  CHECK(from_stdin.doc.at("valid") == true);
  CHECK(from_stdin.doc.at("sha256") == from_file.doc.at("sha256"));
  CHECK(from_stdin.doc.at("sha256") == sha256sum(bytes));
  CHECK(rules_of(from_stdin.doc) == rules_of(from_file.doc));

  SECTION("stdin among files keeps the argument order") {
    RunResult r =
        run({"lint", "--format", "json", file.string(), "-"}, read_file(samples().broken));
    ordered_json j = check_contract(r);
    REQUIRE(j.at("documents").size() == 2);
    CHECK(j.at("documents")[0].at("path") == file.string());
    CHECK(j.at("documents")[1].at("path") == "-");
    CHECK(j.at("documents")[1].at("valid") == false);
    CHECK(r.exit_code == 1);
  }
}

TEST_CASE("a file named explicitly is linted whatever its extension", "[inputs]") {
  fs::path dir = fresh_dir("explicit");
  const std::string invoice = ubl_invoice();
  for (const char* name : {"invoice.txt", "invoice", ".hidden-invoice.dat"}) {
    INFO(name);
    write_file(dir / name, invoice);
    Linted l = lint_json({(dir / name).string()});
    CHECK(l.doc.at("path") == (dir / name).string());
    CHECK(l.doc.at("syntax") == "UBL");
    CHECK(l.doc.at("kind") == "invoice");
    CHECK(l.result.exit_code == 0);
  }
}

// ===========================================================================
// Kind detection by content, not by name.

TEST_CASE("kind detection looks at the content, not the name", "[detect]") {
  fs::path dir = fresh_dir("detect");
  SECTION("a UBL invoice saved as .pdf is linted as UBL") {
    write_file(dir / "x.pdf", ubl_invoice());
    Linted l = lint_json({(dir / "x.pdf").string()});
    CHECK(l.doc.at("syntax") == "UBL");
    CHECK(l.doc.at("kind") == "invoice");
    CHECK(l.result.exit_code == 0);
  }
  SECTION("a PDF (%PDF-) saved as .xml is read as a PDF: without a trailer, PDF-01") {
    write_file(dir / "facture.xml", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n");
    Linted l = lint_json({(dir / "facture.xml").string()});
    CHECK(has_rule(l.doc, "PDF-01"));
    CHECK(finding_of(l.doc, "PDF-01").at("severity") == "fatal");
    CHECK(l.result.exit_code == 1);
  }
  SECTION("a deposit request saved as .xml is linted as CPRO-JSON") {
    write_file(dir / "depot.xml", R"({"modeDepot": "SAISIE_API"})");
    Linted l = lint_json({(dir / "depot.xml").string()});
    CHECK(l.doc.at("syntax") == "CPRO-JSON");
    CHECK(l.doc.at("kind") == "deposit-request");
  }
  SECTION("an account form is linted as ACCOUNT-JSON") {
    write_file(dir / "compte.txt", R"({"compte": {}})");
    Linted l = lint_json({(dir / "compte.txt").string()});
    CHECK(l.doc.at("syntax") == "ACCOUNT-JSON");
    CHECK(l.doc.at("kind") == "account");
  }
  SECTION("other JSON gives DOC-01") {
    write_file(dir / "depot.json", R"({"invoice": {"id": "F-1"}})");
    Linted l = lint_json({(dir / "depot.json").string()});
    CHECK(has_rule(l.doc, "DOC-01"));
    CHECK(l.result.exit_code == 1);
    write_file(dir / "list.xml", "  [1, 2, 3]\n");
    Linted array = lint_json({(dir / "list.xml").string()});
    CHECK(has_rule(array.doc, "DOC-01"));
  }
  SECTION("plain text gives DOC-01") {
    write_file(dir / "notes.xml", "Bonjour, voici la facture.\n");
    Linted l = lint_json({(dir / "notes.xml").string()});
    CHECK(has_rule(l.doc, "DOC-01"));
    CHECK(l.doc.at("syntax") == "UNKNOWN");
    CHECK(l.result.exit_code == 1);
  }
}

TEST_CASE("a Factur-X PDF is linted as its CII, the findings placed inside factur-x.xml",
          "[detect][facturx]") {
  const fs::path facturx = fs::path(CPROKIT_FIXTURES_DIR) / "invoices" / "facturx";
  Linted l = lint_json({(facturx / "br-co-10-line-sum.pdf").string(), "--no-xsd"});
  CHECK(l.doc.at("syntax") == "FACTURX");
  CHECK(l.doc.at("kind") == "invoice");
  const auto& f = finding_of(l.doc, "BR-CO-10");
  CHECK(f.at("line") == 230);  // the line in the embedded XML
  CHECK(f.at("location").get<std::string>().starts_with("factur-x.xml:/rsm:CrossIndustryInvoice/"));
  CHECK(l.result.exit_code == 1);

  Linted valid = lint_json({(facturx / "invoice-valid.pdf").string(), "--no-xsd"});
  CHECK(valid.doc.at("valid") == true);
  CHECK(valid.result.exit_code == 0);
  CHECK(valid.result.err.empty());  // qpdf says nothing on stderr
}

// ===========================================================================
// Hostile inputs: a fatal finding of the right rule, exit 1, quickly, never
// a crash, nothing leaked.

namespace {

struct Hostile {
  Linted with_defaults;  // XSD as the build finds it
  Linted without_xsd;    // --no-xsd: the time is the input's own cost
};

// Lints `args` twice (defaults, then --no-xsd) and checks what every hostile input must give.
Hostile check_hostile(const std::vector<std::string>& args, std::string_view rule,
                      const std::string& stdin_data = {}) {
  Hostile out;
  out.with_defaults = lint_json(args, stdin_data);
  std::vector<std::string> no_xsd = args;
  no_xsd.insert(no_xsd.begin(), "--no-xsd");
  out.without_xsd = lint_json(no_xsd, stdin_data);
  for (const Linted* l : {&out.with_defaults, &out.without_xsd}) {
    const RunResult& r = l->result;
    INFO("stdout:\n" << r.out.substr(0, 4000) << "\nstderr:\n" << r.err.substr(0, 4000));
    CHECK(no_crash(r));
    CHECK(r.exit_code == 1);
    CHECK(l->doc.at("valid") == false);
    CHECK(finding_of(l->doc, rule).at("severity") == "fatal");
    CHECK_FALSE(contains(r.out, "root:"));
    CHECK_FALSE(contains(r.err, "root:"));
  }
  // Cost. Speed is measured by the benchmarks, not here: this bounds the CPU
  // an input may take, so that an expansion or a quadratic path shows (a
  // hang is caught by the run helper's watchdog). CPU time barely changes on
  // a loaded machine, unlike wall time. Loading the XSD grammars is a fixed
  // start-up cost (about 0.4 s CPU in a debug build, more under the
  // sanitizers): the default run gets a wider bound.
  INFO("--no-xsd: " << out.without_xsd.result.cpu_seconds()
                    << " s CPU; defaults: " << out.with_defaults.result.cpu_seconds() << " s CPU");
  CHECK(out.without_xsd.result.cpu_seconds() < 1.0);
  CHECK(out.with_defaults.result.cpu_seconds() < 3.0);
  return out;
}

std::string in_invoice_root(std::string_view body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invoice xmlns=\"" + std::string(kUblNs) +
         "\">" + std::string(body) + "</Invoice>\n";
}

}  // namespace

TEST_CASE("hostile: malformed XML gives XML-01 with its line", "[hostile]") {
  fs::path file = fresh_dir("malformed") / "malformed.xml";
  write_file(file, "<?xml version=\"1.0\"?>\n<Invoice xmlns=\"" + std::string(kUblNs) +
                       "\">\n  <a>\n  </b>\n</Invoice>\n");
  Hostile h = check_hostile({file.string()}, "XML-01");
  ordered_json f = finding_of(h.with_defaults.doc, "XML-01");
  REQUIRE(f.at("line").is_number_integer());
  CHECK(f.at("line").get<int>() == 4);
}

TEST_CASE("hostile: an external entity (XXE) gives XML-02 and reads nothing", "[hostile]") {
  fs::path file = fresh_dir("xxe") / "xxe.xml";
  write_file(file,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
             "<Invoice xmlns=\"" +
                 std::string(kUblNs) +
                 "\" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:"
                 "CommonBasicComponents-2\">\n  <cbc:ID>&xxe;</cbc:ID>\n  <cbc:Note "
                 "attr=\"&xxe;\">&xxe;</cbc:Note>\n</Invoice>\n");
  check_hostile({file.string()}, "XML-02");
  // Also in the human output, in both languages.
  for (const char* lang : {"fr", "en"}) {
    RunResult r = run({"lint", "--lang", lang, file.string()});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "XML-02"));
    CHECK_FALSE(contains(r.out, "root:"));
    CHECK_FALSE(contains(r.err, "root:"));
  }
}

TEST_CASE("hostile: an entity-expansion bomb (billion laughs) gives XML-02", "[hostile]") {
  std::string dtd = "<!DOCTYPE Invoice [\n  <!ENTITY lol0 \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    std::string prev = "&lol" + std::to_string(i - 1) + ";";
    std::string value;
    for (int k = 0; k < 10; ++k)
      value += prev;
    dtd += "  <!ENTITY lol" + std::to_string(i) + " \"" + value + "\">\n";
  }
  dtd += "]>\n";
  fs::path file = fresh_dir("bomb") / "bomb.xml";
  write_file(file, "<?xml version=\"1.0\"?>\n" + dtd + "<Invoice xmlns=\"" + std::string(kUblNs) +
                       "\">&lol9;</Invoice>\n");
  check_hostile({file.string()}, "XML-02");
}

TEST_CASE("hostile: an empty file gives XML-06", "[hostile]") {
  fs::path dir = fresh_dir("empty");
  write_file(dir / "empty.xml", "");
  write_file(dir / "blank.xml", " \n\t\r\n");
  check_hostile({(dir / "empty.xml").string()}, "XML-06");
  check_hostile({(dir / "blank.xml").string()}, "XML-06");
  check_hostile({"-"}, "XML-06", "");
}

TEST_CASE("an empty file named .json or .pdf gets a JSON or a PDF finding, not XML-06",
          "[hostile]") {
  // With no content, the name is the only evidence of what it was meant to be.
  const fs::path dir = fresh_dir("empty-by-name");
  const std::vector<std::pair<std::string, std::string>> cases = {{"depot.json", "JSON-01"},
                                                                  {"COMPTE.JSON", "JSON-01"},
                                                                  {"blank.json", "JSON-01"},
                                                                  {"facture.pdf", "PDF-01"},
                                                                  {"other.txt", "XML-06"}};
  for (const auto& [name, rule] : cases) {
    INFO(name);
    write_file(dir / name, name == "blank.json" ? "\xEF\xBB\xBF \n" : "");
    Hostile h = check_hostile({(dir / name).string()}, rule);
    CHECK(rules_of(h.without_xsd.doc) == std::vector<std::string>{rule});
    CHECK(h.without_xsd.doc.at("kind") == "unknown");
    CHECK(contains(finding_of(h.without_xsd.doc, rule).at("message").get<std::string>(),
                   "Le fichier est vide"));
  }
}

TEST_CASE("hostile: 100,000 nested elements give XML-04", "[hostile]") {
  std::string body;
  body.reserve(700'000);
  for (int i = 0; i < 100'000; ++i)
    body += "<a>";
  for (int i = 0; i < 100'000; ++i)
    body += "</a>";
  fs::path file = fresh_dir("deep") / "deep.xml";
  write_file(file, in_invoice_root(body));
  check_hostile({file.string()}, "XML-04");
}

TEST_CASE("hostile: a well-formed XML that is no invoice gives DOC-01", "[hostile]") {
  fs::path dir = fresh_dir("not-invoice");
  write_file(dir / "note.xml", "<?xml version=\"1.0\"?>\n<note><to>Tove</to></note>\n");
  // The right local name in the wrong namespace is no invoice either.
  write_file(dir / "fake.xml", "<Invoice xmlns=\"urn:example:not-ubl\"><ID>1</ID></Invoice>\n");
  check_hostile({(dir / "note.xml").string()}, "DOC-01");
  check_hostile({(dir / "fake.xml").string()}, "DOC-01");
}

TEST_CASE("hostile: invalid UTF-8 gives XML-05", "[hostile]") {
  fs::path file = fresh_dir("utf8") / "latin.xml";
  write_file(file, in_invoice_root("\n<Note>caf\xE9 \xC3\x28 \xFF</Note>\n"));
  check_hostile({file.string()}, "XML-05");
}

TEST_CASE("hostile: over --max-bytes gives XML-03, still with the sha256", "[hostile]") {
  // Larger than read_input's 64 KiB chunks and than a pipe buffer.
  std::string big = ubl_invoice();
  big.insert(big.find("<Invoice"), "<!-- " + std::string(300'000, 'x') + " -->\n");
  REQUIRE(big.size() > 300'000);
  fs::path file = fresh_dir("large") / "large.xml";
  write_file(file, big);
  const std::string sha = sha256sum(big);

  SECTION("a file") {
    Hostile h = check_hostile({"--max-bytes", "1000", file.string()}, "XML-03");
    CHECK(h.with_defaults.doc.at("sha256") == sha);
    CHECK(h.without_xsd.doc.at("sha256") == sha);
    // Without the option, the same file is fine.
    Linted l = lint_json({file.string()});
    CHECK(l.result.exit_code == 0);
    CHECK(l.doc.at("sha256") == sha);
  }
  SECTION("standard input") {
    Hostile h = check_hostile({"--max-bytes", "1000", "-"}, "XML-03", big);
    // A stream is read no further than the limit: it may never end.
    CHECK(h.with_defaults.doc.at("sha256").get<std::string>().empty());
    CHECK(h.with_defaults.doc.at("path") == "-");
  }
  SECTION("just over and just at the limit") {
    const std::string small = ubl_invoice();
    fs::path f = file.parent_path() / "small.xml";
    write_file(f, small);
    const std::string size = std::to_string(small.size());
    const std::string below = std::to_string(small.size() - 1);
    Linted at = lint_json({"--max-bytes", size, f.string()});
    CHECK_FALSE(has_rule(at.doc, "XML-03"));
    Linted over = lint_json({"--max-bytes", below, f.string()});
    CHECK(has_rule(over.doc, "XML-03"));
    CHECK(over.doc.at("sha256") == sha256sum(small));
  }
}

// ===========================================================================
// The XSD layer.

TEST_CASE("lint --no-xsd gives no XSD finding at all", "[xsd]") {
  fs::path dir = fresh_dir("no-xsd");
  write_file(dir / "bad-schema.xml", ubl_invoice("100.00", "<cbc:Bogus>x</cbc:Bogus>"));
  for (const auto& file : {samples().valid, dir / "bad-schema.xml"}) {
    INFO(file);
    Linted l = lint_json({"--no-xsd", file.string()});
    CHECK_FALSE(has_rule_of_family(l.doc, "XSD"));
    CHECK(l.result.exit_code == 0);
    // Whatever CPROKIT_SCHEMAS says.
    Linted env = lint_json({"--no-xsd", file.string()}, {}, {{"CPROKIT_SCHEMAS", dir.string()}});
    CHECK_FALSE(has_rule_of_family(env.doc, "XSD"));
  }
}

TEST_CASE("CPROKIT_SCHEMAS without schemas is skipped: the search goes on", "[xsd]") {
  fs::path empty = fresh_dir("env-empty");
  const std::string file = samples().valid.string();
  Linted unset = lint_json({file}, {}, {{"CPROKIT_SCHEMAS", kUnset}});
  Linted skipped = lint_json({file}, {}, {{"CPROKIT_SCHEMAS", empty.string()}});
  Linted blank = lint_json({file}, {}, {{"CPROKIT_SCHEMAS", ""}});
  CHECK(rules_of(unset.doc) == rules_of(skipped.doc));
  CHECK(rules_of(unset.doc) == rules_of(blank.doc));
  CHECK(unset.result.exit_code == skipped.result.exit_code);
}

TEST_CASE("unusable schemas: XSD-02 warning through CPROKIT_SCHEMAS, exit 2 with --schemas",
          "[xsd]") {
  // The UBL entry point is there (so the folder is chosen) but it is no schema.
  fs::path broken = fresh_dir("broken-schemas");
  write_file(broken / "ubl-2.1" / "maindoc" / "UBL-Invoice-2.1.xsd", "not a schema\n");
  const std::string file = samples().valid.string();

  Linted l = lint_json({file}, {}, {{"CPROKIT_SCHEMAS", broken.string()}});
  ordered_json f = finding_of(l.doc, "XSD-02");
  CHECK(f.at("severity") == "warning");
  CHECK(l.doc.at("valid") == true);
  CHECK(l.result.exit_code == 0);
  CHECK(l.json.at("summary").at("warning").get<int>() >= 1);

  Linted en = lint_json({"--lang", "en", file}, {}, {{"CPROKIT_SCHEMAS", broken.string()}});
  CHECK(finding_of(en.doc, "XSD-02").at("message") != f.at("message"));

  RunResult r = run({"lint", "--schemas", broken.string(), file});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(contains(r.err, broken.string()));

  fs::path empty = fresh_dir("empty-schemas");
  RunResult e = run({"lint", "--schemas", empty.string(), file});
  CHECK(e.exit_code == 2);
  CHECK(contains(e.err, empty.string()));
}

TEST_CASE("the EN 16931 schemas, when present next to the project", "[xsd]") {
  if (!have_shared_xsd()) {
    SKIP_TEST("no schemas in " + shared_xsd_dir().string() +
              " (not shipped: configure with -DCPROKIT_DEFAULT_SCHEMAS=DIR)");
  }
  const std::string schemas = shared_xsd_dir().string();
  fs::path dir = fresh_dir("with-xsd");
  write_file(dir / "bad-schema.xml", ubl_invoice("100.00", "<cbc:Bogus>x</cbc:Bogus>"));
  const std::string valid = samples().valid.string();
  const std::string bad = (dir / "bad-schema.xml").string();
  fs::path broken = fresh_dir("broken-env");
  write_file(broken / "ubl-2.1" / "maindoc" / "UBL-Invoice-2.1.xsd", "not a schema\n");

  SECTION("--schemas") {
    Linted ok = lint_json({"--schemas", schemas, valid});
    CHECK_FALSE(has_rule_of_family(ok.doc, "XSD"));
    CHECK(ok.result.exit_code == 0);
    Linted ko = lint_json({"--schemas", schemas, bad});
    ordered_json f = finding_of(ko.doc, "XSD-01");
    CHECK(f.at("severity") == "fatal");
    CHECK(f.at("line").is_number_integer());
    CHECK(ko.result.exit_code == 1);
    // Said in French, Xerces' English text kept as the detail.
    const std::string message = f.at("message").get<std::string>();
    CHECK(contains(message, "l'élément « cbc:Bogus » n'existe pas dans le schéma"));
    CHECK(contains(message, ". Détail (Xerces) : no declaration found for element 'cbc:Bogus'"));
  }
  SECTION("CPROKIT_SCHEMAS") {
    Linted ok = lint_json({valid}, {}, {{"CPROKIT_SCHEMAS", schemas}});
    CHECK_FALSE(has_rule_of_family(ok.doc, "XSD"));
    Linted ko = lint_json({bad}, {}, {{"CPROKIT_SCHEMAS", schemas}});
    CHECK(has_rule(ko.doc, "XSD-01"));
    CHECK(ko.result.exit_code == 1);
  }
  SECTION("--schemas wins over CPROKIT_SCHEMAS") {
    Linted ko = lint_json({"--schemas", schemas, bad}, {}, {{"CPROKIT_SCHEMAS", broken.string()}});
    CHECK(has_rule(ko.doc, "XSD-01"));
    CHECK_FALSE(has_rule(ko.doc, "XSD-02"));
  }
  SECTION("the XSD layer does not change the business rules") {
    Linted with = lint_json({"--schemas", schemas, samples().broken.string()});
    Linted without = lint_json({"--no-xsd", samples().broken.string()});
    CHECK(has_rule(with.doc, "BR-CO-10"));
    CHECK(rules_of(with.doc) == rules_of(without.doc));
  }
}

// ===========================================================================
// Profiles in lint.

TEST_CASE("lint --profile syntax skips the business rules", "[profile]") {
  const std::string broken = samples().broken.string();
  Linted all = lint_json({broken});
  Linted en16931 = lint_json({"--profile", "en16931", broken});
  Linted syntax = lint_json({"--profile", "syntax", broken});
  CHECK(has_rule(all.doc, "BR-CO-10"));
  CHECK(has_rule(en16931.doc, "BR-CO-10"));
  CHECK_FALSE(has_rule(syntax.doc, "BR-CO-10"));
  CHECK(syntax.result.exit_code == 0);
}

// ===========================================================================
// cprokit rules.

TEST_CASE("rules lists the rules", "[rules]") {
  RunResult r = run({"rules"});
  INFO(r.out);
  CHECK(r.exit_code == 0);
  for (const char* id :
       {"BR-CO-10", "BR-CO-13", "BR-CO-15", "BR-CO-16", "XML-01", "XSD-01", "DOC-01"}) {
    CHECK(lists(r.out, id));
  }
  RunResult en = run({"rules", "--lang", "en"});
  CHECK(en.exit_code == 0);
  CHECK(lists(en.out, "BR-CO-10"));
  CHECK(en.out != r.out);
}

TEST_CASE("rules ID explains one rule, whatever the case", "[rules]") {
  RunResult lower = run({"rules", "br-co-10"});
  CHECK(lower.exit_code == 0);
  CHECK(contains(lower.out, "BR-CO-10"));
  CHECK(contains(lower.out, "BT-106"));
  RunResult upper = run({"rules", "BR-CO-10"});
  CHECK(upper.out == lower.out);
  RunResult en = run({"rules", "--lang", "en", "xml-01"});
  CHECK(en.exit_code == 0);
  CHECK(contains(en.out, "XML-01"));
}

TEST_CASE("rules --format json: the whole catalogue, every rule of the registry", "[rules]") {
  RunResult r = run({"rules", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto doc = ordered_json::parse(r.out);
  CHECK(doc["tool"]["version"] == CPROKIT_VERSION);
  CHECK(doc["profile"] == "all");
  const auto& rules = doc["rules"];
  REQUIRE(rules.size() > 50);
  std::set<std::string> ids;
  for (const auto& rule : rules) {
    INFO(rule.dump());
    ids.insert(rule["id"].get<std::string>());
    CHECK(!rule["text"]["fr"].get<std::string>().empty());
    CHECK(!rule["text"]["en"].get<std::string>().empty());
    CHECK(rule["text"]["fr"] != rule["text"]["en"]);
    CHECK(!rule["source"].get<std::string>().empty());
    CHECK(!rule["applies_to"].empty());
    std::string severity = rule["severity"];
    CHECK((severity == "fatal" || severity == "warning" || severity == "info"));
  }
  CHECK(ids.size() == rules.size());
  CHECK(ids.contains("BR-CO-10"));
  CHECK(ids.contains("CPRO-SIRET-01"));
  // The text listing has exactly the same rules.
  RunResult text = run({"rules"});
  CHECK(static_cast<std::size_t>(std::count(text.out.begin(), text.out.end(), '\n')) ==
        rules.size());

  RunResult one = run({"rules", "--format", "json", "br-co-10"});
  auto single = ordered_json::parse(one.out);
  REQUIRE(single["rules"].size() == 1);
  CHECK(single["rules"][0]["terms"][0] == "BT-106");
  CHECK(run({"rules", "--format", "yaml"}).exit_code == 2);
}

TEST_CASE("docs/rules.md is what cprokit rules --format markdown prints", "[rules]") {
  RunResult r = run({"rules", "--format", "markdown"});
  REQUIRE(r.exit_code == 0);
  std::ifstream in(CPROKIT_RULES_DOC, std::ios::binary);
  REQUIRE(in);
  std::ostringstream doc;
  doc << in.rdbuf();
  INFO("docs/rules.md is out of date: run scripts/update-docs.sh");
  CHECK(doc.str() == r.out);
  CHECK(contains(r.out, "| `BR-CO-10` | fatal |"));
}

TEST_CASE("the README's generated blocks are what cprokit prints", "[rules]") {
  std::ifstream in(CPROKIT_README, std::ios::binary);
  REQUIRE(in);
  const std::string begin = "<!-- generated: cprokit ";
  const std::string end = "<!-- end generated -->";
  std::string line;
  std::vector<std::string> args;
  std::string block;
  bool inside = false;
  int blocks = 0;
  std::string written;  // the README less its generated blocks
  while (std::getline(in, line)) {
    if (line.starts_with(begin) && line.ends_with(" -->")) {
      REQUIRE_FALSE(inside);
      std::istringstream words(line.substr(begin.size(), line.size() - begin.size() - 4));
      args.assign(std::istream_iterator<std::string>(words), {});
      block.clear();
      inside = true;
    } else if (line == end) {
      REQUIRE(inside);
      const RunResult r = run(args);
      REQUIRE(r.exit_code == 0);
      std::string command = "cprokit";
      for (const auto& a : args)
        command += " " + a;
      INFO("README.md block `" << command << "` is out of date: run scripts/update-docs.sh");
      CHECK(block == r.out);
      inside = false;
      ++blocks;
    } else if (inside) {
      block += line + "\n";
    } else {
      written += line + "\n";
    }
  }
  CHECK_FALSE(inside);
  // The rule summary and the tables of cprokit's own families at least.
  CHECK(blocks >= 3);
  // Outside those blocks, each of cprokit's own Chorus Pro rules has its
  // note saying how it decides: a new rule cannot be left out again.
  int own = 0;
  for (const char* family : {"CPRO", "ACCT"}) {
    for (const auto& [id, rule] : catalogue_rules(family)) {
      ++own;
      INFO(id << " has no note in README.md (outside the generated tables)");
      CHECK(contains(written, "`" + id + "`"));
    }
  }
  CHECK(own > 30);
}

TEST_CASE("rules --format summary counts every rule, by series", "[rules]") {
  const RunResult all = run({"rules", "--format", "json"});
  REQUIRE(all.exit_code == 0);
  const std::size_t rules = nlohmann::json::parse(all.out).at("rules").size();
  const RunResult summary = run({"rules", "--format", "summary", "--lang", "en"});
  REQUIRE(summary.exit_code == 0);
  // Each row's count column, added up, is the catalogue's size.
  std::size_t counted = 0;
  std::istringstream rows(summary.out);
  std::string row;
  while (std::getline(rows, row)) {
    std::vector<std::string> cells;
    std::istringstream split(row);
    for (std::string cell; std::getline(split, cell, '|');)
      cells.push_back(cell);
    if (cells.size() < 4 || !contains(cells[2], "`")) continue;
    std::string digits;
    for (char c : cells[3])
      if (c >= '0' && c <= '9') digits += c;
    counted += std::stoul(digits);
  }
  CHECK(counted == rules);
  CHECK(contains(summary.out, "| `BR-CO-03` … `BR-CO-26` |"));
  const RunResult cpro = run({"rules", "-f", "table", "--family", "CPRO", "--lang", "en"});
  REQUIRE(cpro.exit_code == 0);
  CHECK(contains(cpro.out, "| `CPRO-ENG-03` | fatal |"));
  CHECK_FALSE(contains(cpro.out, "ACCT-"));
}

TEST_CASE("rules: an unknown rule or profile is a usage error", "[rules]") {
  RunResult nope = run({"rules", "NOPE"});
  CHECK(nope.exit_code == 2);
  CHECK(nope.out.empty());
  CHECK(contains(nope.err, "NOPE"));
  RunResult profile = run({"rules", "--profile", "nope"});
  CHECK(profile.exit_code == 2);
  CHECK(contains(profile.err, "nope"));
  RunResult two = run({"rules", "BR-CO-10", "BR-CO-13"});
  CHECK(two.exit_code == 2);
  RunResult lang = run({"rules", "--lang", "de"});
  CHECK(lang.exit_code == 2);
  RunResult option = run({"rules", "--bogus"});
  CHECK(option.exit_code == 2);
}

TEST_CASE("rules --profiles and --profile", "[rules]") {
  RunResult profiles = run({"rules", "--profiles"});
  CHECK(profiles.exit_code == 0);
  for (const char* p : {"all", "en16931", "syntax"})
    CHECK(lists(profiles.out, p));

  RunResult syntax = run({"rules", "--profile", "syntax"});
  CHECK(syntax.exit_code == 0);
  CHECK(lists(syntax.out, "XML-01"));
  CHECK(lists(syntax.out, "XSD-01"));
  CHECK(lists(syntax.out, "DOC-01"));
  for (const char* id : {"BR-CO-10", "BR-CO-13", "BR-CO-15", "BR-CO-16"}) {
    CHECK_FALSE(lists(syntax.out, id));
  }

  RunResult en16931 = run({"rules", "--profile", "en16931"});
  CHECK(en16931.exit_code == 0);
  CHECK(lists(en16931.out, "BR-CO-10"));
  CHECK(lists(en16931.out, "XML-01"));
}

// ===========================================================================
// Regressions of bugs found by these tests.

TEST_CASE("lint --max-bytes rejects a negative size", "[usage]") {
  // boost::program_options would read "-1" into std::size_t as SIZE_MAX.
  const std::string file = samples().valid.string();
  for (const char* value : {"-1", "-1000"}) {
    INFO("--max-bytes=" << value);
    RunResult r = run({"lint", std::string("--max-bytes=") + value, file});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "max-bytes"));
  }
}

TEST_CASE("lint refuses an endless stream past --max-bytes instead of reading on", "[hostile]") {
  RunResult r = run({"lint", "--format", "json", "--max-bytes", "1000", "/dev/zero"});
  REQUIRE(r.exit_code == 1);
  auto doc = nlohmann::json::parse(r.out)["documents"][0];
  CHECK(doc["findings"][0]["rule"] == "XML-03");
  CHECK(doc["sha256"].get<std::string>().empty());  // a stream read only in part has no fingerprint
  CHECK(r.elapsed < std::chrono::seconds(5));
}

TEST_CASE("lint accepts standard input only once", "[usage]") {
  RunResult r = run({"lint", "-", "-"}, "<x/>");
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "entrée standard"));
  RunResult en = run({"lint", "--lang", "en", "-", "-"}, "<x/>");
  CHECK(en.exit_code == 2);
  CHECK(contains(en.err, "standard input"));
}

// ===========================================================================
// Chorus Pro: the structure directory, the deposit name, the size limit.

namespace {

const fs::path kDirectoryFile = fs::path(CPROKIT_FIXTURES_DIR) / "directory" / "matheysine.json";
const fs::path kChorusFixtures = fs::path(CPROKIT_FIXTURES_DIR) / "invoices" / "chorus";

}  // namespace

TEST_CASE("lint --directory: French by default, says what to fix, UBL and CII", "[chorus]") {
  for (const char* name : {"eng-03-other-budget.xml", "svc-01-missing.xml"}) {
    INFO(name);
    RunResult r = run({"lint", "--directory", kDirectoryFile.string(), "--no-xsd",
                       (kChorusFixtures / name).string()});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "CPRO-"));
    CHECK((contains(r.out, "appartient à la structure 20004065700013") ||
           contains(r.out, "Code service absent")));
  }
  // --no-xsd, --no-codelists: a clone without the schemas or the code lists
  // would add its XSD-02 or LIST-01 warning.
  Linted cii = lint_json({"--no-xsd", "--no-codelists", "--directory", kDirectoryFile.string(),
                          "--name", "Électricité Dauphinoise SAS_FE-2026-0117.xml",
                          (kChorusFixtures / "cii-invoice-chorus-ok.xml").string()});
  CHECK(cii.result.exit_code == 0);
  CHECK(cii.doc.at("findings").empty());
}

TEST_CASE("lint --directory: a deposit request and an account form, French by default",
          "[chorus][json]") {
  const fs::path fixtures(CPROKIT_FIXTURES_DIR);
  RunResult request = run({"lint", "--directory", kDirectoryFile.string(),
                           (fixtures / "deposits" / "eng-01-missing.json").string()});
  CHECK(request.exit_code == 1);
  CHECK(contains(request.out, "CPRO-ENG-01"));
  CHECK(contains(request.out, "Numéro d'engagement absent (references.numeroBonCommande)"));
  CHECK(contains(request.out, "/references"));

  RunResult account = run({"lint", "--directory", kDirectoryFile.string(),
                           (fixtures / "accounts" / "pwd-01-short.json").string()});
  CHECK(account.exit_code == 1);
  CHECK(contains(account.out, "ACCT-PWD-01"));
  CHECK(contains(account.out, "Mot de passe trop faible"));
  CHECK_FALSE(contains(account.out, "Chene-EI30"));  // a password is never shown

  Linted english =
      lint_json({"--lang", "en", (fixtures / "accounts" / "pwd-01-short.json").string()});
  CHECK(english.doc.at("kind") == "account");
  CHECK(finding_of(english.doc, "ACCT-PWD-01").at("location") == "/compte/motDePasse");
}

TEST_CASE("lint --with: the amounts of a deposit request against its invoice", "[chorus][json]") {
  const fs::path deposits = fs::path(CPROKIT_FIXTURES_DIR) / "deposits";
  const std::string invoice = (kChorusFixtures / "invoice-chorus-ok.xml").string();
  const std::string forgetful = (deposits / "tot-05-invoice.json").string();
  SECTION("with the invoice, the four totals differ") {
    Linted l = lint_json({"--with", invoice, forgetful});
    CHECK(rules_of(l.doc) == std::vector<std::string>(4, "CPRO-TOT-05"));
    CHECK(contains(finding_of(l.doc, "CPRO-TOT-05").at("message").get<std::string>(),
                   "BT-109 4195.60"));
  }
  SECTION("without it, nothing to compare") {
    Linted l = lint_json({forgetful});
    CHECK_FALSE(has_rule(l.doc, "CPRO-TOT-05"));
  }
  SECTION("a --with file that is not an invoice is a usage error naming it") {
    RunResult r = run({"lint", "--with", forgetful, forgetful});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--with"));
    CHECK(contains(r.err, "tot-05-invoice.json"));
    CHECK(r.out.empty());
  }
  SECTION("a missing --with file is a usage error") {
    RunResult r = run({"lint", "--with", (deposits / "absent.xml").string(), forgetful});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "absent.xml"));
  }
}

TEST_CASE("lint --directory: the same invoice judged with and without the directory", "[chorus]") {
  const std::string file = (kChorusFixtures / "svc-03-public-only.xml").string();
  Linted with = lint_json({"--directory", kDirectoryFile.string(), file});
  Linted without = lint_json({file});
  // Without the directory, the supplier might be public: a warning only.
  CHECK(finding_of(with.doc, "CPRO-SVC-03").at("severity") == "fatal");
  CHECK(finding_of(without.doc, "CPRO-SVC-03").at("severity") == "warning");
  // And an engagement number can only be suspected missing.
  Linted no_ej = lint_json({(kChorusFixtures / "eng-01-missing.xml").string(), "--name",
                            "Menuiserie Alpine "
                            "SARL FA-2026-0042"});
  CHECK(finding_of(no_ej.doc, "CPRO-ENG-01").at("severity") == "warning");
  CHECK(no_ej.result.exit_code == 0);
}

TEST_CASE("lint --directory: an unreadable or broken directory is a usage error", "[chorus]") {
  fs::path dir = fresh_dir("directory");
  const std::string invoice = (kChorusFixtures / "invoice-chorus-ok.xml").string();
  SECTION("missing file") {
    RunResult r = run({"lint", "--directory", (dir / "absent.json").string(), invoice});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "absent.json"));
    CHECK(r.out.empty());
  }
  SECTION("a wrong type, named by its place") {
    write_file(dir / "bad.json",
               R"({"version": 1, "structures": [{"identifiant": 20004065700013}]})");
    RunResult r = run({"lint", "--directory", (dir / "bad.json").string(), invoice});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "bad.json"));
    CHECK(contains(r.err, "/structures/0/identifiant"));
  }
  SECTION("malformed JSON, named by line") {
    write_file(dir / "broken.json", "{\"version\": 1,\n \"structures\": [}\n");
    RunResult r = run({"lint", "--directory", (dir / "broken.json").string(), invoice});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "line 2"));
  }
}

TEST_CASE("lint --name: the deposit name must carry the supplier and the number", "[chorus]") {
  const std::string file = (kChorusFixtures / "invoice-chorus-ok.xml").string();
  for (const char* good :
       {"Menuiserie Alpine SARL_FA-2026-0042.xml", "menuiserie-alpine-sarl FA 2026 0042",
        "MENUISERIE ALPINE SARL/FA-2026-0042"}) {
    INFO(good);
    CHECK_FALSE(has_rule(lint_json({"--name", good, file}).doc, "CPRO-NAME-01"));
  }
  for (const char* bad : {"facture.xml", "Menuiserie Alpine.xml", "FA-2026-0042.xml"}) {
    INFO(bad);
    Linted l = lint_json({"--name", bad, file});
    CHECK(finding_of(l.doc, "CPRO-NAME-01").at("severity") == "warning");
    CHECK(l.result.exit_code == 0);
  }
}

TEST_CASE("CPRO-PAY-01: an IBAN printed with spaces is a warning giving its electronic form",
          "[chorus]") {
  const std::string spaced = (kChorusFixtures / "pay-01-iban-spaces.xml").string();
  Linted fr = lint_json({spaced});
  const ordered_json warning = finding_of(fr.doc, "CPRO-PAY-01");
  CHECK(warning.at("severity") == "warning");
  const std::string message = warning.at("message");
  CHECK(contains(message, "(BT-84) : FR76 3000 4004 5100 0102 3456 779 est un IBAN valide"));
  CHECK(contains(message, "espaces"));
  CHECK(contains(message, "FR7630004004510001023456779"));
  CHECK(fr.result.exit_code == 0);
  Linted en = lint_json({"--lang", "en", spaced});
  CHECK(contains(finding_of(en.doc, "CPRO-PAY-01").at("message").get<std::string>(),
                 "electronic format"));

  // A wrong digit stays fatal, and says which check digits the rest of the IBAN gives.
  Linted wrong = lint_json({(kChorusFixtures / "pay-01-iban-checksum.xml").string()});
  const ordered_json fatal = finding_of(wrong.doc, "CPRO-PAY-01");
  CHECK(fatal.at("severity") == "fatal");
  CHECK(contains(fatal.at("message").get<std::string>(), "le reste de l'IBAN donne 06"));
}

TEST_CASE("a file over 10 MB gives CPRO-SIZE-01 (Chorus Pro's limit), not XML-03", "[chorus]") {
  std::string big = read_file(kChorusFixtures / "invoice-chorus-ok.xml");
  std::string comment = "<!-- ";
  comment.append(10'500'000, 'x');
  comment += " -->\n";
  big.insert(big.find("<Invoice"), comment);
  fs::path file = fresh_dir("size") / "Menuiserie Alpine SARL_FA-2026-0042.xml";
  write_file(file, big);
  // --no-codelists: without the code lists (a clone), LIST-01 would be there too.
  Linted l = lint_json({"--no-xsd", "--no-codelists", file.string()});
  CHECK(rules_of(l.doc) == std::vector<std::string>{"CPRO-SIZE-01"});
  CHECK(l.result.exit_code == 1);
  // Just under the limit, no finding.
  big.erase(big.find("<!--") + 5, 600'000);
  write_file(file, big);
  CHECK(lint_json({"--no-xsd", "--no-codelists", file.string()}).doc.at("findings").empty());
}

TEST_CASE("the same invoice twice in one run: the second gives CPRO-DUP-01", "[chorus]") {
  const fs::path original = kChorusFixtures / "invoice-chorus-ok.xml";
  fs::path dir = fresh_dir("duplicates");
  const std::string copy = (dir / "copie.xml").string();
  write_file(copy, read_file(original));
  // Another supplier's invoice with the same number is no duplicate.
  const std::string other = (dir / "autre-fournisseur.xml").string();
  std::string text = read_file(kChorusFixtures / "cii-invoice-chorus-ok.xml");
  text.replace(text.find("FE-2026-0117"), 12, "FA-2026-0042");
  write_file(other, text);

  const std::vector<std::string> args = {"lint", "--format",        "json", "--no-xsd", "--name",
                                         "x",    original.string(), other,  copy};
  ordered_json j = check_contract(run(args));
  const auto& docs = j.at("documents");
  REQUIRE(docs.size() == 3);
  CHECK_FALSE(has_rule(docs[0], "CPRO-DUP-01"));
  CHECK_FALSE(has_rule(docs[1], "CPRO-DUP-01"));
  const ordered_json dup = finding_of(docs[2], "CPRO-DUP-01");
  CHECK(dup.at("severity") == "fatal");
  CHECK(contains(dup.at("message").get<std::string>(), original.string()));
  CHECK(contains(dup.at("message").get<std::string>(), "FA-2026-0042"));

  std::vector<std::string> en16931 = args;
  en16931.insert(en16931.begin() + 1, {"--profile", "en16931"});
  const ordered_json without = check_contract(run(en16931));
  REQUIRE(without.at("documents").size() == 3);
  for (const auto& doc : without.at("documents"))
    CHECK_FALSE(has_rule(doc, "CPRO-DUP-01"));
}

// ===========================================================================
// Code lists (BR-CL-*, LIST-01): --codelists, --no-codelists, CPROKIT_CODELISTS.
// These tests write their own small code-list file, so they run without the
// official lists (../shared), which the project does not ship.

namespace {

fs::path write_code_lists(const std::string& name, const std::string& text) {
  fs::path file = fresh_dir("codelists-" + name) / "codelists.json";
  write_file(file, text);
  return file;
}

std::vector<std::string> code_list_rules_of(const ordered_json& doc) {
  std::vector<std::string> out;
  for (const std::string& id : rules_of(doc)) {
    if (catalogue_rules("BR-CL").contains(id)) out.push_back(id);
  }
  return out;
}

// ubl_invoice() with its line quantity in `unit` instead of C62.
std::string ubl_invoice_in(std::string_view unit) {
  std::string text = ubl_invoice();
  const std::string from = R"(unitCode="C62")";
  text.replace(text.find(from), from.size(), "unitCode=\"" + std::string(unit) + "\"");
  return text;
}

}  // namespace

TEST_CASE("lint --codelists FILE: the file's lists decide, whatever the official ones say",
          "[codelists]") {
  const fs::path lists = write_code_lists("small", small_code_lists().dump(2));
  fs::path dir = fresh_dir("codelists-invoices");
  // H87 (a piece) is a real UN/ECE code, but not one of the small list.
  write_file(dir / "c62.xml", ubl_invoice());
  write_file(dir / "h87.xml", ubl_invoice_in("H87"));

  Linted ok = lint_json({"--no-xsd", "--codelists", lists.string(), (dir / "c62.xml").string()});
  CHECK(code_list_rules_of(ok.doc).empty());
  CHECK_FALSE(has_rule(ok.doc, "LIST-01"));
  CHECK(ok.result.exit_code == 0);

  Linted ko = lint_json({"--no-xsd", "--codelists", lists.string(), (dir / "h87.xml").string()});
  CHECK(code_list_rules_of(ko.doc) == std::vector<std::string>{"BR-CL-23"});
  const ordered_json f = finding_of(ko.doc, "BR-CL-23");
  CHECK(f.at("severity") == "fatal");
  CHECK(contains(f.at("message").get<std::string>(), "H87"));
  CHECK(contains(f.at("location").get<std::string>(), "InvoicedQuantity"));
  CHECK(ko.doc.at("valid") == false);
  CHECK(ko.result.exit_code == 1);

  // The environment variable finds the same file; --codelists comes first.
  const std::map<std::string, std::string> env = {{"CPROKIT_CODELISTS", lists.string()}};
  Linted by_env = lint_json({"--no-xsd", (dir / "h87.xml").string()}, {}, env);
  CHECK(code_list_rules_of(by_env.doc) == std::vector<std::string>{"BR-CL-23"});
  ordered_json with_h87 = small_code_lists();
  with_h87["ubl"]["BR-CL-23"]["codes"].push_back("H87");
  const fs::path wider = write_code_lists("wider", with_h87.dump());
  Linted first =
      lint_json({"--no-xsd", "--codelists", wider.string(), (dir / "h87.xml").string()}, {}, env);
  CHECK(code_list_rules_of(first.doc).empty());
}

TEST_CASE(
    "lint --codelists: a file that cannot be used stops the run (exit 2), naming it and the place",
    "[codelists][usage]") {
  const std::string invoice = samples().valid.string();
  const auto refused = [&](const fs::path& lists) {
    RunResult r = run({"lint", "--no-xsd", "--codelists", lists.string(), invoice});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, lists.string()));
    return r.err;
  };

  SECTION("no such file") {
    const fs::path missing = fresh_dir("codelists-missing") / "nonexistent.json";
    refused(missing);
  }
  SECTION("not JSON: line and column") {
    const fs::path bad = write_code_lists("malformed", "{\n  \"ubl\": {,\n  \"cii\": {}\n}\n");
    const std::string err = refused(bad);
    CHECK(std::regex_search(err, std::regex("line 2, column [0-9]+")));
  }
  SECTION("a list missing: the JSON Pointer of its syntax and the list") {
    ordered_json lists = small_code_lists();
    lists["cii"].erase("BR-CL-04");
    const std::string err = refused(write_code_lists("no-br-cl-04", lists.dump(2)));
    CHECK(contains(err, "/cii"));
    CHECK(contains(err, "BR-CL-04"));
  }
  SECTION("a value of the wrong type: its JSON Pointer") {
    ordered_json lists = small_code_lists();
    lists["ubl"]["BR-CL-23"]["codes"] = "C62";
    CHECK(
        contains(refused(write_code_lists("codes-string", lists.dump(2))), "/ubl/BR-CL-23/codes"));
    lists = small_code_lists();
    lists["cii"]["BR-CL-14"]["codes"][0] = 33;
    CHECK(
        contains(refused(write_code_lists("code-number", lists.dump(2))), "/cii/BR-CL-14/codes/0"));
  }
}

TEST_CASE("lint --no-codelists: no BR-CL finding and no LIST-01", "[codelists]") {
  // A fixture that fires BR-CL-23 (unit PCE): it does with the small lists,
  // not at all under --no-codelists, whatever the environment says.
  const fs::path fixture =
      fs::path(CPROKIT_FIXTURES_DIR) / "invoices" / "ubl" / "br-cl-23-unknown-unit.xml";
  REQUIRE(fs::is_regular_file(fixture));
  const fs::path lists = write_code_lists("no-codelists", small_code_lists().dump());
  Linted with = lint_json({"--no-xsd", "--codelists", lists.string(), fixture.string()});
  CHECK(has_rule(with.doc, "BR-CL-23"));

  const fs::path broken = write_code_lists("no-codelists-broken", "not json");
  for (const auto& env : std::vector<std::map<std::string, std::string>>{
           {}, {{"CPROKIT_CODELISTS", lists.string()}}, {{"CPROKIT_CODELISTS", broken.string()}}}) {
    Linted without = lint_json({"--no-xsd", "--no-codelists", fixture.string()}, {}, env);
    CHECK(code_list_rules_of(without.doc).empty());
    CHECK_FALSE(has_rule(without.doc, "LIST-01"));
    CHECK(without.result.exit_code == 0);
  }
}

TEST_CASE("LIST-01: code lists found but unusable, a warning once per invoice", "[codelists]") {
  // CPROKIT_CODELISTS names a file that is there but is no code-list file:
  // not a usage error (the variable may be set for every run), LIST-01.
  const fs::path broken = write_code_lists("list-01", "{\"ubl\": {}}\n");
  const std::map<std::string, std::string> env = {{"CPROKIT_CODELISTS", broken.string()}};
  fs::path dir = fresh_dir("list-01-invoices");
  write_file(dir / "a.xml", ubl_invoice_in("H87"));
  write_file(dir / "b.xml", ubl_invoice());
  // The EN 16931 profile: the Chorus Pro rules add warnings of their own.
  RunResult r =
      run({"lint", "--format", "json", "--no-xsd", "--profile", "en16931", dir.string()}, {}, env);
  ordered_json j = check_contract(r);
  REQUIRE(j.at("documents").size() == 2);
  for (const auto& doc : j.at("documents")) {
    const auto ids = rules_of(doc);
    CHECK(std::count(ids.begin(), ids.end(), "LIST-01") == 1);
    CHECK(code_list_rules_of(doc).empty());  // H87 is not judged without lists
    const ordered_json f = finding_of(doc, "LIST-01");
    CHECK(f.at("severity") == "warning");
    CHECK(f.at("location").get<std::string>().empty());  // the whole file
    const std::string message = f.at("message").get<std::string>();
    CHECK(contains(message, broken.string()));
    CHECK(contains(message, "CPROKIT_CODELISTS"));
    CHECK(contains(message, "/ubl"));  // where the file is wrong: no lists there
    CHECK(doc.at("valid") == true);
  }
  CHECK(j.at("summary").at("warning") == 2);
  CHECK(r.exit_code == 0);
  RunResult strict = run({"lint", "--format", "json", "--no-xsd", "--profile", "en16931",
                          "--fail-on", "warning", dir.string()},
                         {}, env);
  CHECK(strict.exit_code == 1);

  Linted en = lint_json({"--no-xsd", "--lang", "en", (dir / "b.xml").string()}, {}, env);
  Linted fr = lint_json({"--no-xsd", (dir / "b.xml").string()}, {}, env);
  CHECK(finding_of(en.doc, "LIST-01").at("message") != finding_of(fr.doc, "LIST-01").at("message"));
}

TEST_CASE("LIST-01: no code lists anywhere, when this build finds none", "[codelists]") {
  // The installed file and the build-time default (../shared) are compiled
  // in: a test cannot hide them. Where they are absent (a clone without
  // ../shared), check the "not found" warning; elsewhere say why not.
  const fs::path invoice = samples().valid;
  const std::map<std::string, std::string> env = {
      {"CPROKIT_CODELISTS", (fresh_dir("list-01-none") / "nonexistent.json").string()}};
  Linted l = lint_json({"--no-xsd", invoice.string()}, {}, env);
  if (!has_rule(l.doc, "LIST-01")) {
    SKIP_TEST(
        "this build finds code lists of its own (installed or build default): "
        "LIST-01 \"not found\" not tested here");
  }
  const ordered_json f = finding_of(l.doc, "LIST-01");
  CHECK(f.at("severity") == "warning");
  // The places it looked in, the variable's first.
  CHECK(contains(f.at("message").get<std::string>(), env.at("CPROKIT_CODELISTS")));
  CHECK(l.result.exit_code == 0);
}

TEST_CASE("mock --codelists: a file that cannot be used stops it (exit 2), naming the file",
          "[codelists][usage]") {
  const fs::path data = fresh_dir("mock-codelists-data");
  const fs::path missing = fresh_dir("mock-codelists") / "nonexistent.json";
  RunResult r =
      run({"mock", "--port", "0", "--data", data.string(), "--codelists", missing.string()});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, missing.string()));
  ordered_json lists = small_code_lists();
  lists["ubl"].erase("BR-CL-01");
  const fs::path broken = write_code_lists("mock-broken", lists.dump());
  RunResult b =
      run({"mock", "--port", "0", "--data", data.string(), "--codelists", broken.string()});
  CHECK(b.exit_code == 2);
  CHECK(contains(b.err, broken.string()));
  CHECK(contains(b.err, "BR-CL-01"));
}

TEST_CASE("lint --codelists refused: a report file named by -o is left as it was",
          "[codelists][usage]") {
  fs::path dir = fresh_dir("codelists-report");
  const fs::path report = dir / "r.json";
  write_file(report, "previous report\n");
  const fs::path missing = dir / "nonexistent.json";
  RunResult r = run({"lint", "-f", "json", "-o", report.string(), "--no-xsd", "--codelists",
                     missing.string(), samples().valid.string()});
  CHECK(r.exit_code == 2);
  CHECK(read_file(report) == "previous report\n");
}
