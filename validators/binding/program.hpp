// The binding tables of rules/binding compiled for one walk of the DOM:
// names interned to small integers, patterns split into steps, and the rules
// indexed by the element or attribute their target ends with.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/binding/binding_table.hpp"
#include "rules/engine/rule.hpp"
#include "rules/model/document_type.hpp"
#include "validators/xml/names.hpp"

namespace cprokit::binding {

inline constexpr int kNoName = -1;

// Hash of an XML name for the walk's lookups, made per element: its length
// and its first and last eight bytes, where names of one vocabulary differ
// ("ram:SpecifiedLineTradeAgreement", "...Delivery"). A fraction of the cost
// of hashing every byte; equal names still compare in full.
struct XmlNameHash {
  std::size_t operator()(std::string_view name) const {
    if (name.empty()) return 0;
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    const std::size_t n = std::min<std::size_t>(name.size(), 8);
    std::memcpy(&head, name.data(), n);
    std::memcpy(&tail, name.data() + name.size() - n, n);
    const std::uint64_t mixed = (head * 0x9E3779B97F4A7C15ULL) ^ (tail + name.size());
    return static_cast<std::size_t>(mixed ^ (mixed >> 29));
  }
};

// Equality of those keys, inline (validators/xml/names.hpp says why).
struct XmlNameEqual {
  bool operator()(std::string_view a, std::string_view b) const { return xml::same_name(a, b); }
};

// One step of a pattern: one of some names, or any name of a namespace
// (any namespace: ns < 0) ending with `suffix`.
struct Step {
  std::vector<int> names;
  int ns = -1;
  std::string_view suffix;
  bool wildcard = false;
};

struct Pattern {
  bool absolute = false;
  std::vector<Step> steps;
};

struct CompiledContext {
  std::vector<Pattern> alternatives;
  Guard guard = Guard::None;
};

struct CompiledRule {
  const Entry* entry = nullptr;
  const Rule* rule = nullptr;  // in catalogue::builtin()
  int context = 0;
  std::vector<Step> steps;  // element steps of the target
  int attribute = kNoName;  // the target's final @attribute, if any
  bool anywhere = false;    // "//": anywhere in the document
};

// A rule indexed by the element or attribute its target ends with, with what
// the walk compares first, kept beside the index: most rules ending with a
// common name ("cbc:ID") are rejected by the context of one frame, without
// reading the rule itself.
struct RuleEnd {
  int rule = 0;             // index in Program::rules()
  int context = 0;          // the rule's context
  std::uint32_t depth = 0;  // element steps of its target (the context frame is that far up)
  bool anywhere = false;    // "//": the context frame is the root's
};

class Program {
 public:
  explicit Program(const Table& table);

  // The interned id of an element name spelt with the official prefixes
  // ("cac:Item"), or kNoName when no rule names it.
  int element(std::string_view canonical) const;
  int attribute(std::string_view name) const;
  // The index of an official prefix's namespace, or -1.
  int namespace_of_uri(std::string_view uri) const;
  int namespace_of_prefix(std::string_view prefix) const;
  std::string_view prefix(int ns) const { return namespaces_[static_cast<std::size_t>(ns)].first; }
  // The program's namespaces are static tables: their URIs stay in place.
  xml::NamespaceUri uri(int ns) const {
    return xml::NamespaceUri(namespaces_[static_cast<std::size_t>(ns)].second);
  }

  const Table& table() const { return table_; }
  // The family of its rules, named as the table's syntax ("UBL").
  const Family& family() const { return *family_; }
  const std::vector<CompiledContext>& contexts() const { return contexts_; }
  const std::vector<CompiledRule>& rules() const { return rules_; }
  // Contexts whose last step may name element `id` (wildcards apart), in order.
  const std::vector<int>& contexts_named(int id) const;
  const std::vector<int>& wildcard_contexts() const { return wildcard_contexts_; }
  // Bit i set when some wildcard alternative of wildcard_contexts()[i] may end
  // at an element of namespace `ns` (-1: none) and local name `local`. Only
  // those contexts need their whole pattern tried on such an element.
  std::uint64_t wildcard_ends(int ns, std::string_view local) const;
  const std::vector<RuleEnd>& rules_ending_at_element(int id) const;
  const std::vector<RuleEnd>& rules_ending_at_attribute(int id) const;
  // Per context, the rules that must be judged even where their target never
  // occurs (ExactlyOne, Required, Special).
  const std::vector<int>& judged_per_instance(int context) const {
    return judged_per_instance_[static_cast<std::size_t>(context)];
  }
  // Whether the walk keeps every element `id` (every bearer of attribute
  // `id`) met, for a special check that reads them anywhere ("//x").
  bool records_element(int id) const { return recorded(recorded_elements_, id); }
  bool records_attribute(int id) const { return recorded(recorded_attributes_, id); }
  std::size_t element_count() const { return elements_.size(); }
  std::size_t attribute_count() const { return attributes_.size(); }

 private:
  static bool recorded(const std::vector<bool>& set, int id) {
    return id >= 0 && static_cast<std::size_t>(id) < set.size() &&
           set[static_cast<std::size_t>(id)];
  }
  int intern(std::string_view canonical);
  Step compile_step(std::string_view text);
  Pattern compile_pattern(std::string_view text);

  const Table& table_;
  const Family* family_ = nullptr;
  std::vector<std::pair<std::string_view, std::string_view>> namespaces_;  // prefix, URI
  std::unordered_map<std::string_view, int, XmlNameHash, XmlNameEqual>
      elements_;  // keys view the table's text
  std::unordered_map<std::string_view, int, XmlNameHash, XmlNameEqual> attributes_;
  std::vector<CompiledContext> contexts_;
  std::vector<CompiledRule> rules_;
  std::vector<std::vector<int>> contexts_by_name_;
  std::vector<int> wildcard_contexts_;
  std::vector<std::vector<RuleEnd>> rules_by_element_;
  std::vector<std::vector<RuleEnd>> rules_by_attribute_;
  std::vector<std::vector<int>> judged_per_instance_;
  std::vector<bool> recorded_elements_;
  std::vector<bool> recorded_attributes_;
};

// The compiled program of a syntax (UBL or CII), built on first use.
const Program& program_for(Syntax syntax);

}  // namespace cprokit::binding
