// What `cprokit lint` says: the JSON contract, several reports in one run,
// --fail-on and --lang, every fixture through the binary against its
// .expect, the human output and its colours, the progress line on a
// terminal, the XSD layer and the profiles.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.hpp"
#include "tests/fixtures/expectations.hpp"
#include "tests/skip.hpp"

namespace fs = std::filesystem;
using cprokit::test::catalogue_rules;
using cprokit::test::check_contract;
using cprokit::test::contains;
using cprokit::test::count_of;
using cprokit::test::finding_of;
using cprokit::test::fresh_dir;
using cprokit::test::has_rule;
using cprokit::test::have_shared_xsd;
using cprokit::test::kUnset;
using cprokit::test::lint_json;
using cprokit::test::Linted;
using cprokit::test::read_file;
using cprokit::test::rules_of;
using cprokit::test::run;
using cprokit::test::run_in_terminal;
using cprokit::test::RunResult;
using cprokit::test::samples;
using cprokit::test::Samples;
using cprokit::test::sha256sum;
using cprokit::test::shared_xsd_dir;
using cprokit::test::ubl_invoice;
using cprokit::test::write_file;
using nlohmann::ordered_json;
namespace testing = cprokit::testing;

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

TEST_CASE("lint --syntaxe-flux: a file that is not of the declared syntax is DOC-02, naming both",
          "[json]") {
  const fs::path fixtures = CPROKIT_FIXTURES_DIR;
  const std::string cii = (fixtures / "invoices/cii/invoice-valid.xml").string();
  const std::string ubl = (fixtures / "invoices/ubl/invoice-valid.xml").string();
  const std::string pdf = (fixtures / "invoices/facturx-container/base-en16931.pdf").string();
  for (const auto& [file, syntaxe, fires] :
       std::vector<std::tuple<std::string, std::string, bool>>{{cii, "IN_DP_E2_CII_FACTURX", true},
                                                               {ubl, "IN_DP_E2_CII_FACTURX", true},
                                                               {pdf, "IN_DP_E2_CII_FACTURX", false},
                                                               {pdf, "IN_DP_E1_UBL_INVOICE", true},
                                                               {ubl, "IN_DP_E1_UBL_INVOICE", false},
                                                               {cii, "IN_DP_E1_CII_16B", false}}) {
    INFO(file << " under " << syntaxe);
    const Linted l = lint_json({"--lang", "en", "--no-xsd", "--syntaxe-flux", syntaxe, file});
    CHECK(has_rule(l.doc, "DOC-02") == fires);
    if (fires) {
      const std::string says = finding_of(l.doc, "DOC-02").at("message");
      CHECK(contains(says, "Syntax " + syntaxe));
      CHECK(contains(says, "file received"));
    }
  }
  CHECK(run({"lint", "--syntaxe-flux", "IN_DP_NOPE", cii}).exit_code == 2);
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
    if (!options.syntaxe_flux.empty())
      args.insert(args.end(), {"--syntaxe-flux", options.syntaxe_flux});
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

// ===========================================================================
// The XSD layer.

namespace {

// Whether a rule of `family` fired on the document.
bool has_rule_of_family(const ordered_json& doc, const std::string& family) {
  const auto& members = catalogue_rules(family);
  auto ids = rules_of(doc);
  return std::any_of(ids.begin(), ids.end(), [&](const auto& id) { return members.contains(id); });
}

}  // namespace

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

TEST_CASE("a grammar that does not compile: XSD-02 on the documents that need it", "[xsd]") {
  // Every entry point is there (the folder loads) but the UBL invoice one is
  // no schema: it is found when the first UBL invoice is checked.
  fs::path broken = fresh_dir("broken-ubl-grammar");
  for (const char* entry :
       {"ubl-2.1/maindoc/UBL-Invoice-2.1.xsd", "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd",
        "cii-d16b-scrdm-subset/uncoupled/CII/uncefact/data/standard/"
        "CrossIndustryInvoice_100pD16B.xsd"}) {
    write_file(broken / entry, "not a schema\n");
  }
  const std::string file = samples().valid.string();
  // Found through the environment: a warning, the run goes on (exit 0).
  Linted l = lint_json({"--lang", "en", file}, {}, {{"CPROKIT_SCHEMAS", broken.string()}});
  const std::string message = finding_of(l.doc, "XSD-02").at("message").get<std::string>();
  CHECK(contains(message, "cannot be used"));
  CHECK(contains(message, "UBL-Invoice-2.1.xsd"));
  CHECK(l.doc.at("valid") == true);
  CHECK(l.result.exit_code == 0);
  // Named with --schemas: the same report, then exit 2, as for a folder that
  // cannot be used at all.
  RunResult named =
      run({"lint", "--lang", "en", "--format", "json", "--schemas", broken.string(), file});
  CHECK(named.exit_code == 2);
  CHECK(contains(named.err, "the schemas cannot be used"));
  const auto report = ordered_json::parse(named.out);
  const std::string named_message =
      finding_of(report.at("documents").at(0), "XSD-02").at("message").get<std::string>();
  CHECK(contains(named_message, "cannot be used"));
  CHECK(contains(named_message, "UBL-Invoice-2.1.xsd"));
}

TEST_CASE("Xerces-C is loaded from the module beside the program, on first need", "[xsd]") {
  // The program itself does not link it (validators/xsd/xerces_backend.hpp).
  if (!fs::exists("/usr/bin/ldd")) SKIP_TEST("no /usr/bin/ldd to list the program's libraries");
  const RunResult ldd =
      cprokit::test::run_program("/usr/bin/ldd", {cprokit::test::cprokit_binary()});
  REQUIRE(ldd.exit_code == 0);
  CHECK(contains(ldd.out, "libstdc++"));
  CHECK_FALSE(contains(ldd.out, "libxerces-c"));

  // A copy of the program alone: no module beside it. The folder's entry
  // points exist, so the module is looked for when the document needs it.
  fs::path broken = fresh_dir("module-less-schemas");
  for (const char* entry :
       {"ubl-2.1/maindoc/UBL-Invoice-2.1.xsd", "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd",
        "cii-d16b-scrdm-subset/uncoupled/CII/uncefact/data/standard/"
        "CrossIndustryInvoice_100pD16B.xsd"}) {
    write_file(broken / entry, "not a schema\n");
  }
  const fs::path alone = fresh_dir("program-alone") / "cprokit";
  fs::copy_file(cprokit::test::cprokit_binary(), alone);
  const std::string file = samples().valid.string();
  const RunResult r = cprokit::test::run_program(
      alone.string(),
      {"lint", "--lang", "en", "--format", "json", "--schemas", broken.string(), file});
  const auto report = ordered_json::parse(r.out);
  const std::string message =
      finding_of(report.at("documents").at(0), "XSD-02").at("message").get<std::string>();
  if (contains(message, "UBL-Invoice-2.1.xsd")) {
    SKIP_TEST("an installed cprokit-xerces.so was found: " + message);
  }
  CHECK(contains(message, "cprokit-xerces.so is missing"));
  CHECK(contains(message, (alone.parent_path() / "cprokit-xerces.so").string()));
  CHECK(contains(message, "--no-xsd"));
  CHECK(r.exit_code == 2);  // a folder named with --schemas that cannot be used
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

TEST_CASE("lint --cii-schema d22b: an EN 16931 CII is judged by the reform's CII D22B", "[xsd]") {
  const fs::path d22b_xsd =
      shared_xsd_dir() / "cii-d22b-uncoupled/CrossIndustryInvoice_100pD22B.xsd";
  if (!have_shared_xsd() || !fs::exists(d22b_xsd)) SKIP_TEST("no " + d22b_xsd.string());
  // The seller's IOSS number: D22B has it, D16B does not.
  std::string xml = read_file(fs::path(CPROKIT_FIXTURES_DIR) / "invoices/cii/invoice-valid.xml");
  const std::string id = R"(<ram:ID schemeID="VA">FR15882165434</ram:ID>)";
  const auto at = xml.find(id);
  REQUIRE(at != std::string::npos);
  xml.insert(at + id.size(), "<ram:IOSSID>IM2500000042</ram:IOSSID>");
  fs::path dir = fresh_dir("cii-schema");
  write_file(dir / "ioss.xml", xml);
  const std::string file = (dir / "ioss.xml").string();
  const std::string schemas = shared_xsd_dir().string();

  Linted d16b = lint_json({"--schemas", schemas, file});
  CHECK(has_rule(d16b.doc, "XSD-01"));
  Linted d22b = lint_json({"--schemas", schemas, "--cii-schema", "d22b", file});
  CHECK_FALSE(has_rule_of_family(d22b.doc, "XSD"));
  CHECK(rules_of(d22b.doc) == rules_of(lint_json({"--no-xsd", file}).doc));
  // The run says which schema judged it, when it is not the default.
  CHECK(
      contains(run({"lint", "-f", "jsonl", "--schemas", schemas, "--cii-schema", "d22b", file}).out,
               "\"cii-schema\":\"d22b\""));
  CHECK_FALSE(
      contains(run({"lint", "-f", "jsonl", "--schemas", schemas, file}).out, "\"cii-schema\":"));
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

TEST_CASE("lint --profile fr-ctc runs BR-FR, fatal unless --fr-mode transition", "[profile]") {
  const fs::path fixtures = CPROKIT_FIXTURES_DIR;
  const std::string file = (fixtures / "invoices/fr/rules-cii/br-fr-08-missing.xml").string();
  // No other profile runs the reform's rules, `all` included.
  for (const char* profile : {"all", "chorus", "en16931"}) {
    INFO(profile);
    CHECK_FALSE(has_rule(lint_json({"--profile", profile, file}).doc, "BR-FR-08_BT-23"));
  }
  Linted strict = lint_json({"--profile", "fr-ctc", file});
  REQUIRE(has_rule(strict.doc, "BR-FR-08_BT-23"));
  CHECK(finding_of(strict.doc, "BR-FR-08_BT-23")["severity"] == "fatal");
  CHECK(strict.result.exit_code == 1);
  Linted transition = lint_json({"--profile", "fr-ctc", "--fr-mode", "transition", file});
  CHECK(finding_of(transition.doc, "BR-FR-08_BT-23")["severity"] == "warning");
  CHECK(transition.result.exit_code == 0);
  // The catalogue says which severity each mode gives.
  const auto& reform = catalogue_rules("BR-FR");
  REQUIRE(reform.contains("BR-FR-08_BT-23"));
  CHECK(reform.at("BR-FR-08_BT-23")["severity"] == "fatal");
  CHECK(reform.at("BR-FR-08_BT-23")["transition_severity"] == "warning");
  // The run's record says which mode it applied.
  RunResult lines =
      run({"lint", "-f", "jsonl", "--profile", "fr-ctc", "--fr-mode", "transition", file});
  CHECK(contains(lines.out, "\"fr-mode\":\"transition\""));
  RunResult unknown = run({"lint", "--profile", "fr-ctc", "--fr-mode", "lenient", file});
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "--fr-mode"));
}
