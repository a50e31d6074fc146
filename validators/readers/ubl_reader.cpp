// UBL 2.1 Invoice and CreditNote onto the EN 16931 model, after the UBL
// binding of EN 16931 (CEN/TS 16931-3-2).
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "validators/readers/code_walk.hpp"
#include "validators/readers/namespaces.hpp"
#include "validators/readers/reader.hpp"
#include "validators/readers/readers.hpp"

namespace cprokit::readers {
namespace {

using ns::kCac;
using ns::kCbc;

class UblReader {
 public:
  UblReader(const xml::LoadedXml& xml, DocumentKind kind, std::vector<Finding>& findings)
      : r_(xml, findings), kind_(kind) {}

  Invoice read() {
    Invoice inv;
    inv.paths = r_.paths();
    inv.syntax = Syntax::Ubl;
    inv.kind = kind_;
    const bool credit = kind_ == DocumentKind::CreditNote;
    Element root = r_.root();

    inv.specification_id = r_.text(root, kCbc, "CustomizationID");
    inv.business_process = r_.text(root, kCbc, "ProfileID", Keep::AsWritten);
    inv.number = r_.text(root, kCbc, "ID", Keep::AsWritten);
    inv.issue_date = r_.text(root, kCbc, "IssueDate", Keep::AsWritten);
    inv.due_date = r_.text(root, kCbc, "DueDate", Keep::AsWritten);
    inv.tax_point_date = r_.text(root, kCbc, "TaxPointDate", Keep::AsWritten);
    inv.type_code =
        r_.text(root, kCbc, credit ? "CreditNoteTypeCode" : "InvoiceTypeCode", Keep::AsWritten);
    for (const Element& note : r_.children(root, kCbc, "Note")) {
      inv.notes.push_back(r_.text_of(note));
      if (std::string_view(note.node.text().get()).find("#BAR#") != std::string_view::npos) {
        inv.bar_notes.push_back(written(note));
      }
    }
    inv.currency = r_.text(root, kCbc, "DocumentCurrencyCode");
    inv.vat_currency = r_.text(root, kCbc, "TaxCurrencyCode");
    inv.buyer_reference = r_.text(root, kCbc, "BuyerReference");
    for (const Element& p : r_.children(root, kCac, "InvoicePeriod")) {
      inv.invoicing_periods.push_back(period(p));
    }
    if (Element order = r_.child(root, kCac, "OrderReference")) {
      inv.purchase_order_reference = r_.text(order, kCbc, "ID");
    }
    for (const Element& billing : r_.children(root, kCac, "BillingReference")) {
      DocumentReference ref;
      ref.source = r_.where(billing);
      if (Element doc = r_.child(billing, kCac, "InvoiceDocumentReference")) {
        ref.id = r_.text(doc, kCbc, "ID", Keep::AsWritten);
        ref.issue_date = r_.text(doc, kCbc, "IssueDate", Keep::AsWritten);
        for (const Element& code : r_.children(doc, kCbc, "DocumentTypeCode")) {
          inv.preceding_invoice_type_codes.push_back(written(code));
        }
      }
      inv.preceding_invoices.push_back(std::move(ref));
    }
    if (Element contract = r_.child(root, kCac, "ContractDocumentReference")) {
      inv.contract_reference = r_.text(contract, kCbc, "ID");
    }
    for (const Element& doc : r_.children(root, kCac, "AdditionalDocumentReference")) {
      inv.supporting_documents.push_back({r_.text(doc, kCbc, "ID"), std::nullopt, r_.where(doc)});
      inv.referenced_documents.documents.push_back(referenced_document(doc));
    }
    if (!inv.referenced_documents.documents.empty())
      inv.referenced_documents.source = r_.where(root);
    for (const Element& item : r_.children(root, kCac, "Item")) {
      // Not where the norm has an item, but where BR-FR-27 looks for one.
      for (const Element& property : r_.children(item, kCac, "AdditionalItemProperty")) {
        inv.root_item_attribute_forms.push_back(item_attribute_form(property));
      }
    }

    if (Element supplier = r_.child(root, kCac, "AccountingSupplierParty")) {
      Element p = r_.child(supplier, kCac, "Party");
      inv.seller = party(p);
      // Without its cac:Party the seller group is still there, empty (BR-CO-26).
      if (inv.seller.source.step == nullptr) inv.seller.source = r_.where(supplier);
      if (p) agent_and_providers(p, inv.seller_agent, inv.invoicers);
    }
    if (Element customer = r_.child(root, kCac, "AccountingCustomerParty")) {
      Element p = r_.child(customer, kCac, "Party");
      inv.buyer = party(p);
      if (p) agent_and_providers(p, inv.buyer_agent, inv.invoicees);
    }
    if (Element payee = r_.child(root, kCac, "PayeeParty")) inv.payee = party(payee);
    if (Element representative = r_.child(root, kCac, "TaxRepresentativeParty")) {
      inv.tax_representative = party(representative);
      for (const Element& tax : r_.children(representative, kCac, "PartyTaxScheme")) {
        inv.representative_has_tax_scheme = true;
        if (!inv.representative_company_id) {
          inv.representative_company_id = r_.text(tax, kCbc, "CompanyID");
        }
      }
    }
    if (Element delivery = r_.child(root, kCac, "Delivery"))
      inv.delivery = this->delivery(delivery);
    for (const Element& delivery : r_.children(root, kCac, "Delivery")) {
      if (auto location = deliver_to(delivery)) inv.deliver_to.push_back(std::move(*location));
    }

    for (const Element& means : r_.children(root, kCac, "PaymentMeans")) {
      inv.payment_means.push_back(payment_means(means));
      if (!inv.payment_means_due_date) {
        inv.payment_means_due_date = r_.text(means, kCbc, "PaymentDueDate");
      }
      if (credit && !inv.due_date && inv.payment_means_due_date) {
        inv.due_date = inv.payment_means_due_date;
        inv.due_date_in_payment_means = true;
      }
      if (Element mandate = r_.child(means, kCac, "PaymentMandate")) {
        if (Element payer = r_.child(mandate, kCac, "PayerParty")) {
          inv.payers.push_back(party(payer));
        }
      }
    }
    if (Element terms = r_.child(root, kCac, "PaymentTerms")) {
      inv.payment_terms = r_.text(terms, kCbc, "Note");
    }
    for (const Element& ac : r_.children(root, kCac, "AllowanceCharge")) {
      inv.allowances_charges.push_back(allowance_charge(ac, true));
    }
    for (const Element& total : r_.children(root, kCac, "TaxTotal")) {
      VatTotalGroup group;
      group.source = r_.where(total);
      group.amount = r_.amount(total, kCbc, "TaxAmount");
      if (group.amount) inv.vat_totals.push_back(*group.amount);
      group.breakdown_begin = inv.vat_breakdown.size();
      for (const Element& sub : r_.children(total, kCac, "TaxSubtotal")) {
        inv.vat_breakdown.push_back(vat_breakdown(sub));
      }
      group.breakdown_end = inv.vat_breakdown.size();
      inv.vat_total_groups.push_back(std::move(group));
    }
    if (Element totals = r_.child(root, kCac, "LegalMonetaryTotal")) {
      inv.totals = monetary_totals(totals);
    }
    const auto lines = r_.children(root, kCac, credit ? "CreditNoteLine" : "InvoiceLine");
    // The official tests read the lines of either name (the XSD refuses a
    // credit note's InvoiceLine, and the reverse): those come after.
    const auto misnamed = r_.children(root, kCac, credit ? "InvoiceLine" : "CreditNoteLine");
    inv.lines.reserve(lines.size() + misnamed.size());
    for (const Element& line : lines) {
      inv.lines.push_back(invoice_line(line, credit, &inv.item_attribute_forms));
      ReferencedDocuments objects;
      for (const Element& doc : r_.children(line, kCac, "DocumentReference")) {
        objects.documents.push_back(referenced_document(doc));
      }
      if (!objects.documents.empty()) {
        objects.source = r_.where(line);
        inv.line_objects.push_back(std::move(objects));
      }
    }
    // The reform's tests on item attributes and line objects do not read these.
    for (const Element& line : misnamed) {
      inv.lines.push_back(invoice_line(line, credit, nullptr));
      inv.lines.back().misnamed = true;
    }
    inv.unreadable_numbers = r_.unreadable_numbers();
    inv.padded_texts = r_.take_padded_texts();
    FoundAnywhere anywhere = find_anywhere(r_, Syntax::Ubl);
    inv.codes = std::move(anywhere.codes);
    for (const Element& means : anywhere.payment_means_elsewhere) {
      inv.payment_means_elsewhere.push_back(payment_means(means));
    }
    return inv;
  }

 private:
  Party party(const Element& p) {
    Party out;
    if (!p) return out;
    out.source = r_.where(p);
    if (Element name = r_.child(p, kCac, "PartyName")) {
      out.trading_name = r_.text(name, kCbc, "Name");
    }
    for (const Element& id : r_.children(p, kCac, "PartyIdentification")) {
      if (auto value = r_.identifier(id, kCbc, "ID", Keep::AsWritten)) {
        out.identifiers.push_back(*value);
      }
    }
    if (Element legal = r_.child(p, kCac, "PartyLegalEntity")) {
      out.legal_entity = r_.where(legal);
      out.name = r_.text(legal, kCbc, "RegistrationName");
      out.legal_id = r_.identifier(legal, kCbc, "CompanyID", Keep::AsWritten);
    }
    // The payee (BT-59) and the tax representative (BT-62) are named by
    // PartyName/Name; the seller and the buyer by their legal entity only.
    const std::string_view local = p.node.name();
    if (local.ends_with("PayeeParty") || local.ends_with("TaxRepresentativeParty")) {
      out.name = out.trading_name;
    }
    for (const Element& tax : r_.children(p, kCac, "PartyTaxScheme")) {
      auto company = r_.text(tax, kCbc, "CompanyID");
      if (is_vat_scheme(tax_scheme_of(tax))) {
        out.vat_id = company;
      } else {
        out.tax_registration_id = company;
      }
    }
    out.electronic_address = r_.identifier(p, kCbc, "EndpointID", Keep::AsWritten);
    if (Element address = r_.child(p, kCac, "PostalAddress")) out.address = postal(address);
    return out;
  }

  // The reform's parties within the seller's or the buyer's: its agent
  // (EXT-FR-FE-69, EXT-FR-FE-06) and the cac:Party of each of its
  // cac:ServiceProviderParty (invoicer EXT-FR-FE-115, invoicee EXT-FR-FE-92).
  void agent_and_providers(const Element& p, std::optional<Party>& agent,
                           std::vector<Party>& providers) {
    if (Element a = r_.child(p, kCac, "AgentParty")) agent = party(a);
    for (const Element& provider : r_.children(p, kCac, "ServiceProviderParty")) {
      if (Element inner = r_.child(provider, kCac, "Party")) providers.push_back(party(inner));
    }
  }

  // BT-71's location as a party (see Invoice::deliver_to): every cbc:ID of
  // the cac:DeliveryLocation, and the cac:DeliveryParty's legal id.
  std::optional<Party> deliver_to(const Element& delivery) {
    Element location = r_.child(delivery, kCac, "DeliveryLocation");
    if (!location) return std::nullopt;
    Party out = location_ids(location);
    if (Element receiver = r_.child(delivery, kCac, "DeliveryParty")) {
      if (Element legal = r_.child(receiver, kCac, "PartyLegalEntity")) {
        out.legal_id = r_.identifier(legal, kCbc, "CompanyID");
      }
    }
    return out;
  }

  // A cac:DeliveryLocation's ids, each cbc:ID (BR-FR-CO-10 reads them all).
  Party location_ids(const Element& location) {
    Party out;
    out.source = r_.where(location);
    for (const Element& id : r_.children(location, kCbc, "ID")) {
      out.identifiers.push_back(r_.identifier_of(id));
    }
    return out;
  }

  Address postal(const Element& a) {
    Address out;
    out.source = r_.where(a);
    out.line1 = r_.text(a, kCbc, "StreetName");
    out.line2 = r_.text(a, kCbc, "AdditionalStreetName");
    if (Element line = r_.child(a, kCac, "AddressLine")) out.line3 = r_.text(line, kCbc, "Line");
    out.city = r_.text(a, kCbc, "CityName");
    out.postcode = r_.text(a, kCbc, "PostalZone");
    out.subdivision = r_.text(a, kCbc, "CountrySubentity");
    if (Element country = r_.child(a, kCac, "Country")) {
      out.country = r_.text(country, kCbc, "IdentificationCode");
    }
    return out;
  }

  PaymentMeans payment_means(const Element& m) {
    PaymentMeans out;
    out.source = r_.where(m);
    out.code = r_.text(m, kCbc, "PaymentMeansCode");
    out.remittance_information = r_.text(m, kCbc, "PaymentID");
    if (Element card = r_.child(m, kCac, "CardAccount")) {
      out.card_number = r_.text(card, kCbc, "PrimaryAccountNumberID");
    }
    for (const Element& account : r_.children(m, kCac, "PayeeFinancialAccount")) {
      if (auto id = r_.identifier(account, kCbc, "ID")) {
        out.payee_accounts.push_back(*id);
      } else {
        out.accounts_without_id.push_back(r_.where(account));
      }
    }
    return out;
  }

  // TaxScheme/ID of a TaxCategory, ClassifiedTaxCategory or PartyTaxScheme.
  std::optional<Text> tax_scheme_of(const Element& e) {
    Element scheme = r_.child(e, kCac, "TaxScheme");
    return scheme ? r_.text(scheme, kCbc, "ID") : std::nullopt;
  }

  Period period(const Element& p) {
    Period out;
    out.source = r_.where(p);
    out.start = r_.text(p, kCbc, "StartDate", Keep::AsWritten);
    out.end = r_.text(p, kCbc, "EndDate", Keep::AsWritten);
    out.description_code = r_.text(p, kCbc, "DescriptionCode");
    return out;
  }

  Delivery delivery(const Element& d) {
    Delivery out;
    out.source = r_.where(d);
    out.actual_date = r_.text(d, kCbc, "ActualDeliveryDate", Keep::AsWritten);
    if (Element location = r_.child(d, kCac, "DeliveryLocation")) {
      out.location_id = r_.identifier(location, kCbc, "ID");
      if (Element address = r_.child(location, kCac, "Address")) out.address = postal(address);
    }
    return out;
  }

  AllowanceCharge allowance_charge(const Element& e, bool document_level) {
    AllowanceCharge out;
    out.source = r_.where(e);
    out.charge_indicator = r_.text(e, kCbc, "ChargeIndicator");
    if (const auto& indicator = out.charge_indicator) {
      out.is_charge = indicator->value == "true" || indicator->value == "1";
    }
    out.reason_code = r_.text(e, kCbc, "AllowanceChargeReasonCode");
    out.reason = r_.text(e, kCbc, "AllowanceChargeReason");
    out.percentage = r_.number(e, kCbc, "MultiplierFactorNumeric");
    out.amount = r_.amount(e, kCbc, "Amount");
    out.base_amount = r_.amount(e, kCbc, "BaseAmount");
    if (document_level) {
      if (Element category = r_.child(e, kCac, "TaxCategory")) {
        out.vat_category = r_.text(category, kCbc, "ID", Keep::AsWritten);
        if (Element id = r_.child(category, kCbc, "ID")) {
          out.vat_category_padded =
              trimmed_text(id.node).size() != std::string_view(id.node.text().get()).size();
        }
        out.vat_rate = r_.number(category, kCbc, "Percent", out.vat_rate_unreadable);
        out.tax_scheme = tax_scheme_of(category);
      }
    }
    return out;
  }

  VatBreakdown vat_breakdown(const Element& sub) {
    VatBreakdown out;
    out.source = r_.where(sub);
    out.taxable_amount = r_.amount(sub, kCbc, "TaxableAmount");
    out.tax_amount = r_.amount(sub, kCbc, "TaxAmount");
    if (Element category = r_.child(sub, kCac, "TaxCategory")) {
      out.category = r_.text(category, kCbc, "ID", Keep::AsWritten);
      out.rate = r_.number(category, kCbc, "Percent", out.rate_unreadable);
      out.exemption_reason = r_.text(category, kCbc, "TaxExemptionReason");
      out.exemption_code = r_.text(category, kCbc, "TaxExemptionReasonCode");
      out.tax_scheme = tax_scheme_of(category);
    }
    return out;
  }

  Totals monetary_totals(const Element& t) {
    Totals out;
    out.source = r_.where(t);
    out.line_net_total = r_.amount(t, kCbc, "LineExtensionAmount");
    out.tax_exclusive = r_.amount(t, kCbc, "TaxExclusiveAmount");
    out.tax_inclusive = r_.amount(t, kCbc, "TaxInclusiveAmount", out.tax_inclusive_unreadable);
    out.allowance_total = r_.amount(t, kCbc, "AllowanceTotalAmount");
    out.charge_total = r_.amount(t, kCbc, "ChargeTotalAmount");
    out.prepaid = r_.amount(t, kCbc, "PrepaidAmount", out.prepaid_unreadable);
    out.rounding = r_.amount(t, kCbc, "PayableRoundingAmount");
    out.payable = r_.amount(t, kCbc, "PayableAmount", out.payable_unreadable);
    return out;
  }

  // A line's cac:BillingReference: the terms of its InvoiceDocumentReference,
  // the ids of its BillingReferenceLines.
  LineInvoiceReference line_invoice_reference(const Element& billing) {
    LineInvoiceReference out;
    out.source = r_.where(billing);
    if (Element doc = r_.child(billing, kCac, "InvoiceDocumentReference")) {
      out.id = r_.text(doc, kCbc, "ID", Keep::AsWritten);
      out.issue_date = r_.text(doc, kCbc, "IssueDate");
      out.status_code = r_.text(doc, kCbc, "DocumentStatusCode", Keep::AsWritten);
      out.type_code = r_.text(doc, kCbc, "DocumentTypeCode");
    }
    if (Element other = r_.child(billing, kCac, "DocumentReference")) {
      out.document_reference_id = r_.text(other, kCbc, "ID");
    }
    for (const Element& line : r_.children(billing, kCac, "BillingReferenceLine")) {
      if (auto id = r_.text(line, kCbc, "ID")) out.line_ids.push_back(std::move(*id));
    }
    return out;
  }

  // An element's text as written, not trimmed (the reform's tests compare it so).
  Text written(const Element& e) const { return {e.node.text().get(), r_.where(e)}; }

  // An additional document reference (header) or a line's document reference.
  ReferencedDocument referenced_document(const Element& d) {
    ReferencedDocument out;
    out.source = r_.where(d);
    for (const Element& id : r_.children(d, kCbc, "ID")) {
      pugi::xml_attribute scheme = id.node.attribute("schemeID");
      out.ids.push_back({id.node.text().get(), scheme.value(), r_.where(id), !scheme.empty()});
    }
    for (const Element& description : r_.children(d, kCbc, "DocumentDescription")) {
      out.descriptions.push_back(written(description));
    }
    return out;
  }

  ItemAttributeForm item_attribute_form(const Element& p) {
    ItemAttributeForm out;
    out.source = r_.where(p);
    for (const Element& name : r_.children(p, kCbc, "Name"))
      out.names.push_back(written(name));
    for (const Element& code : r_.children(p, kCbc, "NameCode"))
      out.codes.push_back(written(code));
    out.has_value = static_cast<bool>(r_.child(p, kCbc, "Value"));
    for (const Element& quantity : r_.children(p, kCbc, "ValueQuantity")) {
      out.has_measure = true;
      if (*quantity.node.attribute("unitCode").value() != '\0') out.measure_with_unit = true;
    }
    return out;
  }

  // `forms`: where the item attributes' forms go (BR-FR-27, -28), or null.
  InvoiceLine invoice_line(const Element& l, bool credit, std::vector<ItemAttributeForm>* forms) {
    InvoiceLine out;
    out.source = r_.where(l);
    out.id = r_.text(l, kCbc, "ID");
    Element quantity = r_.child(l, kCbc, credit ? "CreditedQuantity" : "InvoicedQuantity");
    if (!quantity) quantity = r_.child(l, kCbc, credit ? "InvoicedQuantity" : "CreditedQuantity");
    if (quantity) {
      out.quantity = r_.number_of(quantity);
      if (pugi::xml_attribute unit = quantity.node.attribute("unitCode")) {
        out.unit_code = Text{unit.value(), r_.where(quantity)};
      }
    }
    out.net_amount = r_.amount(l, kCbc, "LineExtensionAmount", out.net_amount_unreadable);
    out.amount_with_vat = r_.amount(l, kCbc, "TaxInclusiveLineExtensionAmount",  // BR-FR-MV
                                    out.amount_with_vat_unreadable);
    if (Element p = r_.child(l, kCac, "InvoicePeriod")) out.period = period(p);
    if (Element order_line = r_.child(l, kCac, "OrderLineReference")) {
      out.purchase_order_line = r_.text(order_line, kCbc, "LineID");
    }
    for (const Element& billing : r_.children(l, kCac, "BillingReference")) {
      out.invoice_references.push_back(line_invoice_reference(billing));
    }
    for (const Element& doc : r_.children(l, kCac, "DocumentReference")) {
      out.document_references.push_back({r_.identifier(doc, kCbc, "ID", Keep::AsWritten),
                                         r_.text(doc, kCbc, "DocumentTypeCode"),
                                         r_.text(doc, kCbc, "IssueDate"), r_.where(doc)});
    }
    for (const Element& delivery : r_.children(l, kCac, "Delivery")) {
      if (auto date = r_.text(delivery, kCbc, "ActualDeliveryDate")) {
        out.actual_delivery_dates.push_back(std::move(*date));
      }
    }
    for (const Element& ac : r_.children(l, kCac, "AllowanceCharge")) {
      out.allowances_charges.push_back(allowance_charge(ac, false));
    }
    // BR-FR-MV: a GROUP line's VAT amounts (EXT-FR-FE-181, -182).
    for (const Element& tax : r_.children(l, kCac, "TaxTotal")) {
      std::optional<UnreadableAmount> unreadable;
      if (auto amount = r_.amount(tax, kCbc, "TaxAmount", unreadable)) {
        out.vat_totals.push_back(*amount);
      } else if (unreadable) {
        out.vat_totals_unreadable.push_back(std::move(*unreadable));
      }
    }
    if (Element item = r_.child(l, kCac, "Item")) {
      // BR-FR-MV: a GROUP line's seller (EXT-FR-FE-164, -167, -177).
      if (Element seller = r_.child(item, kCac, "ManufacturerParty")) {
        out.item_seller = party(seller);
      }
      out.item_name = r_.text(item, kCbc, "Name");
      if (Element standard = r_.child(item, kCac, "StandardItemIdentification")) {
        out.standard_id = r_.identifier(standard, kCbc, "ID");
      }
      if (Element origin = r_.child(item, kCac, "OriginCountry")) {
        out.origin_country = r_.text(origin, kCbc, "IdentificationCode");
      }
      for (const Element& commodity : r_.children(item, kCac, "CommodityClassification")) {
        if (Element code = r_.child(commodity, kCbc, "ItemClassificationCode")) {
          Identifier id = r_.identifier_of(code);
          pugi::xml_attribute list = code.node.attribute("listID");
          id.scheme = list.value();
          id.scheme_given = !list.empty();
          out.classifications.push_back(std::move(id));
        }
      }
      if (Element category = r_.child(item, kCac, "ClassifiedTaxCategory")) {
        out.vat_category = r_.text(category, kCbc, "ID", Keep::AsWritten);
        out.vat_rate = r_.number(category, kCbc, "Percent", out.vat_rate_unreadable);
        out.vat_tax_scheme = tax_scheme_of(category);
        out.vat_exemption_reason = r_.text(category, kCbc, "TaxExemptionReason");  // BR-FR-MV
      }
      for (const Element& property : r_.children(item, kCac, "AdditionalItemProperty")) {
        out.attributes.push_back({r_.text(property, kCbc, "Name"), r_.text(property, kCbc, "Value"),
                                  r_.where(property)});
        if (forms != nullptr) forms->push_back(item_attribute_form(property));
      }
    }
    // EXT-FR-FE-146, the line's deliver-to locations.
    for (const Element& delivery : r_.children(l, kCac, "Delivery")) {
      if (Element location = r_.child(delivery, kCac, "DeliveryLocation")) {
        out.deliver_to.push_back(location_ids(location));
      }
    }
    if (Element price = r_.child(l, kCac, "Price")) {
      out.net_price = r_.number(price, kCbc, "PriceAmount");
      out.price_base_quantity = r_.number(price, kCbc, "BaseQuantity");
      if (Element discount = r_.child(price, kCac, "AllowanceCharge")) {
        out.price_discount = r_.number(discount, kCbc, "Amount");
        out.gross_price = r_.number(discount, kCbc, "BaseAmount");
      }
    }
    return out;
  }

  Reader r_;
  DocumentKind kind_;
};

}  // namespace

Invoice read_ubl(const xml::LoadedXml& xml, DocumentKind kind, std::vector<Finding>& findings) {
  return UblReader(xml, kind, findings).read();
}

}  // namespace cprokit::readers
