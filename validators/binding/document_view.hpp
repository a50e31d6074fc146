// One document as the binding rules see it: each element's name resolved to
// the program's interned id and official namespace, whatever prefixes the
// document binds, and the few elements the special checks read anywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "validators/binding/program.hpp"
#include "validators/binding/resolved_names.hpp"
#include "validators/xml/names.hpp"

namespace cprokit::binding {

class DocumentView {
 public:
  DocumentView(const Program& program, const pugi::xml_node& root, bool nested_declarations);

  const Program& program() const { return program_; }
  pugi::xml_node root() const { return root_; }
  ResolvedName resolve(const pugi::xml_node& element) const {
    return resolve(element, element.name());
  }
  // `qualified`: element.name(), when the caller has it already.
  ResolvedName resolve(const pugi::xml_node& element, std::string_view qualified) const;

  // Whether `element` is `canonical` ("cbc:ID", official prefix).
  bool is(const pugi::xml_node& element, std::string_view canonical) const;
  // A matcher of `canonical`, to test many elements: it compares the
  // qualified name the document spells for it when the document binds one
  // prefix to the namespace, with no lookup per element.
  xml::NameMatcher matcher(std::string_view canonical) const;
  // The elements at `path` ("cac:Party/cbc:Name") below `from`, in document order.
  std::vector<pugi::xml_node> all(const pugi::xml_node& from, std::string_view path) const;
  pugi::xml_node first(const pugi::xml_node& from, std::string_view path) const;
  // Whether an element at `path` below the root bears `attribute`; read once
  // per document, as a check may ask it for each of thousands of elements.
  bool some_bears(std::string_view path, std::string_view attribute) const;
  bool has(const pugi::xml_node& from, std::string_view path) const {
    return !first(from, path).empty();
  }
  std::size_t count(const pugi::xml_node& from, std::string_view path) const;

  // Every `canonical` element of the document (a name the program records).
  const std::vector<pugi::xml_node>& recorded(std::string_view canonical) const;
  // Every element bearing attribute `name` (an attribute the program records).
  const std::vector<pugi::xml_node>& bearers(std::string_view name) const;
  void record_element(int id, const pugi::xml_node& element);
  void record_bearer(int attribute, const pugi::xml_node& element);

 private:
  const Program& program_;
  pugi::xml_node root_;
  xml::Names names_;
  bool nested_;
  // Names resolved by the qualified name the document spells, shared with the
  // thread's earlier documents; null when declarations below the root may
  // bind a prefix anew (then a name resolves per element).
  ResolvedNames* resolved_ = nullptr;
  std::uint64_t generation_ = 0;  // of resolved_ when this view took it
  // matcher()'s last prefix and its namespace. The prefix is a copy: callers
  // may pass a path they built, gone by the next call.
  mutable std::string last_prefix_;
  mutable int last_ns_ = -1;
  // some_bears()'s answers, keyed by copies of the path and attribute asked.
  struct Bears {
    std::string path;
    std::string attribute;
    bool any = false;
  };
  mutable std::vector<Bears> bears_;
  std::vector<std::vector<pugi::xml_node>> recorded_;
  std::vector<std::vector<pugi::xml_node>> bearers_;
};

// xs:boolean of a value: "true"/"1", "false"/"0", spaces around allowed.
std::optional<bool> boolean_value(std::string_view text);

}  // namespace cprokit::binding
