#include "cli/invoice_option.hpp"

#include <fmt/core.h>

#include "cli/option_file.hpp"
#include "cli/user_error.hpp"

namespace cprokit::cli {

std::shared_ptr<const Invoice> load_invoice_file(const std::string& path,
                                                 const LintOptions& options) {
  const std::string bytes = read_option_file("--with", path);
  LintOptions reading = options;
  reading.invoice_file = nullptr;
  XsdSetup no_xsd;
  no_xsd.disabled = true;  // only the totals are read
  const Linter linter(reading, no_xsd);
  LintedDocument doc;
  std::optional<Invoice> invoice = linter.read_invoice(bytes, doc);
  if (!invoice) {
    const Finding* why = doc.findings.empty() ? nullptr : &doc.findings.front();
    const std::string rule = why != nullptr ? why->rule : "";
    throw UserError({fmt::format("--with {} : pas une facture lisible : {} {}", path, rule,
                                 why != nullptr ? why->message.fr : ""),
                     fmt::format("--with {}: not a readable invoice: {} {}", path, rule,
                                 why != nullptr ? why->message.en : "")});
  }
  return std::make_shared<const Invoice>(std::move(*invoice));
}

}  // namespace cprokit::cli
