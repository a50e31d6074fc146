// Code lists through the binary: --codelists, --no-codelists,
// CPROKIT_CODELISTS, the LIST-01 warning, and a file that cannot be used
// refused by lint and by the mock. These tests write their own small
// code-list file: the official lists (../shared) are not shipped.
#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.hpp"
#include "tests/cli/code_lists_sample.hpp"
#include "tests/skip.hpp"

namespace fs = std::filesystem;
using cprokit::test::catalogue_rules;
using cprokit::test::check_contract;
using cprokit::test::contains;
using cprokit::test::finding_of;
using cprokit::test::fresh_dir;
using cprokit::test::has_rule;
using cprokit::test::lint_json;
using cprokit::test::Linted;
using cprokit::test::read_file;
using cprokit::test::rules_of;
using cprokit::test::run;
using cprokit::test::RunResult;
using cprokit::test::samples;
using cprokit::test::small_code_lists;
using cprokit::test::ubl_invoice;
using cprokit::test::write_file;
using nlohmann::ordered_json;

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
