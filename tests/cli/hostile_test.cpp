// Hostile inputs through the binary: each gives a fatal finding of the
// right rule, exit 1, within a CPU bound, never a crash, nothing leaked.
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.hpp"

namespace fs = std::filesystem;
using cprokit::test::contains;
using cprokit::test::finding_of;
using cprokit::test::fresh_dir;
using cprokit::test::has_rule;
using cprokit::test::lint_json;
using cprokit::test::Linted;
using cprokit::test::no_crash;
using cprokit::test::rules_of;
using cprokit::test::run;
using cprokit::test::RunResult;
using cprokit::test::sha256sum;
using cprokit::test::ubl_invoice;
using cprokit::test::write_file;
using nlohmann::ordered_json;

namespace {

constexpr std::string_view kUblNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

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

// A PDF of the given objects (numbered from 1, object 1 the catalog), with
// a right cross-reference table; `trailer` is added to the trailer's keys.
std::string pdf_of(const std::vector<std::string>& objects, const std::string& trailer = "") {
  std::string out = "%PDF-1.7\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    const std::string digits = std::to_string(offset);
    out += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
  }
  std::string extra = trailer;
  const std::string self = "{xref}";
  if (auto at = extra.find(self); at != std::string::npos)
    extra.replace(at, self.size(), std::to_string(xref));
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + extra +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string nested(std::string_view open, std::string_view close, int depth) {
  std::string out;
  out.reserve((open.size() + close.size()) * static_cast<std::size_t>(depth));
  for (int i = 0; i < depth; ++i)
    out += open;
  for (int i = 0; i < depth; ++i)
    out += close;
  return out;
}

constexpr const char* kPages = "<< /Type /Pages /Kids [] /Count 0 >>";

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

TEST_CASE("lint refuses an endless stream past --max-bytes instead of reading on", "[hostile]") {
  RunResult r = run({"lint", "--format", "json", "--max-bytes", "1000", "/dev/zero"});
  REQUIRE(r.exit_code == 1);
  auto doc = nlohmann::json::parse(r.out)["documents"][0];
  CHECK(doc["findings"][0]["rule"] == "XML-03");
  CHECK(doc["sha256"].get<std::string>().empty());  // a stream read only in part has no fingerprint
  CHECK(r.elapsed < std::chrono::seconds(5));
}

// Hostile PDFs. qpdf stops nesting at 500 levels by itself (it reads the
// object as null, with a warning): no guard is needed before it. Lengths
// that run past the end are recovered from "endstream"; loops in the
// cross-reference chain are detected. Decompression is capped by the
// extractor (fixtures/invoices/facturx/xml-over-limit.pdf, XML-03).
TEST_CASE("hostile: PDFs nested 100,000 deep, in the catalog or the trailer, give a PDF finding",
          "[hostile][facturx]") {
  const fs::path dir = fresh_dir("deep-pdf");
  const std::string catalog = "<< /Type /Catalog /Pages 2 0 R /AF 3 0 R >>";
  write_file(dir / "array.pdf", pdf_of({catalog, kPages, nested("[", "]", 100'000)}));
  check_hostile({(dir / "array.pdf").string()}, "PDF-02");
  write_file(dir / "dict.pdf", pdf_of({catalog, kPages, nested("<< /A ", ">>", 100'000)}));
  check_hostile({(dir / "dict.pdf").string()}, "PDF-02");
  write_file(dir / "trailer.pdf", pdf_of({"<< /Type /Catalog /Pages 2 0 R >>", kPages},
                                         "/X " + nested("[", "]", 100'000)));
  check_hostile({(dir / "trailer.pdf").string()}, "PDF-01");
}

TEST_CASE("hostile: a cross-reference chain that loops gives a PDF finding", "[hostile][facturx]") {
  const fs::path file = fresh_dir("xref-loop") / "loop.pdf";
  write_file(file, pdf_of({"<< /Type /Catalog /Pages 2 0 R >>", kPages}, "/Prev {xref}"));
  check_hostile({file.string()}, "PDF-02");
}

TEST_CASE("hostile: an invoice stream declaring 1 GB is read for what it holds",
          "[hostile][facturx]") {
  const fs::path file = fresh_dir("gb-stream") / "gb.pdf";
  const std::string catalog =
      "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(factur-x.xml) 3 0 R] "
      ">> >> /AF [3 0 R] >>";
  const std::string spec =
      "<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /EF << /F 4 0 R >> "
      "/AFRelationship /Data >>";
  write_file(file, pdf_of({catalog, kPages, spec,
                           "<< /Type /EmbeddedFile /Length 1000000000 >>\nstream\n<x/>\n"
                           "endstream"}));
  const Hostile h = check_hostile({file.string()}, "DOC-01");
  CHECK(h.without_xsd.result.out.size() < 100'000);
}

TEST_CASE("hostile: truncated, garbage and bomb Factur-X fixtures stay within the CPU bound",
          "[hostile][facturx]") {
  const fs::path dir = fs::path(CPROKIT_FIXTURES_DIR) / "invoices/facturx";
  check_hostile({(dir / "truncated.pdf").string()}, "PDF-01");
  check_hostile({(dir / "garbage.pdf").string()}, "PDF-01");
  check_hostile({(dir / "xml-over-limit.pdf").string()}, "XML-03");
}
