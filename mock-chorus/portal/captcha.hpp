// The account form's captcha, deterministic in the mock: five characters
// derived from the session (its CSRF token), shown on the page as text so
// that a screen reader reads them and a test or a browser script can copy
// them. It rehearses the step, it keeps no robot out (README).
#pragma once

#include <string>
#include <string_view>

#include "mock-chorus/store/portal_store.hpp"

namespace cprokit::mock::portal {

// "K7P2M": five of A–Z and 2–9 without the look-alikes I, O, 0 and 1.
std::string captcha_code(const SessionRecord& session);

// Whether `typed` is the session's code, case and spaces ignored.
bool captcha_matches(const SessionRecord& session, std::string_view typed);

}  // namespace cprokit::mock::portal
