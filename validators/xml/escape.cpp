#include "validators/xml/escape.hpp"

#include "validators/xml/encoding.hpp"

namespace cprokit::xml {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Calls `ascii(c)` for each ASCII byte and `other(sequence)` for each UTF-8
// sequence beyond ASCII, U+FFFD standing for a byte that starts none.
template <typename Ascii, typename Other>
void each_character(std::string_view text, Ascii ascii, Other other) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = static_cast<unsigned char>(text[i]) < 0x80 ? 1 : utf8_sequence(text, i);
    if (n == 1) {
      ascii(text[i]);
    } else {
      other(n == 0 ? kReplacement : text.substr(i, n));
    }
    i += n == 0 ? 1 : n;
  }
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  each_character(
      text,
      [&](char c) {
        switch (c) {
          case '&':
            out += "&amp;";
            break;
          case '<':
            out += "&lt;";
            break;
          case '>':
            out += "&gt;";
            break;
          case '"':
            out += "&quot;";
            break;
          case '\'':
            out += "&#39;";
            break;
          default:
            bool allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0x7F);
            if (allowed) {
              out += c;
            } else {
              out += kReplacement;
            }
        }
      },
      [&](std::string_view sequence) { out += sequence; });
  return out;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  each_character(
      text, [&](char c) { out += c; }, [&](std::string_view sequence) { out += sequence; });
  return out;
}

std::string uri_reference(std::string_view path) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out = path.starts_with('/') ? "file://" : "";
  for (char c : path) {
    auto b = static_cast<unsigned char>(c);
    bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved || c == '/') {
      out += c;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0x0F];
    }
  }
  return out;
}

}  // namespace cprokit::xml
