// Form fields as the templates show them: the value typed, the error next
// to it, the summary of errors at the top (partial-field.mustache,
// partial-error-summary.mustache).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mock-chorus/portal/portal.hpp"

namespace cprokit::mock::portal {

// What to show next to a field (`field` is its id, empty when no field
// fits: the error summary only). `rule` is the rule id when a linter rule
// said it, empty for the portal's own checks.
struct FieldError {
  std::string field;
  std::string message;
  std::string rule;
};
using FieldErrors = std::vector<FieldError>;

// The template data of a form: {"f": {id: {"value", "error", "rule"}},
// "has_errors", "errors": [{"field", "message"}]}: each value of `values`
// with the first error of its field, and every error for the summary,
// which links to the fields.
Data form_data(const Data& values, const FieldErrors& errors);

// A text input of partial-field.mustache: Input("email", "acct_email")
// .type("email").autocomplete("email").hint("acct_email_hint").
struct Input {
  Input(std::string_view field_id, std::string_view label) : id(field_id), label_key(label) {}
  Input& type(std::string_view t) { return set(&Input::type_, t); }
  Input& autocomplete(std::string_view a) { return set(&Input::autocomplete_, a); }
  Input& hint(std::string_view key) { return set(&Input::hint_key_, key); }
  Input& optional() {
    optional_ = true;
    return *this;
  }

  std::string_view id;
  std::string_view label_key;  // a text key
  std::string_view type_ = "text";
  std::string_view autocomplete_;
  std::string_view hint_key_;  // a text key, or empty
  bool optional_ = false;

 private:
  Input& set(std::string_view Input::*member, std::string_view value) {
    this->*member = value;
    return *this;
  }
};

// The data partial-field.mustache shows for `spec`, from `form` (form_data()).
Data field(const PortalCall& call, const Data& form, const Input& spec);

// The form field `name` of the request without its surrounding blanks.
std::string typed(const PortalCall& call, const std::string& name);

}  // namespace cprokit::mock::portal
