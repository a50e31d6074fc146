// The coded values of a UBL or CII invoice where the official code-list
// tests (BR-CL-*) look for them: one walk over every element of the document.
#pragma once

#include "rules/model/codes.hpp"
#include "rules/model/document_type.hpp"
#include "validators/readers/reader.hpp"

namespace cprokit::readers {

// `syntax`: Ubl or Cii. The values' paths are made through `reader`.
CodedValues collect_codes(const Reader& reader, Syntax syntax);

}  // namespace cprokit::readers
