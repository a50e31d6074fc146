// The element names a thread has resolved for the binding walk, kept from
// one document to the next. A batch's documents mostly come from one
// generator, with the same prefixes and the same few dozen names; resolving
// a name (its namespace, interned id, wildcard contexts) costs about ten
// times a lookup here. A name resolves the same in every document that
// binds its prefixes alike, so a table holds for one program and one set
// of root bindings; a thread keeps one for each of the sets it met last.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "validators/binding/program.hpp"

namespace cprokit::binding {

struct ResolvedName {
  int id = kNoName;                 // interned by the program; kNoName when no rule names it
  int ns = -1;                      // index of the official namespace; -1 when none
  std::uint64_t wildcard_ends = 0;  // Program::wildcard_ends() of the name
  std::uint32_t local_at = 0;       // where the local name starts in the qualified one
};

class ResolvedNames {
 public:
  using Bindings = std::vector<std::pair<std::string_view, std::string_view>>;  // prefix, URI

  // The table of this thread for `program` and a document's root bindings:
  // the one kept for them, or else the least recently used, emptied first.
  static ResolvedNames& for_document(const Program& program, const Bindings& bindings);

  // Changes whenever the table starts afresh for other bindings: a user
  // holding an older generation must not read it (another document on the
  // same thread took it over).
  std::uint64_t generation() const { return generation_; }

  // The name resolved as `qualified`, or nullptr. `hash`: XmlNameHash of it.
  const ResolvedName* find(std::string_view qualified, std::size_t hash) const;
  // Names longer than kLongestName are not kept, so that the table's text
  // stays small whatever a document spells.
  void add(std::string_view qualified, std::size_t hash, const ResolvedName& name);
  static constexpr std::size_t kLongestName = 256;

 private:
  struct Slot {
    std::size_t hash = 0;
    std::uint32_t at = 0;  // the name's characters in text_
    std::uint32_t size = 0;
    bool used = false;
    ResolvedName name;
  };

  bool holds(const Program& program, const Bindings& bindings) const;
  void reset(const Program& program, const Bindings& bindings);
  void clear();
  std::string_view text_of(const Slot& slot) const { return {text_.data() + slot.at, slot.size}; }

  const Program* program_ = nullptr;
  std::vector<std::pair<std::string, std::string>> bindings_;
  std::vector<Slot> slots_;  // open addressing, a power of two, at most half full
  std::string text_;
  std::size_t count_ = 0;
  std::uint64_t generation_ = 0;
  std::uint64_t last_used_ = 0;  // for_document()'s clock when it last handed this table out
};

}  // namespace cprokit::binding
