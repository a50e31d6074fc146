// The processing type an invoice declares in its BAR note (BT-21 "BAR",
// BT-22 B2B, B2BINT, B2C, OUTOFSCOPE, ARCHIVEONLY), read as each syntax's
// schematron reads it. Several BR-FR rules (BR-FR-11, -21, -22) apply to a
// B2B invoice only.
#pragma once

#include <string>

#include "rules/model/invoice.hpp"

namespace cprokit::fr {

// UBL, which has no subject code: every cbc:Note joined, then what follows
// the first "#BAR#" up to the next "#" (empty without "#BAR#").
std::string ubl_bar_treatment(const Invoice& inv);

// Whether the invoice declares itself B2B: in CII, one of its BAR notes
// (ram:SubjectCode BAR) says exactly "B2B"; in UBL, the treatment above is
// "B2B".
bool declares_b2b(const Invoice& inv);

}  // namespace cprokit::fr
