// A client of the Chorus Pro API (PISTE's OAuth token, then POSTs under
// /cpro/ with the Authorization and cpro-account headers), as `cprokit
// deposit` and `cprokit rehearse` use it: idempotent calls retried with
// jittered exponential backoff, deposer/flux never sent twice. One client
// is shared by every deposit in flight: it is thread-safe, and they share
// its token.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "cli/client/api_error.hpp"
#include "cli/client/backoff.hpp"
#include "cli/client/transport.hpp"
#include "rules/finding.hpp"

namespace cprokit::client {

struct Endpoints {
  std::string api;    // "http://127.0.0.1:8080", "https://sandbox-api.piste.gouv.fr"
  std::string token;  // the OAuth token URL; empty: api + "/api/oauth/token"
};

struct Credentials {
  std::string client_id, client_secret;  // the PISTE application
  std::string login, password;           // the Chorus Pro technical account (cpro-account)
};

struct ClientOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds timeout{60'000};  // to read or write a request's answer
  int max_attempts = 5;                       // of one call, the first included
  std::chrono::milliseconds backoff_base{200};
  std::chrono::milliseconds backoff_cap{10'000};
  std::chrono::milliseconds retry_after_cap{60'000};  // a longer Retry-After is cut to this
  std::optional<std::string> ca_file;                 // https: else the system's CA store
  // Told of every retry and token renewal, in both languages; may be empty.
  std::function<void(const Message&)> log;
  // For tests: the transport (null: HTTP over cpp-httplib), the pause between
  // attempts (null: sleeping), the clock the token's lifetime is read on
  // (null: steady_clock), the seed of the jitter (0: random).
  std::shared_ptr<Transport> transport;
  std::function<void(std::chrono::milliseconds)> sleep;
  std::function<std::chrono::steady_clock::time_point()> clock;
  std::uint64_t seed = 0;
};

// What a caller counts of its calls (a deposit's report).
struct CallStats {
  int retries = 0;
};

// deposer/flux's fate: taken (its answer), or the answer lost after the
// request may have been handled — the flux may exist; never resent blindly.
struct FluxSent {
  std::optional<nlohmann::json> answer;
  Message lost;  // why the answer is lost, when it is
};

class ChorusClient {
 public:
  ChorusClient(Endpoints endpoints, Credentials credentials, ClientOptions options = {});

  // An idempotent call ("structures/v1/rechercher", with or without
  // "/cpro/"): retried on 500/502/503/504, 429 (after its Retry-After),
  // timeouts, dropped connections and answers that are not whole JSON.
  // Returns the answer; throws ApiError when it cannot.
  nlohmann::json call(std::string_view path, const nlohmann::json& body,
                      CallStats* stats = nullptr);

  // factures/v1/deposer/flux: sent again only when the server certainly did
  // not take it (no connection, 401 before a new token, 429, 502, 503).
  // Throws ApiError when it was refused or could not be sent.
  FluxSent deposer_flux(const nlohmann::json& body, CallStats* stats = nullptr);

  const Endpoints& endpoints() const { return endpoints_; }
  const std::string& login() const { return credentials_.login; }
  const ClientOptions& options() const { return options_; }
  // Waits as the client waits between attempts (the deposit polls with it).
  void pause(std::chrono::milliseconds wait) const;
  // The time on the clock of ClientOptions (the deposit's deadlines).
  std::chrono::steady_clock::time_point now() const;
  Backoff& backoff() { return backoff_; }
  void log(const Message& message) const;
  // How many tokens were obtained (tests).
  int tokens_obtained() const;

 private:
  struct Token {
    std::string value;
    std::chrono::steady_clock::time_point renew_at;
  };
  // The current token, obtained or renewed when due.
  std::string bearer();
  // After a 401 with `refused`: a new token, unless another thread already got one.
  std::string renew(const std::string& refused);
  Token obtain_token();
  // One POST with both headers; a 401 gets a new token and one more try.
  HttpResponse send(const std::string& path, const std::string& body, CallStats* stats);
  // Waits before attempt `next` of `path` after `answer`, saying so.
  void wait_before(int next, const std::string& path, const HttpResponse& answer, CallStats* stats);

  Endpoints endpoints_;
  Credentials credentials_;
  ClientOptions options_;
  std::shared_ptr<Transport> transport_;
  Backoff backoff_;
  mutable std::mutex token_mutex_;
  std::optional<Token> token_;
  int tokens_obtained_ = 0;
};

}  // namespace cprokit::client
