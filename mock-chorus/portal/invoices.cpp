// Factures émises: the structure's invoices (number, recipient, amount,
// status, date) with filters and pages, over Store::search as the API's
// rechercher/fournisseur; and one invoice with its history. A user sees
// only their structure's invoices: another's is the same 404 as an unknown one.
#include <regex>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/lifecycle.hpp"
#include "mock-chorus/portal/deposit_form.hpp"
#include "mock-chorus/portal/invoice_row.hpp"
#include "mock-chorus/portal/portal.hpp"
#include "mock-chorus/portal/supplier.hpp"
#include "mock-chorus/wire/dates.hpp"

namespace cprokit::mock::portal {
namespace {

constexpr std::int64_t kPerPage = 20;
constexpr const char* kListPath = "/portail/factures/emises";

bool is_day(const std::string& text) {
  static const std::regex kDay(R"([0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))");
  return std::regex_match(text, kDay);
}

std::string query_value(const PortalRequest& request, const std::string& name) {
  const auto it = request.query.find(name);
  return it == request.query.end() ? std::string() : it->second;
}

// The list's link to page `page` with the same filters.
std::string page_link(const std::map<std::string, std::string>& filters, std::int64_t page) {
  std::string link = fmt::format("{}?page={}", kListPath, page);
  for (const auto& [name, value] : filters) {
    if (!value.empty()) link += fmt::format("&{}={}", name, url_encode(value));
  }
  return link;
}

PortalReply list(PortalCall& call) {
  if (auto refusal = refuse_unless_supplier(call)) return *refusal;
  std::map<std::string, std::string> filters;
  for (const char* name : {"numero", "statut", "du", "au"})
    filters[name] = query_value(call.request, name);

  InvoiceQuery q;
  q.id_fournisseur = call.user->id_structure;  // only the user's structure, whatever is asked
  q.per_page = kPerPage;
  q.descending = true;  // the latest first
  if (!filters["numero"].empty()) q.numero_facture = filters["numero"];
  if (!filters["statut"].empty()) q.statuts = {filters["statut"]};
  Problems problems;
  for (const char* name : {"du", "au"}) {
    const std::string& day = filters[name];
    if (day.empty()) continue;
    if (!is_day(day)) {
      problems[name].push_back(form_problem(call.text("deposit_bad_date")));
    } else {
      (std::string_view(name) == "du" ? q.date_depot_du : q.date_depot_au) = day;
    }
  }
  const std::string page_text = query_value(call.request, "page");
  q.page = std::regex_match(page_text, std::regex("[1-9][0-9]{0,5}")) ? std::stoll(page_text) : 1;

  const InvoicePage found = call.mock.store().search(q);
  const std::int64_t pages = std::max<std::int64_t>(1, (found.total + kPerPage - 1) / kPerPage);
  Data rows = Data::array();
  for (const auto& r : found.invoices)
    rows.push_back(invoice_row(call, r));
  Data statuts = Data::array();
  statuts.push_back({{"value", ""},
                     {"label", call.text("invoices_any_status")},
                     {"selected", filters["statut"].empty()}});
  for (std::string_view s : lifecycle::statuses()) {
    statuts.push_back(
        {{"value", s}, {"label", call.status_label(s)}, {"selected", filters["statut"] == s}});
  }
  Data data = {
      {"filters", filters},
      {"statuts", std::move(statuts)},
      {"rows", std::move(rows)},
      {"has_rows", !found.invoices.empty()},
      {"total", found.total},
      {"page_of", fmt::format(fmt::runtime(call.text("invoices_page_of")), q.page, pages)}};
  if (q.page > 1) data["previous"] = page_link(filters, q.page - 1);
  if (q.page < pages) data["next"] = page_link(filters, q.page + 1);
  for (const char* name : {"du", "au"}) {
    const auto it = problems.find(name);
    if (it == problems.end()) continue;
    data[fmt::format("{}_error", name)] = it->second.front().message;
  }
  return call.page("invoices", std::move(data), "invoices_title", problems.empty() ? 200 : 422);
}

PortalReply unknown_invoice(const PortalCall& call) {
  return call.page("error", {{"message", call.text("error_not_found")}, {"back", kListPath}},
                   "error_title", 404);
}

PortalReply detail(PortalCall& call) {
  if (auto refusal = refuse_unless_supplier(call)) return *refusal;
  const std::string& id_text = call.request.captures.at(0);
  if (id_text.size() > 18) return unknown_invoice(call);
  const auto invoice = call.mock.store().invoice(std::stoll(id_text));
  // Another structure's invoice is not shown, nor said to exist.
  if (!invoice || invoice->id_fournisseur != call.user->id_structure) return unknown_invoice(call);
  const InvoiceRecord& r = *invoice;
  Data history = Data::array();
  for (const auto& h : call.mock.store().history(r.identifiant_facture_cpp)) {
    history.push_back({{"statut", h.statut},
                       {"statut_label", call.status_label(h.statut)},
                       {"date", iso_datetime(h.date)},
                       {"commentaire", h.commentaire.value_or("")},
                       {"utilisateur", h.utilisateur}});
  }
  Data data = invoice_row(call, r);
  data["service"] = r.code_service_executant.value_or("");
  data["engagement"] = r.numero_bon_commande.value_or("");
  data["date_facture"] = r.date_facture;
  data["ht"] = r.montant_ht;
  data["tva"] = r.montant_tva;
  data["net"] = r.montant_a_payer;
  data["cadre"] = r.cadre_facturation;
  data["mode"] = r.mode_depot;
  data["commentaire"] = r.commentaire_statut.value_or("");
  data["history"] = std::move(history);
  data["heading"] = fmt::format(fmt::runtime(call.text("invoice_heading")), r.numero_facture);
  return call.page("invoice", std::move(data), "invoice_title");
}

}  // namespace

std::vector<PortalRoute> invoices_routes() {
  return {{"GET", "/portail/factures/emises", list}, {"GET", R"(/portail/factures/(\d+))", detail}};
}

}  // namespace cprokit::mock::portal
