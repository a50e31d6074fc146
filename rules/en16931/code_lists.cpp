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

CodeList::CodeList(std::vector<std::string> codes) : spelled_(" ") {
  for (std::string& code : codes) {
    spelled_ += code;
    spelled_ += ' ';
    codes_.insert(std::move(code));
  }
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
