#include "validators/readers/code_walk.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "validators/readers/namespaces.hpp"

namespace cprokit::readers {
namespace {

using xml::local_name;

// An element met on the walk, with what the CII contexts ask of its ancestors.
struct Visit {
  const Element& element;
  const Visit* parent;  // null for the root
  std::string_view local;
  std::string_view uri;
  // CII: below a ram:SpecifiedTaxRegistration, SpecifiedTradeProduct, ShipToTradeParty.
  bool in_tax_registration, in_product, in_ship_to;
  // UBL: below the seller (AccountingSupplierParty) or the payee (PayeeParty).
  bool in_seller_or_payee;
};

bool is(const Visit* v, std::string_view uri, std::string_view local) {
  return v != nullptr && xml::same_name(v->local, local) && xml::same_name(v->uri, uri);
}

// The boolean an indicator's text casts to, as XPath 2.0 does; nullopt when it
// is not one (the official tests then match neither allowance nor charge).
std::optional<bool> indicator_value(const pugi::xml_node& node) {
  std::string_view s = trimmed_text(node);
  if (s == "true" || s == "1") return true;
  if (s == "false" || s == "0") return false;
  return std::nullopt;
}

// Whether the allowance or charge `ac` has an indicator of that value. UBL:
// cbc:ChargeIndicator; CII: ram:ChargeIndicator/udt:Indicator.
bool indicator_is(const Reader& r, const Element& ac, Syntax syntax, bool charge) {
  const auto& names = r.names();
  for (pugi::xml_node c = ac.node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (syntax == Syntax::Ubl) {
      if (names.is(c, ns::kCbc, "ChargeIndicator") && indicator_value(c) == charge) return true;
      continue;
    }
    if (!names.is(c, ns::kRam, "ChargeIndicator")) continue;
    for (pugi::xml_node i = c.first_child(); i; i = i.next_sibling()) {
      if (names.is(i, ns::kUdt, "Indicator") && indicator_value(i) == charge) return true;
    }
  }
  return false;
}

// UBL: whether a document reference has a cbc:DocumentTypeCode of exactly '130'.
bool is_invoiced_object(const Reader& r, const Element& reference) {
  for (pugi::xml_node c = reference.node.first_child(); c; c = c.next_sibling()) {
    if (r.names().is(c, ns::kCbc, "DocumentTypeCode") && std::strcmp(c.text().get(), "130") == 0)
      return true;
  }
  return false;
}

// How many children of an element bear a name, and how many of them the
// walk has met so far.
struct SiblingName {
  const char* name;
  std::uint32_t total;
  std::uint32_t seen;
};

class CodeWalk {
 public:
  CodeWalk(const Reader& r, Syntax syntax) : r_(r), syntax_(syntax) {}

  CodedValues run() {
    Element root = r_.root();
    visit(root, nullptr);
    return std::move(out_);
  }

 private:
  void visit(const Element& e, const Visit* parent) {
    const std::string_view qualified = e.node.name();
    const std::string_view local = local_name(qualified);
    Visit v{e,
            parent,
            local,
            r_.names().uri(e.node, qualified),
            parent != nullptr && parent->in_tax_registration,
            parent != nullptr && parent->in_product,
            parent != nullptr && parent->in_ship_to,
            parent != nullptr && parent->in_seller_or_payee};
    if (syntax_ == Syntax::Ubl) {
      match_ubl(v);
      v.in_seller_or_payee =
          v.in_seller_or_payee || (xml::same_name(v.uri, ns::kCac) &&
                                   (local == "PayeeParty" || local == "AccountingSupplierParty"));
    } else {
      match_cii(v);
      if (xml::same_name(v.uri, ns::kRam)) {
        v.in_tax_registration = v.in_tax_registration || local == "SpecifiedTaxRegistration";
        v.in_product = v.in_product || local == "SpecifiedTradeProduct";
        v.in_ship_to = v.in_ship_to || local == "ShipToTradeParty";
      }
    }
    visit_children(v);
  }

  // Each child with its 1-based position among same-named siblings, spelled
  // only where the name repeats (as the readers spell their paths). The
  // children are counted by name first: one pass, where asking each name
  // whether a later sibling repeats it rescanned a 100,000-line invoice's
  // lines for every header element.
  void visit_children(const Visit& v) {
    // This element's names, on top of siblings_ (shared by every level, so
    // that a walk allocates it once): [base, end) while the children run.
    const std::size_t base = siblings_.size();
    const pugi::xml_node parent = v.element.node;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) ++sibling_name(base, c.name()).total;
    }
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      SiblingName& name = sibling_name(base, c.name());
      ++name.seen;
      Element child{c, &v.element, name.total == 1 ? 0 : name.seen, nullptr, {}};
      visit(child, &v);  // may reallocate siblings_: `name` is not used after
    }
    siblings_.resize(base);
  }

  // The entry of `name` in siblings_[base, end), added when missing, moved to
  // the back: siblings of one name mostly come together.
  SiblingName& sibling_name(std::size_t base, const char* name) {
    if (siblings_.size() > base && xml::same_c_name(siblings_.back().name, name)) {
      return siblings_.back();
    }
    const auto level = siblings_.begin() + static_cast<std::ptrdiff_t>(base);
    const auto it = std::find_if(level, siblings_.end(), [name](const SiblingName& s) {
      return xml::same_c_name(s.name, name);
    });
    if (it == siblings_.end()) return siblings_.emplace_back(SiblingName{name, 0, 0});
    std::swap(*it, siblings_.back());
    return siblings_.back();
  }

  void add(CodeField field, const Visit& v, std::string value) {
    out_.add(field, {std::move(value), r_.where(v.element)});
  }
  void add_attribute(CodeField field, const Visit& v, const char* attribute) {
    if (pugi::xml_attribute a = v.element.node.attribute(attribute)) add(field, v, a.value());
  }
  void add_text(CodeField field, const Visit& v) { add(field, v, v.element.node.text().get()); }

  void match_ubl(const Visit& v) {
    if (!xml::same_name(v.uri, ns::kCbc)) return;
    const std::string_view l = v.local;
    const Visit* up = v.parent;
    if (l == "InvoiceTypeCode") return add_text(CodeField::DocumentType, v);
    if (l == "CreditNoteTypeCode") return add_text(CodeField::CreditNoteType, v);
    if (l == "Amount" || l == "BaseAmount" || l == "PriceAmount" || l == "TaxAmount" ||
        l == "TaxableAmount" || l == "LineExtensionAmount" || l == "TaxExclusiveAmount" ||
        l == "TaxInclusiveAmount" || l == "AllowanceTotalAmount" || l == "ChargeTotalAmount" ||
        l == "PrepaidAmount" || l == "PayableRoundingAmount" || l == "PayableAmount") {
      // The official context has no [@currencyID]: an amount without one fails.
      return add(CodeField::AmountCurrency, v, v.element.node.attribute("currencyID").value());
    }
    if (l == "DocumentCurrencyCode") return add_text(CodeField::InvoiceCurrency, v);
    if (l == "TaxCurrencyCode") return add_text(CodeField::VatCurrency, v);
    if (l == "DescriptionCode" && is(up, ns::kCac, "InvoicePeriod"))
      return add_text(CodeField::TaxPointDateCode, v);
    if (l == "ID") return match_ubl_id(v);
    if (l == "CompanyID" && is(up, ns::kCac, "PartyLegalEntity"))
      return add_attribute(CodeField::LegalIdScheme, v, "schemeID");
    if (l == "ItemClassificationCode" && is(up, ns::kCac, "CommodityClassification"))
      return add_attribute(CodeField::ClassificationList, v, "listID");
    if (l == "IdentificationCode" && is(up, ns::kCac, "Country"))
      return add_text(CodeField::Country, v);
    if (l == "IdentificationCode" && is(up, ns::kCac, "OriginCountry"))
      return add_text(CodeField::OriginCountry, v);
    if (l == "PaymentMeansCode" && is(up, ns::kCac, "PaymentMeans"))
      return add_text(CodeField::PaymentMeans, v);
    if (l == "AllowanceChargeReasonCode" && is(up, ns::kCac, "AllowanceCharge")) {
      return reason_code(v);
    }
    if (l == "TaxExemptionReasonCode") return add_text(CodeField::ExemptionReason, v);
    if (l == "InvoicedQuantity" || l == "BaseQuantity" || l == "CreditedQuantity")
      return add_attribute(CodeField::UnitCode, v, "unitCode");
    if (l == "EmbeddedDocumentBinaryObject")
      return add_attribute(CodeField::MimeCode, v, "mimeCode");
    if (l == "EndpointID") return add_attribute(CodeField::AddressScheme, v, "schemeID");
  }

  void match_ubl_id(const Visit& v) {
    const Visit* up = v.parent;
    if (up == nullptr || !xml::same_name(up->uri, ns::kCac)) return;
    const std::string_view p = up->local;
    if (p == "TaxCategory") return add_text(CodeField::AllowanceChargeVat, v);
    if (p == "ClassifiedTaxCategory") return add_text(CodeField::VatCategory, v);
    pugi::xml_attribute scheme = v.element.node.attribute("schemeID");
    if (!scheme) return;
    if ((p == "AdditionalDocumentReference" || p == "DocumentReference") &&
        is_invoiced_object(r_, up->element)) {
      return add(CodeField::ObjectScheme, v, scheme.value());
    }
    if (p == "PartyIdentification") {
      out_.add(CodeField::PartyIdScheme,
               {scheme.value(), r_.where(v.element),
                v.in_seller_or_payee ? CodedValue::Sepa::Allowed : CodedValue::Sepa::Refused});
      return;
    }
    if (p == "StandardItemIdentification") return add(CodeField::ItemIdScheme, v, scheme.value());
    if (p == "DeliveryLocation") return add(CodeField::DeliveryScheme, v, scheme.value());
  }

  // An allowance's or a charge's reason code, as its indicator says.
  void reason_code(const Visit& v) {
    const Element& ac = v.parent->element;
    if (indicator_is(r_, ac, syntax_, false)) add_text(CodeField::AllowanceReason, v);
    // Not else: an element with both indicators matches the first context only.
    else if (indicator_is(r_, ac, syntax_, true))
      add_text(CodeField::ChargeReason, v);
  }

  // The CII contexts in the official order: an element goes to the first that matches.
  void match_cii(const Visit& v) {
    const std::string_view l = v.local;
    const Visit* up = v.parent;
    if (!xml::same_name(v.uri, ns::kRam)) return;
    if (l == "TypeCode" && is(up, ns::kRsm, "ExchangedDocument"))
      return add_text(CodeField::DocumentType, v);
    if (l == "TaxTotalAmount") return add_attribute(CodeField::AmountCurrency, v, "currencyID");
    if (l == "InvoiceCurrencyCode") return add_text(CodeField::InvoiceCurrency, v);
    if (l == "TaxCurrencyCode") return add_text(CodeField::VatCurrency, v);
    if (l == "DueDateTypeCode") return add_text(CodeField::TaxPointDateCode, v);
    if (l == "ReferenceTypeCode") return add_text(CodeField::ObjectScheme, v);
    if (l == "SubjectCode") return add_text(CodeField::NoteSubject, v);
    pugi::xml_attribute scheme = v.element.node.attribute("schemeID");
    if (l == "GlobalID" && scheme) {
      if (!v.in_product && !v.in_ship_to) return add(CodeField::PartyIdScheme, v, scheme.value());
    }
    if (l == "ID" && scheme && !v.in_tax_registration)
      return add(CodeField::LegalIdScheme, v, scheme.value());
    if (l == "ClassCode") return add_attribute(CodeField::ClassificationList, v, "listID");
    if (l == "CountryID") return add_text(CodeField::Country, v);
    if (l == "ID" && is(up, ns::kRam, "OriginTradeCountry"))
      return add_text(CodeField::OriginCountry, v);
    if (l == "TypeCode" && is(up, ns::kRam, "SpecifiedTradeSettlementPaymentMeans"))
      return add_text(CodeField::PaymentMeans, v);
    if (l == "CategoryCode" && is(up, ns::kRam, "CategoryTradeTax"))
      return add_text(CodeField::AllowanceChargeVat, v);
    if (l == "CategoryCode" && is(up, ns::kRam, "ApplicableTradeTax"))
      return add_text(CodeField::VatCategory, v);
    if (l == "ReasonCode" && is(up, ns::kRam, "SpecifiedTradeAllowanceCharge"))
      return reason_code(v);
    if (l == "GlobalID" && scheme && is(up, ns::kRam, "SpecifiedTradeProduct"))
      return add(CodeField::ItemIdScheme, v, scheme.value());
    if (l == "ExemptionReasonCode") return add_text(CodeField::ExemptionReason, v);
    if (l == "BasisQuantity" || l == "BilledQuantity")
      return add_attribute(CodeField::UnitCode, v, "unitCode");
    if (l == "AttachmentBinaryObject") return add_attribute(CodeField::MimeCode, v, "mimeCode");
    if (l == "URIID" && is(up, ns::kRam, "URIUniversalCommunication"))
      return add_attribute(CodeField::AddressScheme, v, "schemeID");
    if (l == "GlobalID" && scheme && is(up, ns::kRam, "ShipToTradeParty") &&
        is(up->parent, ns::kRam, "ApplicableHeaderTradeDelivery")) {
      return add(CodeField::DeliveryScheme, v, scheme.value());
    }
  }

  const Reader& r_;
  Syntax syntax_;
  CodedValues out_;
  std::vector<SiblingName> siblings_;
};

}  // namespace

CodedValues collect_codes(const Reader& reader, Syntax syntax) {
  return CodeWalk(reader, syntax).run();
}

}  // namespace cprokit::readers
