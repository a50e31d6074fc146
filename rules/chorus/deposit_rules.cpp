// CPRO-DEP-01..02 and CPRO-TOT-01..05: a deposit request (the body of
// factures/v1/soumettre, API.md §3.4) carries what the API requires, in its
// enumerations, and amounts that add up — to the cent, with no tolerance:
// they are typed in, not computed by a rounding chain.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "rules/chorus/api_values.hpp"
#include "rules/chorus/chorus_rules.hpp"
#include "rules/chorus/depositor.hpp"
#include "rules/chorus/document_name.hpp"
#include "rules/chorus/routing.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::chorus {
namespace {

using Request = DepositRequest;

constexpr KindSet kDepositRequests{DocumentKind::DepositRequest};

std::string shown(const Decimal& d) {
  return d.to_string();
}

// ---- CPRO-DEP-01: the fields the API requires -----------------------------

struct Required {
  const char* field;  // as the API names it, from the request's root
  bool present;
  SourceRef parent;         // where its absence is reported
  const char* why_fr = "";  // when the requirement depends on the request
  const char* why_en = "";
};

bool is_pdf_mode(const Request& r) {
  return r.mode_depot && r.mode_depot->value.starts_with("DEPOT_PDF");
}

bool needs_validator(const Request& r) {
  const auto& frame = r.cadre.code_cadre_facturation;
  return frame && (frame->value.starts_with("A9_") || frame->value.starts_with("A12_"));
}

std::vector<Required> required_fields(const Request& r) {
  const SourceRef root = r.source;
  const auto at = [&](const SourceRef& object) { return object.step != nullptr ? object : root; };
  std::vector<Required> out{
      {"modeDepot", filled(r.mode_depot) != nullptr, root},
      {"cadreDeFacturation.codeCadreFacturation", filled(r.cadre.code_cadre_facturation) != nullptr,
       at(r.cadre.source)},
      {"fournisseur.idFournisseur", r.fournisseur.id_fournisseur.has_value(),
       at(r.fournisseur.source)},
      {"references.deviseFacture", filled(r.references.devise_facture) != nullptr,
       at(r.references.source)},
      {"references.typeFacture", filled(r.references.type_facture) != nullptr,
       at(r.references.source)},
      {"references.typeTva", filled(r.references.type_tva) != nullptr, at(r.references.source)},
      {"references.modePaiement", filled(r.references.mode_paiement) != nullptr,
       at(r.references.source)},
      {"ligneTva", !r.lignes_tva.empty(), root},
      {"montantTotal", r.montant_total.has_value(), root},
  };
  if (r.montant_total) {
    const auto& t = *r.montant_total;
    out.push_back({"montantTotal.montantHtTotal", t.ht_total.has_value(), t.source});
    out.push_back({"montantTotal.montantTVA", t.tva.has_value(), t.source});
    out.push_back({"montantTotal.montantTtcTotal", t.ttc_total.has_value(), t.source});
    out.push_back({"montantTotal.montantAPayer", t.a_payer.has_value(), t.source});
  }
  if (is_pdf_mode(r)) {
    for (auto [field, value] : {std::pair{"numeroFactureSaisi", &r.numero_facture_saisi},
                                std::pair{"dateFacture", &r.date_facture}}) {
      out.push_back({field, filled(*value) != nullptr, root, " (dépôt PDF)", " (PDF deposit)"});
    }
  }
  if (r.mode_depot && r.mode_depot->value == "SAISIE_API") {
    out.push_back(
        {"lignePoste", !r.lignes_poste.empty(), root, " (saisie par API)", " (SAISIE_API)"});
  }
  if (needs_validator(r)) {
    out.push_back({"cadreDeFacturation.codeStructureValideur",
                   filled(r.cadre.code_structure_valideur) != nullptr, at(r.cadre.source),
                   " (cadre A9 ou A12 : un valideur)", " (frame A9 or A12: a validator)"});
  }
  return out;
}

void check_required(const Request& r, const Context& /*ctx*/, Reporter& report) {
  for (const Required& field : required_fields(r)) {
    if (field.present) continue;
    report.fire(field.parent,
                {fmt::format("Champ obligatoire absent : {}{}.", field.field, field.why_fr),
                 fmt::format("Mandatory field missing: {}{}.", field.field, field.why_en)});
  }
}

// ---- CPRO-DEP-02: the API's enumerations (API.md §4.4 and §4.6) -----------

template <std::size_t N>
void check_value(const std::optional<Text>& value, std::string_view field,
                 const std::array<std::string_view, N>& allowed, Reporter& report) {
  const Text* text = filled(value);
  if (text == nullptr || std::ranges::find(allowed, text->value) != allowed.end()) return;
  std::string list;
  for (std::string_view v : allowed)
    list += (list.empty() ? "" : ", ") + std::string(v);
  report.fire(text->source, {fmt::format("{} « {} » inconnu de l'API : valeurs admises {}.", field,
                                         text->value, list),
                             fmt::format("{} \"{}\" is unknown to the API: allowed values {}.",
                                         field, text->value, list)});
}

void check_enumerations(const Request& r, const Context& /*ctx*/, Reporter& report) {
  check_value(r.mode_depot, "modeDepot", kModesDepot, report);
  check_value(r.cadre.code_cadre_facturation, "cadreDeFacturation.codeCadreFacturation", kCadres,
              report);
  check_value(r.references.type_facture, "references.typeFacture", kTypesFacture, report);
  check_value(r.references.type_tva, "references.typeTva", kTypesTva, report);
  check_value(r.references.mode_paiement, "references.modePaiement", kModesPaiement, report);
}

// ---- CPRO-TOT-01..05: the amounts ------------------------------------------

const Request::MontantTotal* totals_of(const Request& r) {
  return r.montant_total ? &*r.montant_total : nullptr;
}

void check_ttc(const Request& r, const Context& /*ctx*/, Reporter& report) {
  const auto* t = totals_of(r);
  if (t == nullptr || !t->ht_total || !t->tva || !t->ttc_total) return;
  const Decimal expected = t->ht_total->value + t->tva->value;
  if (t->ttc_total->value == expected) return;
  report.fire(t->ttc_total->source,
              {fmt::format("montantTtcTotal {} différent de montantHtTotal {} + montantTVA {} "
                           "= {}.",
                           shown(t->ttc_total->value), shown(t->ht_total->value),
                           shown(t->tva->value), shown(expected)),
               fmt::format("montantTtcTotal {} differs from montantHtTotal {} + montantTVA {} = "
                           "{}.",
                           shown(t->ttc_total->value), shown(t->ht_total->value),
                           shown(t->tva->value), shown(expected))});
}

void check_payable(const Request& r, const Context& /*ctx*/, Reporter& report) {
  const auto* t = totals_of(r);
  if (t == nullptr || !t->ttc_total || !t->a_payer) return;
  const Decimal discount = t->remise_globale_ttc ? t->remise_globale_ttc->value : Decimal{};
  const Decimal expected = t->ttc_total->value - discount;
  if (t->a_payer->value == expected) return;
  report.fire(t->a_payer->source,
              {fmt::format("montantAPayer {} incohérent : attendu montantTtcTotal {} − "
                           "montantRemiseGlobaleTTC {} = {}.",
                           shown(t->a_payer->value), shown(t->ttc_total->value), shown(discount),
                           shown(expected)),
               fmt::format("montantAPayer {} is inconsistent: expected montantTtcTotal {} − "
                           "montantRemiseGlobaleTTC {} = {}.",
                           shown(t->a_payer->value), shown(t->ttc_total->value), shown(discount),
                           shown(expected))});
}

// One sum of the VAT lines against its total.
void compare_vat_sum(const std::optional<Number>& total, std::string_view total_field,
                     const Decimal& sum, std::string_view line_field, Reporter& report) {
  if (!total || total->value == sum) return;
  report.fire(total->source,
              {fmt::format("{} {} différent de la somme des {} des lignes de TVA (ligneTva) : {}.",
                           total_field, shown(total->value), line_field, shown(sum)),
               fmt::format("{} {} differs from the sum of the VAT lines' {} (ligneTva): {}.",
                           total_field, shown(total->value), line_field, shown(sum))});
}

void check_vat_lines(const Request& r, const Context& /*ctx*/, Reporter& report) {
  const auto* t = totals_of(r);
  if (t == nullptr || r.lignes_tva.empty()) return;
  Decimal bases;
  Decimal taxes;
  bool all_bases = true;
  bool all_taxes = true;
  for (const auto& line : r.lignes_tva) {
    all_bases = all_bases && line.montant_base_ht;
    all_taxes = all_taxes && line.montant_tva;
    if (line.montant_base_ht) bases += line.montant_base_ht->value;
    if (line.montant_tva) taxes += line.montant_tva->value;
  }
  if (all_bases) {
    compare_vat_sum(t->ht_total, "montantHtTotal", bases, "ligneTvaMontantBaseHtParTaux", report);
  }
  if (all_taxes) {
    compare_vat_sum(t->tva, "montantTVA", taxes, "ligneTvaMontantTvaParTaux", report);
  }
}

// A line's net amount: quantity × unit price − line discount, to the cent
// (half away from zero), as an invoice shows it.
std::optional<Decimal> net_of(const Request::LignePoste& line) {
  if (!line.quantite || !line.montant_unitaire_ht) return std::nullopt;
  Decimal net = line.quantite->value * line.montant_unitaire_ht->value;
  if (line.montant_remise_ht) net -= line.montant_remise_ht->value;
  const Decimal rounded = net.abs().round_half_up(2);
  return net.is_negative() ? -rounded : rounded;
}

void check_post_lines(const Request& r, const Context& /*ctx*/, Reporter& report) {
  const auto* t = totals_of(r);
  if (t == nullptr || !t->ht_total || r.lignes_poste.empty()) return;
  Decimal sum;
  for (const auto& line : r.lignes_poste) {
    const auto net = net_of(line);
    if (!net) return;  // CPRO-DEP-01's business or the type's: no sum to compare
    sum += *net;
  }
  if (t->ht_total->value == sum) return;
  report.fire(t->ht_total->source,
              {fmt::format("montantHtTotal {} différent de la somme des lignes de poste "
                           "(lignePoste : quantité × prix unitaire HT − remise, au centime) : {}.",
                           shown(t->ht_total->value), shown(sum)),
               fmt::format("montantHtTotal {} differs from the sum of the item lines "
                           "(lignePoste: quantity × unit price − discount, to the cent): {}.",
                           shown(t->ht_total->value), shown(sum))});
}

void compare_with_invoice(const std::optional<Number>& entered, std::string_view field,
                          const Amount* in_file, std::string_view term, Reporter& report) {
  if (!entered || in_file == nullptr || entered->value == in_file->value) return;
  const Location where = in_file->source.location();
  report.fire(entered->source,
              {fmt::format("{} {} différent du fichier facture : {} {} (ligne {}).", field,
                           shown(entered->value), term, shown(in_file->value), where.line),
               fmt::format("{} {} differs from the invoice file: {} {} (line {}).", field,
                           shown(entered->value), term, shown(in_file->value), where.line)});
}

void check_against_invoice(const Request& r, const Context& ctx, Reporter& report) {
  const auto* t = totals_of(r);
  const Invoice* inv = ctx.invoice_file;
  if (t == nullptr || inv == nullptr || !inv->totals) return;
  const auto& totals = *inv->totals;
  const auto ptr = [](const std::optional<Amount>& a) { return a ? &*a : nullptr; };
  compare_with_invoice(t->ht_total, "montantHtTotal", ptr(totals.tax_exclusive), "BT-109", report);
  compare_with_invoice(t->tva, "montantTVA", vat_total_in_invoice_currency(*inv), "BT-110", report);
  compare_with_invoice(t->ttc_total, "montantTtcTotal", ptr(totals.tax_inclusive), "BT-112",
                       report);
  compare_with_invoice(t->a_payer, "montantAPayer", ptr(totals.payable), "BT-115", report);
}

Rule deposit_rule(std::string id, Message title, std::vector<std::string> terms,
                  DepositRequestCheck check) {
  return chorus_rule(std::move(id), Severity::Fatal, std::move(title), std::move(terms),
                     Checks{.deposit_request = check}, kDepositRequests);
}

// The supplier a request is for: fournisseur.idFournisseur in the directory
// (routing.hpp), else the depositing account's structure.
const chorus::Structure* supplier_of(const Request& r, const Context& ctx) {
  if (const chorus::Structure* named = routing_of(r, ctx).supplier) return named;
  if (ctx.directory == nullptr || ctx.depositor == nullptr) return nullptr;
  return ctx.directory->structure_by_id(ctx.depositor->id_structure_cpp);
}

// The buyer's notice names the deposited document "société/n° facture"; in a
// PDF deposit the request names it (pieceJointePrincipaleDesignation), and the
// supplier and number are the directory's name and numeroFactureSaisi.
void check_document_designation(const Request& r, const Context& ctx, Reporter& report) {
  const chorus::Structure* supplier = supplier_of(r, ctx);
  const Text* number = filled(r.numero_facture_saisi);
  if (supplier == nullptr || supplier->raison_sociale.empty() || number == nullptr) return;
  for (const auto& piece : r.pieces_jointes_principales) {
    const Text* designation = filled(piece.designation);
    if (designation == nullptr) continue;
    if (auto problem =
            document_name_problem(designation->value, supplier->raison_sociale, number->value)) {
      report.fire(designation->source, std::move(*problem));
    }
  }
}

}  // namespace

void register_deposit_rules(Registry& registry) {
  registry.add(deposit_rule("CPRO-DEP-01",
                            {"La demande de dépôt porte les champs que l'API exige (selon le "
                             "mode de dépôt et le cadre de facturation).",
                             "The deposit request carries the fields the API requires (by "
                             "deposit mode and invoicing frame)."},
                            {}, check_required));
  registry.add(deposit_rule("CPRO-DEP-02",
                            {"Modes de dépôt, cadres de facturation, types de facture et de TVA "
                             "et modes de paiement sont des valeurs de l'API.",
                             "Deposit modes, invoicing frames, invoice and VAT types and "
                             "payment modes are values of the API."},
                            {}, check_enumerations));
  registry.add(deposit_rule("CPRO-TOT-01",
                            {"Le TTC est la somme du HT et de la TVA, au centime (montantHtTotal "
                             "+ montantTVA = montantTtcTotal).",
                             "The total with VAT is the sum of the net total and the VAT, to the "
                             "cent (montantHtTotal + montantTVA = montantTtcTotal)."},
                            {"BT-109", "BT-110", "BT-112"}, check_ttc));
  registry.add(deposit_rule("CPRO-TOT-02",
                            {"Le montant à payer est le TTC moins la remise globale TTC "
                             "(montantAPayer = montantTtcTotal − montantRemiseGlobaleTTC).",
                             "The amount due is the total with VAT less the global discount "
                             "(montantAPayer = montantTtcTotal − montantRemiseGlobaleTTC)."},
                            {"BT-115", "BT-112"}, check_payable));
  registry.add(deposit_rule("CPRO-TOT-03",
                            {"Les lignes de TVA (ligneTva) totalisent montantHtTotal et "
                             "montantTVA.",
                             "The VAT lines (ligneTva) add up to montantHtTotal and montantTVA."},
                            {"BT-116", "BT-117"}, check_vat_lines));
  registry.add(deposit_rule("CPRO-TOT-04",
                            {"Les lignes de poste (lignePoste) totalisent montantHtTotal.",
                             "The item lines (lignePoste) add up to montantHtTotal."},
                            {"BT-131", "BT-109"}, check_post_lines));
  registry.add(deposit_rule("CPRO-TOT-05",
                            {"Avec --with, les montants saisis sont ceux du fichier facture "
                             "(BT-109, BT-110, BT-112, BT-115).",
                             "With --with, the amounts entered are those of the invoice file "
                             "(BT-109, BT-110, BT-112, BT-115)."},
                            {"BT-109", "BT-110", "BT-112", "BT-115"}, check_against_invoice));
  Rule name = deposit_rule("CPRO-NAME-02",
                           {"Le nom du document déposé (pieceJointePrincipaleDesignation) "
                            "contient le nom du fournisseur et le numéro de facture.",
                            "The deposited document's name (pieceJointePrincipaleDesignation) "
                            "contains the supplier's name and the invoice number."},
                           {"BT-1"}, check_document_designation);
  name.severity = Severity::Warning;
  registry.add(std::move(name));
}

}  // namespace cprokit::chorus
