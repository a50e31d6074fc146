// BR-FR-04: the invoice type code (BT-3) is one the reform accepts. The
// same test on the types of preceding invoices (EXT-FR-FE-02, -137) reads
// elements the model does not have yet.
#include <fmt/format.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

void check_br_fr_04(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  // The context is the type code element: without one, nothing to test.
  if (!inv.type_code || is_document_type(inv.type_code->value)) return;
  report.fire(inv.type_code->source,
              {fmt::format("Le type de document (BT-3) « {} » n'est pas admis par la réforme : "
                           "donnez l'un de 380, 389, 393, 501, 386, 500, 384, 471, 472, 473, "
                           "261, 262, 381, 396, 502, 503.",
                           inv.type_code->value),
               fmt::format("The document type (BT-3) \"{}\" is not accepted by the reform: give "
                           "one of 380, 389, 393, 501, 386, 500, 384, 471, 472, 473, 261, 262, "
                           "381, 396, 502, 503.",
                           inv.type_code->value)});
}

}  // namespace

void register_document_type_rules(Registry& registry) {
  registry.add(fr_rule("BR-FR-04_BT-3",
                       {"Le type de document (BT-3) est l'un de ceux que la réforme admet.",
                        "The document type (BT-3) is one the reform accepts."},
                       {"BT-3"}, check_br_fr_04));
}

}  // namespace cprokit::fr
