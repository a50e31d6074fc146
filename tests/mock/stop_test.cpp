// Stopping the mock: at once, whatever its backlog, which the next start
// on the same data folder processes.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "tests/mock/harness.hpp"

using namespace cprokit::testing;
namespace mock = cprokit::mock;

namespace {

using Clock = std::chrono::steady_clock;

// Stores `count` flux of `file` deposited by the Alpine account, as
// deposer/flux does; nothing processes them until a server runs.
void insert_flux(mock::Mock& m, int count, const std::string& file) {
  const auto account = m.store().account(kAlpineLogin);
  REQUIRE(account);
  for (int i = 0; i < count; ++i) {
    mock::FluxRecord flux;
    flux.login = account->login;
    flux.id_structure = account->id_structure;
    flux.nom_fichier = "facture-" + std::to_string(i) + ".xml";
    flux.syntaxe_flux = "IN_DP_E1_CII_16B";
    flux.date_depot = flux.date_etat = m.now();
    flux.etat = "IN_RECU";
    m.store().insert_flux(flux, file);
  }
}

// A backlog of `count` valid flux in the data folder, no server running.
void store_backlog(const std::filesystem::path& data_dir, int count) {
  mock::MockOptions options;
  options.data_dir = data_dir;
  mock::Mock m(options, mock::wall_clock);
  insert_flux(m, count, fixture_text("invoices/chorus/cii-invoice-chorus-ok.xml"));
}

std::size_t unfinished(const std::filesystem::path& data_dir) {
  mock::MockOptions options;
  options.data_dir = data_dir;
  mock::Mock m(options, mock::wall_clock);
  return m.store().unfinished_flux().size();
}

}  // namespace

TEST_CASE("stop: the mock stops within 2 s with a backlog of flux that the next start processes",
          "[mock][stop]") {
  constexpr int kBacklog = 10000;
  MockHarness h;
  h.start();
  h.stop();
  store_backlog(h.data_dir(), kBacklog);

  h.start(false);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the worker is at it
  const auto asked = Clock::now();
  h.stop();
  const double stop_seconds = std::chrono::duration<double>(Clock::now() - asked).count();
  const std::size_t left = unfinished(h.data_dir());
  INFO("stopped in " << stop_seconds << " s, " << left << " flux of " << kBacklog << " left");
  CHECK(stop_seconds < 2.0);
  CHECK(left > 0);

  // The next start works the backlog off. No deadline for the whole of it (a
  // sanitizer build is several times slower): it fails when the worker
  // finishes nothing for 20 s.
  h.start(false);
  std::size_t remaining = h.mock().store().unfinished_flux().size();
  auto progressed = Clock::now();
  while (remaining > 0 && Clock::now() - progressed < std::chrono::seconds(20)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const std::size_t now_left = h.mock().store().unfinished_flux().size();
    if (now_left < remaining) {
      remaining = now_left;
      progressed = Clock::now();
    }
  }
  INFO(remaining << " flux left, none finished in the last 20 s");
  CHECK(remaining == 0);
}

TEST_CASE("store: a checkpoint truncates a log grown past 32 MiB", "[mock][stop]") {
  // Before, the log was only ever checkpointed passively, after a whole pass
  // over the backlog: under load it reached 1.6 GB in 30 s, and the close
  // that copied it made SIGTERM take seconds.
  MockHarness h;
  h.start();
  h.stop();
  mock::MockOptions options;
  options.data_dir = h.data_dir();
  mock::Mock m(options, mock::wall_clock);
  insert_flux(m, 800, std::string(std::size_t{64} * 1024, 'x'));  // 50 MiB of files
  const auto log = h.data_dir() / "mock.sqlite3-wal";
  const auto mib = [&] { return std::filesystem::file_size(log) / (std::uintmax_t{1024} * 1024); };
  REQUIRE(mib() > 40);
  m.store().checkpoint();
  CHECK(mib() == 0);
}
