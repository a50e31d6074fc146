// factures/v1/soumettre: an invoice keyed in through the API, or the PDF of
// deposer/pdf submitted with its data (../shared/chorus-pro/API.md §3.4).
// The request is controlled at once by the linter's rules for deposit
// requests (CPRO-DEP, CPRO-TOT, routing), with the mock's directory; a
// fatal finding is a synchronous HTTP 400 {codeRetour, libelle} naming the
// rules, as the clients that handle 400 expect (API.md §3.9).
#include <fmt/format.h>

#include "mock-chorus/api/routes.hpp"
#include "mock-chorus/auth/secret_hash.hpp"
#include "mock-chorus/lifecycle.hpp"
#include "mock-chorus/wire/findings.hpp"
#include "validators/sha256.hpp"

namespace cprokit::mock {
namespace {

void refuse_findings(const std::vector<Finding>& findings) {
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

std::string text_or(const Fields& f, std::string_view name, std::string fallback) {
  auto v = f.text(name);
  return v && !v->empty() ? *v : std::move(fallback);
}

}  // namespace

Reply soumettre(const Call& call) {
  const Fields& f = call.fields;
  const std::string mode = f.required_text("modeDepot");
  const Fields fournisseur = f.object("fournisseur");
  const std::int64_t id_fournisseur = fournisseur.required_integer("idFournisseur");
  if (id_fournisseur != call.account.id_structure) {
    refuse(fmt::format("fournisseur.idFournisseur {} n'est pas la structure du compte technique "
                       "{} ({}).",
                       id_fournisseur, call.account.login, call.account.id_structure),
           fmt::format("fournisseur.idFournisseur {} is not the technical account's structure "
                       "({}).",
                       id_fournisseur, call.account.id_structure),
           403);
  }
  const auto catalogue = call.mock.catalogue();
  refuse_findings(catalogue->linter->lint("soumettre.json", call.raw_body).findings);
  if (mode != "SAISIE_API") check_attachments(call);

  const Fields destinataire = f.object("destinataire");
  const Fields references = f.object("references");
  const Fields montants = f.object("montantTotal");
  const chorus::Structure* supplier =
      catalogue->directory->structure_by_id(call.account.id_structure);
  InvoiceRecord r;
  r.mode_depot = mode;
  r.login = call.account.login;
  r.id_fournisseur = call.account.id_structure;
  r.code_fournisseur = supplier != nullptr ? supplier->identifiant : "";
  r.designation_fournisseur = supplier != nullptr ? supplier->raison_sociale : "";
  // In SAISIE_API, Chorus Pro numbers the invoice itself.
  r.numero_facture = text_or(f, "numeroFactureSaisi", "SAISIE-" + random_hex(5));
  r.date_facture = text_or(f, "dateFacture", iso_day(call.mock.now()));
  r.type_facture = text_or(references, "typeFacture", "FACTURE");
  r.devise = text_or(references, "deviseFacture", "EUR");
  r.cadre_facturation =
      text_or(f.object("cadreDeFacturation"), "codeCadreFacturation", "A1_FACTURE_FOURNISSEUR");
  r.montant_ht = text_or(montants, "montantHtTotal", "0");
  r.montant_tva = text_or(montants, "montantTVA", "0");
  r.montant_ttc = text_or(montants, "montantTtcTotal", "0");
  r.montant_a_payer = text_or(montants, "montantAPayer", r.montant_ttc);
  r.code_destinataire = destinataire.required_text("codeDestinataire");
  if (const chorus::Structure* s = catalogue->directory->structure(r.code_destinataire)) {
    r.id_destinataire = s->id_structure_cpp;
    r.designation_destinataire = s->raison_sociale;
  }
  r.code_service_executant = destinataire.text("codeServiceExecutant");
  r.numero_bon_commande = references.text("numeroBonCommande");
  r.numero_marche = references.text("numeroMarche");
  r.statut = std::string(lifecycle::kDeposee);
  r.date_statut = r.date_depot = call.mock.now();
  const Json request = Json::parse(call.raw_body, nullptr, false);
  r.detail_json = Json{{"lignePoste", request.value("lignePoste", Json::array())},
                       {"ligneTva", request.value("ligneTva", Json::array())}}
                      .dump();

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
