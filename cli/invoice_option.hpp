// --with INVOICE_FILE: the invoice a deposit request is for, read once for
// the whole run (CPRO-TOT-05 compares the amounts entered with its totals).
#pragma once

#include <memory>
#include <string>

#include "rules/model/invoice.hpp"
#include "validators/pipeline.hpp"

namespace cprokit::cli {

// Reads the file as lint reads an invoice (safe XML, no XSD). Throws
// UserError (cli/user_error.hpp) naming the file and why it is not an
// invoice that can be read.
std::shared_ptr<const Invoice> load_invoice_file(const std::string& path,
                                                 const LintOptions& options);

}  // namespace cprokit::cli
