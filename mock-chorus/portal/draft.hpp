// The drafts of forms in several steps, kept in the visitor's session
// (SessionRecord::draft_json): one JSON object, a member per form, so that
// one form's steps never overwrite another's.
#pragma once

#include <string_view>

#include "mock-chorus/portal/portal.hpp"

namespace cprokit::mock::portal {

// The member `key` of the session's draft; null when there is none.
Data draft_of(const PortalCall& call, std::string_view key);
// The member `key` when it is an object (a form's fields so far), else an
// empty object: a form with nothing typed yet.
Data form_draft(const PortalCall& call, std::string_view key);
// Sets the member `key` of the session's draft (null: removes it) and saves it.
void keep_draft(PortalCall& call, std::string_view key, Data value);

}  // namespace cprokit::mock::portal
