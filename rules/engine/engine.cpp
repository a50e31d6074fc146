#include "rules/engine/engine.hpp"

#include <algorithm>

#include "rules/engine/reporter.hpp"

namespace cprokit {
namespace {

template <class Model, class Check>
void run_one(const Rule& rule, Check check, const Model& document, const Context& context,
             Reporter& reporter) {
  reporter.start(rule, severity_in(rule, context.mode));
  try {
    check(document, context, reporter);
  } catch (const DecimalOverflow&) {
    // Hostile or absurd amounts (over 36 digits): say so rather than guess.
    reporter.fire(Location{},
                  {"Montants trop grands pour être vérifiés exactement (plus de 36 chiffres).",
                   "Amounts too large to be checked exactly (over 36 digits)."});
  }
}

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
    run_one(rule, check, document, context, reporter);
  }
}

// Whether `rule` is a run-level rule of `profile`.
bool keyed(const Rule& rule, const Profile& profile) {
  return rule.run_check.any() && profile.includes(rule);
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

void run_keys(const Registry& registry, const Profile& profile, const Invoice& invoice,
              std::vector<RunNote>& out) {
  for (const Rule& rule : registry.rules()) {
    if (!keyed(rule, profile) || !rule.applies_to.contains(invoice.kind)) continue;
    if (auto key = rule.run_check.key(invoice)) out.push_back({&rule, std::move(*key)});
  }
}

InvoiceRules::InvoiceRules(const Registry& registry, const Profile& profile) {
  for (const Rule& rule : registry.rules()) {
    if (rule.checks.invoice != nullptr && profile.includes(rule))
      checks_.push_back({&rule, rule.checks.invoice, rule.applies_to});
    if (keyed(rule, profile)) keyed_.push_back(&rule);
  }
}

void InvoiceRules::run(const Invoice& invoice, const Context& context,
                       std::vector<Finding>& out) const {
  Reporter reporter(out);
  for (const Checked& checked : checks_) {
    if (checked.applies_to.contains(invoice.kind))
      run_one(*checked.rule, checked.check, invoice, context, reporter);
  }
}

void InvoiceRules::keys(const Invoice& invoice, std::vector<RunNote>& out) const {
  for (const Rule* rule : keyed_) {
    if (!rule->applies_to.contains(invoice.kind)) continue;
    if (auto key = rule->run_check.key(invoice)) out.push_back({rule, std::move(*key)});
  }
}

RunRules::RunRules(const Registry& registry, const Profile& profile, const MakeStore& make_store) {
  for (const Rule& rule : registry.rules()) {
    if (rule.run_check.any() && profile.includes(rule))
      stores_.emplace_back(&rule, make_store(rule));
  }
}

void RunRules::check(std::span<const RunNote> notes, std::string_view path,
                     std::vector<Finding>& out) {
  Reporter reporter(out);
  for (const RunNote& note : notes) {
    auto store = std::ranges::find(stores_, note.rule, [](const auto& s) { return s.first; });
    if (store == stores_.end()) continue;  // a rule this run does not have
    if (auto first = store->second->first_path(note.key, path)) {
      reporter.start(*note.rule, note.rule->severity);
      note.rule->run_check.repeated(note.key, *first, reporter);
    }
  }
}

}  // namespace cprokit
