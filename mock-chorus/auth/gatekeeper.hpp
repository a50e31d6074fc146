// Who may call the mock, as PISTE and Chorus Pro decide it:
// - POST /api/oauth/token (client_credentials) gives a bearer token to a
//   PISTE client of the directory file; it expires after the token lifetime;
// - every /cpro/… call needs that token (else 401, as PISTE answers) and a
//   cpro-account header, base64 of "login:password" of a technical account
//   (else 403: the application is known but may not act as that account).
// Only hashes are stored: Argon2id for secrets, SHA-256 for tokens.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>

#include "mock-chorus/store/store.hpp"
#include "mock-chorus/wire/reply_fwd.hpp"

namespace cprokit::mock {

struct TokenRequest {  // the form fields, and the Authorization header (client_secret_basic)
  std::string grant_type;
  std::string client_id;
  std::string client_secret;
  std::string authorization;
};

class Gatekeeper {
 public:
  using Clock = std::function<Millis()>;
  Gatekeeper(Store& store, Millis token_lifetime, Clock now);

  // The token answer (200) or an OAuth error (400 invalid_request or
  // unsupported_grant_type, 401 invalid_client). With `cut_lifetime` (a
  // scenario's tokenExpiry fault), the token stops working after that
  // long, although expires_in still says the full lifetime.
  Reply issue_token(const TokenRequest& request, std::optional<Millis> cut_lifetime = std::nullopt);

  // The technical account a /cpro call acts as, or the refusal to send.
  std::variant<AccountRecord, Reply> admit(const std::string& authorization,
                                           const std::string& cpro_account);

  // Forgets the verified accounts and known tokens (the directory changed,
  // or the store was reset).
  void forget_cached();

 private:
  std::optional<Reply> check_token(const std::string& authorization);
  std::variant<AccountRecord, Reply> check_account(const std::string& cpro_account);

  Store& store_;
  Millis token_lifetime_;
  Clock now_;
  // Argon2id costs tens of milliseconds by design: a cpro-account header
  // verified once is remembered (in memory, by a salted hash of the header,
  // never the password) so that later calls cost a lookup.
  std::string cache_salt_;
  std::mutex cache_mutex_;
  // One Argon2id check at a time (64 MiB each): clients starting together
  // with the same header wait for the first check instead of repeating it,
  // and guessing passwords goes no faster with more connections.
  std::mutex verify_mutex_;
  std::unordered_map<std::string, AccountRecord> verified_;
  // Tokens seen, by hash, with their expiry: a call costs no store query.
  std::unordered_map<std::string, Millis> tokens_;
};

}  // namespace cprokit::mock
