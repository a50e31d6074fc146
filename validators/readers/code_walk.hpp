// What the official tests look for anywhere in a UBL or CII invoice, found
// in one walk over every element of the document: the coded values where the
// code-list tests (BR-CL-*) look for them, and the payment means outside BG-16.
#pragma once

#include <vector>

#include "rules/model/codes.hpp"
#include "rules/model/document_type.hpp"
#include "validators/readers/reader.hpp"

namespace cprokit::readers {

struct FoundAnywhere {
  CodedValues codes;
  // UBL: every cac:PaymentMeans deeper than the root's children (in a
  // cac:AllowanceCharge, which the schema allows), detached from the walk.
  // The official BR-49, BR-50, BR-51 and BR-61 name cac:PaymentMeans
  // anywhere, so they judge these as they judge BG-16.
  std::vector<Element> payment_means_elsewhere;
};

// `syntax`: Ubl or Cii. The values' paths are made through `reader`.
FoundAnywhere find_anywhere(const Reader& reader, Syntax syntax);

}  // namespace cprokit::readers
