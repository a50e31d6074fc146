// The core EN 16931 business rules BR-01 … BR-65: what the helpers of their
// four families share. Each rule follows its official schematron test, UBL
// and CII each as its own (they differ in context and in what counts as
// present), so a check branches on Invoice::syntax where the tests differ.
//
// Presence, as the tests ask it:
// - "exists(x)" / "(x)": the element is there, even empty: the model's
//   optional is set (the reader keeps an empty element as an empty Text);
// - "normalize-space(x) != ''": the element is there and not blank. The
//   reader trims XML white space off a Text, so a blank one is empty.
// An amount or number whose text is not a decimal is absent from the model
// (the reader reports XML-07 instead); a presence rule does not call such an
// element missing (unreadable() below).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/en16931/family.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/registry.hpp"
#include "rules/engine/reporter.hpp"
#include "rules/model/text.hpp"

namespace cprokit::en16931::core {

// normalize-space(x) != '': present and not blank.
inline bool filled(const std::optional<Text>& t) {
  return t && !t->value.empty();
}

// Characters (not bytes) of a UTF-8 string, as XPath string-length() counts them.
std::size_t characters(std::string_view utf8);

// Whether the scheme attribute of an identifier passes the test: UBL asks
// that it exists (even empty), CII that it is filled.
inline bool has_scheme(const Invoice& inv, const Identifier& id) {
  return inv.syntax == Syntax::Ubl ? id.scheme_given : !normalize_space(id.scheme).empty();
}

// The element below `group` at the path of local names for the document's
// syntax, when its number did not parse (Invoice::unreadable_numbers).
struct NumberPath {
  std::initializer_list<std::string_view> ubl, cii;
};
bool unreadable(const Invoice& inv, const SourceRef& group, NumberPath path);

// Where a finding about a term points: the term when present, else its group,
// else the whole document.
inline Location at(const SourceRef& group) {
  return group.step != nullptr ? group.location() : Location{};
}
inline Location at(const std::optional<Text>& t, const SourceRef& group) {
  return t ? t->source.location() : at(group);
}

// The families, one per file; register_core_rules() calls each.
void register_document_rules(Registry& registry);
void register_party_rules(Registry& registry);
void register_line_rules(Registry& registry);
void register_allowance_vat_payment_rules(Registry& registry);

}  // namespace cprokit::en16931::core
