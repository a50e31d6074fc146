// The mock's background work, on one thread: it walks each deposited flux
// through IN_RECU → IN_EN_ATTENTE_TRAITEMENT_CPP → IN_EN_COURS_TRAITEMENT_CPP
// → IN_INTEGRE / IN_INTEGRE_PARTIEL / IN_REJETE (options.flux_step apart;
// with no pause, straight to the final state),
// and moves integrated invoices DEPOSEE → EN_COURS_ACHEMINEMENT →
// MISE_A_DISPOSITION (options.lifecycle_step apart), then as a scenario
// planned (the buyer's moves, once due). Everything it needs is
// in the store, so after a restart it resumes where it stopped.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "mock-chorus/mock.hpp"

namespace cprokit::mock {

class Worker {
 public:
  explicit Worker(Mock& mock);
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;
  ~Worker();

  void start();
  void stop();
  // A flux was deposited: look now rather than at the next tick.
  void wake();

 private:
  void run();
  // Whether stop() was called: checked between two pieces of work, so that
  // a stop does not wait for a backlog (the store keeps it for the next start).
  bool stopping();
  // Checkpoints the store's log when the last checkpoint is a second old:
  // called between flux too, as a pass over a backlog can take minutes.
  void checkpoint_when_due();
  void advance_flux(const std::string& numero);
  void integrate(const FluxRecord& flux);
  void advance_invoices();
  void play_planned_moves();

  Mock& mock_;
  std::thread thread_;
  std::mutex mutex_;
  std::mutex join_mutex_;  // stop() may come from two threads (server and signal)
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
  std::chrono::steady_clock::time_point last_checkpoint_;  // the worker thread's
};

}  // namespace cprokit::mock
