// What the tests of the cprokit binary share: a scratch folder, files
// written and read back, coreutils' SHA-256, the sample invoices, and the
// JSON contract of `cprokit lint --format json` checked whole on every run
// that gives it.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/cli/run.hpp"

namespace cprokit::test {

// ---------------------------------------------------------------------------
// Loopback ports (a cprokit mock started by a test).

// A port free on 127.0.0.1 now (the kernel's choice for port 0).
int free_port();
// Whether something accepts connections on 127.0.0.1:`port`.
bool accepts(int port);

// ---------------------------------------------------------------------------
// Files.

// <tmp>/cprokit-cli-tests-<pid>, removed when the program ends (and the
// folders of runs that died before cleaning up, at start).
const std::filesystem::path& scratch_root();

// A new, empty folder under the scratch root.
std::filesystem::path fresh_dir(const std::string& name);

// Writes `bytes` to `path`, its folders created.
void write_file(const std::filesystem::path& path, std::string_view bytes);

// The bytes of a file that must be there.
std::string read_file(const std::filesystem::path& path);

// The schema folder this build uses by default (-DCPROKIT_DEFAULT_SCHEMAS,
// ../shared/en16931/xsd), and whether it is there: a clone has none.
std::filesystem::path shared_xsd_dir();
bool have_shared_xsd();

// SHA-256 of `bytes` according to coreutils' sha256sum (fed on stdin, no shell).
std::string sha256sum(const std::string& bytes);

// ---------------------------------------------------------------------------
// Text.

std::size_t count_of(std::string_view text, std::string_view needle);

bool contains(std::string_view text, std::string_view needle);

// ---------------------------------------------------------------------------
// Invoices.

// A small UBL 2.1 invoice, valid against the XSD and EN 16931 when
// `line_amount` is 100.00 (BT-106 = 100.00, BT-109 = 100.00, BT-112 = 120.00),
// with no fatal Chorus Pro finding either (SIRETs, engagement, IBAN).
// Another line amount breaks BR-CO-10 (and BR-S-08: the VAT breakdown says
// 100.00); `after_id` is inserted after cbc:ID.
std::string ubl_invoice(std::string_view line_amount = "100.00", std::string_view after_id = "");

// The valid invoice and the BR-CO-10 one: the fixtures when they are there
// (fixtures/invoices/ubl/invoice-valid.xml, fixtures/invoices/ubl/br-co-10*.xml),
// otherwise files written here from ubl_invoice().
struct Samples {
  std::filesystem::path valid;
  std::filesystem::path broken;
};

const Samples& samples();

// ---------------------------------------------------------------------------
// The JSON contract.

// Whether the child ended by itself with an exit code below 128.
bool no_crash(const RunResult& r);

// stdout parsed as JSON; fails the test, showing the run, when it is not.
nlohmann::ordered_json parse_json(const RunResult& r);

// Checks the whole contract on the output of `cprokit lint --format json`,
// its exit code included; returns the parsed document.
nlohmann::ordered_json check_contract(const RunResult& r);

// The rule ids of a document's findings, in order.
std::vector<std::string> rules_of(const nlohmann::ordered_json& doc);

bool has_rule(const nlohmann::ordered_json& doc, std::string_view rule);

// The first finding of `rule` in `doc`; fails the test when there is none.
nlohmann::ordered_json finding_of(const nlohmann::ordered_json& doc, std::string_view rule);

// The rules of the catalogue by id, as `cprokit rules --format json` gives
// them: those of one family (and its sub-families) when `family` is given.
const std::map<std::string, nlohmann::json>& catalogue_rules(const std::string& family = "");

// `cprokit lint --format json` on one input; checks the contract and that
// there is exactly one document.
struct Linted {
  RunResult result;
  nlohmann::ordered_json json;
  nlohmann::ordered_json doc;
};

Linted lint_json(std::vector<std::string> args, const std::string& stdin_data = {},
                 const std::map<std::string, std::string>& env = {});

}  // namespace cprokit::test
