#include "mock-chorus/auth/gatekeeper.hpp"

#include <nlohmann/json.hpp>

#include "mock-chorus/auth/secret_hash.hpp"
#include "mock-chorus/wire/reply.hpp"
#include "validators/base64.hpp"
#include "validators/sha256.hpp"

namespace cprokit::mock {
namespace {

// "login:password" from a cpro-account or Basic header value.
std::optional<std::pair<std::string, std::string>> credentials(std::string_view base64) {
  auto decoded = decode_base64(base64);
  if (!decoded) return std::nullopt;
  const auto colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  return std::pair{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

}  // namespace

Gatekeeper::Gatekeeper(Store& store, Millis token_lifetime, Clock now)
    : store_(store),
      token_lifetime_(token_lifetime),
      now_(std::move(now)),
      cache_salt_(random_hex(16)) {}

Reply Gatekeeper::issue_token(const TokenRequest& request, std::optional<Millis> cut_lifetime) {
  std::string client_id = request.client_id;
  std::string client_secret = request.client_secret;
  if (client_id.empty() && request.authorization.starts_with("Basic ")) {
    if (auto basic = credentials(std::string_view(request.authorization).substr(6))) {
      client_id = basic->first;
      client_secret = basic->second;
    }
  }
  if (request.grant_type.empty() || client_id.empty() || client_secret.empty()) {
    return oauth_error(400, "invalid_request",
                       "grant_type, client_id et client_secret sont obligatoires / are required");
  }
  if (request.grant_type != "client_credentials") {
    return oauth_error(
        400, "unsupported_grant_type",
        "seul client_credentials est accepté / only client_credentials is supported");
  }
  const auto hash = store_.client_secret_hash(client_id);
  if (!hash || !verify_secret(client_secret, *hash)) {
    return oauth_error(401, "invalid_client",
                       "client inconnu ou secret faux / unknown client or wrong secret");
  }
  const std::string token = random_hex(32);
  const Millis lifetime_s = token_lifetime_ / 1000;
  store_.save_token(sha256_hex(token), client_id, now_() + cut_lifetime.value_or(token_lifetime_));
  return {200,
          {{"access_token", token},
           {"token_type", "Bearer"},
           {"expires_in", lifetime_s},
           {"scope", "openid"}},
          {{"Cache-Control", "no-store"}}};
}

std::optional<Reply> Gatekeeper::check_token(const std::string& authorization) {
  if (!authorization.starts_with("Bearer ")) {
    return oauth_error(401, "invalid_request",
                       "en-tête Authorization: Bearer <jeton> absent / "
                       "missing Authorization: Bearer <token> header");
  }
  const std::string hash = sha256_hex(authorization.substr(7));
  std::optional<Millis> expiry;
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = tokens_.find(hash); it != tokens_.end()) expiry = it->second;
  }
  if (!expiry) {
    expiry = store_.token_expiry(hash);
    if (expiry) {
      std::lock_guard lock(cache_mutex_);
      tokens_.emplace(hash, *expiry);
    }
  }
  if (!expiry) {
    return oauth_error(401, "invalid_token", "jeton inconnu / unknown token");
  }
  if (*expiry <= now_()) {
    return oauth_error(401, "invalid_token", "jeton expiré / token expired");
  }
  return std::nullopt;
}

std::variant<AccountRecord, Reply> Gatekeeper::check_account(const std::string& cpro_account) {
  if (cpro_account.empty()) {
    return oauth_error(403, "access_denied",
                       "en-tête cpro-account absent (base64 de « login:motdepasse » du compte "
                       "technique) / missing cpro-account header (base64 of the technical "
                       "account's \"login:password\")");
  }
  const std::string key = sha256_hex(cache_salt_ + cpro_account);
  const auto cached = [&]() -> std::optional<AccountRecord> {
    std::lock_guard lock(cache_mutex_);
    if (auto it = verified_.find(key); it != verified_.end()) return it->second;
    return std::nullopt;
  };
  if (auto account = cached()) return *account;
  std::lock_guard verifying(verify_mutex_);
  if (auto account = cached()) return *account;  // verified while this call waited
  auto pair = credentials(cpro_account);
  if (!pair) {
    return oauth_error(403, "access_denied",
                       "cpro-account n'est pas du base64 de « login:motdepasse » / "
                       "cpro-account is not base64 of \"login:password\"");
  }
  auto account = store_.account(pair->first);
  if (!account || !verify_secret(pair->second, account->password_hash)) {
    return oauth_error(403, "access_denied",
                       "compte technique inconnu ou mot de passe faux / unknown technical "
                       "account or wrong password");
  }
  std::lock_guard lock(cache_mutex_);
  verified_.emplace(key, *account);
  return *account;
}

std::variant<AccountRecord, Reply> Gatekeeper::admit(const std::string& authorization,
                                                     const std::string& cpro_account) {
  if (auto refusal = check_token(authorization)) return *refusal;
  return check_account(cpro_account);
}

void Gatekeeper::forget_cached() {
  std::lock_guard lock(cache_mutex_);
  verified_.clear();
  tokens_.clear();
}

}  // namespace cprokit::mock
