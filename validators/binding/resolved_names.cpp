#include "validators/binding/resolved_names.hpp"

#include <array>

#include "validators/xml/names.hpp"

namespace cprokit::binding {
namespace {

constexpr std::size_t kFirstSlots = 256;
// A hostile batch (every document its own names) must not grow the table
// without end: past this many names it starts afresh.
constexpr std::size_t kMostNames = 4096;
// The sets of root bindings a thread keeps a table for. A mixed batch (the
// official examples come from a dozen generators, each binding its own
// prefixes) alternates between a few sets: with one table, each change of
// set started it afresh and most names were resolved anew in every document.
constexpr std::size_t kTables = 16;

// Puts `slot` in the first free place from its hash on (the table has one).
template <class Slot>
void place(std::vector<Slot>& slots, const Slot& slot) {
  const std::size_t mask = slots.size() - 1;
  std::size_t i = slot.hash & mask;
  while (slots[i].used)
    i = (i + 1) & mask;
  slots[i] = slot;
}

}  // namespace

ResolvedNames& ResolvedNames::for_document(const Program& program, const Bindings& bindings) {
  thread_local std::array<ResolvedNames, kTables> tables;
  thread_local std::uint64_t clock = 0;
  ResolvedNames* least_recent = &tables.front();
  for (ResolvedNames& table : tables) {
    if (table.holds(program, bindings)) {
      table.last_used_ = ++clock;
      return table;
    }
    if (table.last_used_ < least_recent->last_used_) least_recent = &table;
  }
  least_recent->reset(program, bindings);
  least_recent->last_used_ = ++clock;
  return *least_recent;
}

bool ResolvedNames::holds(const Program& program, const Bindings& bindings) const {
  if (program_ != &program || bindings_.size() != bindings.size()) return false;
  for (std::size_t i = 0; i < bindings.size(); ++i) {
    if (!xml::same_name(bindings_[i].first, bindings[i].first) ||
        !xml::same_name(bindings_[i].second, bindings[i].second)) {
      return false;
    }
  }
  return true;
}

void ResolvedNames::reset(const Program& program, const Bindings& bindings) {
  program_ = &program;
  bindings_.assign(bindings.begin(), bindings.end());
  ++generation_;
  clear();
}

void ResolvedNames::clear() {
  slots_.assign(kFirstSlots, Slot{});
  text_.clear();
  count_ = 0;
}

const ResolvedName* ResolvedNames::find(std::string_view qualified, std::size_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (!slot.used) return nullptr;
    if (slot.hash == hash && xml::same_name(text_of(slot), qualified)) return &slot.name;
  }
}

void ResolvedNames::add(std::string_view qualified, std::size_t hash, const ResolvedName& name) {
  if (qualified.size() > kLongestName) return;
  if (count_ == kMostNames) clear();
  if (2 * (count_ + 1) > slots_.size()) {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.used) place(slots_, slot);
    }
  }
  place(slots_, Slot{hash, static_cast<std::uint32_t>(text_.size()),
                     static_cast<std::uint32_t>(qualified.size()), true, name});
  text_ += qualified;
  ++count_;
}

}  // namespace cprokit::binding
