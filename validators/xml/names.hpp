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

  // The namespace URI of an element ("" when its prefix is unbound).
  std::string_view uri(const pugi::xml_node& element) const;

  bool is(const pugi::xml_node& element, std::string_view uri, std::string_view local) const {
    return local_name(element.name()) == local && this->uri(element) == uri;
  }

 private:
  std::vector<std::pair<std::string_view, std::string_view>> root_bindings_;  // prefix, URI
  bool nested_declarations_;
};

}  // namespace cprokit::xml
