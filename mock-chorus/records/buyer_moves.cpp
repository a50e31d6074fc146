#include "mock-chorus/records/buyer_moves.hpp"

#include <algorithm>

#include <fmt/core.h>

#include "mock-chorus/lifecycle.hpp"

namespace cprokit::mock {

std::optional<MoveRefusal> buyer_move_refusal(const chorus::Directory& directory,
                                              const InvoiceRecord& invoice,
                                              const std::string& statut,
                                              const std::optional<std::string>& motif) {
  using Why = MoveRefusal::Why;
  const auto moves = lifecycle::buyer_moves(invoice.statut);
  if (std::find(moves.begin(), moves.end(), statut) == moves.end()) {
    std::string allowed;
    for (auto m : moves)
      allowed += (allowed.empty() ? "" : ", ") + std::string(m);
    return MoveRefusal{Why::NotAllowed,
                       {fmt::format("Passage de {} à {} impossible ; possibles : {}.",
                                    invoice.statut, statut, allowed.empty() ? "aucun" : allowed),
                        fmt::format("Cannot move from {} to {}; possible: {}.", invoice.statut,
                                    statut, allowed.empty() ? "none" : allowed)}};
  }
  if (lifecycle::needs_motive(statut) && (!motif || motif->empty())) {
    return MoveRefusal{Why::MotiveMissing,
                       {fmt::format("Le statut {} exige un motif (champ motif).", statut),
                        fmt::format("Status {} needs a motive (field motif).", statut)}};
  }
  if (statut == "MISE_EN_PAIEMENT" && invoice.id_destinataire) {
    const auto* s = directory.structure_by_id(*invoice.id_destinataire);
    if (s != nullptr && s->parametres.statut_mise_en_paiement_nest_pas_remonte) {
      return MoveRefusal{Why::NotReported,
                         {"Ce destinataire ne remonte pas le statut MISE_EN_PAIEMENT "
                          "(statutMiseEnPaiementNestPasRemonte).",
                          "This recipient does not report MISE_EN_PAIEMENT."}};
    }
  }
  return std::nullopt;
}

std::optional<MoveRefusal> move_as_buyer(Store& store, const chorus::Directory& directory,
                                         std::int64_t id, const std::string& statut,
                                         const std::optional<std::string>& motif, Millis now) {
  const auto invoice = store.invoice(id);
  if (!invoice) {
    return MoveRefusal{
        MoveRefusal::Why::UnknownInvoice,
        {fmt::format("Facture {} introuvable.", id), fmt::format("No invoice {}.", id)}};
  }
  if (auto refusal = buyer_move_refusal(directory, *invoice, statut, motif)) return refusal;
  store.set_status(id, statut, now, motif, "DESTINATAIRE");
  return std::nullopt;
}

}  // namespace cprokit::mock
