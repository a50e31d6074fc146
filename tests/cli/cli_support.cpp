// The helpers the tests of the cprokit binary share (cli_support.hpp).
#include "tests/cli/cli_support.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <csignal>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include <catch2/catch.hpp>

namespace cprokit::test {

namespace fs = std::filesystem;

namespace {

sockaddr_in loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

}  // namespace

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in a = loopback(0);
  socklen_t size = sizeof a;
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &size) == 0);
  ::close(fd);
  return ntohs(a.sin_port);
}

bool accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  const sockaddr_in a = loopback(port);
  const bool ok = ::connect(fd, reinterpret_cast<const sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

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

// True when a fixture's .expect text lists `id` ("ID" or "ID @LINE" on a line).
bool expects_rule(const std::string& expect, std::string_view id) {
  std::istringstream lines(expect);
  for (std::string line; std::getline(lines, line);) {
    if (line == id || line.starts_with(std::string(id) + " ")) return true;
  }
  return false;
}

std::vector<std::string> keys_of(const ordered_json& object) {
  std::vector<std::string> out;
  for (auto it = object.begin(); it != object.end(); ++it)
    out.push_back(it.key());
  return out;
}

}  // namespace

const fs::path& scratch_root() {
  return Scratch::get().root();
}

fs::path fresh_dir(const std::string& name) {
  fs::path dir = scratch_root() / name;
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
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path shared_xsd_dir() {
  return CPROKIT_DEFAULT_SCHEMAS;
}

bool have_shared_xsd() {
  return std::filesystem::is_regular_file(shared_xsd_dir() / "ubl-2.1" / "maindoc" /
                                          "UBL-Invoice-2.1.xsd");
}

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

bool no_crash(const RunResult& r) {
  return r.signal == 0 && r.exit_code >= 0 && r.exit_code < 128;
}

// ---------------------------------------------------------------------------
// Invoices.

std::string ubl_invoice(std::string_view line_amount, std::string_view after_id) {
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

// ---------------------------------------------------------------------------
// The JSON contract.

ordered_json parse_json(const RunResult& r) {
  INFO("exit " << r.exit_code << "\nstdout:\n" << r.out << "\nstderr:\n" << r.err);
  ordered_json j;
  REQUIRE_NOTHROW(j = ordered_json::parse(r.out));
  return j;
}

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

const std::map<std::string, nlohmann::json>& catalogue_rules(const std::string& family) {
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

ordered_json finding_of(const ordered_json& doc, std::string_view rule) {
  for (const auto& f : doc.at("findings")) {
    if (f.at("rule") == rule) return f;
  }
  INFO("findings: " << doc.at("findings").dump());
  FAIL("no " << rule << " finding");
  return {};
}

Linted lint_json(std::vector<std::string> args, const std::string& stdin_data,
                 const std::map<std::string, std::string>& env) {
  args.insert(args.begin(), {"lint", "--format", "json"});
  Linted out;
  out.result = run(args, stdin_data, env);
  out.json = check_contract(out.result);
  REQUIRE(out.json.at("documents").size() == 1);
  out.doc = out.json.at("documents")[0];
  return out;
}

}  // namespace cprokit::test
