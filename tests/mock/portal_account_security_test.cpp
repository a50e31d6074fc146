// The portal's accounts under attack: an expired or replayed link, a
// replayed form, guessed passwords, HTML typed in every field, a
// redirection to another site. Each is refused or neutralised.
#include <httplib.h>
#include <catch2/catch.hpp>

#include "tests/mock/portal_browser.hpp"

using namespace cprokit::testing;

namespace {

cprokit::mock::MockOptions without_2fa() {
  cprokit::mock::MockOptions options;
  options.second_factor = false;
  return options;
}

constexpr cprokit::mock::Millis kMinute = 60LL * 1000;

}  // namespace

TEST_CASE("portal security: an activation link is refused after 60 minutes",
          "[mock][portal][account][security]") {
  MockHarness h;
  h.start();
  Browser b(h);
  const std::string link = create_account(h, b, "tardif@example.fr", "90438150600016");
  h.advance_clock(59 * kMinute);
  CHECK(b.get(link)->status == 200);
  h.advance_clock(2 * kMinute);
  const auto late = b.get(link);
  CHECK(late->status == 410);
  CHECK_THAT(late->body, Catch::Contains("expiré"));
  CHECK_THROWS(activate(b, link));  // the form posted with it is refused too
  CHECK(h.mock().portal_store().user_by_email("tardif@example.fr")->statut ==
        "EN_ATTENTE_ACTIVATION");
}

TEST_CASE("portal security: a form replayed with another session's CSRF token is refused",
          "[mock][portal][account][security]") {
  MockHarness h(without_2fa());
  h.start();
  Browser b(h);
  activate(b, create_account(h, b, "rejeu@example.fr", "90438150600016"));
  b.get("/portail/connexion");
  const std::string before_sign_in = b.last_csrf();
  REQUIRE(sign_in(h, b, "rejeu@example.fr")->status == 303);
  // The account page's form, sent with the token of the session before sign-in.
  const auto replayed =
      b.post("/portail/compte", {{"csrf", before_sign_in}, {"factures_travaux", "oui"}});
  CHECK(replayed->status == 403);
  const auto user = h.mock().portal_store().user_by_email("rejeu@example.fr");
  CHECK(json::parse(user->espaces_json)["factures_travaux"] == false);
  // A creation step replayed without any token.
  Browser other(h);
  other.get("/portail/compte/creer");
  CHECK(other
            .post("/portail/compte/creer",
                  {{"csrf", ""}, {"email", "x@example.fr"}, {"identifiant", "90438150600016"}})
            ->status == 403);
}

TEST_CASE(
    "portal security: after 5 wrong passwords the 6th try is refused, the right password "
    "too, until a reset or the admin API",
    "[mock][portal][account][security]") {
  MockHarness h(without_2fa());
  h.start();
  Browser b(h);
  const std::string email = "devine@example.fr";
  activate(b, create_account(h, b, email, "90438150600016"));
  const auto refused_text = [](const httplib::Result& r) {
    return r->status == 422 &&
           r->body.find("Adresse électronique ou mot de passe incorrect") != std::string::npos;
  };
  for (int i = 0; i < 5; ++i)
    CHECK(refused_text(sign_in(h, b, email, "Mauvais-mot-de-passe-" + std::to_string(i))));
  CHECK(h.mock().portal_store().user_by_email(email)->verrouille);
  const auto sixth = sign_in(h, b, email);
  CHECK(refused_text(sixth));
  // The same words for an address without an account: nothing tells them apart.
  CHECK(refused_text(sign_in(h, b, "personne@example.fr")));

  // The lock mailed a reset link; the admin API unlocks too.
  const json mails = mails_to(h, email);
  CHECK(mails.back()["sujet"] == "Chorus Pro : compte verrouillé");
  CHECK(
      h.admin("POST", "/_mock/portail/deverrouiller", R"({"email": "devine@example.fr"})").status ==
      200);
  CHECK(h.admin("POST", "/_mock/portail/deverrouiller", R"({"email": "personne@example.fr"})")
            .status == 404);
  CHECK(sign_in(h, b, email)->status == 303);

  // Locked again, then unlocked by the mailed link with a new password (same policy).
  sign_out(b);
  for (int i = 0; i < 5; ++i)
    sign_in(h, b, email, "Encore-faux-" + std::to_string(i));
  const std::string reset =
      link_in(mails_to(h, email).back()["corps"], "/portail/compte/reinitialiser?jeton=");
  REQUIRE_FALSE(reset.empty());
  CHECK(b.get(reset)->status == 200);
  const std::string token = reset.substr(reset.find('=') + 1);
  auto r = b.post("/portail/compte/reinitialiser",
                  {{"jeton", token}, {"mot_de_passe", "court"}, {"confirmation", "court"}});
  CHECK(r->status == 422);
  CHECK_THAT(r->body, Catch::Contains("ACCT-PWD-01"));
  r = b.post("/portail/compte/reinitialiser", {{"jeton", token},
                                               {"mot_de_passe", "Nouveau-Mot2passe"},
                                               {"confirmation", "Nouveau-Mot2passe"}});
  CHECK(r->status == 303);
  CHECK(b.get(reset)->status == 410);  // once only
  CHECK(sign_in(h, b, email, "Nouveau-Mot2passe")->status == 303);
}

TEST_CASE("portal security: the second factor's code: 10 minutes, 5 tries",
          "[mock][portal][account][security]") {
  MockHarness h;
  h.start();
  Browser b(h);
  const std::string email = "code@example.fr";
  activate(b, create_account(h, b, email, "90438150600016"));
  b.get("/portail/connexion");
  auto r = b.post("/portail/connexion", {{"email", email}, {"mot_de_passe", kGoodPassword}});
  REQUIRE(r->get_header_value("Location") == "/portail/connexion/code");
  for (int i = 0; i < 4; ++i) {
    b.get("/portail/connexion/code");
    CHECK(b.post("/portail/connexion/code", {{"code", "000000x"}})->status == 422);
  }
  r = b.post("/portail/connexion/code", {{"code", "000000x"}});
  CHECK(r->get_header_value("Location") == "/portail/connexion?avis=code_epuise");
  CHECK(b.get("/portail/compte")->status == 303);  // not signed in

  b.get("/portail/connexion");
  b.post("/portail/connexion", {{"email", email}, {"mot_de_passe", kGoodPassword}});
  const std::string code = code_in(mails_to(h, email).back()["corps"]);
  h.advance_clock(11 * kMinute);
  b.get("/portail/connexion/code");
  r = b.post("/portail/connexion/code", {{"code", code}});
  CHECK(r->get_header_value("Location") == "/portail/connexion?avis=code_expire");
}

TEST_CASE("portal security: HTML typed in every text field comes back escaped on every page",
          "[mock][portal][account][security]") {
  MockHarness h(without_2fa());
  h.start();
  Browser b(h);
  const std::string evil = "<script>alert(1)</script>\"'";
  const std::string escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&apos;";
  auto clean = [&](const httplib::Result& r) {
    INFO(r->body);
    CHECK(r->body.find("<script") == std::string::npos);
    CHECK(r->body.find(escaped) != std::string::npos);
  };
  b.get("/portail/compte/creer");
  clean(b.post("/portail/compte/creer", {{"email", evil}, {"identifiant", evil}}));
  clean(b.post("/portail/compte/creer",
               {{"email", "x@example.fr"}, {"type_identifiant", evil}, {"identifiant", "1"}}));
  REQUIRE(b.post("/portail/compte/creer",
                 {{"email", "evil@example.fr"}, {"identifiant", "90438150600016"}})
              ->status == 303);
  const std::string page = b.get("/portail/compte/creer/informations")->body;
  httplib::Params info{
      {"nom", evil},      {"prenom", evil},      {"telephone", evil}, {"raison_sociale", evil},
      {"adresse", evil},  {"code_postal", evil}, {"ville", evil},     {"pays", "France"},
      {"deposer", "oui"}, {"captcha", evil}};
  const auto refused = b.post("/portail/compte/creer/informations", info);
  REQUIRE(refused->status == 422);
  clean(refused);
  for (const char* f : {"nom", "prenom", "telephone", "raison_sociale", "adresse", "ville"}) {
    INFO(f);
    CHECK(refused->body.find("name=\"" + std::string(f) + "\" value=\"" + escaped + "\"") !=
          std::string::npos);
  }
  info.erase("code_postal");
  info.emplace("code_postal", "38350");
  info.erase("captcha");
  info.emplace("captcha", captcha_of(page));
  REQUIRE(b.post("/portail/compte/creer/informations", info)->status == 303);
  b.get("/portail/compte/creer/espaces");
  REQUIRE(b.post("/portail/compte/creer/espaces", {})->status == 303);
  const std::string link =
      link_in(mails_to(h, "evil@example.fr").back()["corps"], "/portail/compte/activer?jeton=");
  b.get(link);
  const auto weak = b.post("/portail/compte/activer", {{"jeton", link.substr(link.find('=') + 1)},
                                                       {"mot_de_passe", "x"},
                                                       {"confirmation", "y"},
                                                       {"question", evil},
                                                       {"reponse", evil}});
  REQUIRE(weak->status == 422);
  clean(weak);
  activate(b, link);
  clean(sign_in(h, b, evil, evil));  // the email kept in the refused form
  REQUIRE(sign_in(h, b, "evil@example.fr")->status == 303);
  const auto account = b.get("/portail/compte");
  clean(account);  // the name, on the account page
  CHECK_THAT(account->body, Catch::Contains(escaped + " " + escaped));
}

TEST_CASE("portal security: ?suite= never sends the browser to another site",
          "[mock][portal][account][security]") {
  MockHarness h(without_2fa());
  h.start();
  Browser b(h);
  activate(b, create_account(h, b, "suite@example.fr", "90438150600016"));
  for (const std::string suite :
       {"https://evil.example", "//evil.example", "/\\evil.example", "/x\r\nSet-Cookie: a=b"}) {
    INFO(suite);
    sign_out(b);
    b.get("/portail/connexion");
    const auto r =
        b.post("/portail/connexion",
               {{"email", "suite@example.fr"}, {"mot_de_passe", kGoodPassword}, {"suite", suite}});
    REQUIRE(r->status == 303);
    CHECK(r->get_header_value("Location") == "/portail/compte");
  }
  // A path of the portal is followed, as sign_in_first() sends it.
  sign_out(b);
  CHECK(b.get("/portail/compte")->get_header_value("Location") ==
        "/portail/connexion?suite=/portail/compte");
  b.get("/portail/connexion?suite=/portail/compte");
  const auto r = b.post("/portail/connexion", {{"email", "suite@example.fr"},
                                               {"mot_de_passe", kGoodPassword},
                                               {"suite", "/portail/compte?avis=espaces"}});
  CHECK(r->get_header_value("Location") == "/portail/compte?avis=espaces");
}
