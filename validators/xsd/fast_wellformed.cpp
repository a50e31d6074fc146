#include "validators/xsd/fast_wellformed.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace cprokit::xsd::fast {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

// The bytes of character data that need no look: not markup, not a
// reference, not a control character, not the lead byte of U+FFFE/FFFF.
// A table, as texts (attachments above all) are most of the bytes.
constexpr std::array<bool, 256> kPlainText = [] {
  std::array<bool, 256> table{};
  for (std::size_t c = 0x20; c < table.size(); ++c)
    table.at(c) = true;
  table['\t'] = table['\n'] = table['\r'] = true;
  table['<'] = table['&'] = table['>'] = false;
  table[0xEF] = false;
  return table;
}();

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool document() {
    if (s_.starts_with("\xEF\xBB\xBF")) at_ = 3;
    if (s_.substr(at_).starts_with("<?xml") && !declaration()) return false;
    int roots = 0;
    while (at_ < s_.size()) {
      if (s_[at_] != '<') {
        if (!text(stack_.empty())) return false;
        continue;
      }
      bool ok = false;
      if (starts("<!--")) {
        ok = comment();
      } else if (starts("</")) {
        ok = end_tag();
      } else {
        ok = (!stack_.empty() || roots++ == 0) && start_tag();  // one root element
      }
      if (!ok) return false;
    }
    return stack_.empty() && roots == 1;
  }

 private:
  bool starts(std::string_view prefix) const { return s_.substr(at_).starts_with(prefix); }

  bool skip_space() {
    const std::size_t from = at_;
    while (at_ < s_.size() && is_space(s_[at_]))
      ++at_;
    return at_ > from;
  }

  // An ASCII name with at most one colon, neither first nor last.
  bool name(std::string_view& out) {
    const std::size_t from = at_;
    if (at_ >= s_.size() || !(is_alpha(s_[at_]) || s_[at_] == '_')) return false;
    int colons = 0;
    while (at_ < s_.size()) {
      const char c = s_[at_];
      if (c == ':') {
        ++colons;
      } else if (!(is_alpha(c) || is_digit(c) || c == '.' || c == '-' || c == '_')) {
        break;
      }
      ++at_;
    }
    out = s_.substr(from, at_ - from);
    return colons <= 1 && out.back() != ':';
  }

  // version 1.0, encoding UTF-8 if any, standalone yes or no if any.
  bool declaration() {
    at_ += 5;
    std::string_view key;
    std::string_view value;
    if (!skip_space() || !pseudo_attribute(key, value) || key != "version" || value != "1.0") {
      return false;
    }
    bool spaced = skip_space();
    // The names are compared whole: "encodingX" is no encoding, and Xerces
    // refuses the declaration.
    if (spaced && starts("encoding")) {
      if (!pseudo_attribute(key, value) || key != "encoding" ||
          !equals_ignoring_case(value, "UTF-8")) {
        return false;
      }
      spaced = skip_space();
    }
    if (spaced && starts("standalone")) {
      if (!pseudo_attribute(key, value) || key != "standalone" ||
          (value != "yes" && value != "no")) {
        return false;
      }
      skip_space();
    }
    if (!starts("?>")) return false;
    at_ += 2;
    return true;
  }

  bool pseudo_attribute(std::string_view& key, std::string_view& value) {
    if (!name(key)) return false;
    skip_space();
    if (at_ >= s_.size() || s_[at_] != '=') return false;
    ++at_;
    skip_space();
    if (at_ >= s_.size() || (s_[at_] != '"' && s_[at_] != '\'')) return false;
    const char quote = s_[at_++];
    const auto end = s_.find(quote, at_);
    if (end == std::string_view::npos) return false;
    value = s_.substr(at_, end - at_);
    at_ = end + 1;
    return true;
  }

  // A character allowed in the document as it is.
  bool allowed_byte(std::size_t i) const {
    const auto c = static_cast<unsigned char>(s_[i]);
    if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
    // U+FFFE and U+FFFF are not XML characters.
    return !(c == 0xEF && s_.substr(i + 1, 2) >= "\xBF\xBE" && s_.substr(i + 1, 2) <= "\xBF\xBF");
  }

  // One of the five predefined entities or a character reference to a
  // character allowed in XML that is not white space.
  bool reference() {
    const auto end = s_.find(';', at_);
    if (end == std::string_view::npos || end - at_ > 10) return false;
    const std::string_view body = s_.substr(at_ + 1, end - at_ - 1);
    at_ = end + 1;
    if (body == "lt" || body == "gt" || body == "amp" || body == "apos" || body == "quot")
      return true;
    if (body.size() < 2 || body[0] != '#') return false;
    std::uint32_t code = 0;
    const bool hex = body[1] == 'x';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 6) return false;
    for (const char c : digits) {
      std::uint32_t d = 0;
      if (is_digit(c)) {
        d = static_cast<std::uint32_t>(c - '0');
      } else if (hex && lower(c) >= 'a' && lower(c) <= 'f') {
        d = static_cast<std::uint32_t>(lower(c) - 'a' + 10);
      } else {
        return false;
      }
      code = code * (hex ? 16 : 10) + d;
    }
    return (code >= 0x21 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0xFFFD) ||
           (code >= 0x10000 && code <= 0x10FFFF);
  }

  // Character data up to the next '<': only white space outside the root.
  bool text(bool outside_root) {
    while (at_ < s_.size() && s_[at_] != '<') {
      if (!outside_root) {
        while (at_ < s_.size() && kPlainText.at(static_cast<unsigned char>(s_[at_])))
          ++at_;
        if (at_ == s_.size() || s_[at_] == '<') break;
      }
      const char c = s_[at_];
      if (outside_root && !is_space(c)) return false;
      if (!allowed_byte(at_)) return false;
      if (c == '&') {
        if (!reference()) return false;
        continue;
      }
      if (c == '>' && at_ >= 2 && s_[at_ - 1] == ']' && s_[at_ - 2] == ']') return false;
      ++at_;
    }
    return true;
  }

  bool comment() {
    const auto end = s_.find("-->", at_ + 4);
    if (end == std::string_view::npos) return false;
    const std::string_view body = s_.substr(at_ + 4, end - at_ - 4);
    if (body.find("--") != std::string_view::npos || body.ends_with('-')) return false;
    for (std::size_t i = at_ + 4; i < end; ++i) {
      if (!allowed_byte(i)) return false;
    }
    at_ = end + 3;
    return true;
  }

  bool end_tag() {
    at_ += 2;
    std::string_view tag;
    if (!name(tag) || stack_.empty() || stack_.back() != tag) return false;
    stack_.pop_back();
    skip_space();
    if (at_ >= s_.size() || s_[at_] != '>') return false;
    ++at_;
    return true;
  }

  bool start_tag() {
    ++at_;
    std::string_view tag;
    if (!name(tag)) return false;
    attributes_.clear();
    for (;;) {
      const bool spaced = skip_space();
      if (starts("/>")) {
        at_ += 2;
        return true;
      }
      if (starts(">")) {
        ++at_;
        stack_.push_back(tag);
        return true;
      }
      std::string_view attribute;
      if (!spaced || !name(attribute)) return false;
      // Namespace declarations included, which the tree walk skips.
      if (std::find(attributes_.begin(), attributes_.end(), attribute) != attributes_.end()) {
        return false;
      }
      attributes_.push_back(attribute);
      skip_space();
      if (at_ >= s_.size() || s_[at_] != '=') return false;
      ++at_;
      skip_space();
      if (at_ >= s_.size() || (s_[at_] != '"' && s_[at_] != '\'')) return false;
      const char quote = s_[at_++];
      while (at_ < s_.size() && s_[at_] != quote) {
        if (s_[at_] == '<' || !allowed_byte(at_)) return false;
        if (s_[at_] == '&') {
          if (!reference()) return false;
        } else {
          ++at_;
        }
      }
      if (at_ >= s_.size()) return false;
      ++at_;
    }
  }

  std::string_view s_;
  std::size_t at_ = 0;
  std::vector<std::string_view> stack_;
  std::vector<std::string_view> attributes_;
};

}  // namespace

bool proven_plain_xml(std::string_view bytes) {
  return Scanner(bytes).document();
}

}  // namespace cprokit::xsd::fast
