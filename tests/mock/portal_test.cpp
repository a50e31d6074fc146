// The portal's frame: language, session cookie, CSRF check, escaping, the
// security headers, and its 404 (the pages themselves have their own tests).
#include <httplib.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <string>

#include "mock-chorus/auth/secret_hash.hpp"
#include "mock-chorus/lifecycle.hpp"
#include "mock-chorus/portal/assets.hpp"
#include "mock-chorus/portal/portal.hpp"
#include "tests/mock/harness.hpp"

using namespace cprokit::testing;
namespace portal = cprokit::mock::portal;

namespace {

httplib::Result get(MockHarness& h, const std::string& path, const httplib::Headers& headers = {}) {
  httplib::Client c("127.0.0.1", h.port());
  return c.Get(path, headers);
}

std::string main_of(const std::string& html) {
  const auto start = html.find("<main");
  const auto end = html.find("</main>");
  return start == std::string::npos || end == std::string::npos ? ""
                                                                : html.substr(start, end - start);
}

}  // namespace

TEST_CASE("portal: French by default, English by ?lang=en (remembered) or the browser's language",
          "[mock][portal]") {
  MockHarness h;
  h.start();
  auto fr = get(h, "/");
  REQUIRE(fr);
  CHECK(fr->status == 200);
  CHECK_THAT(fr->body, Catch::Contains("<html lang=\"fr\">"));
  CHECK_THAT(fr->body, Catch::Contains("Créer un compte"));

  auto en = get(h, "/?lang=en");
  REQUIRE(en);
  CHECK_THAT(en->body, Catch::Contains("<html lang=\"en\">"));
  CHECK_THAT(en->body, Catch::Contains("Create an account"));
  CHECK_THAT(en->body, Catch::Contains("href=\"/?lang=fr\""));
  bool remembered = false;
  for (auto [it, end] = en->headers.equal_range("Set-Cookie"); it != end; ++it)
    remembered = remembered || it->second.starts_with("cprokit_langue=en;");
  CHECK(remembered);
  auto later = get(h, "/", {{"Cookie", "cprokit_langue=en"}});
  REQUIRE(later);
  CHECK_THAT(later->body, Catch::Contains("<html lang=\"en\">"));

  auto browser = get(h, "/", {{"Accept-Language", "de-DE,de;q=0.9,en;q=0.8"}});
  REQUIRE(browser);
  CHECK_THAT(browser->body, Catch::Contains("<html lang=\"en\">"));
}

TEST_CASE("portal: the language from Accept-Language", "[mock][portal]") {
  using portal::Lang;
  CHECK(portal::negotiate("", "", "") == Lang::fr);
  CHECK(portal::negotiate("", "", "en-US,en;q=0.9") == Lang::en);
  CHECK(portal::negotiate("", "", "EN") == Lang::en);
  CHECK(portal::negotiate("", "", "de, en;q=0, fr;q=0.5") == Lang::fr);  // q=0: not acceptable
  CHECK(portal::negotiate("", "", "es, it") == Lang::fr);
  CHECK(portal::negotiate("", "en", "fr") == Lang::en);    // the cookie over the browser
  CHECK(portal::negotiate("fr", "en", "en") == Lang::fr);  // ?lang= over both
  CHECK(portal::negotiate("xx", "", "en") == Lang::en);    // an unknown ?lang= is ignored
}

TEST_CASE(
    "portal: a session cookie scripts cannot read, and headers that forbid scripts and frames",
    "[mock][portal]") {
  MockHarness h;
  h.start();
  auto page = get(h, "/");
  REQUIRE(page);
  const std::string cookie = page->get_header_value("Set-Cookie");
  CHECK(std::regex_match(cookie, std::regex("cprokit_portail=[0-9a-f]{64}; Path=/; HttpOnly; "
                                            "SameSite=Strict")));
  CHECK_THAT(page->get_header_value("Content-Security-Policy"),
             Catch::Contains("default-src 'none'") && Catch::Contains("frame-ancestors 'none'"));
  CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");

  // A known session is kept (no new cookie); an unknown one is replaced.
  const std::string token = cookie.substr(0, cookie.find(';'));
  auto again = get(h, "/", {{"Cookie", token}});
  REQUIRE(again);
  CHECK_FALSE(again->has_header("Set-Cookie"));
  auto forged = get(h, "/", {{"Cookie", "cprokit_portail=" + std::string(64, 'a')}});
  REQUIRE(forged);
  CHECK(forged->get_header_value("Set-Cookie").find(std::string(64, 'a')) == std::string::npos);
}

TEST_CASE("portal: a form without its session's CSRF token is refused, the page never runs",
          "[mock][portal]") {
  MockHarness h;
  h.start();
  const portal::View view;
  static int runs = 0;
  runs = 0;
  const portal::PortalRoute route{"POST", "/x", [](portal::PortalCall& call) {
                                    ++runs;
                                    return portal::PortalReply::see_other(call.session.record.csrf);
                                  }};
  portal::PortalRequest first;
  first.method = "GET";
  first.path = "/x";
  const auto opened = portal::serve(route, first, h.mock(), view);
  REQUIRE(runs == 1);
  std::string cookie;
  for (const auto& [name, value] : opened.headers) {
    if (name == "Set-Cookie") cookie = value.substr(0, value.find(';'));
  }
  std::string csrf;
  for (const auto& [name, value] : opened.headers) {
    if (name == "Location") csrf = value;
  }
  REQUIRE(cookie.starts_with("cprokit_portail="));
  REQUIRE(csrf.size() == 64);

  portal::PortalRequest post;
  post.method = "POST";
  post.path = "/x";
  post.cookies[std::string(portal::kSessionCookie)] = cookie.substr(cookie.find('=') + 1);
  for (const std::string& sent : {std::string(), std::string(64, '0'), csrf.substr(1)}) {
    post.form["csrf"] = sent;
    const auto refused = portal::serve(route, post, h.mock(), view);
    CHECK(refused.status == 403);
    CHECK_THAT(refused.body, Catch::Contains("jeton de sécurité"));
  }
  CHECK(runs == 1);
  post.form["csrf"] = csrf;
  CHECK(portal::serve(route, post, h.mock(), view).status == 303);
  CHECK(runs == 2);

  // The same token from another session is worth nothing.
  post.cookies.clear();
  CHECK(portal::serve(route, post, h.mock(), view).status == 403);
  CHECK(runs == 2);
}

TEST_CASE("portal: values are escaped, and no template can print one unescaped", "[mock][portal]") {
  const portal::View view;
  const std::string html = view.render(
      "error", {{"title", "<b>t</b>"}, {"message", "<script>alert(1)</script>\"'&"}, {"back", "/"}},
      portal::Lang::fr);
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&apos;&amp;"));
  CHECK_THAT(html, !Catch::Contains("<script>") && !Catch::Contains("<b>t</b>"));

  const std::set<std::string> keys = [&] {
    auto k = view.text_keys();
    return std::set<std::string>(k.begin(), k.end());
  }();
  const std::regex text_tag(R"(\{\{\s*t\.([a-z0-9_]+)\s*\}\})");
  int templates = 0;
  for (const auto& asset : portal::assets()) {
    if (!asset.name.ends_with(".mustache")) continue;
    ++templates;
    INFO(asset.name);
    const std::string text(asset.text);
    CHECK(text.find("{{{") == std::string::npos);
    CHECK(text.find("{{&") == std::string::npos);
    CHECK(text.find("{{=") == std::string::npos);  // no change of delimiters to hide one
    for (std::sregex_iterator it(text.begin(), text.end(), text_tag), end; it != end; ++it) {
      INFO((*it)[1].str());
      CHECK(keys.count((*it)[1].str()) == 1);
    }
  }
  CHECK(templates >= 3);
}

TEST_CASE("portal: an unknown page is the portal's 404, an unknown API path stays JSON",
          "[mock][portal]") {
  MockHarness h;
  h.start();
  auto page = get(h, "/portail/nulle-part");
  REQUIRE(page);
  CHECK(page->status == 404);
  CHECK_THAT(page->get_header_value("Content-Type"), Catch::StartsWith("text/html"));
  CHECK_THAT(main_of(page->body), Catch::Contains("Cette page n&apos;existe pas"));
  auto api = get(h, "/cpro/nulle-part");
  REQUIRE(api);
  CHECK(api->status == 404);
  CHECK_THAT(api->body, Catch::Contains("\"codeRetour\":20001"));
  auto css = get(h, "/portail/style.css");
  REQUIRE(css);
  CHECK_THAT(css->get_header_value("Content-Type"), Catch::StartsWith("text/css"));
}

TEST_CASE("portal: signing in and out starts a new session; the old cookie opens nothing",
          "[mock][portal]") {
  MockHarness h;
  h.start();
  const portal::View view;
  cprokit::mock::PortalUser user;
  user.email = "marie.curie@example.fr";
  user.nom = "Curie";
  user.prenom = "Marie";
  user.id_structure = 25000101;
  user.role = "GESTIONNAIRE_PRINCIPAL";
  user.statut = "ACTIF";
  const auto id = h.mock().portal_store().insert_user(user);
  REQUIRE(id);
  CHECK_FALSE(h.mock().portal_store().insert_user(user));  // one account per email
  user.email = "MARIE.CURIE@example.fr";
  CHECK_FALSE(h.mock().portal_store().insert_user(user));  // whatever the case

  static std::int64_t signing_in = 0;
  signing_in = *id;
  const portal::PortalRoute sign_in{"GET", "/in", [](portal::PortalCall& call) {
                                      call.sign_in(signing_in);
                                      return call.page("home", {}, "home_title");
                                    }};
  auto cookie_of = [](const portal::PortalReply& r) {
    for (const auto& [name, value] : r.headers) {
      if (name == "Set-Cookie" && value.starts_with("cprokit_portail=")) {
        return value.substr(16, value.find(';') - 16);
      }
    }
    return std::string();
  };
  portal::PortalRequest anonymous;
  anonymous.method = "GET";
  anonymous.path = "/";
  const auto first = portal::serve(portal::home_routes()[0], anonymous, h.mock(), view);
  const std::string before = cookie_of(first);
  REQUIRE_FALSE(before.empty());
  CHECK_THAT(first.body, !Catch::Contains("Se déconnecter"));

  portal::PortalRequest request = anonymous;
  request.cookies["cprokit_portail"] = before;
  const auto signed_in = portal::serve(sign_in, request, h.mock(), view);
  const std::string after = cookie_of(signed_in);
  REQUIRE_FALSE(after.empty());
  CHECK(after != before);
  CHECK_THAT(signed_in.body,
             Catch::Contains("marie.curie@example.fr") && Catch::Contains("Se déconnecter"));

  // The pre-sign-in cookie is forgotten: it gets an anonymous session.
  const auto old = portal::serve(portal::home_routes()[0], request, h.mock(), view);
  CHECK_THAT(old.body, !Catch::Contains("marie.curie@example.fr"));
  CHECK_FALSE(cookie_of(old).empty());

  request.cookies["cprokit_portail"] = after;
  const auto home = portal::serve(portal::home_routes()[0], request, h.mock(), view);
  CHECK_THAT(home.body, Catch::Contains("marie.curie@example.fr"));
  const auto csrf_at = home.body.find(R"(name="csrf" value=")");
  REQUIRE(csrf_at != std::string::npos);
  portal::PortalRequest out = request;
  out.method = "POST";
  out.path = "/portail/deconnexion";
  out.form["csrf"] = home.body.substr(csrf_at + 19, 64);
  const auto routes = portal::home_routes();
  const auto& sign_out = *std::find_if(routes.begin(), routes.end(), [](const auto& r) {
    return r.pattern == "/portail/deconnexion";
  });
  const auto left = portal::serve(sign_out, out, h.mock(), view);
  CHECK(left.status == 303);
  CHECK(cookie_of(left) != after);
  const auto after_out = portal::serve(portal::home_routes()[0], request, h.mock(), view);
  CHECK_THAT(after_out.body, !Catch::Contains("marie.curie@example.fr"));
}

TEST_CASE("portal: the directory's portal accounts are ready to sign in, their secrets hashed",
          "[mock][portal]") {
  MockHarness h;
  h.start();
  auto& store = h.mock().portal_store();
  auto demo = store.user_by_email("demo.senepi@cprokit.invalid");
  REQUIRE(demo);
  CHECK(demo->statut == "ACTIF");
  CHECK(demo->role == "GESTIONNAIRE_PRINCIPAL");
  CHECK(demo->id_structure == 25000101);
  CHECK(cprokit::mock::verify_secret("Demo-Senepi-2026!", demo->password_hash));
  CHECK_FALSE(cprokit::mock::verify_secret("demo-senepi-2026!", demo->password_hash));
  const auto stored = h.mock().store().directory_json();
  REQUIRE(stored);
  CHECK_THAT(*stored, !Catch::Contains("comptesPortail") && !Catch::Contains("Demo-Senepi"));

  // Loading the file again keeps one account, with the file's password.
  demo->password_hash = cprokit::mock::hash_secret("changed-by-the-user");
  store.update_user(*demo);
  h.stop();
  h.start();  // a new Mock: `store` is gone
  const auto again = h.mock().portal_store().user_by_email("demo.senepi@cprokit.invalid");
  REQUIRE(again);
  CHECK(again->id == demo->id);
  CHECK(cprokit::mock::verify_secret("Demo-Senepi-2026!", again->password_hash));
}

TEST_CASE("portal: every invoice status has a label in both languages", "[mock][portal]") {
  const portal::View view;
  for (const auto statut : cprokit::mock::lifecycle::statuses()) {
    std::string key = "statut_";
    for (const char c : statut)
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    INFO(statut);
    CHECK_FALSE(view.text(key, portal::Lang::fr).empty());
    CHECK_FALSE(view.text(key, portal::Lang::en).empty());
  }
}
