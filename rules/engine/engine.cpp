#include "rules/engine/engine.hpp"

#include "rules/engine/reporter.hpp"

namespace cprokit {
namespace {

// Runs, for one document model, the check each rule has for that model.
template <class Model, auto Checks::*kCheck>
void run(const Registry& registry, const Profile& profile, const Model& document, DocumentKind kind,
         const Context& context, std::vector<Finding>& out) {
  Reporter reporter(out);
  for (const Rule& rule : registry.rules()) {
    const auto check = rule.checks.*kCheck;
    if (check == nullptr || !rule.applies_to.contains(kind) || !profile.includes(rule)) {
      continue;
    }
    reporter.start(rule);
    try {
      check(document, context, reporter);
    } catch (const DecimalOverflow&) {
      // Hostile or absurd amounts (over 36 digits): say so rather than guess.
      reporter.fire(Location{},
                    {"Montants trop grands pour être vérifiés exactement (plus de 36 chiffres).",
                     "Amounts too large to be checked exactly (over 36 digits)."});
    }
  }
}

}  // namespace

void run_rules(const Registry& registry, const Profile& profile, const Invoice& invoice,
               const Context& context, std::vector<Finding>& out) {
  run<Invoice, &Checks::invoice>(registry, profile, invoice, invoice.kind, context, out);
}

void run_rules(const Registry& registry, const Profile& profile, const DepositRequest& request,
               const Context& context, std::vector<Finding>& out) {
  run<DepositRequest, &Checks::deposit_request>(registry, profile, request,
                                                DocumentKind::DepositRequest, context, out);
}

void run_rules(const Registry& registry, const Profile& profile, const AccountForm& form,
               const Context& context, std::vector<Finding>& out) {
  run<AccountForm, &Checks::account>(registry, profile, form, DocumentKind::Account, context, out);
}

}  // namespace cprokit
