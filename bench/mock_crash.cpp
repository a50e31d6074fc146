// cprokit_mock_crash: the mock killed at random moments (SIGKILL) while
// clients deposit, restarted on the same data folder, and checked: every
// deposit that got an answer is there exactly once with its bytes and
// reaches its final state, no number is handed out twice, and SQLite's
// integrity_check passes. Run by scripts/crash-safety.sh; see --help.
#include <csignal>

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/api_client.hpp"
#include "bench/crash_ledger.hpp"
#include "bench/mock_child.hpp"
#include "bench/program_args.hpp"
#include "validators/base64.hpp"

namespace {

using namespace cprokit::bench;
using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;
namespace fs = std::filesystem;

constexpr std::string_view kHelp = R"(Usage: cprokit_mock_crash [options]

Crash safety of the mock Chorus Pro. Per trial: starts `cprokit mock` (a
child process, --no-xsd --flux-delay 0 --lifecycle-delay 20, a scenario in
which the buyer pays every invoice numbered CM-*), runs --clients threads
that deposit on keep-alive connections with the demo directory's technical
account, SIGKILLs the mock after a random delay (drawn from --seed, printed),
restarts it on the same --data, lets the clients deposit 1 s longer,
waits until every deposit is processed, stops the mock, and checks its
database (opened read-only):
  - every deposit that was answered (numeroFluxDepot, pieceJointeId,
    identifiantFactureCPP) exists exactly once, with the bytes sent;
  - valid flux are IN_INTEGRE with one invoice MISE_A_DISPOSITION (CM-*:
    MISE_EN_PAIEMENT, moved by the scenario, unless deposited before the
    kill and integrated after the restart: the scenario loaded again at the
    restart covers the deposits made after it), invalid ones IN_REJETE with
    none; deposer/pdf + soumettre (the path of the portal's deposit form)
    invoices MISE_A_DISPOSITION; each history holds the statuses on the way,
    none twice;
  - no number answered twice, no file stored twice, integrity_check ok.
The deposits: 50 % valid flux, 12.5 % valid flux to be paid, 12.5 % flux
with an invalid invoice number (CPRO-NUM-01), 25 % PDF + soumettre.

Options:
  --trials N        trials (default 50)
  --clients N       client threads (default 4)
  --reuse N         trials per data folder (default 5): crashes stacked on one
                    database, numbering carried across restarts; then a fresh one
  --seed N          the seed of the kill delays and deposit kinds (default: drawn, printed)
  --kill-ms MIN,MAX the kill delay after the clients start (default 100,1500)
  --cprokit FILE    the binary (default build/release/cli/cprokit)
  --directory FILE  (default fixtures/directory/matheysine.json)
  --invoice FILE    valid UBL invoice holding FA-2026-0042 (default
                    fixtures/invoices/chorus/invoice-chorus-ok.xml)
  --request FILE    soumettre request, DEPOT_PDF_API (default
                    fixtures/deposits/dep-01-pdf-ok.json)
  --tmp DIR         where the data folders are made (default /tmp)
  --help            this text

Exit status: 0 when every check passed, 1 on any violation, 2 on a usage or
setup error.
)";

struct Options {
  std::size_t trials = 50;
  std::size_t clients = 4;
  std::size_t reuse = 5;
  std::optional<std::uint64_t> seed;
  std::size_t kill_min_ms = 100;
  std::size_t kill_max_ms = 1500;
  MockFiles files;  // --cprokit, --directory, --invoice, --tmp
  fs::path request = "fixtures/deposits/dep-01-pdf-ok.json";
};

constexpr std::string_view kProgram = "cprokit_mock_crash";

[[noreturn]] void usage_error(std::string_view message) {
  cprokit::bench::usage_error(kProgram, message);
}

std::uint64_t number_arg(std::string_view option, std::string_view text, std::uint64_t min,
                         std::uint64_t max) {
  return static_cast<std::uint64_t>(whole_number_arg(kProgram, option, text, min, max));
}

Options parse_options(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", kHelp);
      std::exit(0);
    }
    if (i + 1 >= argc)
      usage_error(fmt::format("unknown option or no value: '{}' (see --help)", arg));
    const std::string_view value = argv[++i];
    if (arg == "--trials") {
      opt.trials = number_arg(arg, value, 1, 100'000);
    } else if (arg == "--clients") {
      opt.clients = number_arg(arg, value, 1, 256);
    } else if (arg == "--reuse") {
      opt.reuse = number_arg(arg, value, 1, 100'000);
    } else if (arg == "--seed") {
      opt.seed = number_arg(arg, value, 0, UINT64_MAX);
    } else if (arg == "--kill-ms") {
      const auto comma = value.find(',');
      if (comma == std::string_view::npos) usage_error("--kill-ms wants MIN,MAX (see --help)");
      opt.kill_min_ms = number_arg(arg, value.substr(0, comma), 0, 600'000);
      opt.kill_max_ms = number_arg(arg, value.substr(comma + 1), opt.kill_min_ms, 600'000);
    } else if (arg == "--request") {
      opt.request = value;
    } else if (!mock_files_option(arg, value, opt.files)) {
      usage_error(fmt::format("unknown option '{}' (see --help)", arg));
    }
  }
  return opt;
}

std::string read_file(std::string_view option, const fs::path& path) {
  return read_file_arg(kProgram, option, path);
}

// Where the clients send: the running mock's port and a token, or none
// while it is down.
class Target {
 public:
  void set(int port, std::string bearer) {
    std::lock_guard lock(mutex_);
    port_ = port;
    bearer_ = std::move(bearer);
    ++generation_;
  }
  void down() { set(0, ""); }
  struct View {
    int port;
    std::string bearer;
    std::uint64_t generation;
  };
  View get() const {
    std::lock_guard lock(mutex_);
    return {port_, bearer_, generation_};
  }

 private:
  mutable std::mutex mutex_;
  int port_ = 0;
  std::string bearer_;
  std::uint64_t generation_ = 0;
};

// What the clients deposit, made from the fixtures.
struct Material {
  Renumbered invoice;
  Json request;  // a DEPOT_PDF_API soumettre request, for any of our numbers

  // A plain PDF (no Factur-X inside), its bytes unique to `number`.
  static std::string pdf(const std::string& number) {
    return fmt::format(
        "%PDF-1.4\n% cprokit crash-safety {}\n1 0 obj << >> endobj\ntrailer "
        "<< /Root 1 0 R >>\n%%EOF\n",
        number);
  }
  std::string soumettre(const std::string& number, std::int64_t attachment) const {
    Json r = request;
    r["fournisseur"]["idFournisseur"] = kSupplier;
    r["numeroFactureSaisi"] = number;
    r["pieceJointePrincipale"] =
        Json::array({{{"pieceJointePrincipaleDesignation",
                       fmt::format("MENUISERIE ALPINE SARL - {}.pdf", number)},
                      {"pieceJointePrincipaleId", attachment}}});
    return r.dump();
  }
};

std::optional<Json> json_of(const Answer& a) {
  if (a.status != 200) return std::nullopt;
  Json j = Json::parse(a.body, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  return j;
}

// One client thread of one trial: deposits until `stop`, reconnecting when
// the mock comes back. Numbers are unique per run: kind + trial + client + n.
void client(std::size_t trial, std::size_t id, std::uint64_t seed, const Material& m,
            const Target& target, const std::atomic<bool>& stop, Ledger& ledger) {
  std::mt19937_64 rng(seed);
  std::unique_ptr<Connection> conn;
  std::uint64_t generation = 0;
  for (std::size_t n = 0; !stop.load(); ++n) {
    const auto t = target.get();
    if (t.port == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    if (!conn || t.generation != generation) {
      conn = std::make_unique<Connection>(t.port, t.bearer, 10);
      generation = t.generation;
    }
    const auto kind = rng() % 8;
    const std::string tag = fmt::format("{}-{}-{}", trial, id, n);
    if (kind < 6) {
      const Expect e = kind < 4 ? Expect::Integrated : kind == 4 ? Expect::Moved : Expect::Rejected;
      // CPRO-NUM-01 refuses '!' in an invoice number.
      const std::string number = (e == Expect::Integrated ? "CV-"
                                  : e == Expect::Moved    ? "CM-"
                                                          : "CX!") +
                                 tag;
      std::string xml = m.invoice.xml(number);
      const Answer a = conn->post(kDeposerFlux, flux_body(xml));
      if (a.status == 0) continue;  // killed meanwhile: no answer, no promise
      const auto j = json_of(a);
      if (j && j->contains("numeroFluxDepot") && (*j)["numeroFluxDepot"].is_string()) {
        ledger.flux((*j)["numeroFluxDepot"].get<std::string>(), number, std::move(xml), e);
      } else {
        ledger.problem(fmt::format("deposer/flux {}: {}", number, describe(a)));
      }
      continue;
    }
    const std::string number = "CP-" + tag;
    std::string pdf = Material::pdf(number);
    const Answer a = conn->post(kDeposerPdf, Json{{"fichierFacture", cprokit::encode_base64(pdf)},
                                                  {"nomFichier", number + ".pdf"},
                                                  {"formatDepot", "PDF_NON_SIGNE"}}
                                                 .dump());
    if (a.status == 0) continue;
    const auto j = json_of(a);
    if (!j || !j->contains("pieceJointeId") || !(*j)["pieceJointeId"].is_number_integer()) {
      ledger.problem(fmt::format("deposer/pdf {}: {}", number, describe(a)));
      continue;
    }
    const auto attachment = (*j)["pieceJointeId"].get<std::int64_t>();
    ledger.attachment(attachment, std::move(pdf));
    const Answer s = conn->post(kSoumettre, m.soumettre(number, attachment));
    if (s.status == 0) continue;
    const auto sj = json_of(s);
    if (sj && sj->contains("identifiantFactureCPP") &&
        (*sj)["identifiantFactureCPP"].is_number_integer()) {
      ledger.submitted((*sj)["identifiantFactureCPP"].get<std::int64_t>(), number);
    } else {
      ledger.problem(fmt::format("soumettre {}: {}", number, describe(s)));
    }
  }
}

// The mock's command line for a data folder.
std::vector<std::string> mock_args(const Options& opt, const fs::path& data,
                                   const fs::path& scenario) {
  return {"--data",
          data.string(),
          "--directory",
          opt.files.directory.string(),
          "--no-xsd",
          "--flux-delay",
          "0",
          "--lifecycle-delay",
          "20",
          "--admin-token",
          "crash-safety",
          "--scenario",
          scenario.string()};
}

std::int64_t epoch_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

struct Totals {
  std::size_t trials = 0;
  std::size_t acknowledged = 0;
  std::size_t lost = 0;
  std::size_t duplicated = 0;
  std::size_t violations = 0;
  std::size_t checks = 0;
};

// One trial on `data`, its acknowledgements noted in `ledger`; throws when
// the mock cannot be started.
void trial(const Options& opt, std::size_t n, std::mt19937_64& rng, const Material& material,
           const fs::path& data, const fs::path& scenario, Ledger& ledger, Totals& totals) {
  const auto kill_ms = opt.kill_min_ms + rng() % (opt.kill_max_ms - opt.kill_min_ms + 1);
  const auto args = mock_args(opt, data, scenario);
  const fs::path log = data.parent_path() / "mock.log";
  const Tally before = ledger.tally();

  Target target;
  std::atomic<bool> stop{false};
  ledger.starting(epoch_ms());
  auto mock = std::make_unique<MockChild>(opt.files.cprokit, args, log);
  target.set(mock->port(), token(mock->port()));
  std::vector<std::thread> clients;
  for (std::size_t c = 0; c < opt.clients; ++c) {
    clients.emplace_back(client, n, c, rng(), std::cref(material), std::cref(target),
                         std::cref(stop), std::ref(ledger));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(kill_ms));
  mock->signal(SIGKILL);
  mock->wait_for(std::chrono::seconds(10));
  target.down();
  const Tally at_kill = ledger.tally();

  ledger.starting(epoch_ms());
  mock = std::make_unique<MockChild>(opt.files.cprokit, args, log);
  target.set(mock->port(), token(mock->port()));
  // Deposits after the restart, numbered on from the recovered database (the
  // first call of each client pays Argon2id for its account again).
  std::this_thread::sleep_for(std::chrono::seconds(1));
  stop = true;
  for (auto& t : clients)
    t.join();

  const fs::path database = data / "mock.sqlite3";
  std::string error;
  const auto settle_start = Clock::now();
  while (!settled(database, error) && seconds_since(settle_start) < 60) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const double settle_s = seconds_since(settle_start);
  mock->signal(SIGTERM);
  const auto stop_start = Clock::now();
  const auto status = mock->wait_for(std::chrono::seconds(30));
  const double stop_s = seconds_since(stop_start);
  mock.reset();  // SIGKILL when SIGTERM was not enough

  const auto verdict = ledger.check(database);
  const Tally after = ledger.tally();
  ++totals.trials;
  totals.acknowledged += after.acknowledged() - before.acknowledged();
  totals.lost += verdict.count("lost");
  totals.duplicated += verdict.count("duplicated");
  totals.violations += verdict.violations.size();
  totals.checks += verdict.passed;
  fmt::print(
      "trial {:>3}: kill at {:>4} ms, {:>4} answered before it ({} flux, {} PDF, {} soumettre), "
      "{:>3} after the restart; settled in {:.1f} s{}; stopped by SIGTERM in {:.1f} s{}; "
      "{} checks passed, {} violation(s)\n",
      n + 1, kill_ms, at_kill.acknowledged() - before.acknowledged(), at_kill.flux - before.flux,
      at_kill.attachments - before.attachments, at_kill.submitted - before.submitted,
      after.acknowledged() - at_kill.acknowledged(), settle_s,
      error.empty() ? "" : " (" + error + ")", stop_s, status ? "" : " (not stopped: killed)",
      verdict.passed, verdict.violations.size());
  for (const auto& v : verdict.violations)
    fmt::print("  VIOLATION {}: {}\n", v.kind, v.text);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const Options opt = parse_options(argc, argv);
  if (!fs::is_regular_file(opt.files.cprokit)) {
    usage_error(fmt::format("--cprokit {}: no such file (build the release preset first)",
                            opt.files.cprokit.string()));
  }
  const std::uint64_t seed = opt.seed.value_or(std::random_device{}());
  Json request = Json::parse(read_file("--request", opt.request), nullptr, false);
  if (!request.is_object())
    usage_error(fmt::format("--request {}: not JSON", opt.request.string()));
  read_file("--directory", opt.files.directory);
  std::unique_ptr<Material> material;
  try {
    material = std::make_unique<Material>(
        Material{Renumbered(read_file("--invoice", opt.files.invoice)), std::move(request)});
  } catch (const std::exception& e) {
    usage_error(fmt::format("--invoice {}: {}", opt.files.invoice.string(), e.what()));
  }

  std::string pattern = (opt.files.tmp / "cprokit-crash-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    usage_error(fmt::format("--tmp {}: cannot make a folder there", opt.files.tmp.string()));
  }
  const fs::path work = pattern;
  const fs::path scenario = work / "scenario.json";
  std::ofstream(scenario) << R"({"name": "crash-safety", "rules": [{"match": {"invoiceNumber": )"
                             R"("CM-*"}, "outcome": {"status": "MISE_EN_PAIEMENT", )"
                             R"("afterSeconds": 0}}]})";

  fmt::print(
      "crash safety of {}: {} trials, {} clients, a data folder per {} trials, kill "
      "after {}..{} ms, seed {} (--seed {} replays it)\n",
      opt.files.cprokit.string(), opt.trials, opt.clients, opt.reuse, opt.kill_min_ms,
      opt.kill_max_ms, seed, seed);
  std::mt19937_64 rng(seed);
  Totals totals;
  int status = 0;
  try {
    std::unique_ptr<Ledger> ledger;
    fs::path data;
    std::size_t violations_before = 0;  // those of earlier folders
    for (std::size_t n = 0; n < opt.trials; ++n) {
      if (n % opt.reuse == 0) {
        // A folder with a violation is kept for a look; the others go.
        if (!data.empty() && totals.violations == violations_before) fs::remove_all(data);
        violations_before = totals.violations;
        data = work / fmt::format("data-{}", n / opt.reuse + 1);
        ledger = std::make_unique<Ledger>();
      }
      trial(opt, n, rng, *material, data, scenario, *ledger, totals);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "cprokit_mock_crash: {} (files kept in {})\n", e.what(), work.string());
    return 2;
  }
  fmt::print(
      "summary: {} trials, {} deposits acknowledged, {} lost, {} duplicated, {} other "
      "violation(s), {} checks passed; seed {}\n",
      totals.trials, totals.acknowledged, totals.lost, totals.duplicated,
      totals.violations - totals.lost - totals.duplicated, totals.checks, seed);
  if (totals.violations == 0) {
    fs::remove_all(work);
  } else {
    fmt::print("the data folders are kept in {}\n", work.string());
    status = 1;
  }
  return status;
}
