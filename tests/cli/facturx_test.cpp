// `cprokit facturx extract` and `cprokit facturx make` seen from outside:
// the round trip, what lint says of a made PDF, refusals and their exit
// codes, -o written whole or not at all.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.hpp"

using cprokit::test::catalogue_rules;
using cprokit::test::contains;
using cprokit::test::fresh_dir;
using cprokit::test::lint_json;
using cprokit::test::read_file;
using cprokit::test::run;
using cprokit::test::RunResult;
using cprokit::test::write_file;
namespace fs = std::filesystem;

namespace {

constexpr int kRefused = 6;

std::string fixture(const std::string& relative) {
  return (fs::path(CPROKIT_FIXTURES_DIR) / relative).string();
}

// A PDF with no invoice: one with a text attachment and an XMP (the
// Factur-X fixtures' generator made it).
const std::string& plain_pdf() {
  static const std::string path = fixture("invoices/facturx/no-invoice-xml.pdf");
  return path;
}

const std::map<std::string, std::string> kFixedTime = {{"SOURCE_DATE_EPOCH", "1767225600"}};

RunResult make(const std::string& xml, const std::string& pdf, const std::string& out,
               std::vector<std::string> more = {},
               const std::map<std::string, std::string>& env = kFixedTime) {
  std::vector<std::string> args = {"facturx", "make", "--xml", xml, "--pdf", pdf, "-o", out};
  args.insert(args.end(), more.begin(), more.end());
  return run(args, {}, env);
}

// A finding as the XML alone would place it: "factur-x.xml:/rsm:…" is "/rsm:…";
// one about the file itself ("", its name: CPRO-NAME-01) stays.
nlohmann::ordered_json seen_from_the_xml(nlohmann::ordered_json finding) {
  std::string location = finding.at("location").get<std::string>();
  const std::string inside = "factur-x.xml";
  if (location.empty()) return finding;
  REQUIRE(location.rfind(inside, 0) == 0);
  location.erase(0, inside.size());
  if (!location.empty() && location.front() == ':') location.erase(0, 1);
  finding["location"] = location;
  return finding;
}

}  // namespace

TEST_CASE("facturx make then extract gives the CII back byte for byte", "[facturx]") {
  const fs::path dir = fresh_dir("facturx-round-trip");
  const std::string xml = fixture("invoices/cii/invoice-valid.xml");
  const std::string made = (dir / "fx.pdf").string();
  const RunResult r = make(xml, plain_pdf(), made);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "EN 16931"));
  CHECK(contains(r.out, "/Alternative"));

  const RunResult to_stdout = run({"facturx", "extract", made});
  CHECK(to_stdout.exit_code == 0);
  CHECK(to_stdout.out == read_file(xml));

  const std::string out = (dir / "back.xml").string();
  const RunResult to_file = run({"facturx", "extract", made, "-o", out});
  CHECK(to_file.exit_code == 0);
  CHECK(to_file.out.empty());
  CHECK(read_file(out) == read_file(xml));

  // SOURCE_DATE_EPOCH: the same bytes again.
  const std::string again = (dir / "again.pdf").string();
  REQUIRE(make(xml, plain_pdf(), again).exit_code == 0);
  CHECK(read_file(again) == read_file(made));
}

TEST_CASE("lint finds in a made Factur-X what it finds in its XML, and nothing of the PDF",
          "[facturx]") {
  const fs::path dir = fresh_dir("facturx-lint");
  const auto& pdf_rules = catalogue_rules("PDF");
  REQUIRE_FALSE(pdf_rules.empty());
  for (const char* name : {"invoice-valid", "br-co-10-line-sum", "vat-s-rules",
                           "invoice-with-allowance-charge", "credit-note-valid"}) {
    CAPTURE(name);
    const std::string xml = fixture(std::string("invoices/cii/") + name + ".xml");
    const std::string made = (dir / (std::string(name) + ".pdf")).string();
    REQUIRE(make(xml, plain_pdf(), made).exit_code == 0);
    // One name for both, as deposited (CPRO-NAME-01 reads it).
    const auto from_pdf = lint_json({"--name", "FA-2026-001", made});
    const auto from_xml = lint_json({"--name", "FA-2026-001", xml});
    CHECK(from_pdf.doc.at("syntax") == "FACTURX");
    CHECK(from_pdf.result.exit_code == from_xml.result.exit_code);
    nlohmann::ordered_json placed = nlohmann::ordered_json::array();
    for (const auto& f : from_pdf.doc.at("findings")) {
      CHECK_FALSE(pdf_rules.contains(f.at("rule").get<std::string>()));
      placed.push_back(seen_from_the_xml(f));
    }
    CHECK(placed == from_xml.doc.at("findings"));
  }
}

TEST_CASE("facturx make refuses what cannot make a Factur-X, naming the file", "[facturx]") {
  const fs::path dir = fresh_dir("facturx-refusals");
  const std::string out = (dir / "out.pdf").string();
  const std::string valid = fixture("invoices/cii/invoice-valid.xml");
  struct Case {
    std::string xml;
    std::string pdf;
    std::vector<std::string> more;
    std::string fr;
    std::string en;
  };
  const std::vector<Case> cases = {
      {valid, fixture("invoices/facturx/encrypted.pdf"), {}, "PDF chiffré", "encrypted PDF"},
      {valid, fixture("invoices/facturx/truncated.pdf"), {}, "PDF illisible", "unreadable PDF"},
      {valid,
       fixture("invoices/facturx/invoice-valid.pdf"),
       {},
       "porte déjà une facture XML",
       "embeds an invoice XML already"},
      {fixture("invoices/ubl/invoice-valid.xml"),
       plain_pdf(),
       {},
       "pas une facture CII",
       "not a CII invoice"},
      {valid,
       plain_pdf(),
       {"--profile", "basic"},
       "n'est pas celui du profil BASIC",
       "is not the one of profile BASIC"},
  };
  for (const auto& c : cases) {
    for (const bool english : {false, true}) {
      std::vector<std::string> more = c.more;
      if (english) more.insert(more.end(), {"--lang", "en"});
      const RunResult r = make(c.xml, c.pdf, out, more);
      INFO(r.err);
      CHECK(r.exit_code == kRefused);
      CHECK(contains(r.err, english ? c.en : c.fr));
      // The message names the file at fault, as given.
      CHECK((contains(r.err, c.pdf) || contains(r.err, c.xml)));
      CHECK_FALSE(fs::exists(out));
    }
  }
  // --replace takes the place of the invoice there.
  const RunResult replaced =
      make(valid, fixture("invoices/facturx/invoice-valid.pdf"), out, {"--replace"});
  CHECK(replaced.exit_code == 0);
  CHECK(contains(replaced.out, "factur-x.xml"));
}

TEST_CASE("facturx usage errors exit 2: options, files that cannot be read or written",
          "[facturx]") {
  const fs::path dir = fresh_dir("facturx-usage");
  const std::string valid = fixture("invoices/cii/invoice-valid.xml");
  // -o into a folder that does not exist: named, nothing left behind.
  const std::string nowhere = (dir / "absent" / "out.pdf").string();
  const RunResult r = make(valid, plain_pdf(), nowhere);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, nowhere));
  CHECK(contains(r.err, "introuvable"));
  CHECK_FALSE(fs::exists(dir / "absent"));
  const RunResult extract_nowhere =
      run({"facturx", "extract", fixture("invoices/facturx/invoice-valid.pdf"), "-o", nowhere});
  CHECK(extract_nowhere.exit_code == 2);
  CHECK(contains(extract_nowhere.err, nowhere));

  // An -o there already is replaced with --force only.
  const std::string there = (dir / "there.pdf").string();
  write_file(there, "old");
  const RunResult kept = make(valid, plain_pdf(), there, {"--lang", "en"});
  CHECK(kept.exit_code == 2);
  CHECK(contains(kept.err, "--force"));
  CHECK(read_file(there) == "old");
  CHECK(make(valid, plain_pdf(), there, {"--force"}).exit_code == 0);
  CHECK(read_file(there).rfind("%PDF-", 0) == 0);
  CHECK(fs::directory_iterator(dir) != fs::directory_iterator());
  for (const auto& entry : fs::directory_iterator(dir))  // no temporary file left
    CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);

  CHECK(make(valid, (dir / "missing.pdf").string(), (dir / "o.pdf").string()).exit_code == 2);
  CHECK(make(valid, plain_pdf(), (dir / "o.pdf").string(), {"--profile", "comfort"}).exit_code ==
        2);
  CHECK(make(valid, plain_pdf(), (dir / "o.pdf").string(), {}, {{"SOURCE_DATE_EPOCH", "yesterday"}})
            .exit_code == 2);
  CHECK(run({"facturx", "make", "--xml", valid}).exit_code == 2);
  CHECK(run({"facturx", "convert"}).exit_code == 2);
  CHECK(run({"facturx"}).exit_code == 2);
}

TEST_CASE("facturx extract of a PDF without an invoice says so and exits 6", "[facturx]") {
  const RunResult r = run({"facturx", "extract", plain_pdf()});
  CHECK(r.exit_code == kRefused);
  CHECK(r.out.empty());
  CHECK(contains(r.err, plain_pdf()));
  CHECK(contains(r.err, "Aucune facture Factur-X"));
  CHECK(contains(r.err, "notes.txt"));
  const RunResult en =
      run({"facturx", "extract", "--lang", "en", fixture("invoices/facturx/encrypted.pdf")});
  CHECK(en.exit_code == kRefused);
  CHECK(contains(en.err, "Encrypted PDF"));
}

TEST_CASE("facturx make without the sRGB profile warns and makes the PDF without output intent",
          "[facturx]") {
  const fs::path dir = fresh_dir("facturx-icc");
  const std::string out = (dir / "fx.pdf").string();
  std::map<std::string, std::string> env = kFixedTime;
  env["CPROKIT_SRGB_PROFILE"] = (dir / "no-such.icc").string();
  const RunResult r =
      make(fixture("invoices/cii/invoice-valid.xml"), plain_pdf(), out, {"--lang", "en"}, env);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "warning: no sRGB ICC profile"));
  CHECK(contains(r.err, "icc-profiles-free"));
  CHECK_FALSE(contains(read_file(out), "/OutputIntents"));
}

TEST_CASE("facturx make --help says what is built and that PDF/A itself is veraPDF's job",
          "[facturx]") {
  const RunResult r = run({"facturx", "make", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "veraPDF"));
  CHECK(contains(r.out, "/AFRelationship"));
  CHECK(contains(r.out, "SOURCE_DATE_EPOCH"));
  CHECK(run({"facturx", "extract", "--help"}).exit_code == 0);
  CHECK(contains(run({"--help"}).out, "facturx"));
}
