// Fuzz target: raw HTTP request bytes through the mock's request handling as
// a connection carries them (head limits, the gate before the body, routes,
// handlers, the portal's pages), in process and without a socket
// (MockServer::answer_raw). The mock serves the Matheysine directory from a
// data folder of its own, its worker not started.
//
// A fuzzer cannot guess secrets, so three placeholders in the input stand for
// them and reach the handlers behind authentication: @TOKEN@ (a bearer token
// issued at start), @ACCOUNT@ (the demo technical account's cpro-account) and
// @ADMIN@ (the admin token). The seeds in seeds/mock_request/ use them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "mock-chorus/auth/secret_hash.hpp"
#include "mock-chorus/mock.hpp"
#include "mock-chorus/server.hpp"
#include "tests/fuzz/fuzz_linter.hpp"
#include "validators/base64.hpp"

namespace {

namespace mock = cprokit::mock;

constexpr std::string_view kAdminToken = "fuzz-admin-token";

// The mock, its server and the secrets, made once; the data folder is
// removed at exit.
class FuzzedMock {
 public:
  FuzzedMock() : dir_(temporary_folder()) {
    mock::init_crypto();
    mock::MockOptions options;
    options.data_dir = dir_;
    options.admin_token = std::string(kAdminToken);
    options.xsd.disabled = true;
    mock_ = std::make_unique<mock::Mock>(options, mock::wall_clock);
    mock_->load_directory(cprokit::fuzz::fixture("directory/matheysine.json"));
    server_ = std::make_unique<mock::MockServer>(*mock_);
    token_ = issue_token();
    account_ = cprokit::encode_base64("TECH_25000103@cprokit.invalid:demo-mot-de-passe-alpine");
  }
  FuzzedMock(const FuzzedMock&) = delete;
  FuzzedMock& operator=(const FuzzedMock&) = delete;
  ~FuzzedMock() {
    server_.reset();
    mock_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  void answer(std::string request) {
    replace_all(request, "@TOKEN@", token_);
    replace_all(request, "@ACCOUNT@", account_);
    replace_all(request, "@ADMIN@", kAdminToken);
    (void)server_->answer_raw(request);
  }

 private:
  static std::filesystem::path temporary_folder() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "cprokit-fuzz-mock-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("fuzz: mkdtemp failed");
    return pattern;
  }

  std::string issue_token() {
    const std::string form =
        "grant_type=client_credentials&client_id=cprokit-demo-client"
        "&client_secret=cprokit-demo-secret-not-a-real-one&scope=openid";
    const std::string answer = server_->answer_raw(
        "POST /api/oauth/token HTTP/1.1\r\nHost: fuzz\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
        std::to_string(form.size()) + "\r\n\r\n" + form);
    const std::size_t body = answer.find("\r\n\r\n");
    if (body == std::string::npos) throw std::runtime_error("fuzz: no token answer");
    const auto json = nlohmann::json::parse(answer.substr(body + 4), nullptr, false);
    if (!json.is_object() || !json.contains("access_token")) {
      throw std::runtime_error("fuzz: token refused: " + answer);
    }
    return json.at("access_token").get<std::string>();
  }

  static void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }

  std::filesystem::path dir_;
  std::unique_ptr<mock::Mock> mock_;
  std::unique_ptr<mock::MockServer> server_;
  std::string token_;
  std::string account_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static FuzzedMock fuzzed;
  fuzzed.answer(std::string(cprokit::fuzz::as_text(data, size)));
  return 0;
}
