// How long the code lists of the BR-CL rules take to load (issue 23): times
// load_code_lists (read, SHA-256, parse, the lists built and then freed) on
// one file, run after run, and prints the median and 90th percentile; and
// the lookups the rules make, per lookup.
//
//   cprokit_codelists_bench [--file codelists.json] [--runs 200]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "bench/program_args.hpp"
#include "rules/en16931/code_lists.hpp"
#include "validators/codelists/code_list_file.hpp"

namespace {

constexpr std::string_view kProgram = "cprokit_codelists_bench";

constexpr std::string_view kHelp =
    R"(Usage: cprokit_codelists_bench [options]

Times the loading of the code lists of the BR-CL rules in-process, as
`cprokit lint` pays it once per run: reading the file, its SHA-256, the parse
and the lists built (then freed). Prints the median and 90th percentile of
--runs loads, then the time of one lookup (a code found and one not found,
over every list).

Options:
  --file FILE       the code list file (default: as cprokit lint finds it)
  --runs N          loads timed (default 200)
  --help            this text
)";

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<std::filesystem::path> file;
  std::uint64_t runs = 200;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", kHelp);
      return 0;
    }
    if (i + 1 >= argc)
      cprokit::bench::usage_error(kProgram, fmt::format("{} needs a value (see --help)", arg));
    const std::string_view value = argv[++i];
    if (arg == "--file") {
      file = std::filesystem::path(value);
    } else if (arg == "--runs") {
      runs = cprokit::bench::whole_number_arg(kProgram, arg, value, 1, 1'000'000);
    } else {
      cprokit::bench::usage_error(kProgram, fmt::format("unknown option {} (see --help)", arg));
    }
  }
  const cprokit::DataLookup lookup = cprokit::codelists::find_code_lists(file);
  if (!lookup.found) cprokit::bench::usage_error(kProgram, "no code list file found (--file)");
  fmt::print("code lists: {}\n", lookup.found->string());

  std::vector<double> ms;
  std::string sha256;
  for (std::uint64_t i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    { const auto lists = cprokit::codelists::load_code_lists(*lookup.found, &sha256); }
    ms.push_back(ms_since(start));
  }
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) {
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  fmt::print("load: {} runs, median {:.3f} ms, p90 {:.3f} ms\n", runs, at(0.5), at(0.9));

  // Every list, a code it has (its name's last characters do not matter: the
  // lookups hash and compare the whole code) and one it has not.
  const auto lists = cprokit::codelists::load_code_lists(*lookup.found);
  std::vector<const cprokit::en16931::CodeList*> all;
  for (cprokit::Syntax syntax : {cprokit::Syntax::Ubl, cprokit::Syntax::Cii}) {
    for (const std::string& name : cprokit::en16931::required_code_lists(syntax))
      all.push_back(lists.find(syntax, name));
  }
  const std::vector<std::string_view> probes = {
      "EUR", "380", "C62", "FR", "VATEX-EU-AE", "0088", "S", "XYZ", "application/pdf", "ZZZZ"};
  constexpr int kRounds = 20'000;
  std::size_t hits = 0;
  const auto start = Clock::now();
  for (int r = 0; r < kRounds; ++r) {
    for (const auto* list : all) {
      for (std::string_view code : probes)
        hits += list->contains(code) ? 1 : 0;
    }
  }
  const double total = ms_since(start);
  const double per = total * 1e6 / (double(kRounds) * double(all.size() * probes.size()));
  fmt::print("lookup: {:.1f} ns each ({} found)\n", per, hits / kRounds);
  return 0;
}
