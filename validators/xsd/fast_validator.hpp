// The fast path of XSD validation: proves that a document is valid against
// the fast grammar model, on the tree the safe loader built, without Xerces.
//
// Its one promise: when it answers true, Xerces (as schema_set.cpp sets it
// up) finds no error in the document. Whatever it does not check answers
// false, and the document then goes through Xerces as before; being
// stricter than Xerces only costs speed.
#pragma once

#include <string_view>

#include <pugixml.hpp>

#include "validators/xsd/fast_grammar.hpp"

namespace cprokit::xsd::fast {

struct ExpectedRoot {
  std::string_view ns;
  std::string_view local;
};

// Whether `document`, parsed by xml::load from `bytes`, is proven valid
// with `expected` as its root element.
bool proven_valid(const FastGrammar& grammar, std::string_view bytes,
                  const pugi::xml_document& document, ExpectedRoot expected);

}  // namespace cprokit::xsd::fast
