// The binding rules whose test is more than a presence or a count: one small
// function each, named by its rule id, true when the document satisfies it at
// the context node.
#pragma once

#include <span>
#include <string_view>

#include <pugixml.hpp>

#include "validators/binding/document_view.hpp"

namespace cprokit::binding {

using SpecialCheck = bool (*)(const DocumentView& doc, const pugi::xml_node& context);

struct NamedCheck {
  std::string_view id;
  SpecialCheck check;
};

std::span<const NamedCheck> ubl_checks();
std::span<const NamedCheck> cii_checks();

// The check of rule `id`; null when it has none.
SpecialCheck special_check(std::string_view id);

// Helpers the checks share.
inline std::string_view text_of(const pugi::xml_node& node) {
  return node.child_value();
}
// Whether one of the `path` elements below `from` has the value `value`
// (an XPath general comparison).
bool any_equals(const DocumentView& doc, const pugi::xml_node& from, std::string_view path,
                std::string_view value);

}  // namespace cprokit::binding
