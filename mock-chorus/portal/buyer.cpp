// The buyer's view, for rehearsals only (the real portal has nothing like
// it): a trainer moves an invoice through its life as its recipient would
// (mise en paiement, suspendue with a motive, …), so the supplier's pages
// show what follows. It asks once per session for the admin token the mock
// printed at start, and moves invoices by records/buyer_moves, the function
// of POST /_mock/factures/ID/statut.
#include <sodium.h>

#include <regex>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/lifecycle.hpp"
#include "mock-chorus/portal/draft.hpp"
#include "mock-chorus/portal/invoice_row.hpp"
#include "mock-chorus/portal/portal.hpp"
#include "mock-chorus/records/buyer_moves.hpp"
#include "validators/sha256.hpp"

namespace cprokit::mock::portal {
namespace {

constexpr std::string_view kAdmitted = "acheteur";
constexpr const char* kPath = "/portail/acheteur";
constexpr std::int64_t kPerPage = 20;

bool admitted(const PortalCall& call) {
  return draft_of(call, kAdmitted).is_boolean() && draft_of(call, kAdmitted).get<bool>();
}

// Whether `sent` is the mock's admin token, in a time that tells nothing of
// either (their digests are compared, whatever their lengths).
bool is_admin_token(const Mock& mock, const std::string& sent) {
  const std::string& token = mock.options().admin_token;
  if (token.empty()) return false;
  const std::string expected = sha256_hex(token);
  const std::string given = sha256_hex(sent);
  return sodium_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

PortalReply token_page(const PortalCall& call, bool wrong) {
  Data data = Data::object();
  if (wrong) data["error"] = call.text("buyer_wrong_token");
  return call.page("buyer-token", std::move(data), "buyer_title", wrong ? 422 : 200);
}

// The invoices of every supplier, the latest first, with the moves each allows.
PortalReply list_page(const PortalCall& call, std::int64_t failed_id, const std::string& failure) {
  InvoiceQuery q;
  q.every_supplier = true;
  q.descending = true;
  q.per_page = kPerPage;
  const auto page_it = call.request.query.find("page");
  if (page_it != call.request.query.end() &&
      std::regex_match(page_it->second, std::regex("[1-9][0-9]{0,5}"))) {
    q.page = std::stoll(page_it->second);
  }
  const InvoicePage found = call.mock.store().search(q);
  Data rows = Data::array();
  for (const auto& r : found.invoices) {
    Data moves = Data::array();
    for (std::string_view m : lifecycle::buyer_moves(r.statut))
      moves.push_back(
          {{"value", m}, {"label", call.status_label(m)}, {"motive", lifecycle::needs_motive(m)}});
    Data row = invoice_row(call, r);
    row["moves"] = moves;
    row["can_move"] = !moves.empty();
    if (r.identifiant_facture_cpp == failed_id) row["error"] = failure;
    rows.push_back(std::move(row));
  }
  const std::int64_t pages = std::max<std::int64_t>(1, (found.total + kPerPage - 1) / kPerPage);
  Data data = {
      {"rows", std::move(rows)},
      {"has_rows", found.total > 0},
      {"page_of", fmt::format(fmt::runtime(call.text("invoices_page_of")), q.page, pages)}};
  if (q.page > 1) data["previous"] = fmt::format("{}?page={}", kPath, q.page - 1);
  if (q.page < pages) data["next"] = fmt::format("{}?page={}", kPath, q.page + 1);
  return call.page("buyer", std::move(data), "buyer_title", failure.empty() ? 200 : 422);
}

PortalReply show(PortalCall& call) {
  if (!admitted(call)) return token_page(call, false);
  return list_page(call, 0, {});
}

PortalReply admit(PortalCall& call) {
  if (!is_admin_token(call.mock, call.request.field("jeton"))) return token_page(call, true);
  keep_draft(call, kAdmitted, true);
  return PortalReply::see_other(kPath);
}

PortalReply move(PortalCall& call) {
  if (!admitted(call)) return PortalReply::see_other(kPath);
  const std::string& id_text = call.request.captures.at(0);
  const std::int64_t id = id_text.size() > 18 ? 0 : std::stoll(id_text);
  const std::string statut = call.request.field("statut");
  const std::string motif = call.request.field("motif");
  const auto refusal = move_as_buyer(
      call.mock.store(), *call.mock.catalogue()->directory, id, statut,
      motif.empty() ? std::nullopt : std::optional<std::string>(motif), call.mock.now());
  if (refusal) {
    const cprokit::Lang in = call.lang == Lang::en ? cprokit::Lang::En : cprokit::Lang::Fr;
    return list_page(call, id, refusal->message.in(in));
  }
  return PortalReply::see_other(kPath);
}

}  // namespace

std::vector<PortalRoute> buyer_routes() {
  return {{"GET", "/portail/acheteur", show},
          {"POST", "/portail/acheteur", admit},
          {"POST", R"(/portail/acheteur/factures/(\d+)/statut)", move}};
}

}  // namespace cprokit::mock::portal
