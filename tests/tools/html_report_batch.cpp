// A batch of synthetic documents fed straight to the HTML report writer (no
// lint: a 100,000-document report is written in seconds), to measure the
// report's size, the time to write it, and the time a browser takes to open
// it (tests/cli/html_summary_browser_test.sh); the CLI tests use it for the
// threshold and the caps of the summary.
//
// usage: html_report_batch --out FILE [--documents N] [--invalid-percent P]
//          [--max-findings K] [--suppliers S] [--buyers B] [--lang fr|en]
//          [--html-detail auto|full|summary] [--folder-size F]
//
// Document i is lot-NN/FA-2026-NNNNNN.xml (F a folder, 1,000 unless told), invalid for P %
// of them spread evenly, with 1 to K findings of the catalogue's fatal rules
// (their titles as messages, a line and an XPath as place); its seller one of
// S and its buyer one of B, each with a SIRET. Prints the size and the time
// to write it.
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "cli/report/report.hpp"
#include "rules/catalogue/catalogue.hpp"
#include "validators/sha256.hpp"

namespace {

namespace report = cprokit::cli::report;

[[noreturn]] void usage_error(std::string_view message) {
  fmt::print(stderr, "html_report_batch: {}\n", message);
  std::exit(2);
}

struct Options {
  std::string out;
  std::uint64_t documents = 100'000;
  std::uint64_t invalid_percent = 3;
  std::uint64_t max_findings = 5;
  std::uint64_t suppliers = 400;
  std::uint64_t buyers = 60;
  std::uint64_t folder_size = 1000;
  cprokit::Lang lang = cprokit::Lang::Fr;
  report::HtmlOptions html;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; i += 2) {
    const std::string_view option = argv[i];
    if (i + 1 >= argc) usage_error(fmt::format("{}: value missing", option));
    const std::string_view value = argv[i + 1];
    auto number = [&](std::uint64_t min, std::uint64_t max) {
      std::uint64_t n = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || end != value.data() + value.size() || n < min || n > max) {
        usage_error(
            fmt::format("{}: \"{}\" is not a number from {} to {}", option, value, min, max));
      }
      return n;
    };
    if (option == "--out") {
      o.out = value;
    } else if (option == "--documents") {
      o.documents = number(1, 10'000'000);
    } else if (option == "--invalid-percent") {
      o.invalid_percent = number(0, 100);
    } else if (option == "--max-findings") {
      o.max_findings = number(1, 1000);
    } else if (option == "--suppliers") {
      o.suppliers = number(1, 10'000'000);
    } else if (option == "--buyers") {
      o.buyers = number(1, 10'000'000);
    } else if (option == "--folder-size") {
      o.folder_size = number(1, 10'000'000);
    } else if (option == "--lang" && (value == "fr" || value == "en")) {
      o.lang = value == "fr" ? cprokit::Lang::Fr : cprokit::Lang::En;
    } else if (option == "--html-detail" && value == "auto") {
      o.html.detail = report::HtmlDetail::Auto;
    } else if (option == "--html-detail" && value == "full") {
      o.html.detail = report::HtmlDetail::Full;
    } else if (option == "--html-detail" && value == "summary") {
      o.html.detail = report::HtmlDetail::Summary;
    } else {
      usage_error(fmt::format("unknown option or value: {} {}", option, value));
    }
  }
  if (o.out.empty()) usage_error("--out FILE is required");
  return o;
}

// A party with a SIRET (scheme 0009) made from its number.
cprokit::PartyKey party(std::string_view role, std::uint64_t n) {
  return {fmt::format("{} {:04} SAS", role, n), fmt::format("{:09}{:05}", 356'000'000 + n, 12),
          "0009"};
}

// Document `i`: invalid when it falls on the P % spread evenly over the batch.
cprokit::LintedDocument make_document(const Options& o, std::uint64_t i,
                                      const std::vector<const cprokit::Rule*>& fatal) {
  cprokit::LintedDocument doc;
  doc.path = fmt::format("lot-{:02}/FA-2026-{:06}.xml", i / o.folder_size, i);
  doc.size = 9000 + i % 4000;
  doc.sha256 = cprokit::sha256_hex(doc.path);
  doc.kind = cprokit::DocumentKind::Invoice;
  doc.syntax = i % 2 == 0 ? cprokit::Syntax::Ubl : cprokit::Syntax::Cii;
  doc.parties = cprokit::DocumentParties{party("Fournisseur", i * 7 % o.suppliers),
                                         party("Acheteur", i * 13 % o.buyers)};
  const bool invalid = (i * o.invalid_percent) / 100 != ((i + 1) * o.invalid_percent) / 100;
  if (!invalid) return doc;
  const std::uint64_t findings = 1 + (i / 7) % o.max_findings;
  for (std::uint64_t k = 0; k < findings; ++k) {
    const cprokit::Rule& rule = *fatal[(i + k * 31) % fatal.size()];
    cprokit::Finding f;
    f.rule = rule.id;
    f.severity = rule.severity;
    f.message = rule.title;
    f.where = {"/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount",
               static_cast<unsigned>(40 + k * 12), 7};
    f.terms = rule.terms;
    doc.findings.push_back(std::move(f));
  }
  return doc;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  const cprokit::Registry& registry = cprokit::catalogue::builtin();
  report::RunInfo run;
  run.version = "bench";
  run.profile = "all";
  run.started = "2026-01-01T00:00:00Z";
  run.lang = o.lang;
  std::vector<const cprokit::Rule*> fatal;
  for (const cprokit::Rule& rule : registry.rules()) {
    run.rules.push_back(&rule);
    if (rule.severity == cprokit::Severity::Fatal && registry.family_of(rule).id == "BR") {
      fatal.push_back(&rule);
    }
  }
  run.outputs = {{"html", o.out}};

  const auto start = std::chrono::steady_clock::now();
  std::ofstream file(o.out, std::ios::binary | std::ios::trunc);
  if (!file) usage_error(fmt::format("--out {}: cannot be written", o.out));
  auto writer = report::make_html_writer(file, o.html);
  report::Summary summary;
  writer->begin(run);
  for (std::uint64_t i = 0; i < o.documents; ++i) {
    const cprokit::LintedDocument doc = make_document(o, i, fatal);
    summary.add(doc);
    writer->document(doc);
  }
  writer->end(summary);
  file.close();
  if (!file) usage_error(fmt::format("--out {}: write failed", o.out));
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  const auto bytes = static_cast<double>(std::filesystem::file_size(o.out));
  fmt::print("{} documents ({} invalid): {:.2f} MB written in {:.2f} s\n", summary.documents,
             summary.invalid, bytes / 1e6, took.count());
  return 0;
}
