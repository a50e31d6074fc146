#include "rules/en16931/code_lists.hpp"

#include <utility>

namespace cprokit::en16931 {

std::vector<std::string> required_code_lists(Syntax syntax) {
  std::vector<std::string> out;
  if (syntax == Syntax::Ubl) {
    out.emplace_back(kUblInvoiceTypeCodes);
    out.emplace_back(kUblCreditNoteTypeCodes);
  } else {
    out.emplace_back("BR-CL-01");
  }
  for (int n : {3, 4, 5, 6, 7, 8, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26}) {
    out.push_back((n < 10 ? "BR-CL-0" : "BR-CL-") + std::to_string(n));
  }
  return out;
}

CodeList::CodeList(const std::vector<std::string_view>& codes) {
  std::size_t bytes = 1;
  for (std::string_view c : codes)
    bytes += c.size() + 1;
  spelled_.reserve(bytes);
  spelled_ += ' ';
  std::size_t capacity = 2;
  while (capacity < 2 * codes.size())
    capacity *= 2;
  slots_.resize(capacity);
  const std::size_t mask = capacity - 1;
  for (std::string_view c : codes) {
    const Slot added{static_cast<std::uint32_t>(spelled_.size()),
                     static_cast<std::uint32_t>(c.size())};
    spelled_ += c;
    spelled_ += ' ';
    if (c.empty()) continue;  // no code is empty (the loader refuses them); 0 marks a free slot
    for (std::size_t i = hash(c) & mask;; i = (i + 1) & mask) {
      if (slots_[i].length == 0) {
        slots_[i] = added;
        ++size_;
        break;
      }
      if (code(slots_[i]) == c) break;  // given twice: one is enough
    }
  }
}

bool CodeList::contains(std::string_view c) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash(c) & mask;; i = (i + 1) & mask) {
    const Slot slot = slots_[i];
    if (slot.length == 0) return false;
    if (code(slot) == c) return true;
  }
}

// FNV-1a, quick on codes of a few characters, its high half folded into the
// low bits that pick the slot.
std::uint64_t CodeList::hash(std::string_view code) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : code) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h ^ (h >> 32);
}

void CodeLists::add(Syntax syntax, std::string name, CodeList list) {
  auto& lists = syntax == Syntax::Ubl ? ubl_ : cii_;
  lists.insert_or_assign(std::move(name), std::move(list));
}

const CodeList* CodeLists::find(Syntax syntax, std::string_view name) const {
  const auto& lists = syntax == Syntax::Ubl ? ubl_ : cii_;
  auto it = lists.find(name);
  return it == lists.end() ? nullptr : &it->second;
}

}  // namespace cprokit::en16931
