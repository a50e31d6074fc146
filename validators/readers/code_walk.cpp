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

// A child element met on the walk, with its name read once and its 1-based
// position among same-named siblings (0 where the name does not repeat).
struct Child {
  pugi::xml_node node;
  std::string_view name;
  std::uint32_t position;
};

class CodeWalk {
 public:
  CodeWalk(const Reader& r, Syntax syntax) : r_(r), syntax_(syntax) {}

  FoundAnywhere run() {
    Element root = r_.root();
    visit(root, root.node.name(), nullptr);
    return std::move(out_);
  }

 private:
  // `qualified`: e.node.name().
  void visit(const Element& e, std::string_view qualified, const Visit* parent) {
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
      if (v.ns == Ns::Cac && parent != nullptr && parent->parent != nullptr &&
          local == "PaymentMeans") {
        out_.payment_means_elsewhere.push_back(r_.detached(e));
      }
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
  // only where the name repeats (as the readers spell their paths).
  void visit_children(const Visit& v) {
    // This element's children, on top of children_ (shared by every level,
    // so that a walk allocates it once): [base, end) while they are visited.
    const std::size_t base = children_.size();
    for (pugi::xml_node c = v.element.node.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) children_.push_back({c, c.name(), 0});
    }
    const std::size_t end = children_.size();
    number_children(base, end);
    for (std::size_t i = base; i < end; ++i) {
      const Child c = children_[i];  // a copy: deeper levels may reallocate children_
      Element child(c.node, &v.element, c.position);
      visit(child, c.name, &v);
    }
    children_.resize(base);
  }

  // Sets the positions of children_[base, end). Most elements have a few
  // children, whose names are told apart by their lengths; a long list (the
  // invoice lines) is sorted by name instead of compared pair by pair.
  void number_children(std::size_t base, std::size_t end) {
    if (end - base <= kFewChildren) {
      for (std::size_t i = base; i < end; ++i) {
        if (children_[i].position != 0) continue;  // numbered with an earlier one
        std::uint32_t position = 1;
        for (std::size_t j = i + 1; j < end; ++j) {
          if (xml::same_name(children_[j].name, children_[i].name))
            children_[j].position = ++position;
        }
        if (position > 1) children_[i].position = 1;
      }
      return;
    }
    order_.resize(end - base);
    for (std::size_t i = 0; i < order_.size(); ++i)
      order_[i] = base + i;
    // Stable: within a name, the children keep their document order.
    std::stable_sort(order_.begin(), order_.end(), [this](std::size_t a, std::size_t b) {
      return children_[a].name < children_[b].name;
    });
    for (std::size_t run = 0; run < order_.size();) {
      std::size_t next = run + 1;
      while (next < order_.size() &&
             xml::same_name(children_[order_[next]].name, children_[order_[run]].name)) {
        ++next;
      }
      if (next - run > 1) {
        for (std::size_t k = run; k < next; ++k)
          children_[order_[k]].position = static_cast<std::uint32_t>(k - run + 1);
      }
      run = next;
    }
  }

  void add(CodeField field, const Visit& v, std::string value) {
    out_.codes.add(field, {std::move(value), r_.where(v.element)});
  }
  void add_attribute(CodeField field, const Visit& v, const char* attribute) {
    if (pugi::xml_attribute a = v.element.node.attribute(attribute)) add(field, v, a.value());
  }
  void add_text(CodeField field, const Visit& v) { add(field, v, v.element.node.text().get()); }
  // The text of a CII date's udt:DateString child, "" without one.
  std::string date_string(const Element& date) const {
    const Element child = r_.child(date, ns::kUdt, "DateString");
    return child ? std::string(child.node.text().get()) : std::string();
  }

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
      out_.codes.add(CodeField::PartyIdScheme, {scheme.value(), r_.where(v.element),
                                                v.in_seller_or_payee ? CodedValue::Sepa::Allowed
                                                                     : CodedValue::Sepa::Refused});
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
    if (l == "TaxPointDate") return add(CodeField::TaxPointDate, v, date_string(v.element));
    if (l == "ReferenceTypeCode") return add_text(CodeField::ObjectScheme, v);
    if (l == "SubjectCode") return add_text(CodeField::NoteSubject, v);
    // Only identifiers' schemes are read: most elements have no attribute to look for.
    const pugi::xml_attribute scheme =
        l == "GlobalID" || l == "ID" ? v.element.node.attribute("schemeID") : pugi::xml_attribute();
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
  FoundAnywhere out_;
  std::vector<Child> children_;
  std::vector<std::size_t> order_;  // number_children()'s sort of a long list
  // ns_of() by the address of a URI's characters: the elements of one
  // prefix all view the same declaration, so each of a document's few URIs
  // is compared once. Bounded: a document declaring a namespace on every
  // element gets no memo beyond the first ones.
  static constexpr std::size_t kKnownUris = 16;
  // Children numbered pair by pair; more are sorted by name.
  static constexpr std::size_t kFewChildren = 32;
  std::vector<std::pair<const char*, Ns>> known_uris_;
};

}  // namespace

FoundAnywhere find_anywhere(const Reader& reader, Syntax syntax) {
  return CodeWalk(reader, syntax).run();
}

}  // namespace cprokit::readers
