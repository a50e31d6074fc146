#include "validators/binding/special_checks.hpp"

#include <algorithm>

namespace cprokit::binding {

bool any_equals(const DocumentView& doc, const pugi::xml_node& from, std::string_view path,
                std::string_view value) {
  return std::ranges::any_of(doc.all(from, path),
                             [&](const pugi::xml_node& node) { return text_of(node) == value; });
}

SpecialCheck special_check(std::string_view id) {
  for (auto checks : {ubl_checks(), cii_checks()}) {
    for (const NamedCheck& named : checks) {
      if (named.id == id) return named.check;
    }
  }
  return nullptr;
}

}  // namespace cprokit::binding
