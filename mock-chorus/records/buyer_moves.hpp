// The buyer's side of an invoice's life, as the mock plays it: move an
// invoice to a status the recipient sets (mise en paiement, suspendue with a
// motive, …). One function for the admin API (POST /_mock/factures/ID/statut)
// and the portal's buyer view, so that both allow and refuse the same moves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "mock-chorus/store/store.hpp"
#include "rules/chorus/directory.hpp"
#include "rules/finding.hpp"

namespace cprokit::mock {

struct MoveRefusal {
  enum class Why {
    UnknownInvoice,  // no such invoice
    NotAllowed,      // the lifecycle does not lead there from its status
    MotiveMissing,   // the status needs a motive
    NotReported,     // the recipient does not report MISE_EN_PAIEMENT
  };
  Why why = Why::NotAllowed;
  Message message;  // what to tell the caller, in both languages
};

// Why the recipient may not move `invoice`, as it stands, to `statut`;
// nullopt when it may. Changes nothing.
std::optional<MoveRefusal> buyer_move_refusal(const chorus::Directory& directory,
                                              const InvoiceRecord& invoice,
                                              const std::string& statut,
                                              const std::optional<std::string>& motif);

// Moves invoice `id` to `statut` as its recipient would, at `now`, recorded
// as done by DESTINATAIRE; nullopt when done, else why not (nothing changed).
std::optional<MoveRefusal> move_as_buyer(Store& store, const chorus::Directory& directory,
                                         std::int64_t id, const std::string& statut,
                                         const std::optional<std::string>& motif, Millis now);

}  // namespace cprokit::mock
