#include "tests/client/mock_deposit_support.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace cprokit::testing {

mock::MockOptions fast_mock() {
  mock::MockOptions o;
  o.flux_step = 0;
  o.lifecycle_step = 0;
  return o;
}

client::ChorusClient client_of(const MockHarness& h, client::ClientOptions options) {
  options.backoff_base = std::chrono::milliseconds{10};
  return client::ChorusClient({"http://127.0.0.1:" + std::to_string(h.port()), {}},
                              {kClientId, kClientSecret, kAlpineLogin, kAlpinePassword},
                              std::move(options));
}

std::filesystem::path invoice_file(const MockHarness& h, const std::string& relative,
                                   const std::string& name) {
  std::filesystem::path path = h.data_dir() / "depots" / name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << fixture_text(relative);
  return path;
}

client::DepositOptions quick() {
  client::DepositOptions o;
  o.poll_first = std::chrono::milliseconds{10};
  o.poll_cap = std::chrono::milliseconds{50};
  o.wait = std::chrono::milliseconds{20'000};
  o.recovery_window = std::chrono::milliseconds{20'000};
  return o;
}

bool fired(const client::DepositReport& r, const std::string& rule) {
  return std::ranges::any_of(r.findings, [&](const Finding& f) { return f.rule == rule; });
}

int count_rows(const MockHarness& h, const std::string& table) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2((h.data_dir() / "mock.sqlite3").c_str(), &db, SQLITE_OPEN_READONLY,
                      nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open the mock's store");
  }
  sqlite3_stmt* statement = nullptr;
  const std::string sql = "SELECT count(*) FROM " + table;
  int count = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    count = sqlite3_column_int(statement, 0);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  if (count < 0) throw std::runtime_error("cannot count " + table);
  return count;
}

}  // namespace cprokit::testing
