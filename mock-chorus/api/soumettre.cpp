// factures/v1/soumettre: an invoice keyed in through the API, or the PDF of
// deposer/pdf submitted with its data (../shared/chorus-pro/API.md §3.4).
// The request is controlled at once by the linter's rules for deposit
// requests (CPRO-DEP, CPRO-TOT, routing), with the mock's directory and the
// calling account (deposit/deposit.hpp, shared with the portal); a fatal
// finding is a synchronous HTTP 400 {codeRetour, libelle} naming the rules,
// as the clients that handle 400 expect (API.md §3.9), or a 403 when the
// supplier is not the account's structure.
#include <fmt/core.h>

#include "mock-chorus/api/routes.hpp"
#include "mock-chorus/deposit/deposit.hpp"
#include "mock-chorus/wire/findings.hpp"
#include "rules/chorus/depositor.hpp"

namespace cprokit::mock {
namespace {

using Outcome = deposit::Submission::Outcome;

// The account may not act for that supplier (CPRO-DEP-03: the account is
// known, the request is not its to make): a 403 quoting that finding.
[[noreturn]] void refuse_not_theirs(const std::vector<Finding>& findings) {
  for (const auto& f : findings) {
    if (f.severity == Severity::Fatal && f.rule == chorus::kDepositorRule) {
      refuse(quoted(f, Lang::Fr), quoted(f, Lang::En), 403);
    }
  }
  refuse("CPRO-DEP-03", "CPRO-DEP-03", 403);
}

// A 400 naming every fatal finding.
[[noreturn]] void refuse_findings(const std::vector<Finding>& findings) {
  std::string fr;
  std::string en;
  for (const auto& f : findings) {
    if (f.severity != Severity::Fatal) continue;
    fr += (fr.empty() ? "" : " ; ") + quoted(f, Lang::Fr);
    en += (en.empty() ? "" : "; ") + quoted(f, Lang::En);
  }
  refuse(std::move(fr), en);
}

}  // namespace

Reply soumettre(const Call& call) {
  const deposit::Submission s = deposit::submit(call.mock, call.account, call.raw_body);
  const InvoiceRecord& r = s.record;
  switch (s.outcome) {
    case Outcome::NotTheirs:
      refuse_not_theirs(s.findings);
    case Outcome::Refused:
      refuse_findings(s.findings);
    case Outcome::UnknownAttachment:
      refuse(fmt::format("REJ_REF_PJ - {} : pièce jointe {} inconnue de ce compte (déposez-la "
                         "d'abord par deposer/pdf ou ajouter/fichier).",
                         s.attachment_field, s.attachment),
             fmt::format("{}: attachment {} unknown to this account (upload it first with "
                         "deposer/pdf or ajouter/fichier).",
                         s.attachment_field, s.attachment));
    case Outcome::Duplicate:
      refuse(fmt::format("REJ_UNI - Doublon : la facture {} de ce fournisseur existe déjà cette "
                         "année (identifiantFactureCPP {}).",
                         r.numero_facture, s.duplicate_of),
             fmt::format("Duplicate: this supplier already has invoice {} this year "
                         "(identifiantFactureCPP {}).",
                         r.numero_facture, s.duplicate_of));
    case Outcome::Deposited:
      break;
  }
  return ok({{"identifiantFactureCPP", r.identifiant_facture_cpp},
             {"numeroFacture", r.numero_facture},
             {"identifiantStructure", r.code_fournisseur},
             {"dateDepot", iso_day(r.date_depot)},
             {"statutFacture", r.statut},
             {"empreinteCertificatDepot", s.certificate}});
}

}  // namespace cprokit::mock
