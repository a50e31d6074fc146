// Turns the bytes of an XML file into UTF-8 text, following its declared
// encoding: UTF-8 (the default) and US-ASCII are checked byte by byte,
// ISO-8859-1 is converted. Anything else is refused with a clear message.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rules/finding.hpp"

namespace cprokit::xml {

struct EncodingProblem {
  Message message;
  std::uint32_t line = 0;  // of the first offending byte, when there is one
  std::uint32_t column = 0;
};

struct Utf8Text {
  std::string_view input;  // the bytes given, without byte order mark
  std::string converted;   // their UTF-8 form, when they needed converting
  bool is_converted = false;
  std::optional<EncodingProblem> problem;

  // The document as UTF-8 (valid only while the input bytes live).
  std::string_view utf8() const { return is_converted ? std::string_view(converted) : input; }
};

// UTF-8 input is checked, not copied.
Utf8Text to_utf8(std::string_view bytes);

// Length of the multi-byte UTF-8 sequence at `i`, 0 when the bytes there are
// not one (ASCII included; overlong forms, surrogates and code points past
// U+10FFFF refused, as RFC 3629).
std::size_t utf8_sequence(std::string_view s, std::size_t i);

}  // namespace cprokit::xml
