// Text as XPath sees it: the XML white space characters and
// normalize-space(), which the official tests apply to most values.
#pragma once

#include <string>
#include <string_view>

namespace cprokit {

// Space, tab, carriage return, line feed: XML's white space.
inline bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// XPath normalize-space(): white space trimmed, inner runs made one space.
std::string normalize_space(std::string_view s);

}  // namespace cprokit
