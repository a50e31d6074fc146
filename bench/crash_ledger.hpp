// What the mock acknowledged during the crash-safety trials, and the checks
// of its data folder against it once the mock has stopped: every answered
// deposit is there exactly once with the bytes sent, in its final state, and
// no number was handed out twice (bench/mock_crash.cpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cprokit::bench {

// How a deposit must end.
enum class Expect {
  Integrated,  // deposer/flux, valid: IN_INTEGRE, invoice MISE_A_DISPOSITION
  Moved,       // the same, then the scenario's buyer moves it to MISE_EN_PAIEMENT, unless
               // a start of the mock fell between its deposit and its integration: the
               // scenario loaded at that start only covers deposits made after it
  Rejected,    // deposer/flux, invalid: IN_REJETE, no invoice
  Submitted,   // deposer/pdf + soumettre: invoice MISE_A_DISPOSITION
};

struct Tally {
  std::size_t flux = 0;         // deposer/flux answered with a numeroFluxDepot
  std::size_t attachments = 0;  // deposer/pdf answered with a pieceJointeId
  std::size_t submitted = 0;    // soumettre answered with an identifiantFactureCPP
  std::size_t acknowledged() const { return flux + attachments + submitted; }
};

// Thread-safe: the client threads note what was answered.
class Ledger {
 public:
  void flux(const std::string& numero, const std::string& number, std::string bytes, Expect e);
  void attachment(std::int64_t id, std::string bytes);
  void submitted(std::int64_t id, const std::string& number);
  // An answer that should not be (an error status to a well-formed request).
  void problem(std::string text);
  // The mock is being started now (milliseconds since the epoch, as its dates).
  void starting(std::int64_t epoch_ms);

  Tally tally() const;
  // The checks on the data folder's database (opened read-only): each
  // violation, and how many checks passed.
  struct Violation {
    std::string kind;  // lost, duplicated, bytes, state, history, reused, integrity, answer
    std::string text;
  };
  struct Verdict {
    std::vector<Violation> violations;
    std::size_t passed = 0;
    std::size_t count(std::string_view kind) const;
  };
  Verdict check(const std::filesystem::path& database) const;

 private:
  struct Flux {
    std::string number;
    std::string bytes;
    Expect expect;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Flux> flux_;
  std::map<std::int64_t, std::string> attachments_;
  std::map<std::int64_t, std::string> invoices_;  // id → invoice number (soumettre)
  std::vector<std::int64_t> starts_;
  std::vector<Violation> problems_;  // numbers given twice, errors answered
};

// Whether every deposit of the database is processed to its end: no flux
// waiting, no invoice before MISE_A_DISPOSITION, no buyer move planned. Its
// error message when the database cannot be read.
bool settled(const std::filesystem::path& database, std::string& error);

}  // namespace cprokit::bench
