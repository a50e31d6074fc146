#include "mock-chorus/flux/invoice_record.hpp"

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
                        const Catalogue& catalogue, Millis now) {
  InvoiceRecord r;
  r.mode_depot = "EDI";
  r.login = account.login;
  r.id_fournisseur = account.id_structure;
  const chorus::Structure* supplier = catalogue.directory->structure_by_id(account.id_structure);
  if (const Identifier* siret = chorus::siret_of(invoice.seller)) r.code_fournisseur = siret->value;
  r.designation_fournisseur =
      supplier != nullptr ? supplier->raison_sociale : text_or(invoice.seller.name);
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
    r.code_destinataire = buyer->value;
    if (const chorus::Structure* s = catalogue.directory->structure(buyer->value)) {
      r.id_destinataire = s->id_structure_cpp;
      r.designation_destinataire = s->raison_sociale;
    }
  }
  if (r.designation_destinataire.empty()) r.designation_destinataire = text_or(invoice.buyer.name);
  r.code_service_executant = optional_text(invoice.buyer_reference);
  r.numero_bon_commande = optional_text(invoice.purchase_order_reference);
  r.numero_marche = optional_text(invoice.contract_reference);
  r.statut = std::string(lifecycle::kDeposee);
  r.date_statut = now;
  r.date_depot = now;
  r.detail_json = detail_of(invoice);
  return r;
}

}  // namespace cprokit::mock
