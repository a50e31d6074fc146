// Generated invoices for the benchmark: UBL 2.1 Invoice and CII D16B
// CrossIndustryInvoice with any number of lines, built in memory.
//
// Each document is arithmetically consistent (exact integer cents: line net =
// price x quantity rounded half up, VAT per rate, BG-22 totals), so the totals
// rules (BR-CO-10/13/15/16) stay silent, and it follows the XSD element order,
// so it is schema-valid; its SIRETs and VAT numbers are valid and its
// engagement and IBAN present, so the Chorus Pro rules stay silent without a
// structure directory (CPRO-ENG-01 would warn without BT-13). The content varies with the seed and
// is the same for the same seed on every machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cprokit::bench {

enum class InvoiceSyntax { Ubl, Cii };

constexpr std::string_view name(InvoiceSyntax s) {
  return s == InvoiceSyntax::Ubl ? "UBL" : "CII";
}

// A generated invoice and the name it would be deposited under on Chorus Pro,
// "<seller>_<invoice number>.xml", so that CPRO-NAME-01 stays silent.
struct GeneratedInvoice {
  std::string name;
  std::string xml;
};

// One invoice of `lines` lines (at least 1).
GeneratedInvoice generate_invoice(InvoiceSyntax syntax, std::size_t lines, std::uint64_t seed);

// `count` invoices of `lines` lines each, seeds first_seed, first_seed + 1, ...
std::vector<GeneratedInvoice> generate_corpus(InvoiceSyntax syntax, std::size_t count,
                                              std::size_t lines, std::uint64_t first_seed = 1);

}  // namespace cprokit::bench
