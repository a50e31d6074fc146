// UN/CEFACT CII D16B CrossIndustryInvoice onto the EN 16931 model, after the
// CII binding of EN 16931 (CEN/TS 16931-3-3). Values are read in the order of
// the D16B schema, so number findings (XML-07) come in document order.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "validators/readers/code_walk.hpp"
#include "validators/readers/namespaces.hpp"
#include "validators/readers/reader.hpp"
#include "validators/readers/readers.hpp"

namespace cprokit::readers {
namespace {

using ns::kQdt;
using ns::kRam;
using ns::kRsm;
using ns::kUdt;

class CiiReader {
 public:
  CiiReader(const xml::LoadedXml& xml, DocumentKind kind, std::vector<Finding>& findings)
      : r_(xml, findings), kind_(kind) {}

  Invoice read() {
    Invoice inv;
    inv.paths = r_.paths();
    inv.syntax = Syntax::Cii;
    inv.kind = kind_;
    Element root = r_.root();

    if (Element context = r_.child(root, kRsm, "ExchangedDocumentContext")) {
      if (Element guideline =
              r_.child(context, kRam, "GuidelineSpecifiedDocumentContextParameter")) {
        inv.specification_id = r_.text(guideline, kRam, "ID");
      }
      if (Element process =
              r_.child(context, kRam, "BusinessProcessSpecifiedDocumentContextParameter")) {
        inv.business_process = r_.text(process, kRam, "ID", Keep::AsWritten);
      }
    }

    if (Element document = r_.child(root, kRsm, "ExchangedDocument")) {
      inv.number = r_.text(document, kRam, "ID", Keep::AsWritten);
      inv.type_code = r_.text(document, kRam, "TypeCode", Keep::AsWritten);
      if (Element issued = r_.child(document, kRam, "IssueDateTime")) {
        if (Element date = r_.child(issued, kUdt, "DateTimeString")) {
          inv.issue_date = r_.text_of(date, Keep::AsWritten);
          inv.issue_date_format = date.node.attribute("format").value();
        }
      }
      for (const Element& note : r_.children(document, kRam, "IncludedNote")) {
        auto content = r_.text(note, kRam, "Content", Keep::AsWritten);
        if (content) inv.notes.push_back(*content);
        inv.included_notes.push_back({r_.text(note, kRam, "SubjectCode", Keep::AsWritten),
                                      std::move(content), r_.where(note)});
      }
    }

    Element transaction = r_.child(root, kRsm, "SupplyChainTradeTransaction");
    if (!transaction) {
      inv.padded_texts = r_.take_padded_texts();  // the number's, the type code's
      return inv;
    }

    if (Element agreement = r_.child(transaction, kRam, "ApplicableHeaderTradeAgreement")) {
      inv.buyer_reference = r_.text(agreement, kRam, "BuyerReference");
      inv.seller = party(r_.child(agreement, kRam, "SellerTradeParty"));
      inv.buyer = party(r_.child(agreement, kRam, "BuyerTradeParty"));
      if (Element agent = r_.child(agreement, kRam, "SalesAgentTradeParty")) {
        inv.seller_agent = party(agent);
      }
      if (Element agent = r_.child(agreement, kRam, "BuyerAgentTradeParty")) {
        inv.buyer_agent = party(agent);
      }
      if (Element order = r_.child(agreement, kRam, "BuyerOrderReferencedDocument")) {
        inv.purchase_order_reference = r_.text(order, kRam, "IssuerAssignedID");
      }
      if (Element representative = r_.child(agreement, kRam, "SellerTaxRepresentativeTradeParty")) {
        inv.tax_representative = party(representative);
      }
      if (Element contract = r_.child(agreement, kRam, "ContractReferencedDocument")) {
        inv.contract_reference = r_.text(contract, kRam, "IssuerAssignedID");
      }
      for (const Element& doc : r_.children(agreement, kRam, "AdditionalReferencedDocument")) {
        inv.supporting_documents.push_back(
            {r_.text(doc, kRam, "IssuerAssignedID"), std::nullopt, r_.where(doc)});
        inv.referenced_documents.documents.push_back(referenced_document(doc));
      }
      if (!inv.referenced_documents.documents.empty()) {
        inv.referenced_documents.source = r_.where(agreement);
      }
    }

    if (Element delivery = r_.child(transaction, kRam, "ApplicableHeaderTradeDelivery")) {
      inv.delivery = this->delivery(delivery);
      if (Element ship_to = r_.child(delivery, kRam, "ShipToTradeParty")) {
        inv.deliver_to.push_back(party_ids(ship_to));
      }
    }

    if (Element settlement = r_.child(transaction, kRam, "ApplicableHeaderTradeSettlement")) {
      inv.currency = r_.text(settlement, kRam, "InvoiceCurrencyCode");
      inv.vat_currency = r_.text(settlement, kRam, "TaxCurrencyCode");
      if (Element invoicer = r_.child(settlement, kRam, "InvoicerTradeParty")) {
        inv.invoicers.push_back(party(invoicer));
      }
      if (Element invoicee = r_.child(settlement, kRam, "InvoiceeTradeParty")) {
        inv.invoicees.push_back(party(invoicee));
      }
      if (Element payee = r_.child(settlement, kRam, "PayeeTradeParty")) inv.payee = party(payee);
      if (Element payer = r_.child(settlement, kRam, "PayerTradeParty")) {
        inv.payers.push_back(party(payer));
      }

      // BT-83 is at header level in CII: every payment means carries it.
      auto remittance = r_.text(settlement, kRam, "PaymentReference");
      for (const Element& means :
           r_.children(settlement, kRam, "SpecifiedTradeSettlementPaymentMeans")) {
        PaymentMeans pm = payment_means(means);
        if (!pm.remittance_information) pm.remittance_information = remittance;
        inv.payment_means.push_back(std::move(pm));
      }
      for (const Element& tax : r_.children(settlement, kRam, "ApplicableTradeTax")) {
        inv.vat_breakdown.push_back(vat_breakdown(tax));
      }
      if (Element p = r_.child(settlement, kRam, "BillingSpecifiedPeriod")) {
        inv.invoicing_periods.push_back(period(p));
      }
      for (const Element& ac : r_.children(settlement, kRam, "SpecifiedTradeAllowanceCharge")) {
        inv.allowances_charges.push_back(allowance_charge(ac, true));
      }
      if (Element terms = r_.child(settlement, kRam, "SpecifiedTradePaymentTerms")) {
        inv.payment_terms = r_.text(terms, kRam, "Description");
        if (Element due = r_.child(terms, kRam, "DueDateDateTime")) {
          inv.due_date = r_.text(due, kUdt, "DateTimeString", Keep::AsWritten);
        }
      }
      if (Element totals =
              r_.child(settlement, kRam, "SpecifiedTradeSettlementHeaderMonetarySummation")) {
        inv.totals = monetary_totals(totals, inv.vat_totals);
      }
      for (const Element& ref : r_.children(settlement, kRam, "InvoiceReferencedDocument")) {
        DocumentReference preceding;
        preceding.source = r_.where(ref);
        preceding.id = r_.text(ref, kRam, "IssuerAssignedID", Keep::AsWritten);
        if (Element issued = r_.child(ref, kRam, "FormattedIssueDateTime")) {
          preceding.issue_date = r_.text(issued, kQdt, "DateTimeString", Keep::AsWritten);
        }
        for (const Element& code : r_.children(ref, kRam, "TypeCode")) {
          inv.preceding_invoice_type_codes.push_back(written(code));
        }
        inv.preceding_invoices.push_back(std::move(preceding));
      }
    }

    const auto lines = r_.children(transaction, kRam, "IncludedSupplyChainTradeLineItem");
    inv.lines.reserve(lines.size());
    for (const Element& line : lines) {
      inv.lines.push_back(invoice_line(line, inv.item_attribute_forms));
      // Not where the norm has BT-128, but where BR-FR-30 looks for it.
      ReferencedDocuments objects;
      for (const Element& doc : r_.children(line, kRam, "AdditionalReferencedDocument")) {
        objects.documents.push_back(referenced_document(doc));
      }
      if (!objects.documents.empty()) {
        objects.source = r_.where(line);
        inv.line_objects.push_back(std::move(objects));
      }
      if (Element settlement = r_.child(line, kRam, "SpecifiedLineTradeSettlement")) {
        for (const Element& doc : r_.children(settlement, kRam, "AdditionalReferencedDocument")) {
          auto id = r_.text(doc, kRam, "IssuerAssignedID", Keep::AsWritten);
          const SourceRef where = r_.where(doc);
          inv.line_referenced_documents.push_back({id, std::nullopt, where});
          // BR-FR-MV: the line's object identifiers (BT-128).
          inv.lines.back().object_references.push_back({std::move(id),
                                                        r_.text(doc, kRam, "ReferenceTypeCode"),
                                                        r_.text(doc, kRam, "TypeCode"), where});
        }
      }
    }
    inv.unreadable_numbers = r_.unreadable_numbers();
    inv.padded_texts = r_.take_padded_texts();
    inv.codes = find_anywhere(r_, Syntax::Cii).codes;
    return inv;
  }

 private:
  // The Reader has identifier() for a child only; CII repeats ram:ID and
  // ram:GlobalID, so identifiers are also read from elements already found.
  // A party's ids and legal id only: what the rules read of a deliver-to
  // party (BT-71, EXT-FR-FE-146).
  Party party_ids(const Element& p) {
    Party out;
    out.source = r_.where(p);
    for (const Element& id : r_.children(p, kRam, "ID")) {
      out.identifiers.push_back(r_.identifier_of(id));
    }
    for (const Element& id : r_.children(p, kRam, "GlobalID")) {
      out.identifiers.push_back(r_.identifier_of(id, Keep::AsWritten));
      out.identifiers.back().global = true;
    }
    if (Element legal = r_.child(p, kRam, "SpecifiedLegalOrganization")) {
      out.legal_id = r_.identifier(legal, kRam, "ID");
    }
    return out;
  }

  Party party(const Element& p) {
    Party out;
    if (!p) return out;
    out = party_ids(p);
    out.name = r_.text(p, kRam, "Name");
    if (Element legal = r_.child(p, kRam, "SpecifiedLegalOrganization")) {
      out.legal_entity = r_.where(legal);
      out.legal_id = r_.identifier(legal, kRam, "ID", Keep::AsWritten);
      out.trading_name = r_.text(legal, kRam, "TradingBusinessName");
    }
    if (Element address = r_.child(p, kRam, "PostalTradeAddress")) out.address = postal(address);
    if (Element uri = r_.child(p, kRam, "URIUniversalCommunication")) {
      out.electronic_address = r_.identifier(uri, kRam, "URIID", Keep::AsWritten);
      // BR-62 and BR-63 ask for the wrapper: without its URIID, an empty address.
      if (!out.electronic_address) out.electronic_address = r_.empty_identifier_at(uri);
    }
    for (const Element& tax : r_.children(p, kRam, "SpecifiedTaxRegistration")) {
      Element id = r_.child(tax, kRam, "ID");
      if (!id) continue;
      std::string_view scheme = id.node.attribute("schemeID").value();
      if (scheme == "VA" && !out.vat_id) {
        out.vat_id = r_.text_of(id);
      } else if (scheme == "FC" && !out.tax_registration_id) {
        out.tax_registration_id = r_.text_of(id);
      }
    }
    return out;
  }

  Address postal(const Element& a) {
    Address out;
    out.source = r_.where(a);
    out.line1 = r_.text(a, kRam, "LineOne");
    out.line2 = r_.text(a, kRam, "LineTwo");
    out.line3 = r_.text(a, kRam, "LineThree");
    out.city = r_.text(a, kRam, "CityName");
    out.postcode = r_.text(a, kRam, "PostcodeCode");
    out.subdivision = r_.text(a, kRam, "CountrySubDivisionName");
    out.country = r_.text(a, kRam, "CountryID");
    return out;
  }

  PaymentMeans payment_means(const Element& m) {
    PaymentMeans out;
    out.source = r_.where(m);
    out.code = r_.text(m, kRam, "TypeCode");
    if (Element card = r_.child(m, kRam, "ApplicableTradeSettlementFinancialCard")) {
      out.card_number = r_.text(card, kRam, "ID");
    }
    for (const Element& account : r_.children(m, kRam, "PayeePartyCreditorFinancialAccount")) {
      if (Element iban = r_.child(account, kRam, "IBANID")) {
        Identifier id = r_.identifier_of(iban);
        id.scheme = "IBAN";
        out.payee_accounts.push_back(std::move(id));
      } else if (Element other = r_.child(account, kRam, "ProprietaryID")) {
        out.payee_accounts.push_back(r_.identifier_of(other));
      } else {
        out.accounts_without_id.push_back(r_.where(account));
      }
    }
    return out;
  }

  // A BillingSpecifiedPeriod (BG-14 or BG-26). The tests ask for the
  // StartDateTime and EndDateTime wrappers (BR-29, BR-30, BR-CO-19, BR-CO-20,
  // BR-IC-11): a wrapper without its date is an empty date, of no format.
  Period period(const Element& p) {
    Period out;
    out.source = r_.where(p);
    if (Element start = r_.child(p, kRam, "StartDateTime")) {
      out.start = date_in(start, out.start_format);
    }
    if (Element end = r_.child(p, kRam, "EndDateTime")) out.end = date_in(end, out.end_format);
    return out;
  }

  // The udt:DateTimeString of a period's date wrapper, and its format.
  Text date_in(const Element& wrapper, std::string& format) {
    Element date = r_.child(wrapper, kUdt, "DateTimeString");
    if (!date) return r_.empty_text_at(wrapper);
    format = date.node.attribute("format").value();
    return r_.text_of(date, Keep::AsWritten);
  }

  Delivery delivery(const Element& d) {
    Delivery out;
    out.source = r_.where(d);
    if (Element ship_to = r_.child(d, kRam, "ShipToTradeParty")) {
      out.location_id = r_.identifier(ship_to, kRam, "ID");
      if (!out.location_id) out.location_id = r_.identifier(ship_to, kRam, "GlobalID");
      if (Element address = r_.child(ship_to, kRam, "PostalTradeAddress")) {
        out.address = postal(address);
      }
    }
    if (Element event = r_.child(d, kRam, "ActualDeliverySupplyChainEvent")) {
      if (Element when = r_.child(event, kRam, "OccurrenceDateTime")) {
        out.actual_date = r_.text(when, kUdt, "DateTimeString", Keep::AsWritten);
      }
    }
    return out;
  }

  AllowanceCharge allowance_charge(const Element& e, bool document_level) {
    AllowanceCharge out;
    out.source = r_.where(e);
    if (Element indicator = r_.child(e, kRam, "ChargeIndicator")) {
      out.charge_indicator = r_.text(indicator, kUdt, "Indicator");
      if (const auto& value = out.charge_indicator) {
        out.is_charge = value->value == "true" || value->value == "1";
      }
    }
    out.percentage = r_.number(e, kRam, "CalculationPercent");
    out.base_amount = r_.amount(e, kRam, "BasisAmount");
    out.amount = r_.amount(e, kRam, "ActualAmount");
    out.reason_code = r_.text(e, kRam, "ReasonCode");
    out.reason = r_.text(e, kRam, "Reason");
    if (document_level) {
      if (Element category = r_.child(e, kRam, "CategoryTradeTax")) {
        out.tax_scheme = r_.text(category, kRam, "TypeCode");
        out.vat_category = r_.text(category, kRam, "CategoryCode", Keep::AsWritten);
        if (Element code = r_.child(category, kRam, "CategoryCode")) {
          out.vat_category_padded =
              trimmed_text(code.node).size() != std::string_view(code.node.text().get()).size();
        }
        out.vat_rate = r_.number(category, kRam, "RateApplicablePercent", out.vat_rate_unreadable);
      }
    }
    return out;
  }

  VatBreakdown vat_breakdown(const Element& tax) {
    VatBreakdown out;
    out.source = r_.where(tax);
    out.tax_amount = r_.amount(tax, kRam, "CalculatedAmount");
    out.tax_scheme = r_.text(tax, kRam, "TypeCode");
    out.exemption_reason = r_.text(tax, kRam, "ExemptionReason");
    out.taxable_amount = r_.amount(tax, kRam, "BasisAmount");
    out.category = r_.text(tax, kRam, "CategoryCode", Keep::AsWritten);
    out.exemption_code = r_.text(tax, kRam, "ExemptionReasonCode");
    if (Element point = r_.child(tax, kRam, "TaxPointDate")) {
      // The wrapper without its DateString: BT-7 present, empty.
      out.tax_point_date = r_.text(point, kUdt, "DateString", Keep::AsWritten);
      if (!out.tax_point_date) out.tax_point_date = r_.empty_text_at(point);
    }
    out.rate = r_.number(tax, kRam, "RateApplicablePercent", out.rate_unreadable);
    return out;
  }

  // BG-22, and every TaxTotalAmount into `vat_totals`: BT-110 and BT-111 are
  // told apart by their currency, by the rules.
  Totals monetary_totals(const Element& t, std::vector<Amount>& vat_totals) {
    Totals out;
    out.source = r_.where(t);
    out.line_net_total = r_.amount(t, kRam, "LineTotalAmount");
    out.charge_total = r_.amount(t, kRam, "ChargeTotalAmount");
    out.allowance_total = r_.amount(t, kRam, "AllowanceTotalAmount");
    out.tax_exclusive = r_.amount(t, kRam, "TaxBasisTotalAmount");
    for (const Element& total : r_.children(t, kRam, "TaxTotalAmount")) {
      if (auto amount = r_.amount_of(total)) vat_totals.push_back(*amount);
    }
    out.rounding = r_.amount(t, kRam, "RoundingAmount");
    out.tax_inclusive = r_.amount(t, kRam, "GrandTotalAmount", out.tax_inclusive_unreadable);
    out.prepaid = r_.amount(t, kRam, "TotalPrepaidAmount", out.prepaid_unreadable);
    out.payable = r_.amount(t, kRam, "DuePayableAmount", out.payable_unreadable);
    return out;
  }

  // An element's text as written, not trimmed (the reform's tests compare it so).
  Text written(const Element& e) const { return {e.node.text().get(), r_.where(e)}; }

  ReferencedDocument referenced_document(const Element& d) {
    ReferencedDocument out;
    out.source = r_.where(d);
    for (const Element& id : r_.children(d, kRam, "IssuerAssignedID")) {
      pugi::xml_attribute scheme = id.node.attribute("schemeID");
      out.ids.push_back({id.node.text().get(), scheme.value(), r_.where(id), !scheme.empty()});
    }
    for (const Element& code : r_.children(d, kRam, "TypeCode")) {
      out.type_codes.push_back(written(code));
    }
    for (const Element& name : r_.children(d, kRam, "Name")) {
      out.descriptions.push_back(written(name));
    }
    for (const Element& type : r_.children(d, kRam, "ReferenceTypeCode")) {
      out.reference_types.push_back(written(type));
    }
    return out;
  }

  ItemAttributeForm item_attribute_form(const Element& c) {
    ItemAttributeForm out;
    out.source = r_.where(c);
    for (const Element& code : r_.children(c, kRam, "TypeCode"))
      out.codes.push_back(written(code));
    for (const Element& name : r_.children(c, kRam, "Description")) {
      out.names.push_back(written(name));
    }
    for (const Element& measure : r_.children(c, kRam, "ValueMeasure")) {
      out.has_measure = true;
      if (*measure.node.attribute("unitCode").value() != '\0') out.measure_with_unit = true;
    }
    out.has_value = static_cast<bool>(r_.child(c, kRam, "Value"));
    return out;
  }

  // `forms`: where the item attributes' forms go (BR-FR-27, -28).
  InvoiceLine invoice_line(const Element& l, std::vector<ItemAttributeForm>& forms) {
    InvoiceLine out;
    out.source = r_.where(l);
    if (Element document = r_.child(l, kRam, "AssociatedDocumentLineDocument")) {
      out.id = r_.text(document, kRam, "LineID");
      out.parent_line_id = r_.text(document, kRam, "ParentLineID");
      out.status_reason_code = r_.text(document, kRam, "LineStatusReasonCode", Keep::AsWritten);
    }
    if (Element product = r_.child(l, kRam, "SpecifiedTradeProduct")) {
      out.standard_id = r_.identifier(product, kRam, "GlobalID");
      out.item_name = r_.text(product, kRam, "Name");
      for (const Element& c : r_.children(product, kRam, "ApplicableProductCharacteristic")) {
        out.attributes.push_back(
            {r_.text(c, kRam, "Description"), r_.text(c, kRam, "Value"), r_.where(c)});
        forms.push_back(item_attribute_form(c));
      }
      for (const Element& c : r_.children(product, kRam, "DesignatedProductClassification")) {
        if (Element code = r_.child(c, kRam, "ClassCode")) {
          Identifier id = r_.identifier_of(code);
          pugi::xml_attribute list = code.node.attribute("listID");
          id.scheme = list.value();
          id.scheme_given = !list.empty();
          out.classifications.push_back(std::move(id));
        }
      }
      if (Element origin = r_.child(product, kRam, "OriginTradeCountry")) {
        out.origin_country = r_.text(origin, kRam, "ID");
      }
    }
    if (Element agreement = r_.child(l, kRam, "SpecifiedLineTradeAgreement")) {
      // BR-FR-MV: a GROUP line's seller (EXT-FR-FE-164, -167, -177).
      if (Element seller = r_.child(agreement, kRam, "ItemSellerTradeParty")) {
        out.item_seller = party(seller);
      }
      if (Element order_line = r_.child(agreement, kRam, "BuyerOrderReferencedDocument")) {
        out.purchase_order_line = r_.text(order_line, kRam, "LineID");
      }
      if (Element gross = r_.child(agreement, kRam, "GrossPriceProductTradePrice")) {
        out.gross_price = r_.number(gross, kRam, "ChargeAmount");
        if (Element discount = r_.child(gross, kRam, "AppliedTradeAllowanceCharge")) {
          out.price_discount = r_.number(discount, kRam, "ActualAmount");
        }
      }
      if (Element net = r_.child(agreement, kRam, "NetPriceProductTradePrice")) {
        out.net_price = r_.number(net, kRam, "ChargeAmount");
        out.price_base_quantity = r_.number(net, kRam, "BasisQuantity");
      }
    }
    if (Element delivery = r_.child(l, kRam, "SpecifiedLineTradeDelivery")) {
      if (Element quantity = r_.child(delivery, kRam, "BilledQuantity")) {
        out.quantity = r_.number_of(quantity);
        if (pugi::xml_attribute unit = quantity.node.attribute("unitCode")) {
          out.unit_code = Text{unit.value(), r_.where(quantity)};
        }
      }
      if (Element event = r_.child(delivery, kRam, "ActualDeliverySupplyChainEvent")) {
        if (Element when = r_.child(event, kRam, "OccurrenceDateTime")) {
          if (auto date = r_.text(when, kUdt, "DateTimeString")) {
            out.actual_delivery_dates.push_back(std::move(*date));
          }
        }
      }
      // EXT-FR-FE-146, the line's deliver-to party.
      if (Element ship_to = r_.child(delivery, kRam, "ShipToTradeParty")) {
        out.deliver_to.push_back(party_ids(ship_to));
      }
    }
    if (Element settlement = r_.child(l, kRam, "SpecifiedLineTradeSettlement")) {
      if (Element tax = r_.child(settlement, kRam, "ApplicableTradeTax")) {
        out.vat_tax_scheme = r_.text(tax, kRam, "TypeCode");
        out.vat_category = r_.text(tax, kRam, "CategoryCode", Keep::AsWritten);
        out.vat_rate = r_.number(tax, kRam, "RateApplicablePercent", out.vat_rate_unreadable);
        out.vat_exemption_reason = r_.text(tax, kRam, "ExemptionReason");  // BR-FR-MV
      }
      if (Element p = r_.child(settlement, kRam, "BillingSpecifiedPeriod")) out.period = period(p);
      for (const Element& ref : r_.children(settlement, kRam, "InvoiceReferencedDocument")) {
        LineInvoiceReference preceding;
        preceding.source = r_.where(ref);
        preceding.id = r_.text(ref, kRam, "IssuerAssignedID");
        preceding.type_code = r_.text(ref, kRam, "TypeCode");
        if (Element issued = r_.child(ref, kRam, "FormattedIssueDateTime")) {
          preceding.issue_date = r_.text(issued, kQdt, "DateTimeString");
        }
        out.invoice_references.push_back(std::move(preceding));
      }
      for (const Element& ac : r_.children(settlement, kRam, "SpecifiedTradeAllowanceCharge")) {
        out.allowances_charges.push_back(allowance_charge(ac, false));
      }
      if (Element sum =
              r_.child(settlement, kRam, "SpecifiedTradeSettlementLineMonetarySummation")) {
        out.net_amount = r_.amount(sum, kRam, "LineTotalAmount", out.net_amount_unreadable);
        // BR-FR-MV: a GROUP line's VAT amounts and amount with VAT
        // (EXT-FR-FE-181, -182, -184).
        for (const Element& vat : r_.children(sum, kRam, "TaxTotalAmount")) {
          std::optional<UnreadableAmount> unreadable;
          if (auto amount = r_.amount_of(vat, unreadable)) {
            out.vat_totals.push_back(*amount);
          } else if (unreadable) {
            out.vat_totals_unreadable.push_back(std::move(*unreadable));
          }
        }
        out.amount_with_vat =
            r_.amount(sum, kRam, "GrandTotalAmount", out.amount_with_vat_unreadable);
      }
    }
    return out;
  }

  Reader r_;
  DocumentKind kind_;
};

}  // namespace

Invoice read_cii(const xml::LoadedXml& xml, DocumentKind kind, std::vector<Finding>& findings) {
  return CiiReader(xml, kind, findings).read();
}

}  // namespace cprokit::readers
