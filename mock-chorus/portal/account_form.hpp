// The portal's account forms checked by the linter's account rules (ACCT-*):
// the fields typed on a page become an ACCOUNT-JSON document, which goes
// through the mock's linter (the pipeline that controls deposits, profile
// chorus); each finding of the page's rules comes back on the form field its
// JSON Pointer names. A policy (what a valid postal code or password is)
// lives in the rules only.
#pragma once

#include <span>
#include <string_view>

#include "mock-chorus/mock.hpp"
#include "mock-chorus/portal/fields.hpp"
#include "mock-chorus/portal/lang.hpp"

namespace cprokit::mock::portal {

// The ACCOUNT-JSON document of the form values `values` ({"email": …,
// "code_postal": …, "deposer": true, …}, keyed by field id): each known
// field at its place; fields absent from `values` are left out.
Data account_document(const Data& values);

// Lints account_document(values) and returns the findings of the rules
// `rules`, placed on their fields, in `lang`.
FieldErrors check_account_form(const Mock& mock, const Data& values,
                               std::span<const std::string_view> rules, Lang lang);

}  // namespace cprokit::mock::portal
