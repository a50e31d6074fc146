#include "bench/api_client.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include <fmt/core.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "validators/base64.hpp"

namespace cprokit::bench {

std::string describe(const Answer& a) {
  constexpr std::size_t kMax = 400;
  const std::string body = a.body.size() > kMax ? a.body.substr(0, kMax) + "…" : a.body;
  return a.status == 0 ? body : fmt::format("HTTP {}: {}", a.status, body);
}

namespace {

// The headers of an API call: the token and the technical account.
httplib::Headers api_headers(const std::string& bearer) {
  return {{"Authorization", "Bearer " + bearer},
          {"cpro-account", cprokit::encode_base64(fmt::format("{}:{}", kLogin, kPassword))}};
}

Answer answer(const httplib::Result& r) {
  if (!r) return {0, "no answer: " + httplib::to_string(r.error())};
  return {r->status, r->body};
}

}  // namespace

struct Connection::Http {
  Http(int port, httplib::Headers sent) : client("127.0.0.1", port), headers(std::move(sent)) {}
  httplib::Client client;
  httplib::Headers headers;  // sent with every call
};

Connection::Connection(int port, const std::string& bearer, int read_timeout_s)
    : http_(
          std::make_unique<Http>(port, bearer.empty() ? httplib::Headers{} : api_headers(bearer))) {
  httplib::Client& client = http_->client;
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);  // as curl and urllib3 do
  client.set_connection_timeout(5, 0);
  client.set_read_timeout(read_timeout_s, 0);
  client.set_write_timeout(read_timeout_s, 0);
}

Connection::~Connection() = default;

Answer Connection::post(std::string_view path, const std::string& json) {
  return answer(http_->client.Post(std::string(path), http_->headers, json, "application/json"));
}

Answer Connection::post_form(std::string_view path, const std::string& form) {
  return answer(http_->client.Post(std::string(path), http_->headers, form,
                                   "application/x-www-form-urlencoded"));
}

Answer Connection::get(std::string_view path) {
  return answer(http_->client.Get(std::string(path), http_->headers));
}

std::string token(int port) {
  Connection c(port, "");
  const Answer a =
      c.post_form("/api/oauth/token", fmt::format("grant_type=client_credentials&client_id={}&"
                                                  "client_secret={}",
                                                  kClientId, kClientSecret));
  const auto j = nlohmann::json::parse(a.body, nullptr, false);
  if (a.status != 200 || !j.is_object() || !j.contains("access_token") ||
      !j["access_token"].is_string()) {
    throw std::runtime_error("POST /api/oauth/token refused the demo client: " + describe(a));
  }
  return j["access_token"].get<std::string>();
}

Renumbered::Renumbered(const std::string& xml) {
  std::size_t from = 0;
  for (auto at = xml.find(kFixtureNumber); at != std::string::npos;
       at = xml.find(kFixtureNumber, from)) {
    parts_.push_back(xml.substr(from, at - from));
    from = at + kFixtureNumber.size();
  }
  parts_.push_back(xml.substr(from));
  if (parts_.size() < 2) {
    throw std::runtime_error(fmt::format("the invoice holds no {} to renumber", kFixtureNumber));
  }
}

std::string Renumbered::xml(std::string_view number) const {
  std::string out = parts_[0];
  for (std::size_t i = 1; i < parts_.size(); ++i) {
    out += number;
    out += parts_[i];
  }
  return out;
}

std::string flux_body(const std::string& xml) {
  return nlohmann::json{{"fichierFlux", cprokit::encode_base64(xml)},
                        {"nomFichier", "f.xml"},
                        {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"},
                        {"avecSignature", false}}
      .dump();
}

double nearest_rank(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto rank =
      static_cast<std::size_t>(std::ceil(p / 100 * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace cprokit::bench
