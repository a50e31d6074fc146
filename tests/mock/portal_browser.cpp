#include "tests/mock/portal_browser.hpp"

#include <httplib.h>

#include <regex>
#include <stdexcept>
#include <type_traits>

namespace cprokit::testing {

static_assert(std::is_same_v<FormFields, httplib::Params>, "the header spells httplib::Params");

httplib::Result Browser::get(const std::string& path) {
  httplib::Client c("127.0.0.1", harness_.port());
  std::string cookie_header;
  for (const auto& [name, value] : cookies_)
    cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
  auto r = c.Get(path, {{"Cookie", cookie_header}});
  keep(r);
  return r;
}

httplib::Result Browser::post(const std::string& path, FormFields form) {
  httplib::Client c("127.0.0.1", harness_.port());
  std::string cookie_header;
  for (const auto& [name, value] : cookies_)
    cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
  if (form.find("csrf") == form.end()) form.emplace("csrf", csrf_);
  auto r = c.Post(path, {{"Cookie", cookie_header}}, form);
  keep(r);
  return r;
}

void Browser::keep(const httplib::Result& r) {
  if (!r) return;
  for (auto [it, end] = r->headers.equal_range("Set-Cookie"); it != end; ++it) {
    const std::string pair = it->second.substr(0, it->second.find(';'));
    const auto eq = pair.find('=');
    cookies_[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  static const std::regex kCsrf(R"re(name="csrf" value="([0-9a-f]{64})")re");
  std::smatch m;
  if (std::regex_search(r->body, m, kCsrf)) csrf_ = m[1];
}

std::string Browser::cookie(const std::string& name) const {
  const auto it = cookies_.find(name);
  return it == cookies_.end() ? std::string() : it->second;
}

std::string main_of(const std::string& html) {
  const auto start = html.find("<main");
  const auto end = html.find("</main>");
  return start == std::string::npos || end == std::string::npos ? ""
                                                                : html.substr(start, end - start);
}

json mails_to(MockHarness& h, const std::string& to) {
  const Answer a = h.admin("GET", "/_mock/mails", "");
  json out = json::array();
  for (const auto& m : a.body["mails"]) {
    if (m["a"] == to && m.contains("eml")) out.push_back(m);
  }
  return out;
}

std::string create_account(MockHarness& h, Browser& b, const std::string& email,
                           const std::string& siret, const std::string& nom) {
  b.get("/portail/compte/creer");
  auto r = b.post("/portail/compte/creer", {{"email", email}, {"identifiant", siret}});
  if (!r || r->status != 303) throw std::runtime_error("identification refused");
  const std::string page = b.get("/portail/compte/creer/informations")->body;
  r = b.post("/portail/compte/creer/informations", {{"nom", nom},
                                                    {"prenom", "Hélène"},
                                                    {"raison_sociale", "Menuiserie"},
                                                    {"adresse", "12 rue des Artisans"},
                                                    {"code_postal", "38350"},
                                                    {"ville", "La Mure"},
                                                    {"pays", "France"},
                                                    {"deposer", "oui"},
                                                    {"captcha", captcha_of(page)}});
  if (!r || r->status != 303) throw std::runtime_error("information refused");
  b.get("/portail/compte/creer/espaces");
  r = b.post("/portail/compte/creer/espaces", {});
  if (!r || r->status != 303) throw std::runtime_error("workspaces refused");
  const json mails = mails_to(h, email);
  if (mails.empty()) throw std::runtime_error("no activation mail");
  return link_in(mails.back()["corps"].get<std::string>(), "/portail/compte/activer?jeton=");
}

void activate(Browser& b, const std::string& activation_path) {
  b.get(activation_path);
  const std::string token = activation_path.substr(activation_path.find('=') + 1);
  const auto r = b.post("/portail/compte/activer", {{"jeton", token},
                                                    {"mot_de_passe", kGoodPassword},
                                                    {"confirmation", kGoodPassword},
                                                    {"question", "Premier chantier ?"},
                                                    {"reponse", "Collège de La Mure"}});
  if (!r || r->status != 303) throw std::runtime_error("activation refused");
}

httplib::Result sign_in(MockHarness& h, Browser& b, const std::string& email,
                        const std::string& password) {
  b.get("/portail/connexion");
  auto r = b.post("/portail/connexion", {{"email", email}, {"mot_de_passe", password}});
  if (!r || r->status != 303 || r->get_header_value("Location") != "/portail/connexion/code") {
    return r;
  }
  b.get("/portail/connexion/code");
  const std::string code = code_in(mails_to(h, email).back()["corps"]);
  if (code.empty()) throw std::runtime_error("no code in the mail");
  return b.post("/portail/connexion/code", {{"code", code}});
}

void sign_out(Browser& b) {
  b.get("/");
  const auto r = b.post("/portail/deconnexion", {});
  if (!r || r->status != 303) throw std::runtime_error("sign-out refused");
}

}  // namespace cprokit::testing
