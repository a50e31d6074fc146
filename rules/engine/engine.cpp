#include "rules/engine/engine.hpp"

#include "rules/engine/reporter.hpp"

namespace cprokit {

void run_rules(const Registry& registry, const Profile& profile, const Invoice& invoice,
               const Context& context, std::vector<Finding>& out) {
  Reporter reporter(out);
  for (const Rule& rule : registry.rules()) {
    if (rule.check == nullptr || !rule.applies_to.contains(invoice.kind) ||
        !profile.includes(rule.id)) {
      continue;
    }
    reporter.start(rule);
    try {
      rule.check(invoice, context, reporter);
    } catch (const DecimalOverflow&) {
      // Hostile or absurd amounts (over 36 digits): say so rather than guess.
      reporter.fire(Location{},
                    {"Montants trop grands pour être vérifiés exactement (plus de 36 chiffres).",
                     "Amounts too large to be checked exactly (over 36 digits)."});
    }
  }
}

}  // namespace cprokit
