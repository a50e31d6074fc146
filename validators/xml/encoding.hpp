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
  std::string utf8;  // the document as UTF-8, without byte order mark
  std::optional<EncodingProblem> problem;
};

Utf8Text to_utf8(std::string_view bytes);

}  // namespace cprokit::xml
