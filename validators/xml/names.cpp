#include "validators/xml/names.hpp"

#include <algorithm>

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

const std::string_view* Names::look_up_sole_prefix(std::string_view uri) const {
  for (std::size_t i = 0; i < memo_.size(); ++i) {
    if (!memo_[i].holds(uri)) continue;
    last_memo_ = i;
    return memo_[i].prefix();
  }
  const Binding* found = nullptr;
  for (const Binding& binding : root_bindings_) {
    if (!same_name(binding.second, uri)) continue;
    if (found != nullptr) {
      found = nullptr;
      break;
    }
    found = &binding;
  }
  // An address seen before with another URI: its entry is replaced.
  const auto stale = std::ranges::find(memo_, uri.data(), &Memo::key);
  if (stale != memo_.end()) {
    *stale = Memo{uri.data(), found};
  } else {
    memo_.push_back(Memo{uri.data(), found});
  }
  return found != nullptr ? &found->first : nullptr;
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
