// CPRO-DEP-03: who deposits a document, and the rule that an account deposits
// only for its own structure. A technical account of Chorus Pro acts for one
// structure; the invoices it deposits (a flux) and the requests it submits
// (soumettre) must have that structure as their supplier. Only the mock
// knows the account (the cpro-account header of each call): it puts it in
// the Context. `cprokit lint` never does, so there the rule says nothing.
#pragma once

#include <cstdint>
#include <string>

#include "rules/engine/registry.hpp"

namespace cprokit::chorus {

inline constexpr const char* kDepositorRule = "CPRO-DEP-03";

// The technical account that deposits, and its structure.
struct Depositor {
  std::string login;
  std::int64_t id_structure_cpp = 0;
  // The structure's identifiant (SIRET); empty when the directory lacks it.
  std::string identifiant;
};

void register_depositor_rule(Registry& registry);

}  // namespace cprokit::chorus
