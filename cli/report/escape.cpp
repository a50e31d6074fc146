#include "cli/report/escape.hpp"

#include <cstdint>

namespace cprokit::cli::report {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at the start of `s` (RFC 3629: no
// overlong forms, no surrogates, nothing over U+10FFFF); 0 when there is none.
std::size_t utf8_length(std::string_view s) {
  auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(s[i]); };
  auto continuation = [&](std::size_t i) { return i < s.size() && (byte(i) & 0xC0) == 0x80; };
  std::uint8_t b = byte(0);
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return continuation(1) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return 0;
    if (b == 0xE0 && byte(1) < 0xA0) return 0;   // overlong
    if (b == 0xED && byte(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    if (b == 0xF0 && byte(1) < 0x90) return 0;   // overlong
    if (b == 0xF4 && byte(1) >= 0x90) return 0;  // over U+10FFFF
    return 4;
  }
  return 0;
}

// Calls `ascii(c)` for each ASCII byte and `other(sequence)` for each UTF-8
// sequence beyond ASCII, U+FFFD standing for a byte that starts none.
template <typename Ascii, typename Other>
void each_character(std::string_view text, Ascii ascii, Other other) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = utf8_length(text.substr(i));
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

}  // namespace cprokit::cli::report
