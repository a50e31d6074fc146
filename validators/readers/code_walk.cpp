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

// The namespaces the official contexts name.
enum class Ns : unsigned char { Other, Cac, Cbc, Rsm, Ram };

Ns official(std::string_view uri) {
  if (xml::same_name(uri, ns::kCac)) return Ns::Cac;
  if (xml::same_name(uri, ns::kCbc)) return Ns::Cbc;
  if (xml::same_name(uri, ns::kRsm)) return Ns::Rsm;
  if (xml::same_name(uri, ns::kRam)) return Ns::Ram;
  return Ns::Other;
}

// An element met on the walk, with what the CII contexts ask of its ancestors.
struct Visit {
  const Element& element;
  const Visit* parent;  // null for the root
  std::string_view local;
  Ns ns;
  // CII: below a ram:SpecifiedTaxRegistration, SpecifiedTradeProduct, ShipToTradeParty.
  bool in_tax_registration, in_product, in_ship_to;
  // UBL: below the seller (AccountingSupplierParty) or the payee (PayeeParty).
  bool in_seller_or_payee;
};

bool is(const Visit* v, Ns ns, std::string_view local) {
  return v != nullptr && v->ns == ns && xml::same_name(v->local, local);
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
            ns_of(r_.names().uri(e.node, qualified)),
            parent != nullptr && parent->in_tax_registration,
            parent != nullptr && parent->in_product,
            parent != nullptr && parent->in_ship_to,
            parent != nullptr && parent->in_seller_or_payee};
    if (syntax_ == Syntax::Ubl) {
      match_ubl(v);
      v.in_seller_or_payee =
          v.in_seller_or_payee ||
          (v.ns == Ns::Cac && (local == "PayeeParty" || local == "AccountingSupplierParty"));
    } else {
      match_cii(v);
      if (v.ns == Ns::Ram) {
        v.in_tax_registration = v.in_tax_registration || local == "SpecifiedTaxRegistration";
        v.in_product = v.in_product || local == "SpecifiedTradeProduct";
        v.in_ship_to = v.in_ship_to || local == "ShipToTradeParty";
      }
    }
    visit_children(v);
  }

  Ns ns_of(std::string_view uri) {
    for (const auto& [data, ns] : known_uris_) {
      if (data == uri.data()) return ns;
    }
    const Ns ns = official(uri);
    if (known_uris_.size() < kKnownUris) known_uris_.emplace_back(uri.data(), ns);
    return ns;
  }

  // Each child with its 1-based position among same-named siblings, spelled
  // only where the name repeats (as the readers spell their paths). Whether a
  // name met for the first time repeats is found by scanning the later
  // siblings, which is cheapest for the few children of most elements. On a
  // long list (a 100,000-line invoice's header names, each scanning all the
  // lines) the scans stop after kScanBudget siblings and every child of the
  // element is counted by name instead, in one pass.
  void visit_children(const Visit& v) {
    // This element's names, on top of siblings_ (shared by every level, so
    // that a walk allocates it once): [base, end) while the children run.
    const std::size_t base = siblings_.size();
    const pugi::xml_node parent = v.element.node;
    std::size_t budget = kScanBudget;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const char* qualified = c.name();
      SiblingName* name = find_sibling_name(base, qualified);
      if (name == nullptr) {
        // total: 1 when no later sibling repeats the name, 2 when one does.
        name = &siblings_.emplace_back(SiblingName{qualified, 1, 0});
        switch (repeats_after(c, qualified, budget)) {
          case Repeats::No:
            break;
          case Repeats::Yes:
            name->total = 2;
            break;
          case Repeats::OverBudget:
            count_children(base, parent);  // every later name is then found
            name = find_sibling_name(base, qualified);
            break;
        }
      }
      ++name->seen;
      Element child{c, &v.element, name->total == 1 ? 0 : name->seen, nullptr, {}};
      visit(child, &v);  // may reallocate siblings_: `name` is not used after
    }
    siblings_.resize(base);
  }

  enum class Repeats : unsigned char { No, Yes, OverBudget };

  // Whether a later sibling of `element` bears `qualified`; each sibling
  // scanned is taken from `budget`.
  static Repeats repeats_after(const pugi::xml_node& element, const char* qualified,
                               std::size_t& budget) {
    for (pugi::xml_node s = element.next_sibling(); s; s = s.next_sibling()) {
      if (budget == 0) return Repeats::OverBudget;
      --budget;
      if (xml::same_c_name(s.name(), qualified)) return Repeats::Yes;
    }
    return Repeats::No;
  }

  // Every name among the element children of `parent`, with its total, in
  // siblings_[base, end); the counts seen so far are kept.
  void count_children(std::size_t base, const pugi::xml_node& parent) {
    for (auto it = siblings_.begin() + static_cast<std::ptrdiff_t>(base); it != siblings_.end();
         ++it) {
      it->total = 0;
    }
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const char* qualified = c.name();
      SiblingName* name = find_sibling_name(base, qualified);
      if (name == nullptr) name = &siblings_.emplace_back(SiblingName{qualified, 0, 0});
      ++name->total;
    }
  }

  // The entry of `qualified` in siblings_[base, end), moved to the back
  // (siblings of one name mostly come together), or nullptr.
  SiblingName* find_sibling_name(std::size_t base, const char* qualified) {
    if (siblings_.size() > base && xml::same_c_name(siblings_.back().name, qualified)) {
      return &siblings_.back();
    }
    const auto level = siblings_.begin() + static_cast<std::ptrdiff_t>(base);
    const auto it = std::find_if(level, siblings_.end(), [qualified](const SiblingName& s) {
      return xml::same_c_name(s.name, qualified);
    });
    if (it == siblings_.end()) return nullptr;
    std::swap(*it, siblings_.back());
    return &siblings_.back();
  }

  void add(CodeField field, const Visit& v, std::string value) {
    out_.add(field, {std::move(value), r_.where(v.element)});
  }
  void add_attribute(CodeField field, const Visit& v, const char* attribute) {
    if (pugi::xml_attribute a = v.element.node.attribute(attribute)) add(field, v, a.value());
  }
  void add_text(CodeField field, const Visit& v) { add(field, v, v.element.node.text().get()); }

  void match_ubl(const Visit& v) {
    if (v.ns != Ns::Cbc) return;
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
    if (l == "DescriptionCode" && is(up, Ns::Cac, "InvoicePeriod"))
      return add_text(CodeField::TaxPointDateCode, v);
    if (l == "ID") return match_ubl_id(v);
    if (l == "CompanyID" && is(up, Ns::Cac, "PartyLegalEntity"))
      return add_attribute(CodeField::LegalIdScheme, v, "schemeID");
    if (l == "ItemClassificationCode" && is(up, Ns::Cac, "CommodityClassification"))
      return add_attribute(CodeField::ClassificationList, v, "listID");
    if (l == "IdentificationCode" && is(up, Ns::Cac, "Country"))
      return add_text(CodeField::Country, v);
    if (l == "IdentificationCode" && is(up, Ns::Cac, "OriginCountry"))
      return add_text(CodeField::OriginCountry, v);
    if (l == "PaymentMeansCode" && is(up, Ns::Cac, "PaymentMeans"))
      return add_text(CodeField::PaymentMeans, v);
    if (l == "AllowanceChargeReasonCode" && is(up, Ns::Cac, "AllowanceCharge")) {
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
    if (up == nullptr || up->ns != Ns::Cac) return;
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
    if (v.ns != Ns::Ram) return;
    if (l == "TypeCode" && is(up, Ns::Rsm, "ExchangedDocument"))
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
    if (l == "ID" && is(up, Ns::Ram, "OriginTradeCountry"))
      return add_text(CodeField::OriginCountry, v);
    if (l == "TypeCode" && is(up, Ns::Ram, "SpecifiedTradeSettlementPaymentMeans"))
      return add_text(CodeField::PaymentMeans, v);
    if (l == "CategoryCode" && is(up, Ns::Ram, "CategoryTradeTax"))
      return add_text(CodeField::AllowanceChargeVat, v);
    if (l == "CategoryCode" && is(up, Ns::Ram, "ApplicableTradeTax"))
      return add_text(CodeField::VatCategory, v);
    if (l == "ReasonCode" && is(up, Ns::Ram, "SpecifiedTradeAllowanceCharge"))
      return reason_code(v);
    if (l == "GlobalID" && scheme && is(up, Ns::Ram, "SpecifiedTradeProduct"))
      return add(CodeField::ItemIdScheme, v, scheme.value());
    if (l == "ExemptionReasonCode") return add_text(CodeField::ExemptionReason, v);
    if (l == "BasisQuantity" || l == "BilledQuantity")
      return add_attribute(CodeField::UnitCode, v, "unitCode");
    if (l == "AttachmentBinaryObject") return add_attribute(CodeField::MimeCode, v, "mimeCode");
    if (l == "URIID" && is(up, Ns::Ram, "URIUniversalCommunication"))
      return add_attribute(CodeField::AddressScheme, v, "schemeID");
    if (l == "GlobalID" && scheme && is(up, Ns::Ram, "ShipToTradeParty") &&
        is(up->parent, Ns::Ram, "ApplicableHeaderTradeDelivery")) {
      return add(CodeField::DeliveryScheme, v, scheme.value());
    }
  }

  const Reader& r_;
  Syntax syntax_;
  CodedValues out_;
  std::vector<SiblingName> siblings_;
  // ns_of() by the address of a URI's characters: the elements of one
  // prefix all view the same declaration, so each of a document's few URIs
  // is compared once. Bounded: a document declaring a namespace on every
  // element gets no memo beyond the first ones.
  static constexpr std::size_t kKnownUris = 16;
  // Siblings an element's first-met names may scan before its children are
  // counted by name instead.
  static constexpr std::size_t kScanBudget = 256;
  std::vector<std::pair<const char*, Ns>> known_uris_;
};

}  // namespace

CodedValues collect_codes(const Reader& reader, Syntax syntax) {
  return CodeWalk(reader, syntax).run();
}

}  // namespace cprokit::readers
