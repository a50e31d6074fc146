#include "validators/xml/names.hpp"

namespace cprokit::xml {
namespace {

// The URI that `element` itself binds to `prefix`, if it declares one.
bool declared_on(const pugi::xml_node& element, std::string_view prefix, std::string_view& uri) {
  for (auto attr : element.attributes()) {
    std::string_view name = attr.name();
    bool match =
        prefix.empty() ? name == "xmlns" : (name.starts_with("xmlns:") && name.substr(6) == prefix);
    if (match) {
      uri = attr.value();
      return true;
    }
  }
  return false;
}

}  // namespace

Names::Names(const pugi::xml_node& root, bool nested_declarations)
    : nested_declarations_(nested_declarations) {
  for (auto attr : root.attributes()) {
    std::string_view name = attr.name();
    if (name == "xmlns") {
      root_bindings_.emplace_back("", attr.value());
    } else if (name.starts_with("xmlns:")) {
      root_bindings_.emplace_back(name.substr(6), attr.value());
    }
  }
}

const std::string_view* Names::look_up_sole_prefix(NamespaceUri uri) const {
  for (std::size_t i = 0; i < memo_.size(); ++i) {
    if (memo_[i].first != uri.data()) continue;
    last_memo_ = i;
    return memo_[i].second;
  }
  const std::string_view* found = nullptr;
  for (const auto& [p, u] : root_bindings_) {
    if (!same_name(u, uri)) continue;
    if (found != nullptr) {
      found = nullptr;
      break;
    }
    found = &p;
  }
  memo_.emplace_back(uri.data(), found);
  return found;
}

bool NameMatcher::slow_match(const pugi::xml_node& element) const {
  return same_name(local_name(element.name()), local_) && same_name(names_.uri(element), uri_);
}

std::string_view Names::uri(const pugi::xml_node& element, std::string_view qualified) const {
  const std::string_view prefix = prefix_of(qualified);
  if (nested_declarations_) {
    std::string_view found;
    for (pugi::xml_node n = element; n.type() == pugi::node_element; n = n.parent()) {
      if (declared_on(n, prefix, found)) return found;
    }
    return {};
  }
  // Elements of one prefix come in runs: the previous answer's binding first.
  if (last_binding_ < root_bindings_.size() &&
      same_name(root_bindings_[last_binding_].first, prefix)) {
    return root_bindings_[last_binding_].second;
  }
  for (std::size_t i = 0; i < root_bindings_.size(); ++i) {
    if (!same_name(root_bindings_[i].first, prefix)) continue;
    last_binding_ = i;
    return root_bindings_[i].second;
  }
  return {};
}

}  // namespace cprokit::xml
