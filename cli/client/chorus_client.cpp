#include "cli/client/chorus_client.hpp"

#include <algorithm>
#include <cctype>
#include <thread>

#include <fmt/core.h>

#include "validators/base64.hpp"

namespace cprokit::client {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;

constexpr const char* kJson = "application/json;charset=utf-8";

// A token is renewed before it expires: 60 s before, or a tenth of a
// shorter lifetime, so that a call never leaves with a token about to die.
milliseconds renew_margin(milliseconds lifetime) {
  return std::min(milliseconds{60'000}, lifetime / 10);
}

std::string form_encoded(std::string_view text) {
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

// "structures/v1/rechercher" from "/cpro/structures/v1/rechercher" too.
std::string api_path(std::string_view path) {
  while (path.starts_with('/'))
    path.remove_prefix(1);
  if (path.starts_with("cpro/")) path.remove_prefix(5);
  return std::string(path);
}

bool retryable_status(int status) {
  return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

// Refused before being handled: a deposit so answered may be sent again.
bool refused_unhandled(int status) {
  return status == 429 || status == 502 || status == 503;
}

std::string seconds_text(milliseconds wait, Lang lang) {
  std::string text = fmt::format("{:.1f}", static_cast<double>(wait.count()) / 1000.0);
  if (lang == Lang::Fr) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

ApiError transport_error(const std::string& path, const HttpResponse& r) {
  const Message what = describe(r);
  return ApiError(
      ApiFailure::Transport, path,
      {fmt::format("{} : {} ; vérifiez l'adresse du serveur et le réseau", path, what.fr),
       fmt::format("{}: {}; check the server's address and the network", path, what.en)});
}

ApiError auth_error(const std::string& path, int status) {
  if (status == 401) {
    return ApiError(
        ApiFailure::Authentication, path,
        {fmt::format("{} : authentification refusée (HTTP 401) avec un jeton neuf : vérifiez "
                     "--client (identifiant et secret de l'application PISTE)",
                     path),
         fmt::format("{}: authentication refused (HTTP 401) with a fresh token: check --client "
                     "(the PISTE application's id and secret)",
                     path)},
        status);
  }
  return ApiError(
      ApiFailure::Authentication, path,
      {fmt::format("{} : accès refusé (HTTP {}) : vérifiez --account (le compte technique "
                   "Chorus Pro) et que l'application PISTE est abonnée aux API Chorus Pro",
                   path, status),
       fmt::format("{}: access refused (HTTP {}): check --account (the Chorus Pro technical "
                   "account) and that the PISTE application subscribes to the Chorus Pro APIs",
                   path, status)},
      status);
}

// Chorus Pro's refusal: {codeRetour, libelle} in a 4xx, or a 200 whose
// codeRetour is not 0.
ApiError refused_error(const std::string& path, int status, const json& body) {
  std::optional<int> code;
  std::string libelle;
  if (body.is_object()) {
    if (auto it = body.find("codeRetour"); it != body.end() && it->is_number_integer())
      code = it->get<int>();
    if (auto it = body.find("libelle"); it != body.end() && it->is_string())
      libelle = it->get<std::string>();
  }
  const std::string code_text = code ? fmt::format(", codeRetour {}", *code) : "";
  return ApiError(ApiFailure::Refused, path,
                  {fmt::format("{} : refusé par Chorus Pro (HTTP {}{}) : {}", path, status,
                               code_text, libelle.empty() ? "sans libellé" : libelle),
                   fmt::format("{}: refused by Chorus Pro (HTTP {}{}): {}", path, status, code_text,
                               libelle.empty() ? "no libelle" : libelle)},
                  status, code, libelle);
}

ApiError server_error(const std::string& path, const HttpResponse& r, int attempts) {
  return ApiError(
      ApiFailure::Server, path,
      {fmt::format("{} : HTTP {} après {} essai(s) ; réessayez plus tard", path, r.status,
                   attempts),
       fmt::format("{}: HTTP {} after {} attempt(s); try again later", path, r.status, attempts)},
      r.status);
}

// The answer's JSON object, or nullopt when the body is not whole JSON.
std::optional<json> parsed(const HttpResponse& r) {
  json body = json::parse(r.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return std::nullopt;
  return body;
}

bool refused_in_200(const json& body) {
  const auto it = body.find("codeRetour");
  return it != body.end() && it->is_number_integer() && it->get<int>() != 0;
}

}  // namespace

ChorusClient::ChorusClient(Endpoints endpoints, Credentials credentials, ClientOptions options)
    : endpoints_(std::move(endpoints)),
      credentials_(std::move(credentials)),
      options_(std::move(options)),
      transport_(options_.transport ? options_.transport
                                    : http_transport({options_.connect_timeout, options_.timeout,
                                                      options_.ca_file})),
      backoff_(options_.backoff_base, options_.backoff_cap,
               options_.seed != 0 ? options_.seed : std::random_device{}()) {
  while (endpoints_.api.ends_with('/'))
    endpoints_.api.pop_back();
  if (endpoints_.token.empty()) endpoints_.token = endpoints_.api + "/api/oauth/token";
  options_.max_attempts = std::max(options_.max_attempts, 1);
}

std::chrono::steady_clock::time_point ChorusClient::now() const {
  return options_.clock ? options_.clock() : std::chrono::steady_clock::now();
}

void ChorusClient::pause(milliseconds wait) const {
  if (options_.sleep) {
    options_.sleep(wait);
  } else {
    std::this_thread::sleep_for(wait);
  }
}

void ChorusClient::log(const Message& message) const {
  if (options_.log) options_.log(message);
}

int ChorusClient::tokens_obtained() const {
  const std::lock_guard lock(token_mutex_);
  return tokens_obtained_;
}

ChorusClient::Token ChorusClient::obtain_token() {
  const std::string form =
      "grant_type=client_credentials&client_id=" + form_encoded(credentials_.client_id) +
      "&client_secret=" + form_encoded(credentials_.client_secret) + "&scope=openid";
  const std::string path = "oauth/token";
  for (int attempt = 1;; ++attempt) {
    const HttpResponse r =
        transport_->post(endpoints_.token, {}, form, "application/x-www-form-urlencoded");
    const bool last = attempt >= options_.max_attempts;
    if (r.failure == TransportFailure::None && r.status == 200) {
      const auto body = parsed(r);
      if (body && body->contains("access_token") && (*body)["access_token"].is_string()) {
        const auto lifetime = milliseconds{body->value("expires_in", 3600) * 1000};
        ++tokens_obtained_;
        return {(*body)["access_token"].get<std::string>(),
                now() + lifetime - renew_margin(lifetime)};
      }
    }
    const bool again = r.failure == TransportFailure::None
                           ? retryable_status(r.status) || r.status == 200
                           : r.failure != TransportFailure::Certificate;
    if (!again || last) {
      if (r.failure != TransportFailure::None) throw transport_error(endpoints_.token, r);
      if (r.status == 400 || r.status == 401 || r.status == 403) {
        const auto body = parsed(r);
        const std::string said = body ? body->value("error", std::string()) + " " +
                                            body->value("error_description", std::string())
                                      : std::string();
        throw ApiError(
            ApiFailure::Authentication, path,
            {fmt::format("jeton refusé par {} (HTTP {} {}) : vérifiez --client (identifiant et "
                         "secret de l'application PISTE)",
                         endpoints_.token, r.status, said),
             fmt::format("token refused by {} (HTTP {} {}): check --client (the PISTE "
                         "application's id and secret)",
                         endpoints_.token, r.status, said)},
            r.status);
      }
      throw server_error(endpoints_.token, r, attempt);
    }
    wait_before(attempt + 1, path, r, nullptr);
  }
}

std::string ChorusClient::bearer() {
  const std::lock_guard lock(token_mutex_);
  if (!token_ || now() >= token_->renew_at) {
    if (token_) log({"jeton renouvelé avant son expiration", "token renewed before it expires"});
    token_ = obtain_token();
  }
  return token_->value;
}

std::string ChorusClient::renew(const std::string& refused) {
  const std::lock_guard lock(token_mutex_);
  if (!token_ || token_->value == refused) {
    log({"jeton refusé (HTTP 401) : nouveau jeton", "token refused (HTTP 401): new token"});
    token_ = obtain_token();
  }
  return token_->value;
}

HttpResponse ChorusClient::send(const std::string& path, const std::string& body,
                                CallStats* stats) {
  const std::string url = endpoints_.api + "/cpro/" + path;
  const Headers account{
      {"cpro-account", encode_base64(credentials_.login + ":" + credentials_.password)},
      {"Accept", kJson}};
  std::string token = bearer();
  for (int tries = 0;; ++tries) {
    Headers headers = account;
    headers.emplace_back("Authorization", "Bearer " + token);
    HttpResponse r = transport_->post(url, headers, body, kJson);
    if (r.failure != TransportFailure::None || r.status != 401 || tries == 1) return r;
    if (stats != nullptr) ++stats->retries;
    token = renew(token);
  }
}

void ChorusClient::wait_before(int next, const std::string& path, const HttpResponse& answer,
                               CallStats* stats) {
  milliseconds wait = backoff_.delay(next);
  if (answer.failure == TransportFailure::None && !answer.retry_after.empty()) {
    if (auto asked = retry_after(answer.retry_after, std::chrono::system_clock::now()))
      wait = std::min(*asked, options_.retry_after_cap);
  }
  const Message what = describe(answer);
  log({fmt::format("nouvel essai {}/{} dans {} s après {} sur {}", next, options_.max_attempts,
                   seconds_text(wait, Lang::Fr), what.fr, path),
       fmt::format("retry {}/{} in {} s after {} on {}", next, options_.max_attempts,
                   seconds_text(wait, Lang::En), what.en, path)});
  if (stats != nullptr) ++stats->retries;
  pause(wait);
}

json ChorusClient::call(std::string_view path_given, const json& body, CallStats* stats) {
  const std::string path = api_path(path_given);
  const std::string text = body.dump();
  for (int attempt = 1;; ++attempt) {
    HttpResponse r = send(path, text, stats);
    if (r.failure == TransportFailure::None && r.status == 200) {
      if (auto answer = parsed(r)) {
        if (refused_in_200(*answer)) throw refused_error(path, r.status, *answer);
        return std::move(*answer);
      }
      r.failure = TransportFailure::Truncated;
    }
    if (r.failure == TransportFailure::Certificate) throw transport_error(path, r);
    if (r.failure == TransportFailure::None) {
      if (r.status == 401 || r.status == 403) throw auth_error(path, r.status);
      if (!retryable_status(r.status)) {
        if (r.status >= 500) throw server_error(path, r, attempt);
        throw refused_error(path, r.status, json::parse(r.body, nullptr, false));
      }
    }
    if (attempt >= options_.max_attempts) {
      if (r.failure != TransportFailure::None) throw transport_error(path, r);
      throw server_error(path, r, attempt);
    }
    wait_before(attempt + 1, path, r, stats);
  }
}

FluxSent ChorusClient::deposer_flux(const json& body, CallStats* stats) {
  const std::string path = "factures/v1/deposer/flux";
  const std::string text = body.dump();
  for (int attempt = 1;; ++attempt) {
    HttpResponse r = send(path, text, stats);
    if (r.failure == TransportFailure::None && r.status == 200) {
      if (auto answer = parsed(r)) {
        if (refused_in_200(*answer)) throw refused_error(path, r.status, *answer);
        return {std::move(*answer), {}};
      }
      r.failure = TransportFailure::Truncated;
    }
    if (r.failure == TransportFailure::Certificate) throw transport_error(path, r);
    const bool not_taken = r.failure == TransportFailure::NotSent ||
                           (r.failure == TransportFailure::None && refused_unhandled(r.status));
    if (!not_taken) {
      if (r.failure != TransportFailure::None || r.status >= 500)
        return {std::nullopt, describe(r)};
      if (r.status == 401 || r.status == 403) throw auth_error(path, r.status);
      throw refused_error(path, r.status, json::parse(r.body, nullptr, false));
    }
    if (attempt >= options_.max_attempts) {
      if (r.failure != TransportFailure::None) throw transport_error(path, r);
      throw server_error(path, r, attempt);
    }
    wait_before(attempt + 1, path, r, stats);
  }
}

}  // namespace cprokit::client
