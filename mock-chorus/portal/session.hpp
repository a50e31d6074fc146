// Browser sessions of the portal: every visitor gets one (so that the forms
// of account creation carry a CSRF token before anyone signs in), held in a
// cookie that scripts cannot read (HttpOnly) and that other sites' pages do
// not send (SameSite=Strict). Signing in or out starts a new session, so a
// token known before sign-in is worth nothing after it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "mock-chorus/store/portal_store.hpp"

namespace cprokit::mock::portal {

inline constexpr std::string_view kSessionCookie = "cprokit_portail";
inline constexpr Millis kSessionIdle = 2LL * 60 * 60 * 1000;  // two hours without a request

struct Session {
  SessionRecord record;
  std::string new_token;  // set when the session was started by this request: the cookie to send
};

// The session the cookies name, or a new anonymous one.
Session open_session(PortalStore& store, const std::map<std::string, std::string>& cookies,
                     Millis now);
// Whether the cookies name a session of a signed-in user, still alive at
// `now` (nothing is started or touched).
bool signed_in(PortalStore& store, const std::map<std::string, std::string>& cookies, Millis now);
// Ends `old` and starts a session for `user_id` (none: signed out).
Session restart_session(PortalStore& store, const Session& old, std::optional<std::int64_t> user_id,
                        Millis now);

// The Set-Cookie value for a session token.
std::string session_cookie(std::string_view token);
// Whether `sent` is the session's CSRF token (compared in constant time).
bool csrf_matches(const SessionRecord& session, std::string_view sent);

}  // namespace cprokit::mock::portal
