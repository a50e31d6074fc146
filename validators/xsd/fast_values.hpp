// Whether a text is a valid value of a simple type of the fast grammar
// model. Only forms known to be valid for Xerces too are accepted: "false"
// means "not proven valid", and the document is then left to Xerces.
#pragma once

#include <string>
#include <string_view>

#include "validators/xsd/fast_grammar.hpp"

namespace cprokit::xsd::fast {

// `raw` after the white space processing `mode` (buffer holds the result
// when it differs from `raw`).
std::string_view apply_white_space(std::string_view raw, WhiteSpace mode, std::string& buffer);

// Whether `raw` (an element's text or an attribute's value as the XML parser
// gives it) is proven valid for simple type `type` of `grammar`.
bool proven_valid_value(const FastGrammar& grammar, const SimpleType& type, std::string_view raw);

// The lexical check of one built-in type, on a value already processed for
// white space (exposed for the tests).
bool proven_lexical(Builtin builtin, std::string_view value);

}  // namespace cprokit::xsd::fast
