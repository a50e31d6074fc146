// Namespace-aware element names over pugixml, which sees only qualified
// names ("cbc:ID"). A document may bind any prefix, or the default
// namespace, to a namespace URI; readers match on (URI, local name).
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

namespace cprokit::xml {

std::string_view local_name(std::string_view qualified);
std::string_view prefix_of(std::string_view qualified);

class Names {
 public:
  // `nested_declarations`: whether some element below the root declares a
  // namespace (then prefixes are resolved through the ancestors, slower).
  Names(const pugi::xml_node& root, bool nested_declarations);
  Names(const Names&) = delete;  // memo_ points into root_bindings_
  Names& operator=(const Names&) = delete;

  // The namespace URI of an element ("" when its prefix is unbound).
  std::string_view uri(const pugi::xml_node& element) const;

  // Whether `element` is `local` in namespace `uri`. Readers call this for
  // every sibling they scan, so the common case (all declarations on the
  // root, one prefix per URI) compares the qualified name in place.
  bool is(const pugi::xml_node& element, std::string_view uri, std::string_view local) const;

 private:
  // The one prefix bound to `uri` on the root, or nullopt when there is none
  // or several, or when declarations below the root make it unreliable.
  const std::string_view* sole_prefix(std::string_view uri) const;

  std::vector<std::pair<std::string_view, std::string_view>> root_bindings_;  // prefix, URI
  bool nested_declarations_;
  // sole_prefix() by the address of the URI's characters: readers pass the
  // same constants (validators/readers/namespaces.hpp) again and again.
  mutable std::vector<std::pair<const char*, const std::string_view*>> memo_;
};

}  // namespace cprokit::xml
