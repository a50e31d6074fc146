#include "mock-chorus/portal/session.hpp"

#include <sodium.h>

#include <fmt/core.h>

#include "mock-chorus/auth/secret_hash.hpp"
#include "validators/sha256.hpp"

namespace cprokit::mock::portal {
namespace {

constexpr std::size_t kTokenBytes = 32;

Session start(PortalStore& store, std::optional<std::int64_t> user_id, Millis now) {
  Session s;
  s.new_token = random_hex(kTokenBytes);
  s.record = {sha256_hex(s.new_token), random_hex(kTokenBytes), user_id, "{}", now};
  store.insert_session(s.record);
  return s;
}

}  // namespace

Session open_session(PortalStore& store, const std::map<std::string, std::string>& cookies,
                     Millis now) {
  if (const auto it = cookies.find(std::string(kSessionCookie)); it != cookies.end()) {
    const std::string digest = sha256_hex(it->second);
    if (auto record = store.session(digest, now - kSessionIdle)) {
      store.touch_session(digest, now);
      return {std::move(*record), {}};
    }
  }
  store.expire_sessions(now - kSessionIdle);
  return start(store, std::nullopt, now);
}

bool signed_in(PortalStore& store, const std::map<std::string, std::string>& cookies, Millis now) {
  const auto it = cookies.find(std::string(kSessionCookie));
  if (it == cookies.end()) return false;
  const auto record = store.session(sha256_hex(it->second), now - kSessionIdle);
  return record && record->user_id.has_value();
}

Session restart_session(PortalStore& store, const Session& old, std::optional<std::int64_t> user_id,
                        Millis now) {
  store.delete_session(old.record.token_digest);
  return start(store, user_id, now);
}

std::string session_cookie(std::string_view token) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict", kSessionCookie, token);
}

bool csrf_matches(const SessionRecord& session, std::string_view sent) {
  return sent.size() == session.csrf.size() &&
         sodium_memcmp(sent.data(), session.csrf.data(), sent.size()) == 0;
}

}  // namespace cprokit::mock::portal
