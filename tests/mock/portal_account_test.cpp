// The portal's account story over HTTP, as a supplier walks it: create the
// account in three steps (every field checked by the ACCT rules, the
// structure pre-filled from the INSEE register), read the activation mail,
// activate, sign in with the mailed code, see the account page; a second
// account of the same structure waits for its gestionnaire principal.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/mock/portal_browser.hpp"
#include "validators/directory/insee_file.hpp"

using namespace cprokit::testing;

namespace {

cprokit::mock::MockOptions with_insee() {
  cprokit::mock::MockOptions options;
  options.insee = std::make_shared<const cprokit::directory::InseeRegister>(
      cprokit::directory::read_insee_file(fixture_text("directory/insee.json")));
  return options;
}

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool checked(const std::string& html, const std::string& id) {
  const auto at = html.find("id=\"" + id + "\"");
  return at != std::string::npos &&
         html.substr(at, html.find('>', at) - at).find(" checked") != std::string::npos;
}

}  // namespace

TEST_CASE("portal account: the whole story, from identification to the account page",
          "[mock][portal][account]") {
  MockHarness h(with_insee());
  h.start();
  Browser b(h);
  const std::string email = "helene.ferrand@menuiserie-alpine.fr";

  // 1. Identification: a step indicator, the other identifier types behind a link.
  auto page = b.get("/portail/compte/creer");
  REQUIRE(page->status == 200);
  CHECK_THAT(page->body, Catch::Contains("<li aria-current=\"step\">1. Identification</li>"));
  CHECK_THAT(page->body, Catch::Contains("Je n&apos;ai pas de numéro de SIRET"));
  const auto others = b.get("/portail/compte/creer?autre=1");
  CHECK_THAT(others->body, Catch::Contains("<legend>Type d&apos;identifiant de la structure") &&
                               Catch::Contains("value=\"UE_HORS_FRANCE\"") &&
                               Catch::Contains("value=\"PARTICULIER\""));
  auto r = b.post("/portail/compte/creer", {{"email", "sans-arobase"}, {"identifiant", "123"}});
  REQUIRE(r->status == 422);
  CHECK_THAT(r->body, Catch::Contains("id=\"email-error\"") && Catch::Contains("ACCT-EMAIL-01") &&
                          Catch::Contains("id=\"identifiant-error\"") &&
                          Catch::Contains("ACCT-ID-01") &&
                          Catch::Contains("value=\"sans-arobase\""));
  r = b.post("/portail/compte/creer", {{"email", email}, {"identifiant", "81234567600017"}});
  REQUIRE(r->status == 303);
  CHECK(r->get_header_value("Location") == "/portail/compte/creer/informations");

  // 2. Information: the structure pre-filled from INSEE; a bad postal code
  // refused next to its field, in the page's language, the values kept.
  page = b.get("/portail/compte/creer/informations");
  REQUIRE(page->status == 200);
  CHECK_THAT(page->body, Catch::Contains("value=\"MENUISERIE ALPINE SARL (fictif)\"") &&
                             Catch::Contains("value=\"14 avenue des Alpes\""));
  CHECK(checked(page->body, "deposer"));
  CHECK_FALSE(checked(page->body, "dume"));
  CHECK_FALSE(checked(page->body, "enquete"));
  const std::string captcha = captcha_of(page->body);
  REQUIRE(captcha.size() == 5);
  httplib::Params info{{"nom", "Ferrand"},
                       {"prenom", "Hélène"},
                       {"telephone", ""},
                       {"raison_sociale", "Menuiserie Alpine"},
                       {"adresse", "12 rue des Artisans"},
                       {"code_postal", "3835"},
                       {"ville", "La Mure"},
                       {"pays", "France"},
                       {"deposer", "oui"},
                       {"captcha", captcha}};
  r = b.post("/portail/compte/creer/informations", info);
  REQUIRE(r->status == 422);
  const std::string refused = main_of(r->body);
  CHECK_THAT(refused,
             Catch::Contains("<p class=\"error\" id=\"code_postal-error\">Code postal français "
                             "« 3835 » invalide") &&
                 Catch::Contains("<small class=\"rule\">ACCT-CP-01</small>"));
  CHECK_THAT(refused, Catch::Contains("id=\"code_postal\" name=\"code_postal\" value=\"3835\"") &&
                          Catch::Contains("aria-describedby=\"code_postal-hint code_postal-error\" "
                                          "aria-invalid=\"true\""));
  CHECK_THAT(refused, Catch::Contains("class=\"error-summary\" role=\"alert\"") &&
                          Catch::Contains("<a href=\"#code_postal\">"));
  CHECK_THAT(refused, Catch::Contains("value=\"Menuiserie Alpine\""));
  // The same refusal in English.
  const auto english = b.post("/portail/compte/creer/informations?lang=en", info);
  CHECK_THAT(english->body, Catch::Contains("French postal code &quot;3835&quot; is invalid"));
  b.forget_cookie("cprokit_langue");
  // The captcha: a wrong one refused next to its field.
  info.erase("captcha");
  info.emplace("captcha", "XXXXX");
  info.erase("code_postal");
  info.emplace("code_postal", "38350");
  r = b.post("/portail/compte/creer/informations", info);
  REQUIRE(r->status == 422);
  CHECK_THAT(r->body, Catch::Contains("id=\"captcha-error\""));
  info.erase("captcha");
  info.emplace("captcha", captcha);
  r = b.post("/portail/compte/creer/informations", info);
  REQUIRE(r->status == 303);
  CHECK(r->get_header_value("Location") == "/portail/compte/creer/espaces");

  // 3. Workspaces: eight OUI/NON groups, two on by default.
  page = b.get("/portail/compte/creer/espaces");
  REQUIRE(page->status == 200);
  std::size_t groups = 0;
  for (auto at = page->body.find("class=\"yes-no"); at != std::string::npos;
       at = page->body.find("class=\"yes-no", at + 1))
    ++groups;
  CHECK(groups == 8);
  CHECK(checked(page->body, "factures_emises-oui"));
  CHECK(checked(page->body, "sollicitations_emises-oui"));
  CHECK(checked(page->body, "factures_travaux-non"));
  r = b.post("/portail/compte/creer/espaces", {{"factures_emises", "non"}});
  REQUIRE(r->status == 422);
  CHECK_THAT(r->body,
             Catch::Contains("id=\"factures_emises-error\"") && Catch::Contains("ACCT-SPACE-01"));
  r = b.post("/portail/compte/creer/espaces", {});
  REQUIRE(r->status == 303);
  CHECK(r->get_header_value("Location") == "/portail/compte/creer/envoye");

  // 4. The activation mail, in the outbox and as an .eml file.
  const json mails = mails_to(h, email);
  REQUIRE(mails.size() == 1);
  CHECK(mails[0]["sujet"] == "Chorus Pro : activez votre compte");
  const std::string activation = link_in(mails[0]["corps"], "/portail/compte/activer?jeton=");
  REQUIRE_FALSE(activation.empty());
  CHECK_THAT(mails[0]["corps"].get<std::string>(),
             Catch::Contains("http://127.0.0.1:" + std::to_string(h.port()) + activation));
  const std::string eml = file_text(h.data_dir() / mails[0]["eml"].get<std::string>());
  CHECK_THAT(eml, Catch::StartsWith("Date: ") && Catch::Contains("\r\nTo: <" + email + ">\r\n") &&
                      Catch::Contains("\r\nSubject: Chorus Pro : activez votre compte\r\n") &&
                      Catch::Contains("\r\nContent-Type: text/plain; charset=utf-8\r\n") &&
                      Catch::Contains("\r\nContent-Transfer-Encoding: 8bit\r\n\r\n") &&
                      Catch::Contains(activation + "\r\n"));

  // A weak password refused by ACCT-PWD-01, next to its field; then a good one.
  page = b.get(activation);
  REQUIRE(page->status == 200);
  const std::string token = activation.substr(activation.find('=') + 1);
  r = b.post("/portail/compte/activer", {{"jeton", token},
                                         {"mot_de_passe", "motdepasse"},
                                         {"confirmation", "motdepasse"},
                                         {"question", "Premier chantier ?"},
                                         {"reponse", "Collège"}});
  REQUIRE(r->status == 422);
  CHECK_THAT(r->body, Catch::Contains("id=\"mot_de_passe-error\">Mot de passe trop faible") &&
                          Catch::Contains("ACCT-PWD-01"));
  CHECK_THAT(r->body, !Catch::Contains("motdepasse"));  // a secret is never sent back
  activate(b, activation);
  CHECK(b.get(activation)->status == 410);  // once only

  // 5. Sign in: a code by mail on this new device, then the account page.
  r = b.post("/portail/connexion", {{"email", email}, {"mot_de_passe", kGoodPassword}});
  REQUIRE(r->status == 303);
  CHECK(r->get_header_value("Location") == "/portail/connexion/code");
  const json after = mails_to(h, email);
  REQUIRE(after.size() == 2);
  CHECK(after[1]["sujet"] == "Chorus Pro : votre code de connexion");
  const std::string code = code_in(after[1]["corps"]);
  REQUIRE(code.size() == 6);
  b.get("/portail/connexion/code");
  r = b.post("/portail/connexion/code", {{"code", code}});
  REQUIRE(r->status == 303);
  CHECK(r->get_header_value("Location") == "/portail/compte");
  CHECK(b.cookie("cprokit_appareil").size() == 64);
  bool strict = false;
  for (auto [it, end] = r->headers.equal_range("Set-Cookie"); it != end; ++it) {
    strict = strict || (it->second.starts_with("cprokit_appareil=") &&
                        it->second.ends_with("; HttpOnly; SameSite=Strict"));
  }
  CHECK(strict);
  page = b.get("/portail/compte");
  REQUIRE(page->status == 200);
  CHECK_THAT(main_of(page->body), Catch::Contains(email) &&
                                      Catch::Contains("Gestionnaire principal de la structure") &&
                                      Catch::Contains("idStructureCPP 25000103"));
  const auto user = h.mock().portal_store().user_by_email(email);
  REQUIRE(user);
  CHECK(user->statut == "ACTIF");
  CHECK(user->id_structure == 25000103);
  CHECK(json::parse(user->espaces_json)["factures_emises"] == true);

  // The workspaces change on the account page.
  r = b.post("/portail/compte", {{"factures_travaux", "oui"}});
  REQUIRE(r->status == 303);
  CHECK(json::parse(h.mock().portal_store().user(user->id)->espaces_json)["factures_travaux"] ==
        true);
  r = b.post("/portail/compte", {{"factures_emises", "non"}});
  CHECK(r->status == 422);
  CHECK_THAT(r->body, Catch::Contains("ACCT-SPACE-01"));

  // The next sign-in on this device asks no code.
  sign_out(b);
  b.get("/portail/connexion");
  r = b.post("/portail/connexion", {{"email", email}, {"mot_de_passe", kGoodPassword}});
  CHECK(r->get_header_value("Location") == "/portail/compte");
}

TEST_CASE("portal account: a second account of a structure waits for its gestionnaire principal",
          "[mock][portal][account]") {
  MockHarness h(with_insee());
  h.start();
  Browser manager(h);
  activate(manager, create_account(h, manager, "gestion@alpine.example.fr", "81234567600017"));
  REQUIRE(sign_in(h, manager, "gestion@alpine.example.fr")->status == 303);

  Browser clerk(h);
  activate(clerk, create_account(h, clerk, "compta@alpine.example.fr", "81234567600017", "Blanc"));
  const auto waiting = h.mock().portal_store().user_by_email("compta@alpine.example.fr");
  REQUIRE(waiting);
  CHECK(waiting->statut == "EN_ATTENTE_RATTACHEMENT");
  CHECK(waiting->role == "UTILISATEUR");
  const json asked = mails_to(h, "gestion@alpine.example.fr");
  REQUIRE_FALSE(asked.empty());
  CHECK(asked.back()["sujet"] == "Chorus Pro : demande de rattachement à votre structure");
  CHECK_THAT(asked.back()["corps"].get<std::string>(), Catch::Contains("compta@alpine.example.fr"));
  // A subject beyond ASCII is an RFC 2047 encoded word in the .eml.
  CHECK_THAT(file_text(h.data_dir() / asked.back()["eml"].get<std::string>()),
             Catch::Contains("\r\nSubject: =?UTF-8?B?"));
  REQUIRE(sign_in(h, clerk, "compta@alpine.example.fr")->status == 303);
  CHECK_THAT(clerk.get("/portail/compte")->body, Catch::Contains("En attente de rattachement"));

  // The clerk cannot decide for themself; the gestionnaire can.
  const std::string id = std::to_string(waiting->id);
  CHECK(
      clerk.post("/portail/compte/rattachements", {{"utilisateur", id}, {"decision", "accepter"}})
          ->status == 404);
  const auto page = manager.get("/portail/compte");
  CHECK_THAT(page->body,
             Catch::Contains("compta@alpine.example.fr") && Catch::Contains("value=\"accepter\""));
  const auto r = manager.post("/portail/compte/rattachements",
                              {{"utilisateur", id}, {"decision", "accepter"}});
  CHECK(r->status == 303);
  CHECK(h.mock().portal_store().user(waiting->id)->statut == "ACTIF");
  CHECK(mails_to(h, "compta@alpine.example.fr").back()["sujet"] ==
        "Chorus Pro : rattachement accepté");
}

TEST_CASE(
    "portal account: an unknown SIRET makes a private structure the API knows, after a "
    "restart too",
    "[mock][portal][account]") {
  MockHarness h(with_insee());
  h.start();
  Browser b(h);
  activate(b, create_account(h, b, "contact@paysages-laffrey.example.fr", "84021937200017"));
  const auto user = h.mock().portal_store().user_by_email("contact@paysages-laffrey.example.fr");
  REQUIRE(user);
  CHECK(user->role == "GESTIONNAIRE_PRINCIPAL");
  CHECK(user->id_structure > 25000104);  // fresh: above every id the directory has

  auto found = [&] {
    return h.call(
        "/cpro/structures/v1/rechercher",
        {{"structure",
          {{"identifiantStructure", "84021937200017"}, {"typeIdentifiantStructure", "SIRET"}}}});
  };
  Answer a = found();
  REQUIRE(a.status == 200);
  REQUIRE(a.body["listeStructures"].size() == 1);
  CHECK(a.body["listeStructures"][0]["idStructureCPP"] == user->id_structure);
  CHECK(a.body["listeStructures"][0]["designationStructure"] == "Menuiserie");

  h.stop();
  h.start();  // reloads the directory file too
  a = found();
  REQUIRE(a.body["listeStructures"].size() == 1);
  CHECK(a.body["listeStructures"][0]["idStructureCPP"] == user->id_structure);
}
