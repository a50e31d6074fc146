// cprokit_bench: lint throughput on one thread, for generated invoices.
//
// Typical invoices (--docs invoices of --lines lines) in invoices per second
// with XSD validation off and on, then one big invoice at 1/8, 1/4, 1/2 and
// all of --big-lines lines, to show the time grows linearly. Only
// Linter::lint is timed; each figure is the median of --repeat passes after
// one warm-up pass. Run by hand (see README "Benchmarks"), never by ctest.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/core.h>

#include "bench/corpus.hpp"
#include "rules/catalogue/catalogue.hpp"
#include "validators/codelists/code_list_file.hpp"
#include "validators/pipeline.hpp"
#include "validators/process_memory.hpp"
#include "validators/xsd/schema_set.hpp"

namespace {

using cprokit::Linter;
using cprokit::bench::GeneratedInvoice;
using cprokit::bench::InvoiceSyntax;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

constexpr double kTargetOff = 5000;  // typical invoices per second, XSD off
constexpr double kTargetOn = 500;    // typical invoices per second, XSD on
constexpr double kTargetBig = 1.0;   // seconds for the 100,000-line invoice, XSD off
constexpr std::size_t kTargetBigLines = 100000;

constexpr std::string_view kHelp = R"(Usage: cprokit_bench [options]

Reports lint throughput on one thread for generated invoices (UBL 2.1 Invoice
and CII D16B CrossIndustryInvoice, consistent totals, 20 % and 5.5 % VAT):
typical invoices per second with XSD off and on, and the time for one big
invoice at 1/8, 1/4, 1/2 and all of its lines (linear growth: ratio ~2.0).
Only Linter::lint is timed (steady_clock); each figure is the median of the
timed passes after one warm-up pass. Every generated document is linted once
before timing (with XSD when the schemas are found) and must give no finding.

Options:
  --docs N          typical invoices in the corpus (default 2000; 0 skips them,
                    e.g. to time --files under fr-ctc, whose reform notes and
                    identifiers the generated invoices do not carry)
  --lines N         lines per typical invoice (default 20)
  --big-lines N     lines of the big invoice (default 100000; 0 skips it)
  --syntax S        ubl, cii or both (default both)
  --schemas DIR     XSD schema folder (default: as cprokit lint, the first of
                    $CPROKIT_SCHEMAS, the installed data, the build default)
  --no-xsd          XSD off only: no schemas loaded, no XSD-on figures (for
                    profiling the reading and the rules alone)
  --repeat R        timed passes, the median is reported (default 5)
  --files DIR       also time real files: every .xml below DIR (e.g. the
                    official EN 16931 examples), linted as they are; their
                    findings are counted, not checked. All of them, then the
                    UBL and the CII ones apart when there are both
  --profile P       rule set for the typical invoices and the files (default
                    all: EN 16931 and Chorus Pro); the big invoice always runs
                    en16931, as
                    Chorus Pro refuses a file over 10 MB (CPRO-SIZE-01)
  --help            this text

Targets: >= 5,000 typical invoices/s XSD off, >= 500 XSD on, the
100,000-line invoice under 1 s (XSD off) with linear growth.
)";

struct Options {
  std::size_t docs = 2000;
  std::size_t lines = 20;
  std::size_t big_lines = 100000;
  std::vector<InvoiceSyntax> syntaxes{InvoiceSyntax::Ubl, InvoiceSyntax::Cii};
  std::optional<fs::path> schemas;
  std::size_t repeat = 5;
  std::string profile = "all";
  std::optional<fs::path> files;
  bool no_xsd = false;
};

[[noreturn]] void fail(std::string_view message) {
  fmt::print(stderr, "cprokit_bench: {}\n", message);
  std::exit(2);
}

std::size_t count_arg(std::string_view option, std::string_view text, std::size_t min) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min) {
    fail(fmt::format("{} wants a whole number >= {}, not '{}' (see --help)", option, min, text));
  }
  return value;
}

Options parse_options(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", kHelp);
      std::exit(0);
    }
    if (arg == "--no-xsd") {
      opt.no_xsd = true;
      continue;
    }
    if (i + 1 >= argc) fail(fmt::format("unknown option or missing value: '{}' (see --help)", arg));
    std::string_view value = argv[++i];
    if (arg == "--docs") {
      opt.docs = count_arg(arg, value, 0);
    } else if (arg == "--lines") {
      opt.lines = count_arg(arg, value, 1);
    } else if (arg == "--big-lines") {
      opt.big_lines = count_arg(arg, value, 0);
      if (opt.big_lines != 0 && opt.big_lines < 8) fail("--big-lines wants 0 or at least 8");
    } else if (arg == "--repeat") {
      opt.repeat = count_arg(arg, value, 1);
    } else if (arg == "--profile") {
      opt.profile = value;
      if (cprokit::catalogue::builtin().profile(opt.profile) == nullptr) {
        fail(fmt::format("--profile: no profile '{}' (cprokit rules --profiles)", value));
      }
    } else if (arg == "--schemas") {
      opt.schemas = fs::path(value);
    } else if (arg == "--files") {
      opt.files = fs::path(value);
      if (!fs::is_directory(*opt.files)) fail(fmt::format("--files {}: not a folder", value));
    } else if (arg == "--syntax") {
      if (value == "both") {
        opt.syntaxes = {InvoiceSyntax::Ubl, InvoiceSyntax::Cii};
      } else if (value == "ubl") {
        opt.syntaxes = {InvoiceSyntax::Ubl};
      } else if (value == "cii") {
        opt.syntaxes = {InvoiceSyntax::Cii};
      } else {
        fail(fmt::format("--syntax wants ubl, cii or both, not '{}'", value));
      }
    } else {
      fail(fmt::format("unknown option '{}' (see --help)", arg));
    }
  }
  return opt;
}

// The XSD layer: the schemas, or why there are none (printed in the table).
struct Schemas {
  std::shared_ptr<const cprokit::xsd::SchemaSet> set;
  std::string note;
};

Schemas load_schemas(const Options& opt) {
  if (opt.no_xsd) return {nullptr, "off (--no-xsd)"};
  auto lookup = cprokit::xsd::find_schemas(opt.schemas);
  if (!lookup.found) {
    if (opt.schemas) fail(fmt::format("--schemas {}: no schemas there", opt.schemas->string()));
    std::string tried;
    for (const auto& dir : lookup.tried)
      tried += (tried.empty() ? "" : ", ") + dir.string();
    return {nullptr, fmt::format("not found (looked in: {})", tried.empty() ? "—" : tried)};
  }
  try {
    auto set = cprokit::xsd::SchemaSet::load(*lookup.found);
    return {std::move(set), fmt::format("{} (from {})", lookup.found->string(), lookup.found_by)};
  } catch (const cprokit::xsd::SchemaError& e) {
    if (opt.schemas) fail(fmt::format("--schemas {}: {}", opt.schemas->string(), e.what()));
    return {nullptr, fmt::format("unusable: {}", e.what())};
  }
}

std::size_t g_sink = 0;  // findings of the timed runs: printed, so nothing is optimised away

// Seconds of one pass: wall clock (steady_clock, what the table shows) and the
// process CPU time meanwhile, which a busy machine does not inflate.
struct Timing {
  double wall = 0;
  double cpu = 0;
};
Timing g_total;  // over all timed passes

// Lints every document once; any finding means the generator is wrong and the
// timings would not measure the lint of a clean invoice: abort.
void check_clean(const Linter& linter, const std::vector<GeneratedInvoice>& docs,
                 std::string_view what) {
  for (std::size_t i = 0; i < docs.size(); ++i) {
    auto result = linter.lint(docs[i].name, docs[i].xml);
    if (result.findings.empty()) continue;
    fmt::print(stderr,
               "cprokit_bench: generated {} #{} ({} bytes) is not clean: {} finding(s). The "
               "generator (bench/corpus.cpp) is wrong; no timing is meaningful.\n",
               what, i, docs[i].xml.size(), result.findings.size());
    for (std::size_t k = 0; k < std::min<std::size_t>(result.findings.size(), 5); ++k) {
      const auto& f = result.findings[k];
      fmt::print(stderr, "  {} at line {}: {}\n", f.rule, f.where.line, f.message.en);
    }
    std::exit(1);
  }
}

Timing lint_pass(const Linter& linter, const std::vector<GeneratedInvoice>& docs) {
  const std::clock_t cpu_start = std::clock();
  const auto start = Clock::now();
  for (const auto& doc : docs) {
    g_sink += linter.lint(doc.name, doc.xml).findings.size();
  }
  const Timing t{std::chrono::duration<double>(Clock::now() - start).count(),
                 static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC};
  g_total.wall += t.wall;
  g_total.cpu += t.cpu;
  return t;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t mid = v.size() / 2;
  return v.size() % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

// Median wall and CPU seconds of one pass over `docs`, after one warm-up pass.
Timing median_pass(const Linter& linter, const std::vector<GeneratedInvoice>& docs,
                   std::size_t repeat) {
  lint_pass(linter, docs);
  std::vector<double> wall;
  std::vector<double> cpu;
  for (std::size_t r = 0; r < repeat; ++r) {
    const Timing t = lint_pass(linter, docs);
    wall.push_back(t.wall);
    cpu.push_back(t.cpu);
  }
  return {median(wall), median(cpu)};
}

std::size_t total_bytes(const std::vector<GeneratedInvoice>& docs) {
  std::size_t n = 0;
  for (const auto& d : docs)
    n += d.xml.size();
  return n;
}

std::string verdict(bool met) {
  return met ? "met" : "MISSED";
}

struct Results {  // for the targets summary
  std::vector<std::string> lines;
  void add(std::string s) { lines.push_back(std::move(s)); }
};

void bench_typical(const Options& opt, InvoiceSyntax syntax, const Linter& off, const Linter* on,
                   Results& results) {
  const auto docs = cprokit::bench::generate_corpus(syntax, opt.docs, opt.lines);
  const double mb = static_cast<double>(total_bytes(docs)) / 1e6;
  const auto n = static_cast<double>(docs.size());
  check_clean(on != nullptr ? *on : off, docs, fmt::format("{} invoice", name(syntax)));

  const Timing t_off = median_pass(off, docs, opt.repeat);
  results.add(
      fmt::format("{} typical, XSD off: {:>6.0f} invoices/s ({:.0f} on CPU time) vs >= "
                  "{:.0f}: {}",
                  name(syntax), n / t_off.wall, n / t_off.cpu, kTargetOff,
                  verdict(n / t_off.wall >= kTargetOff)));
  std::string on_cells = "skipped: no schemas";
  if (on != nullptr) {
    const Timing t_on = median_pass(*on, docs, opt.repeat);
    on_cells = fmt::format("{:>12.0f} {:>9.1f}", n / t_on.wall, mb / t_on.wall);
    results.add(fmt::format(
        "{} typical, XSD on : {:>6.0f} invoices/s ({:.0f} on CPU time) vs >= "
        "{:.0f}: {}",
        name(syntax), n / t_on.wall, n / t_on.cpu, kTargetOn, verdict(n / t_on.wall >= kTargetOn)));
  } else {
    results.add(
        fmt::format("{} typical, XSD on : not measured (no schemas, or --no-xsd)", name(syntax)));
  }
  fmt::print("{:<9} {:>6} {:>10.0f} {:>12.0f} {:>9.1f}   {}\n", name(syntax), docs.size(),
             mb * 1e6 / n, n / t_off.wall, mb / t_off.wall, on_cells);
  std::fflush(stdout);
}

void bench_big(const Options& opt, InvoiceSyntax syntax, const Linter& off, const Linter* on,
               Results& results) {
  Timing last_off;
  Timing prev_off;
  Timing last_on;
  Timing prev_on;
  for (std::size_t divisor : {8U, 4U, 2U, 1U}) {
    const std::size_t lines = opt.big_lines / divisor;
    // One document at a time: a 100,000-line invoice is tens of megabytes.
    const std::vector<GeneratedInvoice> doc{
        cprokit::bench::generate_invoice(syntax, lines, 424242)};
    check_clean(on != nullptr ? *on : off, doc,
                fmt::format("{}-line {} invoice", lines, name(syntax)));
    prev_off = last_off;
    last_off = median_pass(off, doc, opt.repeat);
    std::string on_cell = "skipped";
    if (on != nullptr) {
      prev_on = last_on;
      last_on = median_pass(*on, doc, opt.repeat);
      on_cell = fmt::format("{:>9.3f} s", last_on.wall);
    }
    fmt::print("{:<6} {:>9} {:>12} {:>9.3f} s {:>11}\n", name(syntax), lines, doc[0].xml.size(),
               last_off.wall, on_cell);
    std::fflush(stdout);
  }
  std::string ratio_on = on != nullptr ? fmt::format("{:.2f}", last_on.wall / prev_on.wall) : "—";
  fmt::print("{:<6} t({})/t({}): XSD off {:.2f}, XSD on {}  (linear: ~2.0)\n", name(syntax),
             opt.big_lines, opt.big_lines / 2, last_off.wall / prev_off.wall, ratio_on);
  results.add(fmt::format(
      "{} {}-line invoice, XSD off: {:.3f} s ({:.3f} s CPU) vs < {:.1f} s{}: {}; growth ratio "
      "{:.2f} ({:.2f} on CPU time)",
      name(syntax), opt.big_lines, last_off.wall, last_off.cpu, kTargetBig,
      opt.big_lines == kTargetBigLines ? "" : " (target is for 100,000 lines)",
      verdict(last_off.wall < kTargetBig), last_off.wall / prev_off.wall,
      last_off.cpu / prev_off.cpu));
}

// Every .xml below `dir`, read once, in path order.
std::vector<GeneratedInvoice> read_files(const fs::path& dir) {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".xml") {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<GeneratedInvoice> out;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back({p.string(), text.str()});
  }
  return out;
}

// One row of the files table, and its line in the targets summary.
void time_files(const Options& opt, std::string_view label,
                const std::vector<GeneratedInvoice>& docs, const Linter& off, const Linter* on,
                Results& results) {
  const double mb = static_cast<double>(total_bytes(docs)) / 1e6;
  const auto n = static_cast<double>(docs.size());
  const Timing t_off = median_pass(off, docs, opt.repeat);
  std::string on_cells = "skipped: no schemas";
  std::string on_summary;
  if (on != nullptr) {
    const Timing t_on = median_pass(*on, docs, opt.repeat);
    on_cells = fmt::format("{:>12.0f} {:>9.1f}", n / t_on.wall, mb / t_on.wall);
    on_summary = fmt::format("; XSD on: {:.0f} ({:.0f} on CPU time)", n / t_on.wall, n / t_on.cpu);
  }
  fmt::print("{:<9} {:>6} {:>10.0f} {:>12.0f} {:>9.1f}   {}\n", label, docs.size(), mb * 1e6 / n,
             n / t_off.wall, mb / t_off.wall, on_cells);
  std::fflush(stdout);
  results.add(fmt::format(
      "{} {} of {}, XSD off: {:.0f} invoices/s ({:.0f} on CPU time){}, "
      "no target (informative)",
      docs.size(), label, opt.files->string(), n / t_off.wall, n / t_off.cpu, on_summary));
}

// Real files as they are: they may carry findings, which are reported in the
// sink like any other, so the timed work is the whole lint, findings included.
// Timed all together, then the UBL and the CII ones apart (the syntax the
// linter detects).
void bench_files(const Options& opt, const Linter& off, const Linter* on, Results& results) {
  const auto docs = read_files(*opt.files);
  if (docs.empty()) fail(fmt::format("--files {}: no .xml file there", opt.files->string()));
  std::vector<GeneratedInvoice> ubl;
  std::vector<GeneratedInvoice> cii;
  for (const auto& doc : docs) {
    const auto syntax = off.lint(doc.name, doc.xml).syntax;
    if (syntax == cprokit::Syntax::Ubl) ubl.push_back(doc);
    if (syntax == cprokit::Syntax::Cii) cii.push_back(doc);
  }
  time_files(opt, "files", docs, off, on, results);
  if (!ubl.empty() && !cii.empty()) {
    time_files(opt, "files UBL", ubl, off, on, results);
    time_files(opt, "files CII", cii, off, on, results);
  }
}

}  // namespace

// A linter without XSD, and one with it when the schemas are there.
struct Linters {
  Linter off;
  std::unique_ptr<Linter> on;
};

Linters make_linters(const std::string& profile, const Schemas& schemas) {
  cprokit::LintOptions lint_options;
  lint_options.profile = profile;
  lint_options.max_bytes = std::size_t{1} << 30;  // the big invoice is far over the 20 MB default
  // The code lists of the BR-CL rules, found as cprokit lint finds them.
  if (auto lists = cprokit::codelists::find_code_lists(std::nullopt); lists.found) {
    lint_options.code_lists = std::make_shared<const cprokit::en16931::CodeLists>(
        cprokit::codelists::load_code_lists(*lists.found));
    std::printf("code lists: %s\n", lists.found->c_str());
  }
  cprokit::XsdSetup no_xsd;
  no_xsd.disabled = true;
  Linters out{Linter(lint_options, no_xsd), nullptr};
  if (schemas.set) {
    cprokit::XsdSetup with_xsd;
    with_xsd.schemas = schemas.set;
    out.on = std::make_unique<Linter>(lint_options, with_xsd);
  }
  return out;
}

int main(int argc, char** argv) {
  const auto run_start = Clock::now();
  cprokit::keep_freed_memory_for_reuse();  // as cprokit does
  const Options opt = parse_options(argc, argv);
  const Schemas schemas = load_schemas(opt);

  const Linters typical = make_linters(opt.profile, schemas);
  const Linters big = make_linters("en16931", schemas);

  fmt::print("cprokit lint throughput: one thread, median of {} timed passes after 1 warm-up\n",
             opt.repeat);
  fmt::print("XSD schemas: {}\n", schemas.note);
  fmt::print("MB = 10^6 bytes; every document checked clean (no finding) before timing\n\n");

  Results results;
  fmt::print("Typical invoices: {} per syntax, {} lines each\n", opt.docs, opt.lines);
  fmt::print("{:<9} {:>6} {:>10} {:>12} {:>9}   {:>12} {:>9}\n", "syntax", "docs", "bytes/doc",
             "XSD off /s", "MB/s", "XSD on /s", "MB/s");
  fmt::print("Profile: {} (typical invoices and files), en16931 (big invoice)\n\n", opt.profile);
  if (opt.docs != 0) {
    for (auto syntax : opt.syntaxes)
      bench_typical(opt, syntax, typical.off, typical.on.get(), results);
  }
  if (opt.files) bench_files(opt, typical.off, typical.on.get(), results);

  if (opt.big_lines != 0) {
    fmt::print("\nBig invoice: one document, time per lint\n");
    fmt::print("{:<6} {:>9} {:>12} {:>11} {:>11}\n", "syntax", "lines", "bytes", "XSD off",
               "XSD on");
    for (auto syntax : opt.syntaxes)
      bench_big(opt, syntax, big.off, big.on.get(), results);
  }

  fmt::print("\nTargets\n");
  for (const auto& line : results.lines)
    fmt::print("  {}\n", line);
  fmt::print("\nfindings in timed runs (sink; 0 unless --files): {}\n", g_sink);
  fmt::print("CPU time / wall time of the timed lints: {:.0f} %{}\n",
             100 * g_total.cpu / g_total.wall,
             g_total.cpu < 0.9 * g_total.wall
                 ? " (the machine was busy: wall-clock figures are understated)"
                 : "");
  fmt::print("total run time: {:.1f} s\n",
             std::chrono::duration<double>(Clock::now() - run_start).count());
  return 0;
}
