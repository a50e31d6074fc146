// Namespace-aware element names over pugixml, which sees only qualified
// names ("cbc:ID"). A document may bind any prefix, or the default
// namespace, to a namespace URI; readers match on (URI, local name).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

namespace cprokit::xml {

// Names and namespace URIs are compared inline, eight bytes at a time. For
// the few bytes of an XML name, a call to the C library's memcmp or memchr
// costs more than the comparison: those calls took a fifth of a lint's time.
inline bool same_bytes(const char* a, const char* b, std::size_t size) {
  for (; size >= 8; a += 8, b += 8, size -= 8) {
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    std::memcpy(&x, a, 8);
    std::memcpy(&y, b, 8);
    if (x != y) return false;
  }
  for (; size > 0; ++a, ++b, --size) {
    if (*a != *b) return false;
  }
  return true;
}

inline bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && same_bytes(a.data(), b.data(), a.size());
}

inline bool name_ends_with(std::string_view name, std::string_view end) {
  return name.size() >= end.size() &&
         same_bytes(name.data() + (name.size() - end.size()), end.data(), end.size());
}

inline bool name_starts_with(std::string_view name, std::string_view start) {
  return name.size() >= start.size() && same_bytes(name.data(), start.data(), start.size());
}

// The position of the prefix's colon in a qualified name, or npos.
inline std::size_t colon_of(std::string_view qualified) {
  for (std::size_t i = 0; i < qualified.size(); ++i) {
    if (qualified[i] == ':') return i;
  }
  return std::string_view::npos;
}

inline std::string_view local_name(std::string_view qualified) {
  const std::size_t colon = colon_of(qualified);
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

inline std::string_view prefix_of(std::string_view qualified) {
  const std::size_t colon = colon_of(qualified);
  return colon == std::string_view::npos ? std::string_view{} : qualified.substr(0, colon);
}

// A namespace URI whose characters stay where they are while any Names that
// sees it lives: the syntaxes' constants (readers/namespaces.hpp) and the
// binding programs' tables. Names remembers the prefix a URI has by the
// address of its characters, so a URI held in a string built on the fly must
// not pass for one: there is no implicit conversion to this type.
class NamespaceUri {
 public:
  explicit constexpr NamespaceUri(std::string_view stable) : text_(stable) {}
  // NOLINTNEXTLINE(google-explicit-constructor): read as text anywhere.
  constexpr operator std::string_view() const { return text_; }
  constexpr const char* data() const { return text_.data(); }

 private:
  std::string_view text_;
};

class Names;

// One (URI, local name) to look for among many elements: the prefix is
// resolved once, so each element costs a comparison of its qualified name.
class NameMatcher {
 public:
  NameMatcher(const Names& names, NamespaceUri uri, std::string_view local);
  // Inline: readers call it for every sibling they scan.
  bool operator()(const pugi::xml_node& element) const {
    if (prefix_ == nullptr) return slow_match(element);
    return (*this)(element, element.name());
  }
  // `name`: element.name(), when the caller has it already.
  bool operator()(const pugi::xml_node& element, std::string_view name) const {
    if (prefix_ == nullptr) return slow_match(element);
    // "prefix:local" or "local". Sibling names often share a long start
    // ("SpecifiedLineTradeAgreement", "SpecifiedLineTradeDelivery"): the
    // lengths tell most of them apart first.
    if (name.size() != qualified_size_) return false;
    return name_ends_with(name, local_) &&
           (prefix_->empty() || (name_starts_with(name, *prefix_) && name[prefix_->size()] == ':'));
  }

 private:
  bool slow_match(const pugi::xml_node& element) const;

  const Names& names_;
  std::string_view uri_;
  std::string_view local_;
  const std::string_view* prefix_;  // null: resolve through Names::uri (slow path)
  std::size_t qualified_size_ = 0;  // of "prefix:local", or "local" without prefix
};

class Names {
 public:
  // `nested_declarations`: whether some element below the root declares a
  // namespace (then prefixes are resolved through the ancestors, slower).
  Names(const pugi::xml_node& root, bool nested_declarations);
  Names(const Names&) = delete;  // memo_ points into root_bindings_
  Names& operator=(const Names&) = delete;

  // The namespace declarations of the root: (prefix, URI), "" for the default.
  const std::vector<std::pair<std::string_view, std::string_view>>& root_bindings() const {
    return root_bindings_;
  }

  // The namespace URI of an element ("" when its prefix is unbound).
  std::string_view uri(const pugi::xml_node& element) const { return uri(element, element.name()); }
  // `qualified`: element.name(), when the caller has it already.
  std::string_view uri(const pugi::xml_node& element, std::string_view qualified) const;

  // Whether `element` is `local` in namespace `uri`. To test many elements
  // against one name, a NameMatcher avoids resolving the prefix each time.
  bool is(const pugi::xml_node& element, NamespaceUri uri, std::string_view local) const {
    return NameMatcher(*this, uri, local)(element);
  }

 private:
  friend class NameMatcher;
  // The one prefix bound to `uri` on the root, or null when there is none
  // or several, or when declarations below the root make it unreliable.
  // Inline: a lint builds about a thousand matchers, and lookups come in
  // runs of one namespace, so the previous answer is tried first.
  const std::string_view* sole_prefix(NamespaceUri uri) const {
    if (nested_declarations_) return nullptr;
    if (last_memo_ < memo_.size() && memo_[last_memo_].first == uri.data()) {
      return memo_[last_memo_].second;
    }
    return look_up_sole_prefix(uri);
  }
  const std::string_view* look_up_sole_prefix(NamespaceUri uri) const;

  std::vector<std::pair<std::string_view, std::string_view>> root_bindings_;  // prefix, URI
  bool nested_declarations_;
  // sole_prefix() by the address of the URI's characters, which a
  // NamespaceUri keeps in place: readers and the binding program pass the
  // same constants again and again.
  mutable std::vector<std::pair<const char*, const std::string_view*>> memo_;
  mutable std::size_t last_memo_ = 0;     // index in memo_ of sole_prefix()'s last answer
  mutable std::size_t last_binding_ = 0;  // index in root_bindings_ of uri()'s last answer
};

inline NameMatcher::NameMatcher(const Names& names, NamespaceUri uri, std::string_view local)
    : names_(names), uri_(uri), local_(local), prefix_(names.sole_prefix(uri)) {
  if (prefix_ != nullptr) {
    qualified_size_ = prefix_->empty() ? local.size() : prefix_->size() + 1 + local.size();
  }
}

}  // namespace cprokit::xml
