#include "validators/codelists/code_list_scan.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cprokit::codelists {
namespace {

using en16931::CodeList;
using en16931::CodeLists;

// The list ids of a syntax's object, as required_code_lists names them up
// to the '/' (UBL BR-CL-01 holds two lists), each once.
std::vector<std::string> list_ids(Syntax syntax) {
  std::vector<std::string> ids;
  for (const std::string& name : en16931::required_code_lists(syntax)) {
    std::string id = name.substr(0, name.find('/'));
    if (ids.empty() || ids.back() != id) ids.push_back(std::move(id));
  }
  return ids;
}

// Each step returns false at anything unexpected, which ends the scan.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool root(CodeLists& out) {
    unsigned seen = 0;  // bit 0: "ubl", bit 1: "cii"
    if (!open('{')) return false;
    if (!close('}')) {
      do {
        std::string_view key;
        if (!string(key) || !colon()) return false;
        const unsigned bit = key == "ubl" ? 1U : key == "cii" ? 2U : 0U;
        if (bit == 0 || (seen & bit) != 0) return false;
        seen |= bit;
        if (!syntax(out, bit == 1U ? Syntax::Ubl : Syntax::Cii)) return false;
      } while (comma());
      if (!close('}')) return false;
    }
    skip_space();
    return seen == 3U && at_ == text_.size();
  }

 private:
  bool syntax(CodeLists& out, Syntax syntax) {
    const std::vector<std::string> ids = list_ids(syntax);
    std::uint64_t seen = 0;
    if (!open('{')) return false;
    if (!close('}')) {
      do {
        std::string_view id;
        if (!string(id) || !colon()) return false;
        std::size_t i = 0;
        while (i < ids.size() && ids[i] != id)
          ++i;
        if (i == ids.size() || (seen >> i & 1U) != 0) return false;
        seen |= std::uint64_t{1} << i;
        if (!list(out, syntax, ids[i])) return false;
      } while (comma());
      if (!close('}')) return false;
    }
    return seen == (std::uint64_t{1} << ids.size()) - 1;
  }

  // {"context": "…", "codes": [...]}, or UBL BR-CL-01's two arrays.
  bool list(CodeLists& out, Syntax syntax, const std::string& id) {
    const bool split = syntax == Syntax::Ubl && id == "BR-CL-01";
    unsigned seen = 0;  // bit 0: context, 1: codes or InvoiceTypeCode, 2: CreditNoteTypeCode
    if (!open('{')) return false;
    if (!close('}')) {
      do {
        std::string_view field;
        if (!string(field) || !colon()) return false;
        unsigned bit = 0;
        if (field == "context") {
          std::string_view context;
          if (!string(context)) return false;
          bit = 1U;
        } else {
          std::string name;
          if (!split && field == "codes") {
            bit = 2U, name = id;
          } else if (split && field == "InvoiceTypeCode") {
            bit = 2U, name = en16931::kUblInvoiceTypeCodes;
          } else if (split && field == "CreditNoteTypeCode") {
            bit = 4U, name = en16931::kUblCreditNoteTypeCodes;
          }
          if (bit == 0 || !codes()) return false;
          out.add(syntax, std::move(name), CodeList(codes_));
        }
        if ((seen & bit) != 0) return false;
        seen |= bit;
      } while (comma());
      if (!close('}')) return false;
    }
    const unsigned arrays = split ? 6U : 2U;
    return (seen & arrays) == arrays;
  }

  // An array of codes, into codes_: none empty or holding a space.
  bool codes() {
    codes_.clear();
    if (!open('[')) return false;
    if (close(']')) return true;
    do {
      std::string_view code;
      // std::find, not find(): memchr's call costs more than these few bytes.
      if (!string(code) || code.empty() || std::find(code.begin(), code.end(), ' ') != code.end())
        return false;
      codes_.push_back(code);
    } while (comma());
    return close(']');
  }

  // A string of printable ASCII without escapes, as it is written.
  bool string(std::string_view& out) {
    skip_space();
    if (at_ == text_.size() || text_[at_] != '"') return false;
    const std::size_t start = ++at_;
    for (; at_ < text_.size(); ++at_) {
      const char c = text_[at_];
      if (c == '"') {
        out = text_.substr(start, at_++ - start);
        return true;
      }
      if (c < 0x20 || c > 0x7E || c == '\\') return false;
    }
    return false;
  }

  bool open(char c) { return punctuation(c); }
  bool close(char c) { return punctuation(c); }
  bool colon() { return punctuation(':'); }
  bool comma() { return punctuation(','); }
  bool punctuation(char c) {
    skip_space();
    if (at_ == text_.size() || text_[at_] != c) return false;
    ++at_;
    return true;
  }
  void skip_space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t'))
      ++at_;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::vector<std::string_view> codes_;  // the array being read, reused
};

}  // namespace

std::optional<CodeLists> scan_code_lists(std::string_view json_text) {
  CodeLists out;
  if (!Scanner(json_text).root(out)) return std::nullopt;
  return out;
}

}  // namespace cprokit::codelists
