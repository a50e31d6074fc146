// Escaping shared by the report formats: text inside XML and HTML, and a
// document path as a URI reference (SARIF).
#pragma once

#include <string>
#include <string_view>

namespace cprokit::xml {

// `text` as XML or HTML character data or attribute value: & < > " ' as
// references; bytes that are not UTF-8, and control characters other than
// tab and line ends (XML 1.0 cannot carry them, a file name may hold any
// byte), as U+FFFD.
std::string xml_escape(std::string_view text);

// `text` with bytes that are not UTF-8 replaced by U+FFFD, for formats that
// escape by themselves but must stay valid UTF-8.
std::string valid_utf8(std::string_view text);

// A document path as given on the command line, as a URI reference: an
// absolute path becomes a file: URI, a relative one a relative reference;
// every byte outside the unreserved set and "/" is percent-encoded (":" too,
// so that no first segment reads as a scheme).
std::string uri_reference(std::string_view path);

}  // namespace cprokit::xml
