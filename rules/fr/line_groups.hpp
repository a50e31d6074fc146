// How the multi-vendor and bi-directional rules (BR-FR-MV-*, BR-FR-BD-*)
// tell the head of a group of lines (a sub-invoice), in each syntax. The
// reference compares the texts as written (" GROUP" is no GROUP), and so do
// these.
#pragma once

#include <optional>
#include <string_view>

#include "rules/model/invoice.hpp"

namespace cprokit::fr {

// Whether a line's sub-type (CII LineStatusReasonCode, UBL
// DocumentStatusCode) is `code` as written.
inline bool is_status(const Invoice& inv, const std::optional<Text>& status,
                      std::string_view code) {
  return is_written(inv, status, code);
}

// CII: a line whose sub-type (EXT-FR-FE-163, LineStatusReasonCode) is
// "GROUP" and that has no parent line (EXT-FR-FE-162, ParentLineID).
inline bool is_group_head_cii(const Invoice& inv, const InvoiceLine& line) {
  return is_status(inv, line.status_reason_code, "GROUP") && !line.parent_line_id;
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
  return ref.id && is_invoice_number(inv, *ref.id) && is_status(inv, ref.status_code, "GROUP") &&
         ref.line_ids.empty();
}

}  // namespace cprokit::fr
