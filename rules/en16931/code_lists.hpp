// The code lists of the EN 16931 code-list rules (BR-CL-*): for each syntax,
// each list a rule checks against, the set of codes. Pure data, loaded at run
// time (validators/codelists): the codes are the official artefacts' data,
// which cprokit does not ship.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
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
  explicit CodeList(std::vector<std::string> codes);

  bool contains(std::string_view code) const { return codes_.find(code) != codes_.end(); }
  // Whether `text` occurs in " c1 c2 … cn ", the list as the official test
  // spells it: UBL BR-CL-08 searches it for a note's code without delimiting
  // it, so "B A" passes wherever a code ending in B precedes one starting with A.
  bool occurs_in_spelled_list(std::string_view text) const {
    return spelled_.find(text) != std::string::npos;
  }
  std::size_t size() const { return codes_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> codes_;
  std::string spelled_;
};

class CodeLists {
 public:
  void add(Syntax syntax, std::string name, CodeList list);
  // Null when the syntax has no list of that name.
  const CodeList* find(Syntax syntax, std::string_view name) const;

 private:
  std::map<std::string, CodeList, std::less<>> ubl_, cii_;
};

}  // namespace cprokit::en16931
