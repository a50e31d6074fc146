// CII tests that compare a VAT TypeCode without normalize-space, and where
// the CII schematron's "first matching rule wins" hides a VAT breakdown from
// the rules of the generic header ApplicableTradeTax context.
#pragma once

#include <optional>
#include <string_view>

#include "rules/model/invoice.hpp"

namespace cprokit::en16931 {

// upper-case(TypeCode) = 'VAT': case ignored, white space not (the model's
// text is already trimmed, so this differs from is_vat_scheme() only there).
inline bool cii_type_code_is_vat(const std::optional<Text>& code) {
  if (!code) return false;
  const std::string_view s = code->value;
  return s.size() == 3 && (s[0] == 'V' || s[0] == 'v') && (s[1] == 'A' || s[1] == 'a') &&
         (s[2] == 'T' || s[2] == 't');
}

// The CII rules of categories O, L and M take their header ApplicableTradeTax
// as context ahead of the generic one, so BR-CO-03, BR-CO-17, BR-DEC-19 and
// BR-DEC-20 never see those breakdowns in the official artefacts. UBL has no
// such shadowing.
inline bool shadowed_cii_breakdown(const VatBreakdown& b) {
  if (!b.category || !cii_type_code_is_vat(b.tax_scheme)) return false;
  const std::string_view category = b.category->value;
  return category == "O" || category == "L" || category == "M";
}

}  // namespace cprokit::en16931
