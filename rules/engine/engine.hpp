// Runs the rules of a profile on a document model, and the rules over the
// documents of a run.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/engine/context.hpp"
#include "rules/engine/registry.hpp"
#include "rules/finding.hpp"
#include "rules/model/account_form.hpp"
#include "rules/model/deposit_request.hpp"
#include "rules/model/invoice.hpp"

namespace cprokit {

// Append to `out` the findings of every rule of `profile` that applies to
// the document's kind and has a check for its model, in catalogue order.
void run_rules(const Registry& registry, const Profile& profile, const Invoice& invoice,
               const Context& context, std::vector<Finding>& out);
void run_rules(const Registry& registry, const Profile& profile, const DepositRequest& request,
               const Context& context, std::vector<Finding>& out);
void run_rules(const Registry& registry, const Profile& profile, const AccountForm& form,
               const Context& context, std::vector<Finding>& out);

// What a run-level rule took from one document: its key, to be checked in
// input order (RunRules::check) once the document is linted.
struct RunNote {
  const Rule* rule = nullptr;
  RunKey key;
};

// Appends to `out` the key each run-level rule of `profile` takes from the
// invoice. Linting the documents of a run on several threads, this is the
// part done with each document.
void run_keys(const Registry& registry, const Profile& profile, const Invoice& invoice,
              std::vector<RunNote>& out);

// The rules of a profile that read an invoice, found once for the documents
// of a run: walking the whole registry for each document (a thousand rules,
// most of them binding rules checked by validators/, each rule a few hundred
// bytes apart) cost more than some of the checks. Gives what run_rules() and
// run_keys() give, in the same order.
class InvoiceRules {
 public:
  InvoiceRules(const Registry& registry, const Profile& profile);

  void run(const Invoice& invoice, const Context& context, std::vector<Finding>& out) const;
  void keys(const Invoice& invoice, std::vector<RunNote>& out) const;

 private:
  struct Checked {
    const Rule* rule;
    InvoiceCheck check;
    KindSet applies_to;
  };
  std::vector<Checked> checks_;     // the rules with an invoice check, in catalogue order
  std::vector<const Rule*> keyed_;  // the run-level rules, in catalogue order
};

// The memory of one run-level rule: for each key, the path of the first
// document that had it. The linter keeps it in a temporary database of
// bounded memory (validators/seen_invoices.hpp); another user of the engine
// (the mock) may keep it in its own.
class SeenStore {
 public:
  SeenStore() = default;
  SeenStore(const SeenStore&) = delete;
  SeenStore& operator=(const SeenStore&) = delete;
  virtual ~SeenStore() = default;

  // The path remembered for `key`, if any; otherwise remembers `path` for it
  // and returns nullopt. May throw when the store fails: the run cannot go
  // on without the rule.
  virtual std::optional<std::string> first_path(const RunKey& key, std::string_view path) = 0;
};

// The run-level rules of a profile, each with its store, for one run.
class RunRules {
 public:
  using MakeStore = std::function<std::unique_ptr<SeenStore>(const Rule& rule)>;

  // A store is made for each run-level rule of the profile, none when it has
  // none (what make_store throws goes through).
  RunRules(const Registry& registry, const Profile& profile, const MakeStore& make_store);

  // The notes of one document, in input order: a key a store already had is
  // reported by its rule, appended to `out` (an earlier document named).
  void check(std::span<const RunNote> notes, std::string_view path, std::vector<Finding>& out);

 private:
  std::vector<std::pair<const Rule*, std::unique_ptr<SeenStore>>> stores_;
};

}  // namespace cprokit
