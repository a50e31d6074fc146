#include "validators/xsd/grammar_groups.hpp"

namespace cprokit::xsd {

const std::array<GrammarGroup, 2> kGroups = {
    GrammarGroup{"ubl",
                 "ubl-fast",
                 {0, 1},
                 {{DocumentKind::Invoice, Syntax::Ubl}, {DocumentKind::CreditNote, Syntax::Ubl}}},
    GrammarGroup{"cii", "cii-fast", {2}, {{DocumentKind::Invoice, Syntax::Cii}}}};

std::size_t group_of(Syntax syntax) {
  return syntax == Syntax::Cii ? 1 : 0;
}

std::optional<RootName> expected_root(DocumentKind kind, Syntax syntax) {
  if (kind != DocumentKind::Invoice && kind != DocumentKind::CreditNote) return std::nullopt;
  if (syntax == Syntax::Cii) {
    return RootName{"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
                    "CrossIndustryInvoice"};
  }
  if (syntax != Syntax::Ubl) return std::nullopt;
  if (kind == DocumentKind::Invoice) {
    return RootName{"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "Invoice"};
  }
  return RootName{"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", "CreditNote"};
}

}  // namespace cprokit::xsd
