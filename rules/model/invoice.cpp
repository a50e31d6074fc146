#include "rules/model/invoice.hpp"

#include <algorithm>

namespace cprokit {
namespace {

bool in_invoice_currency(const Invoice& invoice, const Amount& amount) {
  return invoice.currency && !invoice.currency->value.empty() &&
         amount.currency == invoice.currency->value;
}

}  // namespace

std::vector<const Amount*> vat_totals_in_invoice_currency(const Invoice& invoice) {
  std::vector<const Amount*> out;
  for (const Amount& total : invoice.vat_totals) {
    if (in_invoice_currency(invoice, total)) out.push_back(&total);
  }
  return out;
}

const Amount* vat_total_in_invoice_currency(const Invoice& invoice) {
  const auto first = std::ranges::find_if(
      invoice.vat_totals, [&](const Amount& total) { return in_invoice_currency(invoice, total); });
  return first == invoice.vat_totals.end() ? nullptr : &*first;
}

}  // namespace cprokit
