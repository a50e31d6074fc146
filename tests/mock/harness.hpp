// A mock Chorus Pro running in the test process on a free loopback port,
// with its own data folder, and a client that speaks to it over real HTTP.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock-chorus/mock.hpp"
#include "mock-chorus/server.hpp"

// Declared only: <httplib.h> is heavy (about 7 s of clang-tidy a file that
// reaches it), and most tests of the mock never name httplib.
namespace httplib {
class Client;
}  // namespace httplib

namespace cprokit::testing {

using nlohmann::json;

// The shipped directory's demo credentials (fixtures/directory/matheysine.json).
inline constexpr const char* kClientId = "cprokit-demo-client";
inline constexpr const char* kClientSecret = "cprokit-demo-secret-not-a-real-one";
inline constexpr const char* kAlpineLogin =
    "TECH_25000103@cprokit.invalid";  // SIRET 81234567600017
inline constexpr const char* kAlpinePassword = "demo-mot-de-passe-alpine";
inline constexpr const char* kSenepiLogin =
    "TECH_25000101@cprokit.invalid";  // idStructureCPP 25000101
inline constexpr const char* kSenepiPassword = "demo-mot-de-passe-senepi";
inline constexpr const char* kDauphinoiseLogin = "TECH_25000104@cprokit.invalid";  // 88216543400011
inline constexpr const char* kDauphinoisePassword = "demo-mot-de-passe-dauphinoise";
inline constexpr const char* kAdminToken = "test-admin-token";

struct Answer {
  int status = 0;
  json body;
};

class MockHarness {
 public:
  // A fresh data folder; `options` tweaks the mock (its data_dir is ignored).
  explicit MockHarness(mock::MockOptions options = {});
  ~MockHarness();

  // Starts the mock on a free port (loading the shipped directory unless
  // told not to) or, after stop(), restarts it on the same data folder and
  // the same port, as a real restart does.
  void start(bool load_directory = true);
  void stop();

  // Moves the mock's clock forward (token expiry).
  void advance_clock(mock::Millis by) { skew_ += by; }

  Answer token_request(const std::string& form);
  std::string token();  // a valid bearer token for the demo client
  static std::string account_header(const std::string& login, const std::string& password);

  // POST `path` with a JSON body and the given headers (empty: not sent).
  Answer post(const std::string& path, const std::string& body, const std::string& token,
              const std::string& cpro_account);
  // POST as the Alpine technical account with a fresh token.
  Answer call(const std::string& path, const json& body);
  Answer admin(const std::string& method, const std::string& path, const std::string& body,
               const std::string& admin_token = kAdminToken);

  // Polls consulterCRDetaille until the flux is in a final state (IN_INTEGRE,
  // IN_INTEGRE_PARTIEL, IN_REJETE, IN_INCIDENTE; 5 s at
  // most), as `cpro_account` (default: Alpine).
  json wait_for_flux(const std::string& numero, const std::string& cpro_account = "");

  // A client of the mock, for calls the helpers above do not make (headers
  // of the answer, a call that gets no answer). Its user includes <httplib.h>.
  std::unique_ptr<httplib::Client> client();

  mock::Mock& mock() { return *mock_; }
  int port() const { return port_; }
  const std::filesystem::path& data_dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  mock::MockOptions options_;
  std::atomic<mock::Millis> skew_{0};
  std::optional<mock::Mock> mock_;
  std::unique_ptr<mock::MockServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::string token_;
};

// The text of a fixture file.
std::string fixture_text(const std::string& relative);
// The shipped valid UBL invoice with `number` as its number (BT-1).
std::string valid_ubl(const std::string& number);
// A .tar.gz archive of the files (name, bytes), in that order, as a lot.
std::string tar_gz(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace cprokit::testing
