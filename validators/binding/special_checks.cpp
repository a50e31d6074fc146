#include "validators/binding/special_checks.hpp"

namespace cprokit::binding {

bool any_equals(const DocumentView& doc, const pugi::xml_node& from, std::string_view path,
                std::string_view value) {
  for (const pugi::xml_node& node : doc.all(from, path)) {
    if (text_of(node) == value) return true;
  }
  return false;
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
