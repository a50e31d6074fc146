#include "tests/mock/harness.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <httplib.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "mock-chorus/auth/secret_hash.hpp"
#include "validators/base64.hpp"

namespace cprokit::testing {
namespace fs = std::filesystem;

std::string fixture_text(const std::string& relative) {
  std::ifstream in(fs::path(CPROKIT_FIXTURES_DIR) / relative, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + relative);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string valid_ubl(const std::string& number) {
  std::string text = fixture_text("invoices/chorus/invoice-chorus-ok.xml");
  const std::string old = "FA-2026-0042";
  for (auto at = text.find(old); at != std::string::npos; at = text.find(old, at + number.size()))
    text.replace(at, old.size(), number);
  return text;
}

std::string tar_gz(const std::vector<std::pair<std::string, std::string>>& files) {
  // Room for the files as they are, their headers and the end of the archive:
  // gzip never makes them much larger.
  std::size_t room = std::size_t{64} * 1024;
  for (const auto& [name, bytes] : files)
    room += bytes.size() + name.size() + 2048;
  std::string out(room, '\0');
  std::size_t used = 0;
  archive* a = archive_write_new();
  archive_write_add_filter_gzip(a);
  archive_write_set_format_pax_restricted(a);
  archive_write_open_memory(a, out.data(), out.size(), &used);
  for (const auto& [name, bytes] : files) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    archive_write_data(a, bytes.data(), bytes.size());
    archive_entry_free(e);
  }
  const bool closed = archive_write_close(a) == ARCHIVE_OK;
  archive_write_free(a);
  if (!closed) throw std::runtime_error("tar_gz: the archive does not fit its buffer");
  out.resize(used);
  return out;
}

MockHarness::MockHarness(mock::MockOptions options) : options_(std::move(options)) {
  mock::init_crypto();
  std::string pattern = (fs::temp_directory_path() / "cprokit-mock-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  options_.data_dir = dir_;
  options_.admin_token = kAdminToken;
  options_.xsd.disabled = true;
}

MockHarness::~MockHarness() {
  stop();
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

void MockHarness::start(bool load_directory) {
  mock_.emplace(options_, [this] { return mock::wall_clock() + skew_.load(); });
  if (load_directory) {
    mock_->load_directory(fixture_text("directory/matheysine.json"));
    token_.clear();  // loading a directory forgets the tokens issued before
  }
  auto server = std::make_unique<mock::MockServer>(*mock_);
  port_ = server->bind("127.0.0.1", port_);
  server_ = std::move(server);
  thread_ = std::thread([this] { server_->run(); });
  // Wait until it answers.
  for (int i = 0; i < 200; ++i) {
    if (client()->Get("/")) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw std::runtime_error("the mock does not answer");
}

void MockHarness::stop() {
  if (!server_) return;
  server_->stop();
  thread_.join();
  server_.reset();
  mock_.reset();
}

std::unique_ptr<httplib::Client> MockHarness::client() {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
  // A guard against a hung server, not a speed check: a 14 MB body takes
  // seconds to parse in the sanitizer build on a loaded machine.
  c->set_read_timeout(120, 0);
  return c;
}

namespace {

Answer answer_of(const httplib::Result& r) {
  if (!r) throw std::runtime_error("no HTTP answer: " + httplib::to_string(r.error()));
  Answer a{r->status, json::parse(r->body, nullptr, false)};
  return a;
}

}  // namespace

Answer MockHarness::token_request(const std::string& form) {
  return answer_of(client()->Post("/api/oauth/token", form, "application/x-www-form-urlencoded"));
}

std::string MockHarness::token() {
  if (token_.empty()) {
    const Answer a = token_request(std::string("grant_type=client_credentials&client_id=") +
                                   kClientId + "&client_secret=" + kClientSecret + "&scope=openid");
    if (a.status != 200) throw std::runtime_error("token refused: " + a.body.dump());
    token_ = a.body.at("access_token").get<std::string>();
  }
  return token_;
}

std::string MockHarness::account_header(const std::string& login, const std::string& password) {
  return cprokit::encode_base64(login + ":" + password);
}

Answer MockHarness::post(const std::string& path, const std::string& body, const std::string& token,
                         const std::string& cpro_account) {
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  if (!cpro_account.empty()) headers.emplace("cpro-account", cpro_account);
  return answer_of(client()->Post(path, headers, body, "application/json;charset=utf-8"));
}

Answer MockHarness::call(const std::string& path, const json& body) {
  return post(path, body.dump(), token(), account_header(kAlpineLogin, kAlpinePassword));
}

Answer MockHarness::admin(const std::string& method, const std::string& path,
                          const std::string& body, const std::string& admin_token) {
  httplib::Headers headers;
  if (!admin_token.empty()) headers.emplace("X-Mock-Admin", admin_token);
  auto c = client();
  if (method == "GET") return answer_of(c->Get(path, headers));
  if (method == "DELETE") return answer_of(c->Delete(path, headers));
  return answer_of(c->Post(path, headers, body, "application/json"));
}

json MockHarness::wait_for_flux(const std::string& numero, const std::string& cpro_account) {
  const std::string account =
      cpro_account.empty() ? account_header(kAlpineLogin, kAlpinePassword) : cpro_account;
  for (int i = 0; i < 500; ++i) {
    const Answer a = post("/cpro/transverses/v1/consulterCRDetaille",
                          json{{"numeroFluxDepot", numero}}.dump(), token(), account);
    const std::string etat = a.body.value("etatCourantDepotFlux", "");
    if (etat == "IN_INTEGRE" || etat == "IN_INTEGRE_PARTIEL" || etat == "IN_REJETE" ||
        etat == "IN_INCIDENTE") {
      return a.body;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw std::runtime_error("flux " + numero + " not final after 5 s");
}

}  // namespace cprokit::testing
