// What a rule may know besides the document: the run's options, the Chorus
// Pro structure directory when one is given, the document's name and size,
// the invoice file a deposit request is for, and who deposits it.
#pragma once

#include <cstdint>
#include <string>

#include "rules/model/invoice.hpp"

namespace cprokit {

namespace chorus {
struct Directory;
struct Depositor;
}  // namespace chorus
namespace en16931 {
class CodeLists;
}

// How sums of amounts are computed where the official artefacts and exact
// arithmetic disagree (rules/en16931 says which rules are concerned).
enum class Arithmetic {
  Reference,  // as the official EN 16931 validation artefacts compute: same verdicts
  Exact,      // exact decimal everywhere
};

// Which severity the rules with a transition period take (Rule::transition_severity).
enum class RuleMode {
  Strict,      // each rule's own severity: the requirement in full
  Transition,  // the transition severity, where a rule has one
};

struct Context {
  Arithmetic arithmetic = Arithmetic::Reference;
  RuleMode mode = RuleMode::Strict;  // lint --fr-mode
  // The structures known to the run (lint --directory); null without one, and
  // the rules that need it then say less, or nothing.
  const chorus::Directory* directory = nullptr;
  // The code lists of the BR-CL rules (lint --codelists); null without them,
  // and those rules then say nothing.
  const en16931::CodeLists* code_lists = nullptr;
  // The name the document is deposited under: --name, else the file's name;
  // empty for standard input.
  std::string document_name;
  std::uint64_t document_size = 0;  // bytes
  // The invoice a deposit request is for (lint --with): its amounts must be
  // the ones the request enters. Null without one.
  const Invoice* invoice_file = nullptr;
  // The technical account that deposits the document, and its structure:
  // the mock knows it, the linter never does. Null: CPRO-DEP-03 is silent.
  const chorus::Depositor* depositor = nullptr;
};

}  // namespace cprokit
