#include "mock-chorus/portal/deposit_form.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <regex>
#include <utility>

#include <nlohmann/json.hpp>

#include "rules/model/decimal.hpp"

namespace cprokit::mock::portal {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<FormField, 13> kFields{{
    {"siret", "destinataire", true, true},
    {"service", "destinataire", false, false},
    {"numero", "references", true, true},
    {"date", "references", true, true},
    {"type", "references", true, false},
    {"engagement", "references", false, true},
    {"type_tva", "references", true, false},
    {"mode_paiement", "references", true, false},
    {"ht", "references", true, true},
    {"tva", "references", true, true},
    {"ttc", "references", true, true},
    {"net", "references", true, true},
    {"nom", "references", true, true},
}};

constexpr std::array<std::string_view, 4> kAmounts = {"ht", "tva", "ttc", "net"};

// The rules about one field of the form, wherever they fire (file or request).
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kByRule{{
    {"CPRO-SIRET-01", "siret"},
    {"CPRO-SIRET-02", "siret"},
    {"CPRO-SIRET-03", "siret"},
    {"CPRO-SVC-01", "service"},
    {"CPRO-SVC-02", "service"},
    {"CPRO-SVC-03", "service"},
    {"CPRO-ENG-01", "engagement"},
    {"CPRO-ENG-02", "engagement"},
    {"CPRO-ENG-03", "engagement"},
    {"CPRO-NUM-01", "numero"},
    {"CPRO-DUP-01", "numero"},
    {"CPRO-NAME-01", "nom"},
    {"CPRO-NAME-02", "nom"},
}};

// Where request_of() puts each field (JSON Pointers of the request).
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kByPointer{{
    {"/destinataire/codeDestinataire", "siret"},
    {"/destinataire/codeServiceExecutant", "service"},
    {"/numeroFactureSaisi", "numero"},
    {"/dateFacture", "date"},
    {"/references/typeFacture", "type"},
    {"/references/numeroBonCommande", "engagement"},
    {"/references/typeTva", "type_tva"},
    {"/references/modePaiement", "mode_paiement"},
    {"/montantTotal/montantHtTotal", "ht"},
    {"/montantTotal/montantTVA", "tva"},
    {"/montantTotal/montantTtcTotal", "ttc"},
    {"/montantTotal/montantAPayer", "net"},
    {"/pieceJointePrincipale/0/pieceJointePrincipaleDesignation", "nom"},
}};

// The business terms a field holds (EN 16931).
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kByTerm{{
    {"BT-1", "numero"},
    {"BT-2", "date"},
    {"BT-3", "type"},
    {"BT-10", "service"},
    {"BT-13", "engagement"},
    {"BT-47", "siret"},
    {"BT-81", "mode_paiement"},
    {"BT-109", "ht"},
    {"BT-110", "tva"},
    {"BT-112", "ttc"},
    {"BT-115", "net"},
}};

template <std::size_t N>
std::string_view lookup(const std::array<std::pair<std::string_view, std::string_view>, N>& table,
                        std::string_view key) {
  for (const auto& [from, to] : table) {
    if (from == key) return to;
  }
  return {};
}

std::string_view field_of(const Finding& f, bool in_file) {
  if (auto field = lookup(kByRule, f.rule); !field.empty()) return field;
  if (!in_file) {
    if (auto field = lookup(kByPointer, f.where.path); !field.empty()) return field;
  }
  for (const auto& term : f.terms) {
    if (auto field = lookup(kByTerm, term); !field.empty()) return field;
  }
  return {};
}

std::string trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(kSpace) - first + 1));
}

// "1 234,56" (French), "1234.56": the amount as the API reads it, or none.
std::optional<std::string> amount_of(std::string_view typed) {
  std::string text;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    const char c = typed[i];
    if (c == ' ') continue;
    // No-break spaces (U+00A0, U+202F) that French number formats put between thousands.
    if (typed.substr(i).starts_with("\xC2\xA0")) {
      ++i;
      continue;
    }
    if (typed.substr(i).starts_with("\xE2\x80\xAF")) {
      i += 2;
      continue;
    }
    text += c == ',' ? '.' : c;
  }
  static const std::regex kAmount(R"(-?[0-9]{1,15}(\.[0-9]{1,2})?)");
  if (!std::regex_match(text, kAmount)) return std::nullopt;
  return text;
}

bool is_date(const std::string& text) {
  static const std::regex kDate(R"([0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))");
  return std::regex_match(text, kDate);
}

std::string mode_paiement_of(const Invoice& invoice) {
  if (invoice.payment_means.empty() || !invoice.payment_means.front().code) return "VIREMENT";
  const std::string& code = invoice.payment_means.front().code->value;  // UNTDID 4461
  if (code == "10") return "ESPECE";
  if (code == "20") return "CHEQUE";
  if (code == "49" || code == "59") return "PRELEVEMENT";
  if (code == "30" || code == "31" || code == "42" || code == "58") return "VIREMENT";
  return "AUTRE";
}

void put_text(Json& object, const char* name, const FormValues& values, std::string_view field) {
  const auto it = values.find(field);
  if (it != values.end() && !it->second.empty()) object[name] = it->second;
}

}  // namespace

std::span<const FormField> form_fields() {
  return kFields;
}

FormValues prefill(const InvoiceRecord& r, const Invoice& invoice) {
  FormValues v = defaults();
  v["siret"] = r.code_destinataire;
  v["service"] = r.code_service_executant.value_or("");
  v["numero"] = r.numero_facture;
  v["date"] = r.date_facture;
  v["type"] = r.type_facture;
  v["engagement"] = r.numero_bon_commande.value_or("");
  v["mode_paiement"] = mode_paiement_of(invoice);
  v["ht"] = r.montant_ht;
  v["tva"] = r.montant_tva;
  v["ttc"] = r.montant_ttc;
  v["net"] = r.montant_a_payer;
  return v;
}

FormValues defaults() {
  return {{"type", "FACTURE"}, {"type_tva", "TVA_SUR_DEBIT"}, {"mode_paiement", "VIREMENT"}};
}

FormValues posted(const PortalRequest& request) {
  FormValues v;
  for (const FormField& f : kFields)
    v[std::string(f.name)] = trimmed(request.field(std::string(f.name)));
  return v;
}

Problems check_form(FormValues& values, bool with_file, const FormMessages& messages) {
  Problems problems;
  for (const FormField& f : kFields) {
    std::string& value = values[std::string(f.name)];
    const bool needed = f.needed_with_file || (!with_file && f.typed);
    if (value.empty()) {
      if (needed) problems[std::string(f.name)].push_back(form_problem(messages.required));
      continue;
    }
    if (std::ranges::find(kAmounts, f.name) != kAmounts.end()) {
      if (auto amount = amount_of(value)) {
        value = *amount;
      } else {
        problems[std::string(f.name)].push_back(form_problem(messages.amount));
      }
    } else if (f.name == "date" && !is_date(value)) {
      problems[std::string(f.name)].push_back(form_problem(messages.date));
    }
  }
  return problems;
}

void place(const std::vector<Finding>& findings, bool in_file, Lang lang, Problems& problems) {
  const cprokit::Lang in = lang == Lang::en ? cprokit::Lang::En : cprokit::Lang::Fr;
  for (const Finding& f : findings) {
    if (f.severity == Severity::Info) continue;
    problems[std::string(field_of(f, in_file))].push_back(
        {f.message.in(in), f.rule, f.severity == Severity::Fatal, in_file});
  }
}

bool has_fatal(const Problems& problems) {
  for (const auto& [field, list] : problems) {
    for (const auto& p : list) {
      if (p.fatal) return true;
    }
  }
  return false;
}

std::string request_of(const FormValues& values, const std::string& cadre,
                       std::int64_t id_structure, std::int64_t piece_jointe, const Invoice* file) {
  const auto value = [&](std::string_view field) {
    const auto it = values.find(field);
    return it == values.end() ? std::string() : it->second;
  };
  Json destinataire = {{"codeDestinataire", value("siret")}};
  put_text(destinataire, "codeServiceExecutant", values, "service");
  Json references = {
      {"deviseFacture", file != nullptr && file->currency && !file->currency->value.empty()
                            ? file->currency->value
                            : std::string("EUR")},
      {"typeFacture", value("type")},
      {"typeTva", value("type_tva")},
      {"modePaiement", value("mode_paiement")}};
  put_text(references, "numeroBonCommande", values, "engagement");
  // Amounts as JSON strings, which the API reads with their exact value.
  Json montants = {{"montantHtTotal", value("ht")},
                   {"montantTVA", value("tva")},
                   {"montantTtcTotal", value("ttc")}};
  Json lignes_tva = Json::array();
  if (file != nullptr) {
    for (const auto& v : file->vat_breakdown) {
      Json line = Json::object();
      if (v.rate) line["ligneTvaTauxManuel"] = v.rate->value.to_string();
      if (v.taxable_amount)
        line["ligneTvaMontantBaseHtParTaux"] = v.taxable_amount->value.to_string();
      if (v.tax_amount) line["ligneTvaMontantTvaParTaux"] = v.tax_amount->value.to_string();
      lignes_tva.push_back(std::move(line));
    }
    // What the file says was paid before (BT-113): the API's only place for it.
    if (file->totals && file->totals->tax_inclusive && file->totals->payable &&
        !(file->totals->tax_inclusive->value == file->totals->payable->value)) {
      montants["montantRemiseGlobaleTTC"] =
          (file->totals->tax_inclusive->value - file->totals->payable->value).to_string();
    }
  }
  if (lignes_tva.empty()) {
    lignes_tva.push_back({{"ligneTvaMontantBaseHtParTaux", value("ht")},
                          {"ligneTvaMontantTvaParTaux", value("tva")}});
  }
  montants["montantAPayer"] = value("net");
  Json request = {
      {"modeDepot", "DEPOT_PDF_API"},
      {"numeroFactureSaisi", value("numero")},
      {"dateFacture", value("date")},
      {"cadreDeFacturation", {{"codeCadreFacturation", cadre}}},
      {"destinataire", std::move(destinataire)},
      {"fournisseur", {{"idFournisseur", id_structure}}},
      {"references", std::move(references)},
      {"ligneTva", std::move(lignes_tva)},
      {"montantTotal", std::move(montants)},
      {"pieceJointePrincipale", Json::array({{{"pieceJointePrincipaleDesignation", value("nom")},
                                              {"pieceJointePrincipaleId", piece_jointe}}})}};
  return request.dump();
}

}  // namespace cprokit::mock::portal
