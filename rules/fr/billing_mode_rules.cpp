// BR-FR-08: the cadre de facturation (BT-23) is given, one of the reform's
// codes (B1 … M9). Compared as written: a padded code (" S1") is no code.
#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

void check_br_fr_08(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const auto& mode = inv.business_process;
  // Compared as written: " S1" is no code.
  if (mode && is_billing_mode(as_written(inv, mode->value, mode->source))) return;
  if (!mode) {
    report.fire(Location{},
                {"Le cadre de facturation (BT-23) est absent : donnez l'un des codes de la "
                 "réforme (B1, S1, M1, B2 … M9 ; B biens, S services, M mixte).",
                 "The billing framework (BT-23) is missing: give one of the reform's codes "
                 "(B1, S1, M1, B2 … M9; B goods, S services, M mixed)."});
    return;
  }
  report.fire(mode->source,
              {fmt::format("Le cadre de facturation (BT-23) « {} » n'est pas un code de la "
                           "réforme : donnez B1, S1, M1, B2, S2, M2, S3, B4, S4, M4, S5, S6, "
                           "B7, S7, B8, S8, M8, B9, S9 ou M9, sans blanc autour.",
                           as_written(inv, mode->value, mode->source)),
               fmt::format("The billing framework (BT-23) \"{}\" is not one of the reform's "
                           "codes: give B1, S1, M1, B2, S2, M2, S3, B4, S4, M4, S5, S6, B7, S7, "
                           "B8, S8, M8, B9, S9 or M9, without white space around it.",
                           as_written(inv, mode->value, mode->source))});
}

}  // namespace

void register_billing_mode_rules(Registry& registry) {
  registry.add(fr_rule("BR-FR-08_BT-23",
                       {"Le cadre de facturation (BT-23) est obligatoire et l'un des codes de "
                        "la réforme (B1 … M9).",
                        "The billing framework (BT-23) is mandatory and one of the reform's "
                        "codes (B1 … M9)."},
                       {"BT-23"}, check_br_fr_08));
}

}  // namespace cprokit::fr
