// cprokit_facturx_bench: lint throughput of Factur-X PDFs against the plain
// CII they embed, on one thread (issue 24).
//
// The same generated CII invoices (bench/corpus.cpp) are linted as they are
// and embedded in a Factur-X made in memory by the product's writer
// (validators/pdf/facturx_writer), the default profile, XSD off. Only
// Linter::lint is timed; the plain and the Factur-X passes alternate, so
// that both see the same machine load, and each figure is the median of
// --repeat passes after one warm-up pass of each. Run by hand (see README
// "Benchmarks"), never by ctest.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <string>
#include <string_view>
#include <system_error>
#include <variant>
#include <vector>

#include <fmt/core.h>

#include "bench/corpus.hpp"
#include "validators/codelists/code_list_file.hpp"
#include "validators/pdf/facturx_writer.hpp"
#include "validators/pipeline.hpp"
#include "validators/process_memory.hpp"

namespace {

using cprokit::Linter;
using cprokit::bench::GeneratedInvoice;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kHelp = R"(Usage: cprokit_facturx_bench [options]

Reports lint throughput on one thread for the same generated CII D16B
invoices linted plain and embedded in a Factur-X PDF (EN 16931 profile,
factur-x.xml, the XMP and /AF of `cprokit facturx make`, made in memory by
its writer from a one-page PDF): documents per second for each and the
ratio. The default rule profile (all), XSD off, the code lists as cprokit
lint finds them. Only Linter::lint is timed; the plain and the Factur-X
passes alternate, and each figure is the median of the timed passes after
one warm-up pass of each. Every document is linted once before timing and
must give no finding, plain and in its PDF.

Options:
  --docs N      invoices (default 1000)
  --lines N     lines per invoice (default 20)
  --repeat R    timed passes of each, the median is reported (default 7)
  --help        this text
)";

struct Options {
  std::size_t docs = 1000;
  std::size_t lines = 20;
  std::size_t repeat = 7;
};

[[noreturn]] void fail(std::string_view message) {
  fmt::print(stderr, "cprokit_facturx_bench: {}\n", message);
  std::exit(2);
}

std::size_t count_arg(std::string_view option, std::string_view text) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) {
    fail(fmt::format("{} wants a whole number >= 1, not '{}' (see --help)", option, text));
  }
  return value;
}

Options parse_options(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", kHelp);
      std::exit(0);
    }
    if (i + 1 >= argc) fail(fmt::format("unknown option or missing value: '{}' (see --help)", arg));
    const std::string_view value = argv[++i];
    if (arg == "--docs") {
      opt.docs = count_arg(arg, value);
    } else if (arg == "--lines") {
      opt.lines = count_arg(arg, value);
    } else if (arg == "--repeat") {
      opt.repeat = count_arg(arg, value);
    } else {
      fail(fmt::format("unknown option '{}' (see --help)", arg));
    }
  }
  return opt;
}

// A one-page PDF with nothing else, written here so that the bench needs no
// file: the objects, then a cross-reference table with their offsets.
std::string one_page_pdf() {
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
  };
  std::string pdf = "%PDF-1.7\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  const std::size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (const std::size_t offset : offsets)
    pdf += fmt::format("{:010} 00000 n \n", offset);
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n",
                     objects.size() + 1, xref);
  return pdf;
}

// Each invoice embedded in a Factur-X, deposited under the same name in .pdf.
std::vector<GeneratedInvoice> make_facturx(const std::vector<GeneratedInvoice>& invoices) {
  const std::string page = one_page_pdf();
  cprokit::pdf::MakeOptions options;
  options.fixed_time = 1780315200;  // 2026-06-01: the same bytes on every run
  std::vector<GeneratedInvoice> out;
  out.reserve(invoices.size());
  for (const auto& invoice : invoices) {
    auto made = cprokit::pdf::make_facturx(invoice.xml, page, "bench", options);
    if (const auto* error = std::get_if<cprokit::pdf::MakeError>(&made)) {
      fail(fmt::format("facturx make refused {}: problem {} ({})", invoice.name,
                       static_cast<int>(error->problem), error->detail));
    }
    std::string name = invoice.name.substr(0, invoice.name.rfind('.')) + ".pdf";
    out.push_back({std::move(name), std::get<cprokit::pdf::MadeFacturX>(made).pdf});
  }
  return out;
}

// Any finding means the generator or the writer is wrong, and the timings
// would not measure the lint of a clean invoice: abort.
void check_clean(const Linter& linter, const std::vector<GeneratedInvoice>& docs,
                 std::string_view what) {
  for (const auto& doc : docs) {
    const auto result = linter.lint(doc.name, doc.xml);
    if (result.findings.empty()) continue;
    const auto& f = result.findings.front();
    fail(fmt::format("{} {} is not clean: {} finding(s), the first {}: {}", what, doc.name,
                     result.findings.size(), f.rule, f.message.en));
  }
}

std::size_t g_sink = 0;  // findings of the timed runs: printed, so nothing is optimised away

double lint_pass(const Linter& linter, const std::vector<GeneratedInvoice>& docs) {
  const auto start = Clock::now();
  for (const auto& doc : docs)
    g_sink += linter.lint(doc.name, doc.xml).findings.size();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t mid = v.size() / 2;
  return v.size() % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

std::size_t mean_bytes(const std::vector<GeneratedInvoice>& docs) {
  std::size_t n = 0;
  for (const auto& d : docs)
    n += d.xml.size();
  return n / docs.size();
}

Linter make_linter() {
  cprokit::LintOptions lint_options;  // the default profile, as cprokit lint
  if (auto lists = cprokit::codelists::find_code_lists(std::nullopt); lists.found) {
    lint_options.code_lists = std::make_shared<const cprokit::en16931::CodeLists>(
        cprokit::codelists::load_code_lists(*lists.found));
    fmt::print("code lists: {}\n", lists.found->string());
  }
  cprokit::XsdSetup no_xsd;
  no_xsd.disabled = true;
  return Linter(lint_options, no_xsd);
}

}  // namespace

int main(int argc, char** argv) {
  cprokit::keep_freed_memory_for_reuse();  // as cprokit does
  const Options opt = parse_options(argc, argv);
  const Linter linter = make_linter();

  const auto plain =
      cprokit::bench::generate_corpus(cprokit::bench::InvoiceSyntax::Cii, opt.docs, opt.lines);
  const auto facturx = make_facturx(plain);
  check_clean(linter, plain, "CII invoice");
  check_clean(linter, facturx, "Factur-X");

  fmt::print("Factur-X against plain CII: one thread, profile {}, XSD off\n",
             cprokit::LintOptions{}.profile);
  fmt::print("{} invoices of {} lines; median of {} alternating timed passes after 1 warm-up\n\n",
             opt.docs, opt.lines, opt.repeat);
  lint_pass(linter, plain);
  lint_pass(linter, facturx);
  std::vector<double> t_plain;
  std::vector<double> t_facturx;
  // Per pair of passes, Factur-X documents/s over CII documents/s: the
  // paired figure a noisy machine allows.
  std::vector<double> ratios;
  for (std::size_t r = 0; r < opt.repeat; ++r) {
    t_plain.push_back(lint_pass(linter, plain));
    t_facturx.push_back(lint_pass(linter, facturx));
    ratios.push_back(t_plain.back() / t_facturx.back());
  }
  const auto n = static_cast<double>(opt.docs);
  const double plain_rate = n / median(t_plain);
  const double facturx_rate = n / median(t_facturx);
  fmt::print("{:<10} {:>10} {:>12}\n", "input", "bytes/doc", "documents/s");
  fmt::print("{:<10} {:>10} {:>12.0f}\n", "CII", mean_bytes(plain), plain_rate);
  fmt::print("{:<10} {:>10} {:>12.0f}\n", "Factur-X", mean_bytes(facturx), facturx_rate);
  fmt::print(
      "\nFactur-X / CII documents/s: {:.2f} (ratio of the medians), {:.2f} (median of the "
      "paired ratios)\n",
      facturx_rate / plain_rate, median(ratios));
  fmt::print("findings in timed runs (sink, expected 0): {}\n", g_sink);
  return 0;
}
