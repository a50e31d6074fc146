// A rule: its metadata and its check. A check reads the model and the
// context and reports findings; it never does I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine/family.hpp"
#include "rules/finding.hpp"
#include "rules/model/account_form.hpp"
#include "rules/model/deposit_request.hpp"
#include "rules/model/document_type.hpp"
#include "rules/model/invoice.hpp"

namespace cprokit {

struct Context;
class Reporter;

// The documents a rule applies to, as a set of DocumentKind.
class KindSet {
 public:
  constexpr KindSet(std::initializer_list<DocumentKind> kinds) {
    for (auto k : kinds)
      bits_ |= bit(k);
  }
  constexpr bool contains(DocumentKind k) const { return (bits_ & bit(k)) != 0; }
  std::vector<DocumentKind> kinds() const;

 private:
  static constexpr std::uint8_t bit(DocumentKind k) {
    return static_cast<std::uint8_t>(1U << static_cast<unsigned>(k));
  }
  std::uint8_t bits_ = 0;
};

inline constexpr KindSet kInvoicesAndCreditNotes{DocumentKind::Invoice, DocumentKind::CreditNote};
inline constexpr KindSet kAnyDocument{DocumentKind::Invoice, DocumentKind::CreditNote,
                                      DocumentKind::Account, DocumentKind::DepositRequest,
                                      DocumentKind::Unknown};

using InvoiceCheck = void (*)(const Invoice& invoice, const Context& context, Reporter& report);
using DepositRequestCheck = void (*)(const DepositRequest& request, const Context& context,
                                     Reporter& report);
using AccountCheck = void (*)(const AccountForm& form, const Context& context, Reporter& report);

// A rule's checks, one for each document model it reads: the buyer SIRET
// rules read invoices and deposit requests alike. Null where it reads none.
struct Checks {
  InvoiceCheck invoice = nullptr;
  DepositRequestCheck deposit_request = nullptr;
  AccountCheck account = nullptr;

  bool any() const {
    return invoice != nullptr || deposit_request != nullptr || account != nullptr;
  }
};

// What a run-level rule keeps of a document: a value that must be unique in
// the run within its scope (an invoice number for its supplier), and where
// the document has it.
struct RunKey {
  std::string scope;
  std::string value;
  Location where;
};

using RunKeyOf = std::optional<RunKey> (*)(const Invoice& invoice);
using RepeatedKeyCheck = void (*)(const RunKey& key, std::string_view first_path, Reporter& report);

// The check of a rule over the documents of a run (CPRO-DUP-01): each invoice
// gives the rule its key (or none), the run's store (engine.hpp, SeenStore)
// remembers the first document of each key, and `repeated` reports a
// document whose key an earlier one had.
struct RunCheck {
  RunKeyOf key = nullptr;
  RepeatedKeyCheck repeated = nullptr;

  bool any() const { return key != nullptr; }
};

struct Rule {
  std::string id;
  Severity severity = Severity::Fatal;
  // Its severity in a run that grants the transition period of its
  // requirement (lint --fr-mode transition: the BR-FR rules the FNFE-MPE
  // publishes as warnings until the reform applies in full); none: the same.
  std::optional<Severity> transition_severity;
  KindSet applies_to = kInvoicesAndCreditNotes;
  Message title;                   // what the rule requires, in both languages
  std::vector<std::string> terms;  // business terms concerned ("BT-106")
  std::string source;              // where the requirement comes from
  // None for the syntax rules (XML-, XSD-, JSON-, DOC-) and the rules over
  // a run: validators/ report the first while reading a document, the
  // registry only describes them.
  Checks checks;
  RunCheck run_check;  // for a rule over the documents of a run
  // Listed so that the catalogue has every official id, but checked by no
  // one: the official artefacts test it with true() (BR-CO-05..08), and a
  // reason code and its text cannot be matched mechanically.
  bool unchecked = false;
  // The reference data whose absence the rule reports (XSD-02, LIST-01): it
  // applies only to a run that wanted that data and did not find it.
  Needs reports_missing;
  // Its family: an index in Registry::families(), set by Registry::add.
  std::size_t family = 0;
};

}  // namespace cprokit
