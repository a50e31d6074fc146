// The report formats of `cprokit lint` (jsonl, sarif, junit, svrl, html):
// golden files for a small fixed set of fixtures, and JUnit and SVRL read
// back and compared with the JSON output of the same run.
//
// CPROKIT_UPDATE_GOLDEN=1 rewrites tests/cli/golden/ from the current output
// (then review the diff); without it any difference fails.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "tests/cli/cli_support.hpp"
#include "tests/cli/code_lists_sample.hpp"

namespace fs = std::filesystem;
using cprokit::test::catalogue_rules;
using cprokit::test::fresh_dir;
using cprokit::test::read_file;
using cprokit::test::run;
using cprokit::test::run_program;
using cprokit::test::RunResult;
using cprokit::test::sha256sum;
using cprokit::test::small_code_lists;
using cprokit::test::write_file;

namespace {

const std::vector<std::string> kFormats = {"json", "jsonl", "sarif", "junit", "svrl", "html"};

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// One run with every format, each to its file in a fresh folder.
struct Reports {
  RunResult result;
  std::map<std::string, std::string> text;  // by format
};

// Without the XSD and the code lists by default: a clone without ../shared
// has neither.
Reports lint_all(const std::vector<std::string>& inputs, const std::string& lang,
                 const std::vector<std::string>& options = {"--no-xsd", "--no-codelists"}) {
  const fs::path dir = fresh_dir("report-formats");
  std::vector<std::string> args = {"lint", "--lang", lang};
  args.insert(args.end(), options.begin(), options.end());
  for (const auto& format : kFormats) {
    args.insert(args.end(), {"-f", format, "-o", (dir / ("report." + format)).string()});
  }
  args.insert(args.end(), inputs.begin(), inputs.end());
  Reports reports{run(args), {}};
  for (const auto& format : kFormats)
    reports.text[format] = read_file(dir / ("report." + format));
  return reports;
}

std::vector<std::string> golden_inputs() {
  std::string dir = CPROKIT_FIXTURES_DIR;
  return {dir + "/invoices/ubl/invoice-valid.xml", dir + "/invoices/ubl/br-co-10-line-sum.xml",
          dir + "/invoices/cii/br-co-15-two-vat-totals.xml", dir + "/accounts/account-ok.json"};
}

// What a report says of the rule catalogue, computed apart from it: the
// SHA-256 of `cprokit rules --format json` (the default profile, all) as
// coreutils' sha256sum gives it, and the number of rules a run with
// --no-xsd and --no-codelists applies (HTML "Rules applied": not XSD-*,
// BR-CL-* nor LIST-01). Both change with every rule added, so the goldens
// hold placeholders for them; a report that says anything else keeps its
// value and differs from its golden.
struct Catalogue {
  std::string sha256;
  std::size_t applied = 0;
};

Catalogue catalogue_without_xsd_nor_lists() {
  // The goldens' runs use the default profile, all.
  const RunResult rules = run({"rules", "--format", "json", "--profile", "all"});
  REQUIRE(rules.exit_code == 0);
  Catalogue c{sha256sum(rules.out), 0};
  const auto catalogue = nlohmann::json::parse(rules.out);  // kept: the loop reads inside it
  for (const auto& rule : catalogue.at("rules")) {
    // The goldens run with --no-xsd --no-codelists: a rule that needs
    // either is not applied.
    if (rule.at("depends_on").empty()) ++c.applied;
  }
  REQUIRE(c.sha256.size() == 64);
  REQUIRE(c.applied > 0);
  return c;
}

// The parts that change from one machine or run to the next: the fixtures'
// absolute folder (also as a file: URI), the date, the version, the times
// JUnit gives; and what changes with the catalogue (above).
std::string normalised(std::string text, const Catalogue& catalogue) {
  std::string fixtures = CPROKIT_FIXTURES_DIR;
  replace_all(text, "file://" + fixtures, "@FIXTURES_URI@");
  replace_all(text, fixtures, "@FIXTURES@");
  replace_all(text, catalogue.sha256, "@CATALOGUE_SHA256@");
  for (const std::string label : {"Règles appliquées", "Rules applied"}) {
    replace_all(text, "<th>" + label + "</th><td>" + std::to_string(catalogue.applied) + "</td>",
                "<th>" + label + "</th><td>@RULES_APPLIED@</td>");
  }
  replace_all(text, std::string("cprokit ") + CPROKIT_VERSION, "cprokit @VERSION@");
  replace_all(text, std::string("\"") + CPROKIT_VERSION + "\"", "\"@VERSION@\"");
  static const std::regex kDate(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  static const std::regex kTime(R"( time="\d+\.\d+")");
  return std::regex_replace(std::regex_replace(text, kDate, "@DATE@"), kTime, R"( time="@TIME@")");
}

// (rule, severity, location) of every finding of a JSON report.
using Key = std::tuple<std::string, std::string, std::string>;

std::multiset<Key> json_findings(const std::string& json) {
  std::multiset<Key> out;
  const auto report = nlohmann::json::parse(json);  // kept: the loop reads inside it
  for (const auto& doc : report["documents"]) {
    for (const auto& f : doc["findings"]) {
      out.emplace(f["rule"], f["severity"],
                  doc["path"].get<std::string>() + "#" + f["location"].get<std::string>());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("report formats: golden files, volatile parts normalised", "[report]") {
  const Catalogue catalogue = catalogue_without_xsd_nor_lists();
  for (const std::string lang : {"fr", "en"}) {
    Reports reports = lint_all(golden_inputs(), lang);
    INFO(reports.result.err);
    REQUIRE(reports.result.exit_code == 1);  // two of the four documents have fatal findings
    const bool update = std::getenv("CPROKIT_UPDATE_GOLDEN") != nullptr;
    for (const auto& format : kFormats) {
      fs::path golden = fs::path(CPROKIT_GOLDEN_DIR) / ("report-" + lang + "." + format);
      std::string actual = normalised(reports.text[format], catalogue);
      if (update) {
        std::ofstream(golden, std::ios::binary) << actual;
        WARN("rewritten: " << golden.string());
        continue;
      }
      INFO(golden.string() << " (CPROKIT_UPDATE_GOLDEN=1 rewrites it)");
      REQUIRE(fs::exists(golden));
      CHECK(actual == read_file(golden));
    }
  }
}

TEST_CASE("report formats: JUnit and SVRL carry the findings of the JSON report", "[report]") {
  Reports reports = lint_all(golden_inputs(), "en");
  const auto expected = json_findings(reports.text["json"]);
  REQUIRE(expected.size() >= 2);

  SECTION("JUnit: each fatal finding a line of its rule's failure, the others in system-out") {
    pugi::xml_document xml;
    REQUIRE(xml.load_string(reports.text["junit"].c_str()));
    std::multiset<Key> fatal_expected;
    std::multiset<Key> fatal_found;
    std::size_t notes_expected = 0;  // warnings and infos
    std::size_t notes_found = 0;
    for (const auto& key : expected) {
      if (std::get<1>(key) == "fatal") {
        fatal_expected.insert(key);
      } else {
        ++notes_expected;
      }
    }
    for (auto suite : xml.child("testsuites").children("testsuite")) {
      std::string path = suite.attribute("name").value();
      for (auto tc : suite.children("testcase")) {
        std::string rule = tc.attribute("name").value();
        if (tc.attribute("classname").value() == std::string("cprokit")) continue;  // no finding
        CHECK(tc.attribute("classname").value() ==
              catalogue_rules().at(rule).at("family").get<std::string>());
        CHECK(tc.attribute("file").value() == path);
        for (auto failure : tc.children("failure")) {
          CHECK(failure.attribute("type").value() == std::string("fatal"));
          // One line a finding: "[fatal] RULE line N PATH: message".
          std::istringstream lines(failure.text().get());
          for (std::string text; std::getline(lines, text);) {
            std::smatch m;
            REQUIRE(std::regex_search(
                text, m, std::regex(R"(^\[fatal\] (\S+)(?: line \d+(?::\d+)?)?( /\S*)?:)")));
            CHECK(m[1].str() == rule);
            std::string location = m[2].matched ? m[2].str().substr(1) : "";
            fatal_found.emplace(rule, "fatal", path + "#" + location);
          }
        }
        std::string out = tc.child("system-out").text().get();
        for (std::size_t at = out.find('\n'); at != std::string::npos; at = out.find('\n', at + 1))
          ++notes_found;
      }
    }
    CHECK(fatal_found == fatal_expected);
    CHECK(notes_found == notes_expected);
  }

  SECTION("SVRL: a failed-assert per finding, with its flag and location") {
    pugi::xml_document xml;
    REQUIRE(xml.load_string(reports.text["svrl"].c_str()));
    std::multiset<Key> found;
    const std::map<std::string, std::string> severity = {
        {"fatal", "fatal"}, {"warning", "warning"}, {"information", "info"}};
    auto root = xml.child("cprokit:reports");
    REQUIRE(std::string(root.attribute("xmlns:svrl").value()) == "http://purl.oclc.org/dsdl/svrl");
    for (auto out : root.children("svrl:schematron-output")) {
      std::string path = out.attribute("title").value();
      for (auto assert_ : out.children("svrl:failed-assert")) {
        std::string location = assert_.attribute("location").value();
        CHECK(!assert_.child("svrl:text").text().empty());
        found.emplace(assert_.attribute("id").value(),
                      severity.at(assert_.attribute("flag").value()),
                      path + "#" + (location == "/" ? "" : location));
      }
    }
    CHECK(found == expected);
  }
}

// The JUnit report of a run, read back.
pugi::xml_node junit_root(pugi::xml_document& xml, const std::string& text) {
  REQUIRE(xml.load_string(text.c_str()));
  return xml.child("testsuites");
}

TEST_CASE("report formats: JUnit has a testcase per rule fired on a document, one for none",
          "[report][junit]") {
  // Accounts without finding, invoices with one finding, several of one rule, several rules.
  const std::string fixtures = CPROKIT_FIXTURES_DIR;
  Reports reports = lint_all(
      {fixtures + "/accounts", fixtures + "/invoices/ubl", fixtures + "/invoices/cii"}, "fr");
  REQUIRE(reports.result.exited());
  // From the JSON report of the same run: the testcases each document must have.
  std::map<std::string, std::size_t> expected_cases;
  std::map<std::string, std::string> expected_verdict;
  std::size_t without_finding = 0;
  std::size_t repeated_rule = 0;  // documents where a rule fired more than once
  const auto json = nlohmann::json::parse(reports.text["json"]);  // kept: the loop reads inside it
  for (const auto& doc : json["documents"]) {
    std::set<std::string> fired;
    for (const auto& f : doc["findings"])
      fired.insert(f["rule"].get<std::string>());
    if (fired.empty()) ++without_finding;
    if (fired.size() < doc["findings"].size()) ++repeated_rule;
    const std::string path = doc["path"];
    expected_cases[path] = std::max<std::size_t>(fired.size(), 1);
    expected_verdict[path] = doc["valid"].get<bool>() ? "valid" : "invalid";
  }
  REQUIRE(without_finding > 0);
  REQUIRE(repeated_rule > 0);

  pugi::xml_document xml;
  auto root = junit_root(xml, reports.text["junit"]);
  std::size_t total = 0;
  std::size_t untimed = 0;  // suites and testcases without a time in seconds
  std::map<std::string, std::size_t> cases;
  std::map<std::string, std::string> verdict;
  for (auto suite : root.children("testsuite")) {
    const std::string path = suite.attribute("name").value();
    for (auto tc : suite.children("testcase")) {
      ++cases[path];
      untimed += tc.attribute("time").as_double(-1) < 0 ? 1 : 0;
    }
    CHECK(suite.attribute("tests").as_ullong() == cases[path]);
    untimed += suite.attribute("time").as_double(-1) < 0 ? 1 : 0;
    total += cases[path];
    verdict[path] = suite.child("properties")
                        .find_child_by_attribute("property", "name", "verdict")
                        .attribute("value")
                        .value();
  }
  CHECK(cases == expected_cases);
  CHECK(verdict == expected_verdict);  // machine values, whatever --lang
  CHECK(root.attribute("tests").as_ullong() == total);
  CHECK(root.attribute("time").as_double(-1) >= 0);
  CHECK(untimed == 0);
}

TEST_CASE("report formats: JUnit is red exactly when the exit code is 1, as --fail-on says",
          "[report][junit]") {
  const std::string fixtures = CPROKIT_FIXTURES_DIR;
  const std::vector<std::string> inputs = {
      fixtures + "/accounts/account-ok.json",             // no finding
      fixtures + "/invoices/ubl/invoice-valid.xml",       // a warning
      fixtures + "/invoices/ubl/br-co-10-line-sum.xml"};  // fatal findings
  for (const std::string fail_on : {"fatal", "warning"}) {
    for (const auto& input : inputs) {
      RunResult r =
          run({"lint", "--no-xsd", "--no-codelists", "--fail-on", fail_on, "-f", "junit", input});
      INFO(fail_on << " " << input << "\n" << r.err);
      REQUIRE((r.exit_code == 0 || r.exit_code == 1));
      pugi::xml_document xml;
      auto root = junit_root(xml, r.out);
      std::size_t failures = 0;
      for (auto suite : root.children("testsuite")) {
        for (auto tc : suite.children("testcase"))
          failures += tc.child("failure") ? 1 : 0;
      }
      CHECK(root.attribute("failures").as_ullong() == failures);
      CHECK((failures > 0) == (r.exit_code == 1));
    }
  }
  // Both outcomes are seen: a warning is green by default, red under --fail-on warning.
  RunResult green = run({"lint", "--no-xsd", "--no-codelists", "-f", "junit", inputs[1]});
  RunResult red =
      run({"lint", "--no-xsd", "--no-codelists", "--fail-on", "warning", "-f", "junit", inputs[1]});
  CHECK(green.exit_code == 0);
  CHECK(red.exit_code == 1);
  CHECK(red.out.find(R"(type="warning")") != std::string::npos);
}

namespace {

// A schema that takes any content under the root element `root` of `ns`.
std::string open_schema(const std::string& ns, const std::string& root) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace=")" +
         ns + R"(" elementFormDefault="qualified">
  <xs:element name=")" +
         root + R"(">
    <xs:complexType>
      <xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
      <xs:anyAttribute processContents="skip"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
)";
}

// The first word of a program's output: a digest from sha256sum.
std::string digest_from(const RunResult& r) {
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out.substr(0, r.out.find_first_of(" \n"));
}

}  // namespace

TEST_CASE("report formats: the reference data pinned by SHA-256 in JSON, JSONL, SARIF and HTML",
          "[report][references]") {
  // A code-list file and a small XSD set of our own: the project ships neither.
  const fs::path dir = fresh_dir("report-references");
  const fs::path lists = dir / "codelists.json";
  write_file(lists, small_code_lists().dump(2));
  const fs::path xsd = dir / "xsd";
  write_file(xsd / "ubl-2.1/maindoc/UBL-Invoice-2.1.xsd",
             open_schema("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "Invoice"));
  write_file(
      xsd / "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd",
      open_schema("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", "CreditNote"));
  write_file(xsd /
                 "cii-d16b-scrdm-subset/uncoupled/CII/uncefact/data/standard/"
                 "CrossIndustryInvoice_100pD16B.xsd",
             open_schema("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
                         "CrossIndustryInvoice"));
  write_file(xsd / "ubl-2.1/common/Unused.xsd", open_schema("urn:unused", "Unused"));
  write_file(xsd / "README.txt", "not a schema: outside the digest\n");
  const std::string directory = std::string(CPROKIT_FIXTURES_DIR) + "/directory/matheysine.json";

  // What an auditor computes with coreutils: sha256sum, and README's command
  // for the XSD set.
  const std::string directory_sha = digest_from(run_program("/usr/bin/sha256sum", {directory}));
  const std::string lists_sha = digest_from(run_program("/usr/bin/sha256sum", {lists.string()}));
  const std::string xsd_sha = digest_from(run_program(
      "/bin/sh", {"-c",
                  "cd \"$1\" && find . -type f -name '*.xsd' -printf '%P\\0' | LC_ALL=C sort -z | "
                  "xargs -0 sha256sum | sha256sum",
                  "sh", xsd.string()}));

  for (const std::string lang : {"fr", "en"}) {
    Reports reports = lint_all(
        {std::string(CPROKIT_FIXTURES_DIR) + "/invoices/ubl/invoice-valid.xml"}, lang,
        {"--directory", directory, "--codelists", lists.string(), "--schemas", xsd.string()});
    INFO(reports.result.err);
    REQUIRE(reports.result.exited());
    REQUIRE(reports.result.exit_code <= 1);  // the directory and lists may judge it

    const auto json = nlohmann::json::parse(reports.text["json"]);
    const nlohmann::json expected = {
        {"directory", {{"path", directory}, {"sha256", directory_sha}}},
        {"codelists", {{"path", lists.string()}, {"sha256", lists_sha}}},
        {"xsd", {{"path", xsd.string()}, {"sha256", xsd_sha}, {"files", 4}}}};
    CHECK(json["tool"]["references"] == expected);
    CHECK(json["tool"]["name"] == "cprokit");

    std::string jsonl = reports.text["jsonl"];
    jsonl.pop_back();  // the last line's end
    const auto summary_line = nlohmann::json::parse(jsonl.substr(jsonl.rfind('\n') + 1));
    CHECK(summary_line["tool"] == json["tool"]);
    CHECK(summary_line["summary"]["documents"] == 1);

    const auto sarif = nlohmann::json::parse(reports.text["sarif"]);
    CHECK(sarif["runs"][0]["properties"]["references"] == expected);

    const std::string& html = reports.text["html"];
    for (const std::string& digest : {directory_sha, lists_sha, xsd_sha})
      CHECK(html.find("<code class=\"digest\">" + digest + "</code>") != std::string::npos);
    CHECK(html.find("<code>" + xsd.string() + "</code>") != std::string::npos);
  }
}

TEST_CASE("report formats: the HTML audit trail names the options in the report's language",
          "[report][references]") {
  for (const std::string lang : {"fr", "en"}) {
    Reports reports = lint_all(golden_inputs(), lang);
    const std::string& html = reports.text["html"];
    const auto sarif = nlohmann::json::parse(reports.text["sarif"]);
    const auto& options = sarif["runs"][0]["invocations"][0]["properties"]["options"];
    REQUIRE(options.size() >= 5);
    for (const auto& [key, value] : options.items()) {
      INFO(lang << ": " << key);
      CHECK(html.find("<tr><th>" + key + "</th>") == std::string::npos);  // a label, not the key
    }
    const bool fr = lang == "fr";
    CHECK(html.find(fr ? "<th>Validation XSD" : "<th>XSD validation") != std::string::npos);
    CHECK(html.find(fr ? "désactivée (--no-xsd)" : "off (--no-xsd)") != std::string::npos);
    CHECK(html.find(fr ? "<h3>Données de référence" : "<h3>Reference data") != std::string::npos);
  }
}

TEST_CASE("report formats: escaping of hostile paths and streaming of jsonl", "[report]") {
  const fs::path dir = fresh_dir("report-escaping");
  fs::path odd = dir / "a <b> & \"c\" 'd' é:%.xml";
  fs::copy_file(std::string(CPROKIT_FIXTURES_DIR) + "/invoices/ubl/br-co-10-line-sum.xml", odd,
                fs::copy_options::overwrite_existing);
  Reports reports = lint_all({odd.string()}, "fr");
  for (const std::string format : {"junit", "svrl", "html"}) {
    INFO(format);
    CHECK(reports.text[format].find("<b> &") == std::string::npos);
    CHECK(reports.text[format].find("&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;") !=
          std::string::npos);
  }
  pugi::xml_document xml;
  CHECK(xml.load_string(reports.text["junit"].c_str()));
  CHECK(xml.load_string(reports.text["svrl"].c_str()));
  auto sarif = nlohmann::json::parse(reports.text["sarif"]);
  std::string uri = sarif["runs"][0]["artifacts"][0]["location"]["uri"];
  CHECK(uri.starts_with("file:///"));
  CHECK(uri.ends_with("/a%20%3Cb%3E%20%26%20%22c%22%20%27d%27%20%C3%A9%3A%25.xml"));

  std::istringstream lines(reports.text["jsonl"]);
  std::vector<nlohmann::json> objects;
  for (std::string line; std::getline(lines, line);)
    objects.push_back(nlohmann::json::parse(line));
  REQUIRE(objects.size() == 2);
  CHECK(objects[0]["path"] == odd.string());
  CHECK(objects[1]["summary"]["documents"] == 1);
}

namespace {

// One HTML report of `inputs` (and a JSONL report beside it) with
// --html-detail `detail`, the folder of the run normalised as @DIR@.
std::string html_report(const std::vector<std::string>& inputs, const std::string& lang,
                        const std::string& detail) {
  const fs::path dir = fresh_dir("report-html-detail");
  std::vector<std::string> args = {"lint",          "--lang", lang,    "--no-xsd", "--no-codelists",
                                   "--html-detail", detail,   "-f",    "html",     "-o",
                                   dir / "r.html",  "-f",     "jsonl", "-o",       dir / "r.jsonl"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  const RunResult result = run(args);
  INFO(result.err);
  REQUIRE(result.exit_code <= 1);
  std::string html = read_file(dir / "r.html");
  replace_all(html, dir.string(), "@DIR@");
  // Two runs compared may start in two different seconds.
  static const std::regex kStarted(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  return std::regex_replace(html, kStarted, "@DATE@");
}

// The summary of a generated batch (tests/tools/html_report_batch.cpp).
std::string generated_report(const std::vector<std::string>& options) {
  const fs::path out = fresh_dir("report-html-batch") / "r.html";
  std::vector<std::string> args = {"--out", out.string(), "--lang", "en"};
  args.insert(args.end(), options.begin(), options.end());
  const RunResult result = run_program(CPROKIT_HTML_REPORT_BATCH, args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return read_file(out);
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("report formats: the HTML summary's golden files (--html-detail summary)", "[report]") {
  const Catalogue catalogue = catalogue_without_xsd_nor_lists();
  for (const std::string lang : {"fr", "en"}) {
    const std::string actual = normalised(html_report(golden_inputs(), lang, "summary"), catalogue);
    const fs::path golden = fs::path(CPROKIT_GOLDEN_DIR) / ("report-summary-" + lang + ".html");
    if (std::getenv("CPROKIT_UPDATE_GOLDEN") != nullptr) {
      std::ofstream(golden, std::ios::binary) << actual;
      WARN("rewritten: " << golden.string());
      continue;
    }
    INFO(golden.string() << " (CPROKIT_UPDATE_GOLDEN=1 rewrites it)");
    REQUIRE(fs::exists(golden));
    CHECK(actual == read_file(golden));
    for (const std::string section : {"by-rule", "by-supplier", "by-buyer", "invalid", "valid"})
      CHECK(actual.find("<section id=\"" + section + "\">") != std::string::npos);
    CHECK(actual.find("<code>@DIR@/r.jsonl</code> (jsonl)") != std::string::npos);
  }
}

TEST_CASE("report formats: HTML in full up to the threshold, a summary past it", "[report]") {
  // Below the threshold, auto is the full report, as it was.
  const std::string auto_html = html_report(golden_inputs(), "en", "auto");
  const std::string full_html = html_report(golden_inputs(), "en", "full");
  CHECK(auto_html == full_html);
  CHECK(auto_html.find("<section id=\"documents\">") != std::string::npos);
  CHECK(auto_html.find("<section id=\"by-rule\">") == std::string::npos);

  const std::size_t threshold = 1000;  // HtmlOptions::kDefaultThreshold
  const std::string at = std::to_string(threshold);
  const std::string past = std::to_string(threshold + 1);
  const std::string at_threshold = generated_report({"--documents", at});
  CHECK(at_threshold.find("<section id=\"documents\">") != std::string::npos);
  CHECK(at_threshold.find("<section id=\"by-rule\">") == std::string::npos);
  const std::string past_threshold = generated_report({"--documents", past});
  CHECK(past_threshold.find("<section id=\"documents\">") == std::string::npos);
  CHECK(past_threshold.find("<section id=\"by-rule\">") != std::string::npos);
  CHECK(past_threshold.find("Past 1,000 documents") != std::string::npos);
  // Forced either way.
  CHECK(generated_report({"--documents", past, "--html-detail", "full"})
            .find("<section id=\"documents\">") != std::string::npos);
  CHECK(generated_report({"--documents", "3", "--html-detail", "summary"})
            .find("<section id=\"by-rule\">") != std::string::npos);

  const RunResult refused = run({"lint", "--lang", "en", "--html-detail", "some", "x.xml"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--html-detail: unknown \"some\", expected auto, full or summary") !=
        std::string::npos);
}

TEST_CASE("report formats: the HTML summary caps the findings a document and the parties shown",
          "[report]") {
  // 200 invalid documents of 1 to 25 findings, 60 suppliers, 3 buyers.
  const std::string html =
      generated_report({"--documents", "200", "--invalid-percent", "100", "--max-findings", "25",
                        "--suppliers", "60", "--buyers", "3", "--html-detail", "summary"});
  static const std::regex kDocument(
      R"re(<pre class="inv" style="--lines:(\d+)"><b>.*? · (\d+) finding\(s\)\n((?:.*\n)*?)</pre>)re");
  std::size_t documents = 0;
  std::size_t capped = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kDocument);
       it != std::sregex_iterator(); ++it) {
    ++documents;
    const std::size_t findings = std::stoul((*it)[2]);
    const std::string items = (*it)[3];
    INFO(items);
    CHECK(std::stoul((*it)[1]) == 1 + occurrences(items, "\n"));  // the block's --lines
    if (findings > 20) {
      ++capped;
      CHECK(occurrences(items, "\n") == 21);
      CHECK(items.find("… and " + std::to_string(findings - 20) + " more finding(s)") !=
            std::string::npos);
    } else {
      CHECK(occurrences(items, "\n") == findings);
      CHECK(items.find("more finding") == std::string::npos);
    }
  }
  CHECK(documents == 200);
  CHECK(capped > 0);

  const std::size_t from = html.find("<section id=\"by-supplier\">");
  const std::string suppliers = html.substr(from, html.find("</section>", from) - from);
  CHECK(occurrences(suppliers, "<tr><td>Fournisseur ") == 50);
  CHECK(suppliers.find("<i>10 more suppliers</i>") != std::string::npos);
  const std::size_t buyers_at = html.find("<section id=\"by-buyer\">");
  const std::string buyers = html.substr(buyers_at, html.find("</section>", buyers_at) - buyers_at);
  CHECK(occurrences(buyers, "<tr><td>Acheteur ") == 3);
  CHECK(buyers.find("more buyers") == std::string::npos);
}

TEST_CASE("report formats: the HTML summary cuts a folder's valid documents into blocks of 1000",
          "[report]") {
  // 2,500 valid documents in one folder, then 700 in the next.
  const std::string html = generated_report({"--documents", "3200", "--invalid-percent", "0",
                                             "--folder-size", "2500", "--html-detail", "summary"});
  // std::regex recurses once a repetition: a block of 1,000 lines is read by hand.
  const std::string open = "<pre style=\"--lines:";
  std::vector<std::pair<std::size_t, std::size_t>> blocks;  // --lines, lines
  for (std::size_t at = html.find(open); at != std::string::npos; at = html.find(open, at)) {
    at += open.size();
    const std::size_t lines_given = std::stoul(html.substr(at, html.find('"', at) - at));
    const std::size_t from = html.find("\">", at) + 2;
    const std::string block = html.substr(from, html.find("</pre>", from) - from);
    static const std::regex kLine(R"([0-9a-f]{64}  FA-2026-\d{6}\.xml)");
    std::istringstream lines(block);
    std::size_t count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
      if (!std::regex_match(line, kLine)) FAIL_CHECK("not a sha256sum line: " << line);
    }
    blocks.emplace_back(lines_given, count);
  }
  using Blocks = std::vector<std::pair<std::size_t, std::size_t>>;
  CHECK(blocks == Blocks{{1000, 1000}, {1000, 1000}, {500, 500}, {700, 700}});
  CHECK(occurrences(html, "<h4><code>lot-00/</code></h4>") == 1);
  CHECK(occurrences(html, "<h4><code>lot-01/</code></h4>") == 1);
}

TEST_CASE("report formats: escaping of hostile names in the HTML summary", "[report]") {
  const fs::path dir = fresh_dir("report-summary-escaping");
  std::string invoice =
      read_file(std::string(CPROKIT_FIXTURES_DIR) + "/invoices/ubl/br-co-10-line-sum.xml");
  replace_all(invoice, "Menuiserie Alpine SARL", "Seller &lt;b&gt; &amp; &quot;c&quot;");
  replace_all(invoice, "81234567600017", "&lt;i&gt;id&amp;");
  REQUIRE(invoice.find("Seller &lt;b&gt;") != std::string::npos);
  const fs::path odd = dir / "a <b> & \"c\" 'd'.xml";
  write_file(odd, invoice);
  const fs::path valid = dir / "<v>" / "ok &.xml";
  fs::create_directories(valid.parent_path());
  fs::copy_file(std::string(CPROKIT_FIXTURES_DIR) + "/invoices/ubl/invoice-valid.xml", valid);
  const std::string html = html_report({odd.string(), valid.string()}, "en", "summary");
  CHECK(html.find("<b> &") == std::string::npos);
  CHECK(html.find("<i>id") == std::string::npos);
  CHECK(html.find("<v>") == std::string::npos);
  CHECK(html.find("Seller &lt;b&gt; &amp; &quot;c&quot;") != std::string::npos);
  CHECK(html.find("<code>&lt;i&gt;id&amp;</code>") != std::string::npos);
  CHECK(html.find("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;.xml") != std::string::npos);
  CHECK(html.find("/&lt;v&gt;/</code></h4>") != std::string::npos);
  CHECK(html.find("  ok &amp;.xml\n") != std::string::npos);
}
