#include "tests/mock/portal_support.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <stdexcept>

#include "validators/sha256.hpp"

namespace cprokit::testing {

namespace portal = mock::portal;

Visitor::Visitor(MockHarness& h) : h_(h) {}

Visitor::Visitor(MockHarness& h, std::int64_t structure, const std::string& email,
                 const std::string& role)
    : h_(h) {
  user_.email = email;
  user_.nom = "Ferrand";
  user_.prenom = "Hélène";
  user_.id_structure = structure;
  user_.role = role;
  user_.statut = "ACTIF";
  user_.espaces_json = R"({"factures_emises": true, "sollicitations_emises": true})";
  const auto id = h.mock().portal_store().insert_user(user_);
  if (!id) throw std::logic_error("test user taken: " + email);
  user_.id = *id;
  cookie_ = sha256_hex("cookie of " + email);  // any secret: the store keeps its digest
  csrf_ = sha256_hex("csrf of " + email);
  h.mock().portal_store().insert_session(
      {sha256_hex(cookie_), csrf_, user_.id, "{}", h.mock().now()});
}

portal::PortalReply Visitor::send(portal::PortalRequest request) {
  if (!cookie_.empty()) request.cookies[std::string(portal::kSessionCookie)] = cookie_;
  for (const auto& route : portal::portal_routes()) {
    std::smatch m;
    if (route.method != request.method ||
        !std::regex_match(request.path, m, std::regex(route.pattern))) {
      continue;
    }
    for (std::size_t i = 1; i < m.size(); ++i)
      request.captures.push_back(m[i]);
    auto reply = portal::serve(route, request, h_.mock(), view_);
    for (const auto& [name, value] : reply.headers) {
      if (name == "Set-Cookie" && value.starts_with("cprokit_portail=")) {
        cookie_ = value.substr(16, value.find(';') - 16);
      }
    }
    // A new session has a new CSRF token: the one its forms carry.
    std::smatch csrf;
    if (std::regex_search(reply.body, csrf, std::regex(R"re(name="csrf" value="([0-9a-f]+)")re"))) {
      csrf_ = csrf[1];
    }
    return reply;
  }
  return portal::not_found(request, h_.mock(), view_);
}

portal::PortalReply Visitor::get(const std::string& path,
                                 const std::map<std::string, std::string>& query) {
  portal::PortalRequest r;
  r.method = "GET";
  r.path = path;
  r.query = query;
  return send(std::move(r));
}

portal::PortalReply Visitor::post(const std::string& path, std::map<std::string, std::string> form,
                                  std::map<std::string, portal::UploadedFile> files,
                                  const std::map<std::string, std::string>& query) {
  portal::PortalRequest r;
  r.method = "POST";
  r.path = path;
  r.query = query;
  form.emplace("csrf", csrf_);
  r.form = std::move(form);
  r.files = std::move(files);
  return send(std::move(r));
}

std::string location_of(const portal::PortalReply& reply) {
  for (const auto& [name, value] : reply.headers) {
    if (name == "Location") return value;
  }
  return {};
}

std::string element(const std::string& html, const std::string& id, const std::string& tag) {
  const auto start = html.find("id=\"" + id + "\"");
  if (start == std::string::npos) return {};
  const auto open_end = html.find('>', start);
  const auto close = html.find("</" + tag + ">", open_end);
  return html.substr(open_end + 1, close - open_end - 1);
}

std::int64_t deposit_pdf(MockHarness& h, Visitor& v, const std::string& numero) {
  const auto sent =
      v.post("/portail/factures/deposer", {{"format", "PDF"}, {"cadre", "A1_FACTURE_FOURNISSEUR"}},
             {{"fichier",
               {"f.pdf", "application/pdf", fixture_text("invoices/facturx/no-invoice-xml.pdf")}}});
  REQUIRE(sent.status == 303);
  const auto done = v.post("/portail/factures/deposer/saisie", {{"siret", "20004065700021"},
                                                                {"numero", numero},
                                                                {"date", "2026-03-12"},
                                                                {"type", "FACTURE"},
                                                                {"engagement", "EAU-" + numero},
                                                                {"type_tva", "TVA_SUR_DEBIT"},
                                                                {"mode_paiement", "VIREMENT"},
                                                                {"ht", "100"},
                                                                {"tva", "20"},
                                                                {"ttc", "120"},
                                                                {"net", "120"},
                                                                {"nom", "societe " + numero},
                                                                {"action", "envoyer"}});
  INFO(done.body);
  REQUIRE(done.status == 303);
  cprokit::mock::InvoiceQuery q;
  q.id_fournisseur = v.user().id_structure;
  q.numero_facture = numero;
  const auto found = h.mock().store().search(q);
  REQUIRE(found.total == 1);
  return found.invoices.front().identifiant_facture_cpp;
}

namespace {

std::string unescaped(std::string text) {
  for (const auto& [from, to] :
       {std::pair{"&lt;", "<"}, std::pair{"&gt;", ">"}, std::pair{"&quot;", "\""},
        std::pair{"&apos;", "'"}, std::pair{"&#39;", "'"}, std::pair{"&amp;", "&"}}) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at))
      text.replace(at, std::string_view(from).size(), to);
  }
  return text;
}

}  // namespace

std::string field_value(const std::string& html, const std::string& name) {
  std::smatch m;
  if (std::regex_search(html, m, std::regex("name=\"" + name + "\" value=\"([^\"]*)\""))) {
    return unescaped(m[1]);
  }
  const std::string select = element(html, name, "select");
  if (std::regex_search(select, m, std::regex("<option value=\"([^\"]*)\" selected>"))) {
    return unescaped(m[1]);
  }
  return {};
}

}  // namespace cprokit::testing
