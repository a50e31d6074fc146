// factures/v1/soumettre: an invoice keyed in through the API, or the PDF of
// deposer/pdf submitted with its data (../shared/chorus-pro/API.md §3.4).
// The request is controlled at once by the linter's rules for deposit
// requests (CPRO-DEP, CPRO-TOT, routing), with the mock's directory and the
// calling account; a fatal finding is a synchronous HTTP 400 {codeRetour,
// libelle} naming the rules, as the clients that handle 400 expect (API.md
// §3.9), or a 403 when the supplier is not the account's structure.
#include <fmt/format.h>

#include "mock-chorus/api/routes.hpp"
#include "mock-chorus/records/invoice_record.hpp"
#include "mock-chorus/wire/findings.hpp"
#include "validators/sha256.hpp"

namespace cprokit::mock {
namespace {

// A fatal finding refuses the request: a 403 when the account may not act
// for that supplier (CPRO-DEP-03: the account is known, the request is not
// its to make), else a 400 naming every rule.
void refuse_findings(const std::vector<Finding>& findings) {
  for (const auto& f : findings) {
    if (f.severity == Severity::Fatal && f.rule == chorus::kDepositorRule) {
      refuse(quoted(f, Lang::Fr), quoted(f, Lang::En), 403);
    }
  }
  std::string fr;
  std::string en;
  for (const auto& f : findings) {
    if (f.severity != Severity::Fatal) continue;
    fr += (fr.empty() ? "" : " ; ") + quoted(f, Lang::Fr);
    en += (en.empty() ? "" : "; ") + quoted(f, Lang::En);
  }
  if (!fr.empty()) refuse(std::move(fr), en);
}

void check_attachments(const Call& call) {
  for (const auto& pj : call.fields.objects("pieceJointePrincipale")) {
    const std::int64_t id = pj.required_integer("pieceJointePrincipaleId");
    const auto meta = call.mock.store().attachment(id);
    if (!meta || meta->login != call.account.login) {
      refuse(fmt::format("REJ_REF_PJ - {} : pièce jointe {} inconnue de ce compte (déposez-la "
                         "d'abord par deposer/pdf ou ajouter/fichier).",
                         pj.path_of("pieceJointePrincipaleId"), id),
             fmt::format("{}: attachment {} unknown to this account (upload it first with "
                         "deposer/pdf or ajouter/fichier).",
                         pj.path_of("pieceJointePrincipaleId"), id));
    }
  }
}

}  // namespace

Reply soumettre(const Call& call) {
  const Fields& f = call.fields;
  // Read first, as the API does: a missing or malformed field of these is a
  // 400 naming it before any rule runs.
  const std::string mode = f.required_text("modeDepot");
  f.object("fournisseur").required_integer("idFournisseur");
  const auto catalogue = call.mock.catalogue();
  refuse_findings(
      catalogue->linter_for(call.account).lint("soumettre.json", call.raw_body).findings);
  if (mode != "SAISIE_API") check_attachments(call);

  const InvoiceRecord r =
      record_of(f, call.raw_body, call.account, *catalogue->directory, call.mock.now());

  const auto inserted = call.mock.store().insert_invoice(r, call.account.login);
  if (const auto* duplicate = std::get_if<DuplicateInvoice>(&inserted)) {
    refuse(fmt::format("REJ_UNI - Doublon : la facture {} de ce fournisseur existe déjà cette "
                       "année (identifiantFactureCPP {}).",
                       r.numero_facture, duplicate->existing_id),
           fmt::format("Duplicate: this supplier already has invoice {} this year "
                       "(identifiantFactureCPP {}).",
                       r.numero_facture, duplicate->existing_id));
  }
  return ok({{"identifiantFactureCPP", std::get<std::int64_t>(inserted)},
             {"numeroFacture", r.numero_facture},
             {"identifiantStructure", r.code_fournisseur},
             {"dateDepot", iso_day(r.date_depot)},
             {"statutFacture", r.statut},
             {"empreinteCertificatDepot", sha256_hex(call.raw_body)}});
}

}  // namespace cprokit::mock
