// What the portal sends by mail, and the links in those mails.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>

#include "mock-chorus/mock.hpp"
#include "mock-chorus/portal/portal.hpp"

namespace cprokit::mock::portal {

// Sends a mail: into the mock's outbox (the database, listed by GET
// /_mock/mails) and as an .eml file under <--data>/mails/.
void send_mail(Mock& mock, const std::string& to, const std::string& subject,
               const std::string& body);

// The text `key` in the call's language, its {name} fields replaced by
// `values` (plain text: a mail body or subject, never HTML).
std::string mail_text(const PortalCall& call, std::string_view key,
                      std::initializer_list<std::pair<const char*, std::string>> values);

inline constexpr std::string_view kActivation = "ACTIVATION";
inline constexpr std::string_view kReset = "REINITIALISATION";
inline constexpr Millis kLinkLifetime = 60LL * 60 * 1000;  // 60 minutes, as the real portal

// A new single-use link of `purpose` for `user_id`, valid kLinkLifetime:
// the full URL of `path` with ?jeton=…; the store keeps only the digest.
std::string issue_link(Mock& mock, std::int64_t user_id, std::string_view purpose,
                       std::string_view path);

}  // namespace cprokit::mock::portal
