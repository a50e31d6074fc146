#include "mock-chorus/flux/worker.hpp"

#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "mock-chorus/flux/integration.hpp"
#include "mock-chorus/flux/scenario_outcomes.hpp"
#include "mock-chorus/lifecycle.hpp"
#include "mock-chorus/records/buyer_moves.hpp"
#include "mock-chorus/wire/reply.hpp"

namespace cprokit::mock {
namespace {

constexpr auto kTick = std::chrono::milliseconds(20);
// Without a checkpoint the store's log (WAL) only grows: 1.6 GB after 30 s of
// 64 clients, which the last close then copied for seconds.
constexpr auto kCheckpointEvery = std::chrono::seconds(1);
constexpr const char* kPlatform = "CHORUS_PRO";

// The report's errors as stored. Bytes that are not UTF-8 (a name from a
// hostile file) are replaced, never thrown on: a throw here would fail the
// flux again at every tick.
std::string errors_text(const FluxExamination& e) {
  Json technical = Json::array();
  for (const auto& t : e.technical) {
    technical.push_back({{"codeErreur", t.code_erreur},
                         {"libelleErreur", t.libelle_erreur},
                         {"natureErreur", t.nature_erreur}});
  }
  Json dp = Json::array();
  for (const auto& d : e.dp) {
    dp.push_back({{"identifiantFournisseur", d.identifiant_fournisseur},
                  {"identifiantDestinataire", d.identifiant_destinataire},
                  {"numeroDP", d.numero_dp},
                  {"libelleErreurDP", d.libelle_erreur_dp}});
  }
  const Json errors{{"listeErreurTechnique", std::move(technical)},
                    {"listeErreurDP", std::move(dp)}};
  return errors.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

Worker::Worker(Mock& mock) : mock_(mock) {}

Worker::~Worker() {
  stop();
}

void Worker::start() {
  thread_ = std::thread([this] { run(); });
}

void Worker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  std::lock_guard join(join_mutex_);
  if (thread_.joinable()) thread_.join();
}

void Worker::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void Worker::run() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, kTick, [this] { return stopping_ || woken_; });
      if (stopping_) return;
      woken_ = false;
    }
    try {
      // One flux that fails (a disk error, a bug) is retried at the next
      // tick; it must not hold back the flux after it.
      for (const auto& numero : mock_.store().unfinished_flux()) {
        if (stopping()) return;
        checkpoint_when_due();
        try {
          advance_flux(numero);
        } catch (const std::exception& e) {
          std::cerr << "cprokit mock: worker: flux " << numero << ": " << e.what() << '\n';
        }
      }
      advance_invoices();
      checkpoint_when_due();
    } catch (const std::exception& e) {
      // A failing disk must not stop the mock silently; the work is retried.
      std::cerr << "cprokit mock: worker: " << e.what() << '\n';
    }
  }
}

void Worker::checkpoint_when_due() {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_checkpoint_ < kCheckpointEvery) return;
  mock_.store().checkpoint();
  last_checkpoint_ = now;
}

bool Worker::stopping() {
  std::lock_guard lock(mutex_);
  return stopping_;
}

void Worker::advance_flux(const std::string& numero) {
  const Millis step = mock_.options().flux_step;
  for (;;) {
    // Without a pause between states, the intermediate ones are not written:
    // one transaction per flux instead of three.
    auto flux = mock_.store().flux(numero);
    if (!flux) return;
    const Millis now = mock_.now();
    if (now < flux->date_etat + step) return;  // not due yet
    if (step > 0 && flux->etat == "IN_RECU") {
      mock_.store().set_flux_state(numero, "IN_EN_ATTENTE_TRAITEMENT_CPP", now);
    } else if (step > 0 && flux->etat == "IN_EN_ATTENTE_TRAITEMENT_CPP") {
      mock_.store().set_flux_state(numero, "IN_EN_COURS_TRAITEMENT_CPP", now);
    } else {
      integrate(*flux);
      return;
    }
  }
}

void Worker::integrate(const FluxRecord& flux) {
  auto& store = mock_.store();
  const auto account = store.account(flux.login);
  const auto catalogue = mock_.catalogue();
  FluxExamination exam;
  if (account) {
    exam = examine_flux(flux, store.flux_file(flux.numero_flux_depot), *account, *catalogue,
                        mock_.now());
  } else {
    exam.technical.push_back({"COMPTE_INCONNU",
                              "IRRECEVABILITE: le compte technique qui a déposé ce flux "
                              "n'existe plus dans l'annuaire du mock.",
                              "IRRECEVABILITE"});
    ++exam.rejected;
  }
  apply_scenarios(exam, flux, mock_.scenarios());
  if (exam.incident) {
    // Not processed by the exchange system: no invoice, no error, resend it all.
    store.integrate_flux(flux.numero_flux_depot, {}, kPlatform, mock_.now(),
                         [](const Store::Inserted&) {
                           return Store::FluxEnd{"IN_INCIDENTE", errors_text(FluxExamination{})};
                         });
    return;
  }
  for (auto& invoice : exam.accepted)
    invoice.numero_flux_depot = flux.numero_flux_depot;
  store.integrate_flux(
      flux.numero_flux_depot, exam.accepted, kPlatform, mock_.now(),
      [&exam](const Store::Inserted& inserted) {
        std::size_t integrated = 0;
        for (std::size_t i = 0; i < inserted.size(); ++i) {
          if (std::holds_alternative<std::int64_t>(inserted[i])) {
            ++integrated;
            continue;
          }
          const auto& invoice = exam.accepted[i];
          ++exam.rejected;
          exam.dp.push_back(
              {invoice.code_fournisseur, invoice.code_destinataire, invoice.numero_facture,
               "REJ_UNI - Doublon : ce fournisseur a déjà déposé une facture portant ce numéro "
               "cette année (identifiantFactureCPP " +
                   std::to_string(std::get<DuplicateInvoice>(inserted[i]).existing_id) + ")."});
        }
        return Store::FluxEnd{final_state(integrated, exam.rejected), errors_text(exam)};
      },
      exam.planned);
}

void Worker::advance_invoices() {
  const Millis step = mock_.options().lifecycle_step;
  auto& store = mock_.store();
  const Millis due = mock_.now() - step;
  for (const auto id : store.invoices_in(std::string(lifecycle::kEnCoursAcheminement), due)) {
    if (stopping()) return;
    store.set_status(id, std::string(lifecycle::kMiseADisposition), mock_.now(), std::nullopt,
                     kPlatform);
  }
  for (const auto id : store.invoices_in(std::string(lifecycle::kDeposee), due)) {
    if (stopping()) return;
    store.set_status(id, std::string(lifecycle::kEnCoursAcheminement), mock_.now(), std::nullopt,
                     kPlatform);
  }
  play_planned_moves();
}

// A scenario's status outcome, once due: the buyer walks the shortest chain
// of allowed moves from MISE_A_DISPOSITION, each recorded as the buyer's,
// the motive on the moves that need one. A move the buyer may not make
// (a recipient that does not report MISE_EN_PAIEMENT) ends the walk there.
// The walk is one commit: a kill in its middle left the invoice half way,
// no longer due, its move never played (found by scripts/crash-safety.sh).
void Worker::play_planned_moves() {
  auto& store = mock_.store();
  const auto catalogue = mock_.catalogue();
  for (const DueMove& due : store.due_moves(mock_.now())) {
    if (stopping()) return;
    auto invoice = store.invoice(due.identifiant_facture_cpp);
    std::vector<Store::WalkStep> steps;
    for (const auto statut : lifecycle::buyer_path(lifecycle::kMiseADisposition, due.move.statut)) {
      if (!invoice) break;
      const auto motif = lifecycle::needs_motive(statut) ? due.move.motif : std::nullopt;
      const std::string next(statut);
      if (const auto refusal = buyer_move_refusal(*catalogue->directory, *invoice, next, motif)) {
        std::cerr << "cprokit mock: scenario: invoice " << due.identifiant_facture_cpp << ": "
                  << refusal->message.en << '\n';
        break;
      }
      steps.push_back({next, motif});
      invoice->statut = next;  // the next move is judged from there
    }
    store.play_move(due.identifiant_facture_cpp, steps, mock_.now());
  }
}

}  // namespace cprokit::mock
