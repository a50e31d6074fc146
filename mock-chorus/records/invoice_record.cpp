#include "mock-chorus/records/invoice_record.hpp"

#include <nlohmann/json.hpp>

#include "mock-chorus/auth/secret_hash.hpp"
#include "mock-chorus/lifecycle.hpp"
#include "mock-chorus/wire/dates.hpp"
#include "mock-chorus/wire/reply.hpp"
#include "rules/chorus/parties.hpp"

namespace cprokit::mock {
namespace {

std::string amount_text(const std::optional<Amount>& a) {
  return a ? a->value.to_string() : std::string("0");
}

std::string text_or(const std::optional<Text>& t, const std::string& fallback = {}) {
  return t ? t->value : fallback;
}

std::optional<std::string> optional_text(const std::optional<Text>& t) {
  if (!t || t->value.empty()) return std::nullopt;
  return t->value;
}

// A field of a request, or `fallback` when absent or empty.
std::string text_or(const Fields& f, std::string_view name, std::string fallback) {
  auto v = f.text(name);
  return v && !v->empty() ? *v : std::move(fallback);
}

// What every deposit starts as: by `account`, for its structure `supplier`
// (null when the directory lacks it), status DEPOSEE at `now`.
InvoiceRecord deposited(std::string mode, const AccountRecord& account,
                        const chorus::Structure* supplier, Millis now) {
  InvoiceRecord r;
  r.mode_depot = std::move(mode);
  r.login = account.login;
  r.id_fournisseur = account.id_structure;
  if (supplier != nullptr) r.designation_fournisseur = supplier->raison_sociale;
  r.statut = std::string(lifecycle::kDeposee);
  r.date_statut = now;
  r.date_depot = now;
  return r;
}

// The buyer by its SIRET, with its id and name when the directory has it.
void address_to(InvoiceRecord& r, std::string siret, const chorus::Directory& directory) {
  r.code_destinataire = std::move(siret);
  if (const chorus::Structure* s = directory.structure(r.code_destinataire)) {
    r.id_destinataire = s->id_structure_cpp;
    r.designation_destinataire = s->raison_sociale;
  }
}

std::string detail_of(const Invoice& invoice) {
  Json lignes = Json::array();
  int numero = 0;
  for (const auto& line : invoice.lines) {
    ++numero;
    lignes.push_back({
        {"lignePosteNumero", numero},
        {"lignePosteReference", text_or(line.id)},
        {"lignePosteDenomination", text_or(line.item_name)},
        {"lignePosteQuantite", line.quantity ? line.quantity->value.to_string() : "0"},
        {"lignePosteUnite", text_or(line.unit_code)},
        {"lignePosteMontantUnitaireHT", line.net_price ? line.net_price->value.to_string() : "0"},
        {"lignePosteMontantHT", amount_text(line.net_amount)},
        {"lignePosteTauxTva", line.vat_rate ? line.vat_rate->value.to_string() : ""},
    });
  }
  Json tva = Json::array();
  for (const auto& v : invoice.vat_breakdown) {
    tva.push_back({
        {"ligneTvaCategorie", text_or(v.category)},
        {"ligneTvaTauxManuel", v.rate ? v.rate->value.to_string() : ""},
        {"ligneTvaMontantBaseHtParTaux", amount_text(v.taxable_amount)},
        {"ligneTvaMontantTvaParTaux", amount_text(v.tax_amount)},
    });
  }
  return Json{{"lignePoste", std::move(lignes)}, {"ligneTva", std::move(tva)}}.dump();
}

}  // namespace

InvoiceRecord record_of(const Invoice& invoice, const AccountRecord& account,
                        const chorus::Directory& directory, Millis now) {
  const chorus::Structure* supplier = directory.structure_by_id(account.id_structure);
  InvoiceRecord r = deposited("EDI", account, supplier, now);
  if (const Identifier* siret = chorus::siret_of(invoice.seller)) r.code_fournisseur = siret->value;
  if (supplier == nullptr) r.designation_fournisseur = text_or(invoice.seller.name);
  r.numero_facture = text_or(invoice.number);
  r.date_facture = iso_date(text_or(invoice.issue_date));
  r.type_facture = invoice.kind == DocumentKind::CreditNote ? "AVOIR" : "FACTURE";
  r.devise = text_or(invoice.currency, "EUR");
  r.cadre_facturation = text_or(invoice.business_process, "A1_FACTURE_FOURNISSEUR");
  if (invoice.totals) {
    r.montant_ht = amount_text(invoice.totals->tax_exclusive);
    r.montant_ttc = amount_text(invoice.totals->tax_inclusive);
    r.montant_a_payer = amount_text(invoice.totals->payable);
  }
  const Amount* vat_total = vat_total_in_invoice_currency(invoice);  // BT-110
  r.montant_tva = vat_total != nullptr ? vat_total->value.to_string() : "0";
  if (const Identifier* buyer = chorus::siret_of(invoice.buyer)) {
    address_to(r, buyer->value, directory);
  }
  if (r.designation_destinataire.empty()) r.designation_destinataire = text_or(invoice.buyer.name);
  r.code_service_executant = optional_text(invoice.buyer_reference);
  r.numero_bon_commande = optional_text(invoice.purchase_order_reference);
  r.numero_marche = optional_text(invoice.contract_reference);
  r.detail_json = detail_of(invoice);
  return r;
}

InvoiceRecord record_of(const Fields& request, std::string_view body, const AccountRecord& account,
                        const chorus::Directory& directory, Millis now) {
  const chorus::Structure* supplier = directory.structure_by_id(account.id_structure);
  InvoiceRecord r = deposited(request.required_text("modeDepot"), account, supplier, now);
  if (supplier != nullptr) r.code_fournisseur = supplier->identifiant;
  const Fields references = request.object("references");
  const Fields montants = request.object("montantTotal");
  // In SAISIE_API, Chorus Pro numbers the invoice itself.
  r.numero_facture = text_or(request, "numeroFactureSaisi", "SAISIE-" + random_hex(5));
  r.date_facture = text_or(request, "dateFacture", iso_day(now));
  r.type_facture = text_or(references, "typeFacture", "FACTURE");
  r.devise = text_or(references, "deviseFacture", "EUR");
  r.cadre_facturation = text_or(request.object("cadreDeFacturation"), "codeCadreFacturation",
                                "A1_FACTURE_FOURNISSEUR");
  r.montant_ht = text_or(montants, "montantHtTotal", "0");
  r.montant_tva = text_or(montants, "montantTVA", "0");
  r.montant_ttc = text_or(montants, "montantTtcTotal", "0");
  r.montant_a_payer = text_or(montants, "montantAPayer", r.montant_ttc);
  const Fields destinataire = request.object("destinataire");
  address_to(r, destinataire.required_text("codeDestinataire"), directory);
  r.code_service_executant = destinataire.text("codeServiceExecutant");
  r.numero_bon_commande = references.text("numeroBonCommande");
  r.numero_marche = references.text("numeroMarche");
  const Json sent = Json::parse(body, nullptr, false);
  r.detail_json = Json{{"lignePoste", sent.value("lignePoste", Json::array())},
                       {"ligneTva", sent.value("ligneTva", Json::array())}}
                      .dump();
  return r;
}

}  // namespace cprokit::mock
