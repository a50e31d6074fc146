#include "validators/xsd/grammar_groups.hpp"

#include "validators/xsd/schema_set.hpp"

namespace cprokit::xsd {

namespace {

// A CII grammar group named `name`, of one entry point.
GrammarGroup cii_group(std::string_view name, std::string_view fast_name, std::string_view entry,
                       std::string_view label) {
  return {name, fast_name, {entry}, {{DocumentKind::Invoice, Syntax::Cii}}, label, true};
}

}  // namespace

const std::array<GrammarGroup, kGroupCount> kGroups = {
    GrammarGroup{"ubl",
                 "ubl-fast",
                 {kUblInvoiceXsd, kUblCreditNoteXsd},
                 {{DocumentKind::Invoice, Syntax::Ubl}, {DocumentKind::CreditNote, Syntax::Ubl}},
                 {},
                 false},
    GrammarGroup{"cii", "cii-fast", {kCiiXsd}, {{DocumentKind::Invoice, Syntax::Cii}}, {}, false},
    cii_group("fx-minimum", "fx-minimum-fast", kFacturXMinimumXsd, "Factur-X 1.09 MINIMUM"),
    cii_group("fx-basicwl", "fx-basicwl-fast", kFacturXBasicWlXsd, "Factur-X 1.09 BASIC WL"),
    cii_group("fx-basic", "fx-basic-fast", kFacturXBasicXsd, "Factur-X 1.09 BASIC"),
    cii_group("fx-extended", "fx-extended-fast", kFacturXExtendedXsd, "Factur-X 1.09 EXTENDED"),
    cii_group("cii-d22b", "cii-d22b-fast", kCiiD22bXsd, "CII D22B"),
};

std::size_t group_of(Syntax syntax) {
  return syntax == Syntax::Cii ? kCiiGroup : kUblGroup;
}

std::size_t group_for(Syntax syntax, std::optional<pdf::FacturXProfile> profile, CiiSchema base) {
  if (syntax != Syntax::Cii) return group_of(syntax);
  const std::size_t base_group = base == CiiSchema::D22b ? kCiiD22bGroup : kCiiGroup;
  if (!profile) return base_group;
  switch (*profile) {
    case pdf::FacturXProfile::Minimum:
      return kFacturXMinimumGroup;
    case pdf::FacturXProfile::BasicWl:
      return kFacturXBasicWlGroup;
    case pdf::FacturXProfile::Basic:
      return kFacturXBasicGroup;
    case pdf::FacturXProfile::Extended:
      return kFacturXExtendedGroup;
    // The reform's extension of EXTENDED is defined on CII D22B
    // (../shared/chorus-pro/fr-mapping.md §3; the Factur-X package ships
    // D22B as its schema).
    case pdf::FacturXProfile::ExtendedCtcFr:
      return kCiiD22bGroup;
    // The EN 16931 syntax binding is defined on D16B, which the official
    // validation uses; the elements the CIUS leaves out are the binding
    // rules' to tell (warnings), not a schema's (fatal).
    case pdf::FacturXProfile::En16931:
      break;
  }
  return base_group;
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
