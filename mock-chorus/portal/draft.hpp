// The drafts of forms in several steps, kept in the visitor's session
// (SessionRecord::draft_json) under one key per form, so that two forms
// under way do not overwrite each other.
#pragma once

#include <string_view>

#include "mock-chorus/portal/portal.hpp"

namespace cprokit::mock::portal {

// The draft of the form `key`; an empty object when there is none.
Data read_draft(const PortalCall& call, std::string_view key);
// Replaces the draft of the form `key`; null forgets it.
void write_draft(PortalCall& call, std::string_view key, Data draft);

}  // namespace cprokit::mock::portal
