// BR-FR-04: the invoice type code (BT-3) is one the reform accepts. The
// same test on the types of preceding invoices (EXT-FR-FE-02, -137) reads
// elements the model does not have yet.
// The code is compared as written: " 380" or "380 " (white space around
// it) is refused, as the reference refuses it.
#include <string_view>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

void check_br_fr_04(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  // The context is the type code element: without one, nothing to test.
  if (!inv.type_code) return;
  const std::string_view code = as_written(inv, inv.type_code->value, inv.type_code->source);
  if (is_document_type(code)) return;
  report.fire(inv.type_code->source,
              {fmt::format("Le type de document (BT-3) « {} » n'est pas admis par la réforme : "
                           "donnez l'un de 380, 389, 393, 501, 386, 500, 384, 471, 472, 473, "
                           "261, 262, 381, 396, 502, 503, sans blanc autour.",
                           code),
               fmt::format("The document type (BT-3) \"{}\" is not accepted by the reform: give "
                           "one of 380, 389, 393, 501, 386, 500, 384, 471, 472, 473, 261, 262, "
                           "381, 396, 502, 503, without white space around it.",
                           code)});
}

}  // namespace

void register_document_type_rules(Registry& registry) {
  registry.add(fr_rule("BR-FR-04_BT-3",
                       {"Le type de document (BT-3) est l'un de ceux que la réforme admet.",
                        "The document type (BT-3) is one the reform accepts."},
                       {"BT-3"}, check_br_fr_04));
}

}  // namespace cprokit::fr
