// One file deposited on Chorus Pro, from its bytes to its invoices' ids:
// the journal asked whether it already went, the invoice read, its buyer
// looked up on the server, the file linted with the Chorus Pro rules and the
// server's directory (a fatal finding stops it, unless forced), deposer/flux
// (never twice: a lost answer is looked for before anything else), the
// flux followed to a final state, its invoices listed.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/client/chorus_client.hpp"
#include "cli/client/journal.hpp"
#include "rules/finding.hpp"
#include "validators/pipeline.hpp"

namespace cprokit::client {

enum class Outcome {
  Integrated,          // IN_INTEGRE
  PartlyIntegrated,    // IN_INTEGRE_PARTIEL
  Rejected,            // IN_REJETE, IN_INCIDENTE, or deposer/flux refused the request
  RefusedByPreflight,  // a fatal finding of the pre-flight lint: not sent
  Lost,                // sent, the answer lost, and the flux not found again: not resent
  Failed,              // the server not reached, or authentication refused
  Pending,             // deposited, not in a final state when --wait ran out
  AlreadyDeposited,    // the journal says it went to this server and account already
  Unreadable,          // the file cannot be read
};

// "integrated", "partly-integrated", … (the JSON output's values).
std::string_view name(Outcome outcome);

struct DepositedInvoice {
  std::int64_t identifiant_facture_cpp = 0;
  std::string numero_facture;
  std::string statut;
};

// An error of the flux's report (consulterCRDetaille): listeErreurTechnique
// ("technique") or listeErreurDP ("dp"), or deposer/flux's own refusal
// ("depot"). Chorus Pro's text, in French.
struct CrError {
  std::string list;     // "technique" | "dp" | "depot"
  std::string code;     // codeErreur, numeroDP, codeRetour
  std::string libelle;  // as the server wrote it
  std::string rule;     // the rule id it starts with ("[CPRO-ENG-03] …"), else empty
};

struct DepositReport {
  std::string file;
  std::string sha256;
  std::string syntaxe_flux;
  std::string numero_flux_depot;  // empty when none
  std::string etat;               // the flux's last state read, empty when none
  std::vector<DepositedInvoice> invoices;
  std::vector<CrError> errors;
  std::vector<Finding> findings;  // of the pre-flight lint
  int retries = 0;                // calls made again (every call of this file)
  bool recovered = false;         // the flux was found again after its answer was lost
  Outcome outcome = Outcome::Failed;
  // What happened and what to do, when there is more to say than the outcome.
  Message message;
  // For Failed and Rejected by deposer/flux: what failed.
  std::optional<ApiFailure> failure;
};

struct DepositOptions {
  bool force = false;        // deposit despite fatal findings
  bool again = false;        // deposit even if the journal says it went already
  bool resend_lost = false;  // deposit even if an earlier answer was lost
  std::string syntaxe_flux;  // empty: the one the file's syntax needs
  std::string deposit_name;  // nomFichier; empty: the file's name
  // The flux followed until a final state, at most this long.
  std::chrono::milliseconds wait{300'000};
  std::chrono::milliseconds poll_first{250};
  std::chrono::milliseconds poll_cap{5'000};
  // How long a lost deposit is looked for (the flux may still be processed).
  std::chrono::milliseconds recovery_window{30'000};
  // The linter (profile chorus, XSD, code lists…); the directory and the
  // depositor are the server's. Null: profile chorus, no XSD.
  std::shared_ptr<const Linter> linter;
  Journal* journal = nullptr;  // null: no journal
};

// Never throws for a bad file or a failing server: it is in the report.
DepositReport deposit_file(ChorusClient& client, const std::filesystem::path& file,
                           const DepositOptions& options);

}  // namespace cprokit::client
