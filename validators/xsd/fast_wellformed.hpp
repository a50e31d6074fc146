// What the safe loader (xml/safe_xml.hpp) lets through but Xerces refuses,
// or reads differently from pugixml: a byte scan that proves a document is
// in the plain subset where both agree.
#pragma once

#include <string_view>

namespace cprokit::xsd::fast {

// Whether `bytes` are proven plain XML: UTF-8 with no declaration other
// than version 1.0 and encoding UTF-8, one root element, tags well formed
// with ASCII names and distinct attribute names, only the five predefined
// entities and character references to characters that are allowed (and not
// white space, which attribute values would keep), no control character,
// no CDATA section, processing instruction or DOCTYPE, comments without
// "--". False means "not proven", not "malformed".
bool proven_plain_xml(std::string_view bytes);

}  // namespace cprokit::xsd::fast
