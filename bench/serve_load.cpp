// cprokit_serve_load: `cprokit serve` (a child process) under keep-alive
// clients POSTing typical generated invoices to /v1/lint, with XSD and with
// --no-xsd: documents/s and p50/p99/max latency. Run by hand (README,
// "Benchmarks"); see --help.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <httplib.h>

#include <fmt/core.h>

#include "bench/corpus.hpp"
#include "bench/mock_child.hpp"
#include "bench/program_args.hpp"

namespace {

using namespace cprokit::bench;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

constexpr std::string_view kProgram = "cprokit_serve_load";

constexpr std::string_view kHelp = R"(Usage: cprokit_serve_load [options]

Starts `cprokit serve --port 0` (a child process, its log in --tmp), then
--clients keep-alive clients each POST generated invoices (half UBL, half
CII, --lines lines each, all different) to /v1/lint one after another for
--seconds; once with the XSD schemas found as `cprokit lint` finds them, once
with --no-xsd. Prints, per run, the documents answered per second and the
p50, p99 and max latency; any answer but 200 is counted as an error and
makes the exit code 1.

Options:
  --seconds N      each run's length (default 10)
  --clients N      concurrent clients (default 32)
  --lines N        invoice lines per document (default 10)
  --documents N    distinct documents generated (default 256)
  --cprokit PATH   the binary (default build/release/cli/cprokit)
  --tmp DIR        where the child's log goes (default /tmp)
  --help
)";

struct Options {
  std::uint64_t seconds = 10;
  std::uint64_t clients = 32;
  std::uint64_t lines = 10;
  std::uint64_t documents = 256;
  fs::path cprokit = "build/release/cli/cprokit";
  fs::path tmp = "/tmp";
};

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view option = argv[i];
    if (option == "--help" || option == "-h") {
      fmt::print("{}", kHelp);
      std::exit(0);
    }
    if (i + 1 >= argc) usage_error(kProgram, fmt::format("{} wants a value (see --help)", option));
    const std::string_view value = argv[++i];
    if (option == "--seconds") {
      o.seconds = whole_number_arg(kProgram, option, value, 1, 3600);
    } else if (option == "--clients") {
      o.clients = whole_number_arg(kProgram, option, value, 1, 1024);
    } else if (option == "--lines") {
      o.lines = whole_number_arg(kProgram, option, value, 1, 100'000);
    } else if (option == "--documents") {
      o.documents = whole_number_arg(kProgram, option, value, 2, 100'000);
    } else if (option == "--cprokit") {
      o.cprokit = value;
    } else if (option == "--tmp") {
      o.tmp = value;
    } else {
      usage_error(kProgram, fmt::format("unknown option {} (see --help)", option));
    }
  }
  return o;
}

// `text` as a query parameter's value: everything but unreserved characters
// percent-encoded (the generated names hold spaces and "&").
std::string query_value(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto at = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
  return sorted[at];
}

// One run against a fresh child; false when any answer was not 200.
bool run(const Options& o, const std::vector<GeneratedInvoice>& corpus, bool xsd) {
  std::vector<std::string> args{"--queue", std::to_string(4 * o.clients)};
  if (!xsd) args.emplace_back("--no-xsd");
  const fs::path log = o.tmp / "cprokit-serve-load.log";
  MockChild child(o.cprokit, args, log, "serve");
  std::vector<std::string> paths;
  paths.reserve(corpus.size());
  for (const auto& doc : corpus)
    paths.push_back("/v1/lint?name=" + query_value(doc.name));
  std::atomic<bool> stop{false};
  std::vector<std::vector<double>> latencies(o.clients);
  std::vector<std::size_t> errors(o.clients, 0);
  std::vector<std::thread> clients;
  const auto start = Clock::now();
  for (std::size_t c = 0; c < o.clients; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", child.port());
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(60, 0);
      for (std::size_t k = c; !stop; k += o.clients) {
        const auto& doc = corpus[k % corpus.size()];
        const auto sent = Clock::now();
        auto res = client.Post(paths[k % corpus.size()], doc.xml, "application/xml");
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - sent).count();
        if (!res || res->status != 200) {
          if (errors[c]++ == 0 && c == 0) {
            fmt::print(stderr, "first error: {}\n",
                       res ? fmt::format("{} {}", res->status, res->body.substr(0, 300))
                           : httplib::to_string(res.error()));
          }
        } else {
          latencies[c].push_back(ms);
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::seconds(o.seconds));
  stop = true;
  for (auto& t : clients)
    t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> all;
  std::size_t failed = 0;
  for (std::size_t c = 0; c < o.clients; ++c) {
    all.insert(all.end(), latencies[c].begin(), latencies[c].end());
    failed += errors[c];
  }
  std::sort(all.begin(), all.end());
  fmt::print(
      "{:<9} {:>3} clients  {:>8.0f} documents/s  p50 {:>7.2f} ms  p99 {:>7.2f} ms  "
      "max {:>7.2f} ms  ({} answered, {} errors)\n",
      xsd ? "XSD" : "--no-xsd", o.clients, static_cast<double>(all.size()) / elapsed,
      percentile(all, 0.50), percentile(all, 0.99), all.empty() ? 0 : all.back(), all.size(),
      failed);
  std::fflush(stdout);
  child.signal(SIGTERM);
  child.wait_for(std::chrono::seconds(20));
  return failed == 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse_options(argc, argv);
  if (!fs::is_regular_file(o.cprokit)) {
    usage_error(kProgram, fmt::format("--cprokit {}: no such file (build the release preset first)",
                                      o.cprokit.string()));
  }
  std::vector<GeneratedInvoice> corpus =
      generate_corpus(InvoiceSyntax::Ubl, o.documents / 2, o.lines);
  for (auto& doc :
       generate_corpus(InvoiceSyntax::Cii, o.documents - o.documents / 2, o.lines, o.documents))
    corpus.push_back(std::move(doc));
  bool ok = true;
  for (const bool xsd : {true, false})
    ok = run(o, corpus, xsd) && ok;
  return ok ? 0 : 1;
}
