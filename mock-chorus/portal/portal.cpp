#include "mock-chorus/portal/portal.hpp"

#include <cctype>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace cprokit::mock::portal {
namespace {

constexpr std::string_view kLangCookie = "cprokit_langue";

// No script, no frame, no other origin: the portal's pages need none.
void secure(PortalReply& reply) {
  reply.headers.emplace_back("Content-Security-Policy",
                             "default-src 'none'; style-src 'self'; img-src 'self'; "
                             "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  reply.headers.emplace_back("X-Content-Type-Options", "nosniff");
  reply.headers.emplace_back("Referrer-Policy", "same-origin");
  reply.headers.emplace_back("Cache-Control", "no-store");
}

std::string value_of(const std::map<std::string, std::string>& map, std::string_view key) {
  const auto it = map.find(std::string(key));
  return it == map.end() ? std::string() : it->second;
}

Lang language_of(const PortalRequest& request) {
  return negotiate(value_of(request.query, "lang"), value_of(request.cookies, kLangCookie),
                   request.accept_language);
}

// Adds what a page sets in the browser: a new session, a language chosen by ?lang=.
void finish(PortalReply& reply, const PortalRequest& request, const Session& session, Lang lang) {
  if (!session.new_token.empty())
    reply.headers.emplace_back("Set-Cookie", session_cookie(session.new_token));
  if (!value_of(request.query, "lang").empty()) {
    reply.headers.emplace_back(
        "Set-Cookie", fmt::format("{}={}; Path=/; SameSite=Strict", kLangCookie, code(lang)));
  }
  secure(reply);
}

}  // namespace

const std::string& PortalRequest::field(const std::string& name) const {
  static const std::string kNone;
  const auto it = form.find(name);
  return it == form.end() ? kNone : it->second;
}

std::string url_encode(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

PortalReply PortalReply::see_other(std::string location) {
  PortalReply reply;
  reply.status = 303;
  reply.headers.emplace_back("Location", std::move(location));
  return reply;
}

const std::string& PortalCall::status_label(std::string_view statut) const {
  std::string key = "statut_";
  for (const char c : statut)
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text(key);
}

void PortalCall::sign_in(std::int64_t user_id) {
  session = restart_session(mock.portal_store(), session, user_id, mock.now());
  user = mock.portal_store().user(user_id);
}

void PortalCall::sign_out() {
  session = restart_session(mock.portal_store(), session, std::nullopt, mock.now());
  user.reset();
}

PortalReply PortalCall::sign_in_first() const {
  return PortalReply::see_other(
      fmt::format("/portail/connexion?suite={}", url_encode(request.path)));
}

PortalReply PortalCall::page(std::string_view page, Data data, std::string_view title_key,
                             int status) const {
  data["title"] = text(title_key);
  data["csrf"] = session.record.csrf;
  if (user) data["user"] = {{"email", user->email}, {"prenom", user->prenom}, {"nom", user->nom}};
  const Lang other = lang == Lang::fr ? Lang::en : Lang::fr;
  data["other_lang"] = {{"code", code(other)},
                        {"name", other == Lang::en ? "English" : "Français"},
                        {"href", fmt::format("{}?lang={}", request.path, code(other))}};
  PortalReply reply;
  reply.status = status;
  reply.body = view.render(page, std::move(data), lang);
  return reply;
}

std::vector<PortalRoute> portal_routes() {
  std::vector<PortalRoute> routes;
  for (auto group :
       {home_routes, account_creation_routes, account_activation_routes, account_page_routes,
        sign_in_routes, deposit_routes, invoices_routes, buyer_routes, connection_routes}) {
    for (auto& r : group())
      routes.push_back(std::move(r));
  }
  return routes;
}

namespace {

PortalReply answer(const PortalRoute& route, const PortalRequest& request, Mock& mock,
                   const View& view, bool check_csrf) {
  const Lang lang = language_of(request);
  Session session = open_session(mock.portal_store(), request.cookies, mock.now());
  PortalCall call{request, mock, view, session, lang, std::nullopt};
  if (session.record.user_id) call.user = mock.portal_store().user(*session.record.user_id);
  PortalReply reply;
  if (check_csrf && request.method == "POST" &&
      !csrf_matches(session.record, request.field("csrf"))) {
    reply = call.page("error", {{"message", call.text("error_form_expired")}, {"back", "/"}},
                      "error_title", 403);
  } else {
    reply = route.handler(call);
  }
  finish(reply, request, session, lang);
  return reply;
}

}  // namespace

PortalReply serve(const PortalRoute& route, const PortalRequest& request, Mock& mock,
                  const View& view) {
  return answer(route, request, mock, view, true);
}

PortalReply not_found(const PortalRequest& request, Mock& mock, const View& view) {
  const PortalRoute route{"GET", "", [](PortalCall& call) {
                            return call.page(
                                "error", {{"message", call.text("error_not_found")}, {"back", "/"}},
                                "error_title", 404);
                          }};
  return answer(route, request, mock, view, false);
}

bool large_post_allowed(const PortalRequest& request, Mock& mock) {
  return signed_in(mock.portal_store(), request.cookies, mock.now());
}

PortalReply large_post_refused(const PortalRequest& request, Mock& mock, const View& view) {
  const PortalRoute route{"POST", "", [](PortalCall& call) {
                            return call.page("error",
                                             {{"message", call.text("error_sign_in_to_send")},
                                              {"back", "/portail/connexion"}},
                                             "error_title", 403);
                          }};
  return answer(route, request, mock, view, false);
}

}  // namespace cprokit::mock::portal
