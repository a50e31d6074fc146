// Fuzz target: the JSON of a deposit request (the API's soumettre call) as
// `cprokit lint --with INVOICE` and the mock's deposits read it: the JSON
// tree, kind detection, the deposit-request reader and the rules, among them
// those comparing the request with the invoice it is for.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>

#include "tests/fuzz/fuzz_linter.hpp"

namespace {

const cprokit::Linter& linter_with_invoice() {
  static const cprokit::Linter linter = [] {
    cprokit::LintedDocument read;
    std::optional<cprokit::Invoice> invoice = cprokit::fuzz::linter().read_invoice(
        cprokit::fuzz::fixture("invoices/chorus/invoice-chorus-ok.xml"), read);
    if (!invoice) throw std::runtime_error("fuzz: the invoice of the deposit requests is not read");
    return cprokit::fuzz::linter().for_deposit(
        "", std::make_shared<const cprokit::Invoice>(std::move(*invoice)));
  }();
  return linter;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)linter_with_invoice().lint("fuzz.json", cprokit::fuzz::as_text(data, size));
  return 0;
}
