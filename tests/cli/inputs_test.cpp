// What `cprokit lint` reads: folders walked (sorted, filtered by --include
// and --exclude, read by --jobs threads in input order), paths that cannot
// be read, standard input, files named explicitly, and the kind of each
// document found from its content, not its name.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.hpp"
#include "tests/skip.hpp"

namespace fs = std::filesystem;
using cprokit::test::check_contract;
using cprokit::test::contains;
using cprokit::test::count_of;
using cprokit::test::cprokit_binary;
using cprokit::test::finding_of;
using cprokit::test::fresh_dir;
using cprokit::test::has_rule;
using cprokit::test::lint_json;
using cprokit::test::Linted;
using cprokit::test::parse_json;
using cprokit::test::read_file;
using cprokit::test::rules_of;
using cprokit::test::run;
using cprokit::test::run_program;
using cprokit::test::RunResult;
using cprokit::test::samples;
using cprokit::test::Samples;
using cprokit::test::sha256sum;
using cprokit::test::ubl_invoice;
using cprokit::test::write_file;
using nlohmann::ordered_json;

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

  // A complete container (invoice-valid.pdf predates the PDF-level rules).
  const fs::path complete =
      fs::path(CPROKIT_FIXTURES_DIR) / "invoices" / "facturx-container" / "base-en16931.pdf";
  Linted valid = lint_json({complete.string(), "--no-xsd"});
  CHECK(valid.doc.at("valid") == true);
  CHECK(valid.result.exit_code == 0);
  CHECK(valid.result.err.empty());  // qpdf says nothing on stderr
}
