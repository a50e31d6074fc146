// How the multi-vendor and bi-directional rules (BR-FR-MV-*, BR-FR-BD-*)
// tell the head of a group of lines (a sub-invoice), in each syntax. Texts
// are compared as the model keeps them (trimmed); the reference compares
// them as written.
#pragma once

#include "rules/model/invoice.hpp"

namespace cprokit::fr {

// CII: a line whose sub-type (EXT-FR-FE-163, LineStatusReasonCode) is
// "GROUP" and that has no parent line (EXT-FR-FE-162, ParentLineID).
inline bool is_group_head_cii(const InvoiceLine& line) {
  return line.status_reason_code && line.status_reason_code->value == "GROUP" &&
         !line.parent_line_id;
}

// Whether `id` is the invoice number BT-1, both compared as written: the
// reference's $invoiceID is the raw text of BT-1, and its = compares strings
// as they are (" F-1" is not "F-1").
inline bool is_invoice_number(const Invoice& inv, const Text& id) {
  return inv.number && as_written(inv, id.value, id.source) ==
                           as_written(inv, inv.number->value, inv.number->source);
}

// UBL: a line's billing reference to the invoice itself (its id is the
// invoice number BT-1), of status (DocumentStatusCode) "GROUP" and with no
// BillingReferenceLine/ID: it makes its line a group's head.
inline bool is_group_reference_ubl(const Invoice& inv, const LineInvoiceReference& ref) {
  return ref.id && is_invoice_number(inv, *ref.id) && ref.status_code &&
         ref.status_code->value == "GROUP" && ref.line_ids.empty();
}

}  // namespace cprokit::fr
