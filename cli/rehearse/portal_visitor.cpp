#include "cli/rehearse/portal_visitor.hpp"

#include <httplib.h>

#include <regex>
#include <stdexcept>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace cprokit::cli::rehearse {
namespace {

constexpr time_t kTimeoutSeconds = 30;

httplib::Client client_for(const std::string& base_url) {
  httplib::Client c(base_url);
  c.set_connection_timeout(kTimeoutSeconds);
  c.set_read_timeout(kTimeoutSeconds);
  return c;
}

std::vector<std::string> set_cookies(const httplib::Result& r) {
  std::vector<std::string> values;
  if (!r) return values;
  for (auto [it, end] = r->headers.equal_range("Set-Cookie"); it != end; ++it)
    values.push_back(it->second);
  return values;
}

Page page_of(const httplib::Result& r) {
  Page page;
  if (!r) {
    page.error = httplib::to_string(r.error());
    return page;
  }
  page.status = r->status;
  page.location = r->get_header_value("Location");
  page.body = r->body;
  return page;
}

}  // namespace

PortalVisitor::PortalVisitor(std::string base_url, std::string admin_token)
    : base_url_(std::move(base_url)), admin_token_(std::move(admin_token)) {}

std::string PortalVisitor::cookie_header() const {
  std::string header;
  for (const auto& [name, value] : cookies_)
    header += (header.empty() ? "" : "; ") + name + "=" + value;
  return header;
}

Page PortalVisitor::get(const std::string& path) {
  auto c = client_for(base_url_);
  const auto r = c.Get(path, {{"Cookie", cookie_header()}});
  Page page = page_of(r);
  keep(page, set_cookies(r));
  return page;
}

Page PortalVisitor::post(const std::string& path, Form form) {
  auto c = client_for(base_url_);
  httplib::Params params(form.begin(), form.end());
  if (params.find("csrf") == params.end()) params.emplace("csrf", csrf_);
  const auto r = c.Post(path, {{"Cookie", cookie_header()}}, params);
  Page page = page_of(r);
  keep(page, set_cookies(r));
  return page;
}

void PortalVisitor::keep(const Page& page, const std::vector<std::string>& set_cookies) {
  for (const std::string& cookie : set_cookies) {
    const std::string pair = cookie.substr(0, cookie.find(';'));
    const auto eq = pair.find('=');
    if (eq != std::string::npos) cookies_[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  static const std::regex kCsrf(R"re(name="csrf" value="([0-9a-f]+)")re");
  std::smatch m;
  if (std::regex_search(page.body, m, kCsrf)) csrf_ = m[1];
}

std::vector<nlohmann::json> PortalVisitor::mails_to(const std::string& to) {
  if (admin_token_.empty()) {
    throw std::runtime_error(
        "la boîte aux lettres du mock se lit par son API d'administration : donnez son jeton "
        "(--admin-token, affiché au démarrage du mock et écrit dans DONNÉES/admin-token) / the "
        "mock's outbox is read through its admin API: give its token (--admin-token)");
  }
  auto c = client_for(base_url_);
  const auto r = c.Get("/_mock/mails", {{"X-Mock-Admin", admin_token_}});
  if (!r || r->status != 200) {
    throw std::runtime_error(
        fmt::format("GET /_mock/mails : {} (jeton d'administration faux ? / wrong admin token?)",
                    r ? "HTTP " + std::to_string(r->status) : httplib::to_string(r.error())));
  }
  const auto outbox = nlohmann::json::parse(r->body);
  std::vector<nlohmann::json> mails;
  for (const auto& mail : outbox.at("mails")) {
    if (mail.value("a", "") == to && mail.contains("eml")) mails.push_back(mail);
  }
  return mails;
}

nlohmann::json PortalVisitor::admin_post(const std::string& path, const nlohmann::json& body) {
  auto c = client_for(base_url_);
  const auto r = c.Post(path, {{"X-Mock-Admin", admin_token_}}, body.dump(), "application/json");
  if (!r)
    throw std::runtime_error(fmt::format("POST {} : {}", path, httplib::to_string(r.error())));
  auto answer = nlohmann::json::parse(r->body, nullptr, false);
  if (r->status != 200) {
    throw std::runtime_error(fmt::format("POST {} : HTTP {} {}", path, r->status,
                                         answer.is_object() ? answer.value("libelle", "") : ""));
  }
  return answer;
}

std::string captcha_of(const std::string& html) {
  static const std::regex kCode(R"re(id="captcha-code">([^<]*)<)re");
  std::smatch m;
  if (!std::regex_search(html, m, kCode)) return {};
  std::string code = m[1];
  std::erase(code, ' ');
  return code;
}

std::string link_in(const std::string& text, const std::string& path_prefix) {
  const auto at = text.find(path_prefix);
  if (at == std::string::npos) return {};
  const auto end = text.find_first_of(" \r\n\"", at);
  return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

std::string code_in(const std::string& mail_body) {
  static const std::regex kCode(R"(: ([0-9]{6})\n)");
  std::smatch m;
  return std::regex_search(mail_body, m, kCode) ? m[1].str() : std::string();
}

std::vector<std::string> secrets_in(const std::string& html) {
  static const std::regex kSecret(R"re(class="secret">([^<]*)<)re");
  std::vector<std::string> secrets;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kSecret);
       it != std::sregex_iterator(); ++it) {
    secrets.push_back((*it)[1]);
  }
  return secrets;
}

}  // namespace cprokit::cli::rehearse
