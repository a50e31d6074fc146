// Extraction of the fast path's grammar model from a grammar Xerces compiled,
// through its public schema component model (XSModel), so that the model
// and the grammar Xerces validates with come from the same compile.
#pragma once

#include <string_view>
#include <vector>

#include <xercesc/util/XercesDefs.hpp>

#include "validators/xsd/fast_grammar.hpp"

XERCES_CPP_NAMESPACE_BEGIN
class XSModel;
XERCES_CPP_NAMESPACE_END

namespace cprokit::xsd::fast {

struct QualifiedName {
  std::string_view ns;
  std::string_view local;
};

// The declarations reachable from the global elements `roots` of `model`.
FastGrammar extract(XERCES_CPP_NAMESPACE::XSModel& model, const std::vector<QualifiedName>& roots);

}  // namespace cprokit::xsd::fast
