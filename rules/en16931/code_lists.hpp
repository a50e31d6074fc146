// The code lists of the EN 16931 code-list rules (BR-CL-*): for each syntax,
// each list a rule checks against, the set of codes. Pure data, loaded at run
// time (validators/codelists): the codes are the official artefacts' data,
// which cprokit does not ship.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rules/model/document_type.hpp"

namespace cprokit::en16931 {

// The lists the rules need, by name: the rule id, except UBL BR-CL-01, which
// has one list for each type code element.
inline constexpr std::string_view kUblInvoiceTypeCodes = "BR-CL-01/InvoiceTypeCode";
inline constexpr std::string_view kUblCreditNoteTypeCodes = "BR-CL-01/CreditNoteTypeCode";
std::vector<std::string> required_code_lists(Syntax syntax);  // Ubl or Cii

class CodeList {
 public:
  // The codes are copied: the views need not outlive the list.
  explicit CodeList(const std::vector<std::string_view>& codes);

  bool contains(std::string_view code) const;
  // Whether `text` occurs in " c1 c2 … cn ", the list as the official test
  // spells it: UBL BR-CL-08 searches it for a note's code without delimiting
  // it, so "B A" passes wherever a code ending in B precedes one starting with A.
  bool occurs_in_spelled_list(std::string_view text) const {
    return spelled_.find(text) != std::string::npos;
  }
  std::size_t size() const { return size_; }
  bool operator==(const CodeList&) const = default;

 private:
  // A code, by its place in spelled_ (an offset survives the string's move,
  // a view into a short string would not). Length 0: a free slot.
  struct Slot {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    bool operator==(const Slot&) const = default;
  };
  static std::uint64_t hash(std::string_view code);
  std::string_view code(Slot slot) const { return {spelled_.data() + slot.offset, slot.length}; }

  // The codes live in spelled_ only; slots_ is an open-addressing hash table
  // over them (a power of two, at most half full, linear probing): one block
  // to build and free instead of a node and a string per code.
  std::string spelled_;
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

class CodeLists {
 public:
  void add(Syntax syntax, std::string name, CodeList list);
  // Null when the syntax has no list of that name.
  const CodeList* find(Syntax syntax, std::string_view name) const;
  bool operator==(const CodeLists&) const = default;

 private:
  std::map<std::string, CodeList, std::less<>> ubl_, cii_;
};

}  // namespace cprokit::en16931
