// What the loaded scenarios make of a flux the controls have examined.
// Only the invoices the controls accepted are concerned: one the linter
// rejects stays rejected whatever a scenario says.
#pragma once

#include "mock-chorus/flux/integration.hpp"
#include "mock-chorus/scenario/scenarios.hpp"

namespace cprokit::mock {

// Per accepted invoice, the first matching rule of a scenario loaded before
// the flux was deposited: IN_REJETE rejects it with the rule's errors (each
// a listeErreurDP entry with the invoice's own identifiers), IN_INCIDENTE
// makes the whole flux incident, a status plans its move.
void apply_scenarios(FluxExamination& exam, const FluxRecord& flux,
                     const scenario::Scenarios& scenarios);

}  // namespace cprokit::mock
