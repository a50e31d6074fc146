// cprokit_batch_files: writes COUNT small generated invoices into DIR, for
// timing and measuring the memory of `cprokit lint` over a big batch
// (scripts/batch-memory.sh). Each has its own number and seller, so no
// duplicate rule fires, and is valid for every profile. Run by hand (see
// README "Benchmarks"), never by ctest.
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "bench/corpus.hpp"

namespace {

namespace fs = std::filesystem;
using cprokit::bench::InvoiceSyntax;

constexpr const char* kUsage =
    "usage: cprokit_batch_files DIR COUNT [--lines N] [--cii] [--per-folder N]\n"
    "  writes COUNT generated invoices of N lines (default 1), UBL or CII, into DIR,\n"
    "  flat or N per subfolder (default 0: flat)\n";

struct Options {
  fs::path dir;
  std::size_t count = 0;
  std::size_t lines = 1;
  InvoiceSyntax syntax = InvoiceSyntax::Ubl;
  std::size_t per_folder = 0;
};

std::optional<std::size_t> number(std::string_view text) {
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

std::optional<Options> parse(int argc, char** argv) {
  if (argc < 3) return std::nullopt;
  Options o;
  o.dir = argv[1];
  auto count = number(argv[2]);
  if (!count) return std::nullopt;
  o.count = *count;
  for (int i = 3; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--cii") {
      o.syntax = InvoiceSyntax::Cii;
      continue;
    }
    if (i + 1 == argc) return std::nullopt;
    auto value = number(argv[++i]);
    if (!value) return std::nullopt;
    if (arg == "--lines") {
      o.lines = *value;
    } else if (arg == "--per-folder") {
      o.per_folder = *value;
    } else {
      return std::nullopt;
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> o = parse(argc, argv);
  if (!o) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  for (std::size_t i = 0; i < o->count; ++i) {
    const auto invoice = cprokit::bench::generate_invoice(o->syntax, o->lines, i + 1);
    fs::path dir = o->dir;
    if (o->per_folder > 0) dir /= fmt::format("{:05}", i / o->per_folder);
    if (i == 0 || (o->per_folder > 0 && i % o->per_folder == 0)) fs::create_directories(dir);
    std::ofstream out(dir / invoice.name, std::ios::binary);
    out << invoice.xml;
    if (!out) {
      fmt::print(stderr, "cprokit_batch_files: {}: cannot write\n", (dir / invoice.name).string());
      return 1;
    }
  }
  return 0;
}
