// factures/v1: deposer/flux, deposer/pdf, soumettre, rechercher/fournisseur,
// consulter/fournisseur, consulter/historique (../shared/chorus-pro/API.md
// §3.1, §3.3, §3.4, §3.7). Deposits are controlled by the linter's rules
// (flux: in the worker; soumettre: at once).
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/api/routes.hpp"
#include "mock-chorus/deposit/deposit.hpp"
#include "mock-chorus/flux/lot.hpp"
#include "mock-chorus/flux/worker.hpp"
#include "mock-chorus/lifecycle.hpp"
#include "mock-chorus/records/invoice_record.hpp"
#include "rules/chorus/limits.hpp"
#include "rules/chorus/syntaxe_flux.hpp"
#include "validators/base64.hpp"
#include "validators/sha256.hpp"

namespace cprokit::mock {
namespace {

std::string decoded(const Fields& f, std::string_view field) {
  auto bytes = decode_base64(f.required_text(field));
  if (!bytes) {
    refuse(fmt::format("Le champ {} n'est pas du base64.", f.path_of(field)),
           fmt::format("Field {} is not base64.", f.path_of(field)));
  }
  return std::move(*bytes);
}

Reply deposer_flux(const Call& call) {
  const std::string nom = call.fields.required_file_name("nomFichier");
  const std::string syntaxe = call.fields.required_text("syntaxeFlux");
  call.fields.flag("avecSignature");  // type-checked; signatures are not verified
  if (!chorus::find_syntaxe(syntaxe)) {
    refuse(fmt::format("syntaxeFlux « {} » inconnue (voir transverses/v1/recuperer/formatflux).",
                       syntaxe),
           fmt::format("Unknown syntaxeFlux \"{}\" (see transverses/v1/recuperer/formatflux).",
                       syntaxe));
  }
  const std::string file = decoded(call.fields, "fichierFlux");
  if (file.empty()) refuse("IRR_VIDE_F - fichierFlux est vide.", "fichierFlux is empty.");
  if (file.size() > (is_gzip(file) ? chorus::kMaxLotBytes : chorus::kMaxFileBytes)) {
    refuse(fmt::format("GDP_MSG_11.022 - Fichier trop volumineux ({} octets ; {} Mo par fichier, "
                       "{} Mo compressé).",
                       file.size(), chorus::kMaxFileMegabytes, chorus::kMaxLotMegabytes),
           fmt::format("File too large ({} MB per file, {} MB compressed).",
                       chorus::kMaxFileMegabytes, chorus::kMaxLotMegabytes));
  }
  FluxRecord flux;
  flux.login = call.account.login;
  flux.id_structure = call.account.id_structure;
  flux.nom_fichier = nom;
  flux.syntaxe_flux = syntaxe;
  flux.date_depot = flux.date_etat = call.mock.now();
  flux.etat = "IN_RECU";
  const std::string numero = call.mock.store().insert_flux(flux, file);  // committed
  call.worker.wake();
  return ok({{"numeroFluxDepot", numero},
             {"dateDepot", iso_day(flux.date_depot)},
             {"syntaxeFlux", syntaxe}});
}

// A stored amount as a JSON number (the API's amounts are numbers).
Json amount(const std::string& text) {
  return text.empty() ? Json(0) : Json::parse(text, nullptr, false);
}

Json list_entry(const InvoiceRecord& r) {
  return {
      {"identifiantFactureCPP", r.identifiant_facture_cpp},
      {"numeroFacture", r.numero_facture},
      {"numeroFluxDepot", r.numero_flux_depot ? Json(*r.numero_flux_depot) : Json(nullptr)},
      {"statut", r.statut},
      {"dateFacture", r.date_facture},
      {"dateDepot", iso_day(r.date_depot)},
      {"dateHeureEtatCourant", iso_datetime(r.date_statut)},
      {"commentaireEtatCourant", r.commentaire_statut ? Json(*r.commentaire_statut) : Json()},
      {"typeDemandePaiement", "FACTURE"},
      {"typeFacture", r.type_facture},
      {"modeDepot", r.mode_depot},
      {"montantHT", amount(r.montant_ht)},
      {"montantTTC", amount(r.montant_ttc)},
      {"montantAPayer", amount(r.montant_a_payer)},
      {"devise", r.devise},
      {"codeFournisseur", r.code_fournisseur},
      {"typeIdentifiantFournisseur", "SIRET"},
      {"designationFournisseur", r.designation_fournisseur},
      {"codeDestinataire", r.code_destinataire},
      {"idDestinataire", r.id_destinataire ? Json(*r.id_destinataire) : Json()},
      {"designationDestinataire", r.designation_destinataire},
      {"codeServiceExecutant", r.code_service_executant ? Json(*r.code_service_executant) : Json()},
      {"numeroBonCommande", r.numero_bon_commande ? Json(*r.numero_bon_commande) : Json()},
      {"numeroMarche", r.numero_marche ? Json(*r.numero_marche) : Json()},
      {"rejetTraite", false}};
}

Reply rechercher_fournisseur(const Call& call) {
  const Criteria f(call.fields);
  InvoiceQuery q;
  q.id_fournisseur = call.account.id_structure;
  q.numero_flux_depot = f.text("numeroFluxDepot");
  q.numero_facture = f.text("numeroFacture");
  q.numero_bon_commande = f.text("numeroBonCommande");
  q.numero_marche = f.text("numeroMarche");
  q.type_facture = f.text("typeFacture");
  q.statuts = f.texts("statutCourant");
  q.date_depot_du = f.text("periodeDateDepotDu");
  q.date_depot_au = f.text("periodeDateDepotAu");
  q.date_facture_du = f.text("periodeDateFactureDu");
  q.date_facture_au = f.text("periodeDateFactureAu");
  const Criteria paging = f.object("rechercheFactureParFournisseur");
  const Page page = page_of(paging, 50, 1000);
  q.page = page.number;
  q.per_page = page.size;
  q.descending = paging.text("triSens") == "Descendant";
  // Another structure's invoices are never shown: asking for them finds none.
  if (auto id = f.integer("idFournisseur"); id && *id != call.account.id_structure) {
    return ok({{"listeFactures", Json::array()}, {"parametresRetour", parametres_retour(page, 0)}});
  }
  const InvoicePage found = call.mock.store().search(q);
  Json liste = Json::array();
  for (const auto& r : found.invoices)
    liste.push_back(list_entry(r));
  return ok({{"listeFactures", std::move(liste)},
             {"parametresRetour", parametres_retour(page, found.total)}});
}

// The invoice `field` names, if the caller's structure issued it: unknown
// is a 400, another supplier's a 403.
InvoiceRecord own_invoice(const Call& call, std::string_view field) {
  const std::int64_t id = call.fields.required_integer(field);
  auto invoice = call.mock.store().invoice(id);
  if (!invoice) {
    refuse(fmt::format("Facture {} introuvable ({}).", id, field),
           fmt::format("No invoice {} ({}).", id, field));
  }
  if (invoice->id_fournisseur != call.account.id_structure) {
    refuse(fmt::format("Le compte {} n'est pas habilité à consulter la facture {} : elle "
                       "appartient à un autre fournisseur.",
                       call.account.login, id),
           fmt::format("Account {} may not read invoice {}: it belongs to another supplier.",
                       call.account.login, id),
           403);
  }
  return std::move(*invoice);
}

Reply consulter_fournisseur(const Call& call) {
  const InvoiceRecord r = own_invoice(call, "identifiantFactureCPP");
  const Json detail = Json::parse(r.detail_json, nullptr, false);
  auto optional = [](const std::optional<std::string>& v) { return v ? Json(*v) : Json(); };
  return ok({{"facture",
              {{"identifiantFactureCPP", r.identifiant_facture_cpp},
               {"numeroFacture", r.numero_facture},
               {"statutFacture", r.statut},
               {"modeDepot", r.mode_depot},
               {"cadreDeFacturation", {{"codeCadreFacturation", r.cadre_facturation}}},
               {"destinataire",
                {{"codeDestinataire", r.code_destinataire},
                 {"idDestinataire", r.id_destinataire ? Json(*r.id_destinataire) : Json()},
                 {"libelleDestinataire", r.designation_destinataire},
                 {"codeServiceExecutant", optional(r.code_service_executant)}}},
               {"fournisseur",
                {{"codeFournisseur", r.code_fournisseur},
                 {"idFournisseur", r.id_fournisseur},
                 {"typeIdentifiantFournisseur", "SIRET"},
                 {"designationFournisseur", r.designation_fournisseur}}},
               {"references",
                {{"dateFacture", r.date_facture},
                 {"dateDepot", iso_day(r.date_depot)},
                 {"codeDeviseFacture", r.devise},
                 {"typeFacture", r.type_facture},
                 {"numeroBonCommande", optional(r.numero_bon_commande)},
                 {"numeroMarche", optional(r.numero_marche)}}},
               {"montantTotal",
                {{"montantHtTotal", amount(r.montant_ht)},
                 {"montantTVA", amount(r.montant_tva)},
                 {"montantTtcTotal", amount(r.montant_ttc)},
                 {"montantAPayer", amount(r.montant_a_payer)}}},
               {"lignesDePoste", {{"lignePoste", detail.value("lignePoste", Json::array())}}},
               {"recapitulatifDeTva", {{"ligneTva", detail.value("ligneTva", Json::array())}}}}}});
}

Reply consulter_historique(const Call& call) {
  const InvoiceRecord r = own_invoice(call, "idFacture");
  Json statuts = Json::array();
  for (const auto& h : call.mock.store().history(r.identifiant_facture_cpp)) {
    const auto code = lifecycle::reform_code(h.statut);
    statuts.push_back({{"histoStatutCode", h.statut},
                       {"histoStatutDatePassage", iso_datetime(h.date)},
                       {"histoStatutCommentaire", h.commentaire ? Json(*h.commentaire) : Json()},
                       {"histoStatutUtilisateur", h.utilisateur},
                       // Not in the real answer: the reform's lifecycle code (API.md §8).
                       {"histoStatutCodeCycleDeVie", code ? Json(*code) : Json()}});
  }
  const auto total = static_cast<std::int64_t>(statuts.size());
  return ok(
      {{"idFacture", r.identifiant_facture_cpp},
       {"numeroFacture", r.numero_facture},
       {"modeDepot", r.mode_depot},
       {"statutCourantCode", r.statut},
       {"historiquesDesStatuts",
        {{"histoStatut", std::move(statuts)},
         {"parametresRetour", parametres_retour({1, std::max<std::int64_t>(total, 1)}, total)}}}});
}

// The fields of deposer/pdf's answer, from an invoice's record.
Json recognised(const InvoiceRecord& r) {
  auto optional = [](const std::optional<std::string>& v) { return v ? Json(*v) : Json(); };
  auto text = [](const std::string& v) { return v.empty() ? Json() : Json(v); };
  return {{"numeroFacture", text(r.numero_facture)},
          {"dateFacture", text(r.date_facture)},
          {"codeDestinataire", text(r.code_destinataire)},
          {"codeServiceExecutant", optional(r.code_service_executant)},
          {"codeFournisseur", text(r.code_fournisseur)},
          {"codeDeviseFacture", text(r.devise)},
          {"typeFacture", text(r.type_facture)},
          {"typeTva", nullptr},  // TVA on debits or on receipts: not in the invoice
          {"numeroBonCommande", optional(r.numero_bon_commande)},
          {"montantTtcAvantRemiseGlobalTTC", amount(r.montant_ttc)},
          {"montantAPayer", amount(r.montant_a_payer)},
          {"montantHtTotal", amount(r.montant_ht)},
          {"montantTVA", amount(r.montant_tva)}};
}

// What deposer/pdf recognised in the PDF. The real service reads it by OCR
// and fills what it found; the mock reads the Factur-X invoice the PDF
// embeds, if any, and leaves every field null otherwise.
Json recognised_fields(const Call& call, const std::string& nom, const std::string& pdf) {
  if (const auto invoice = deposit::recognise(call.mock, nom, pdf)) {
    return recognised(
        record_of(*invoice, call.account, *call.mock.catalogue()->directory, call.mock.now()));
  }
  Json none = recognised(InvoiceRecord{});
  for (auto& value : none)
    value = nullptr;
  return none;
}

Reply deposer_pdf(const Call& call) {
  const std::string nom = call.fields.required_file_name("nomFichier");
  const std::string format = call.fields.required_text("formatDepot");
  if (format != "PDF_NON_SIGNE" && format != "PDF_SIGNE_PADES" && format != "PDF_SIGNE_XADES") {
    refuse(fmt::format("formatDepot « {} » : PDF_NON_SIGNE, PDF_SIGNE_PADES ou PDF_SIGNE_XADES.",
                       format),
           "formatDepot must be PDF_NON_SIGNE, PDF_SIGNE_PADES or PDF_SIGNE_XADES.");
  }
  const std::string pdf = decoded(call.fields, "fichierFacture");
  if (pdf.size() > chorus::kMaxFileBytes) {
    refuse(fmt::format("Fichier PDF de {} octets : {} Mo au plus.", pdf.size(),
                       chorus::kMaxFileMegabytes),
           fmt::format("PDF file over {} MB.", chorus::kMaxFileMegabytes), 413);
  }
  if (!pdf.starts_with("%PDF-")) {
    refuse("fichierFacture n'est pas un PDF (il ne commence pas par %PDF-).",
           "fichierFacture is not a PDF (it does not start with %PDF-).");
  }
  const auto id = deposit::keep(call.mock, call.account, {nom, "PDF", "application/pdf", pdf});
  Json answer = recognised_fields(call, nom, pdf);
  answer["pieceJointeId"] = id;
  return ok(answer);
}

// The supplier's answers to the buyer: complete a suspended invoice, re-route
// one to recycle. The real clients name the invoice identifiantFactureCPP or
// idFacture; both are read.
InvoiceRecord invoice_in(const Call& call, std::string_view statut, std::string_view operation) {
  const bool by_id = call.fields.find("idFacture") != nullptr;
  InvoiceRecord r = own_invoice(call, by_id ? "idFacture" : "identifiantFactureCPP");
  if (r.statut != statut) {
    refuse(fmt::format("{} : la facture {} est au statut {} ; seul {} le permet.", operation,
                       r.identifiant_facture_cpp, r.statut, statut),
           fmt::format("{}: invoice {} is {}; only {} allows it.", operation,
                       r.identifiant_facture_cpp, r.statut, statut));
  }
  return r;
}

Reply completer(const Call& call) {
  const InvoiceRecord r = invoice_in(call, "SUSPENDUE", "completer");
  call.mock.store().set_status(r.identifiant_facture_cpp, "COMPLETEE", call.mock.now(),
                               call.fields.text("commentaire"), call.account.login);
  return ok({{"identifiantFactureCPP", r.identifiant_facture_cpp}, {"statutFacture", "COMPLETEE"}});
}

// The invoice goes back to routing (EN_COURS_ACHEMINEMENT), then is made
// available again by the lifecycle. The new routing is recorded as given.
Reply recycler(const Call& call) {
  const InvoiceRecord r = invoice_in(call, "A_RECYCLER", "recycler");
  const std::string note = fmt::format(
      "Recyclée : destinataire {}, service {}, engagement {}",
      call.fields.text("codeDestinataire").value_or(r.code_destinataire),
      call.fields.text("codeServiceExecutant").value_or(r.code_service_executant.value_or("-")),
      call.fields.text("numeroBonCommande").value_or(r.numero_bon_commande.value_or("-")));
  call.mock.store().set_status(r.identifiant_facture_cpp,
                               std::string(lifecycle::kEnCoursAcheminement), call.mock.now(), note,
                               call.account.login);
  return ok({{"identifiantFactureCPP", r.identifiant_facture_cpp},
             {"statutFacture", lifecycle::kEnCoursAcheminement}});
}

}  // namespace

Reply soumettre(const Call& call);  // soumettre.cpp

std::vector<Route> factures_routes() {
  const std::string p = "/cpro/factures/v1/";
  return {{p + "deposer/flux", deposer_flux},
          {p + "deposer/pdf", deposer_pdf},
          {p + "soumettre", soumettre},
          {p + "rechercher/fournisseur", rechercher_fournisseur},
          {p + "consulter/fournisseur", consulter_fournisseur},
          {p + "consulter/historique", consulter_historique},
          {p + "completer", completer},
          {p + "recycler", recycler}};
}

}  // namespace cprokit::mock
