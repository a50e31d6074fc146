// A scenario: what the mock does on purpose, for a client's tests of
// rejections, suspensions, slowness, errors and expired tokens. Rules decide
// the fate of matching invoices; faults make calls to an endpoint slow, fail,
// lose their answer or cut it. The format is docs/scenario.schema.json;
// reader.hpp reads it, scenarios.hpp holds what is loaded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "mock-chorus/store/records.hpp"

namespace cprokit::mock::scenario {

// Which invoices a rule is for: every member given must match.
struct Match {
  std::optional<std::string> supplier_siret;  // spaces removed
  std::optional<std::string> buyer_siret;     // spaces removed
  std::optional<std::string> invoice_number;  // a glob (glob.hpp)
  std::optional<std::string> syntaxe_flux;    // a deposit without one (soumettre) never matches
};

// The flux ends IN_REJETE (each error a listeErreurDP entry) or IN_INCIDENTE
// (nothing integrated): deposer/flux only.
struct FluxOutcome {
  std::string etat;
  std::vector<std::string> errors;  // libelleErreurDP, IN_REJETE only
};

// The invoice, once MISE_A_DISPOSITION, is moved by its buyer to `statut`
// `after` milliseconds later: every way of depositing.
struct StatusOutcome {
  std::string statut;  // REJETEE, SUSPENDUE, MISE_EN_PAIEMENT
  std::optional<std::string> motive;
  Millis after = 0;
};

using Outcome = std::variant<FluxOutcome, StatusOutcome>;

struct Rule {
  std::string name;
  Match match;
  Outcome outcome;
};

enum class FaultKind { Latency, Status, Drop, Truncate, TokenExpiry };

struct Fault {
  std::string endpoint;  // an exact path, a prefix ending in *, or *
  FaultKind kind = FaultKind::Latency;
  double rate = 1;                       // the chance that a call gets it
  std::optional<std::int64_t> count;     // at most that many times, then spent
  int status = 0;                        // Status: 500, 502, 503, 429
  std::int64_t retry_after_seconds = 1;  // Status 429 and 503
  std::int64_t latency_min_ms = 0;       // Latency: uniform in [min, max]
  std::int64_t latency_max_ms = 0;
  Millis token_lifetime = 0;  // TokenExpiry: how long its tokens really work
};

struct Scenario {
  std::string name;
  std::optional<std::uint64_t> seed;
  std::vector<Rule> rules;
  std::vector<Fault> faults;
};

// What the deposit of one invoice is matched on.
struct DepositedInvoice {
  std::string supplier_siret;
  std::string buyer_siret;
  std::string invoice_number;
  std::optional<std::string> syntaxe_flux;  // deposer/flux only
};

// An invoice as recorded, deposited with `syntaxe_flux` (deposer/flux) or without.
DepositedInvoice deposited_invoice(const InvoiceRecord& record,
                                   std::optional<std::string> syntaxe_flux = std::nullopt);

bool matches(const Match& match, const DepositedInvoice& invoice);

// The move a status outcome plans; nullopt for a flux outcome.
std::optional<PlannedMove> planned_move(const Outcome& outcome);

// The name of a fault kind as the file writes it ("tokenExpiry").
std::string_view kind_name(FaultKind kind);

}  // namespace cprokit::mock::scenario
