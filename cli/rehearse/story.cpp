#include "cli/rehearse/story.hpp"

#include <memory>
#include <random>
#include <regex>

#include <fmt/format.h>

#include "cli/rehearse/portal_visitor.hpp"
#include "cli/rehearse/story_invoices.hpp"

namespace cprokit::cli::rehearse {
namespace {

// What the steps share: made by one, used by the next.
struct Story {
  StoryOptions options;
  std::string run;  // this rehearsal's mark, in its e-mail, SIRET name and invoice numbers
  Supplier supplier;
  std::string email;
  std::string password;
  PortalVisitor portal;
  std::string activation_path;
  std::string technical_login;
  std::string technical_password;

  explicit Story(StoryOptions o)
      : options(std::move(o)),
        run(random_run()),
        supplier(fresh_supplier(run)),
        email(fmt::format("repetition-{}@cprokit.invalid", run)),
        password(fmt::format("Repetition-2026-{}!", run)),
        portal(options.server, options.admin_token) {}

  static std::string random_run() {
    std::random_device device;
    return fmt::format("{:06x}", std::uniform_int_distribution<unsigned>(0, 0xffffff)(device));
  }
};

[[noreturn]] void fail(std::string fr, std::string en) {
  throw StepFailure{{std::move(fr), std::move(en)}};
}

// The first error the portal shows next to a field, or its status.
std::string refusal_of(const Page& page) {
  if (page.status == 0) return page.error;
  static const std::regex kError(R"re(<p class="error" id="[^"]*">([^<]*))re");
  std::smatch m;
  if (std::regex_search(page.body, m, kError))
    return fmt::format("HTTP {} : {}", page.status, m[1].str());
  return fmt::format("HTTP {}", page.status);
}

// The page must send the visitor on to `to` (a prefix of its Location).
void expect_redirect(const Page& page, const std::string& to, std::string_view what_fr,
                     std::string_view what_en) {
  if ((page.status == 303 || page.status == 302) && page.location.starts_with(to)) return;
  fail(fmt::format("{} : attendu une redirection vers {}, obtenu {}", what_fr, to,
                   page.location.empty() ? refusal_of(page) : page.location),
       fmt::format("{}: expected a redirection to {}, got {}", what_en, to,
                   page.location.empty() ? refusal_of(page) : page.location));
}

Page expect_page(Page page, std::string_view path) {
  if (page.status == 200) return page;
  fail(fmt::format("GET {} : attendu 200, obtenu {}", path, refusal_of(page)),
       fmt::format("GET {}: expected 200, got {}", path, refusal_of(page)));
}

Message create_account(Story& s) {
  expect_page(s.portal.get("/portail/compte/creer"), "/portail/compte/creer");
  expect_redirect(s.portal.post("/portail/compte/creer",
                                {{"email", s.email}, {"identifiant", s.supplier.siret}}),
                  "/portail/compte/creer/informations", "identification", "identification");
  const Page info = expect_page(s.portal.get("/portail/compte/creer/informations"),
                                "/portail/compte/creer/informations");
  expect_redirect(s.portal.post("/portail/compte/creer/informations",
                                {{"nom", "Répétition"},
                                 {"prenom", "Camille"},
                                 {"raison_sociale", s.supplier.raison_sociale},
                                 {"adresse", "12 rue des Artisans"},
                                 {"code_postal", "38350"},
                                 {"ville", "La Mure"},
                                 {"pays", "France"},
                                 {"deposer", "oui"},
                                 {"captcha", captcha_of(info.body)}}),
                  "/portail/compte/creer/espaces", "informations", "information");
  return {fmt::format("{}, SIRET {} ({})", s.email, s.supplier.siret, s.supplier.raison_sociale),
          fmt::format("{}, SIRET {} ({})", s.email, s.supplier.siret, s.supplier.raison_sociale)};
}

Message choose_spaces(Story& s) {
  expect_page(s.portal.get("/portail/compte/creer/espaces"), "/portail/compte/creer/espaces");
  expect_redirect(s.portal.post("/portail/compte/creer/espaces",
                                {{"factures_emises", "oui"}, {"sollicitations_emises", "oui"}}),
                  "/portail/compte/creer/envoye", "espaces", "workspaces");
  return {"factures émises et sollicitations émises ouvertes ; courriel d'activation envoyé",
          "issued invoices and issued requests opened; activation mail sent"};
}

Message activate(Story& s) {
  const auto mails = s.portal.mails_to(s.email);
  if (mails.empty()) {
    fail(fmt::format("aucun courriel pour {} dans la boîte du mock", s.email),
         fmt::format("no mail to {} in the mock's outbox", s.email));
  }
  s.activation_path = link_in(mails.back().value("corps", ""), "/portail/compte/activer?jeton=");
  if (s.activation_path.empty()) {
    fail("le courriel n'a pas de lien d'activation", "the mail has no activation link");
  }
  expect_page(s.portal.get(s.activation_path), "/portail/compte/activer");
  const std::string token = s.activation_path.substr(s.activation_path.find('=') + 1);
  expect_redirect(s.portal.post("/portail/compte/activer", {{"jeton", token},
                                                            {"mot_de_passe", s.password},
                                                            {"confirmation", s.password},
                                                            {"question", "Premier chantier ?"},
                                                            {"reponse", "Collège de La Mure"}}),
                  "/portail", "activation", "activation");
  return {"lien du courriel suivi, mot de passe choisi", "mail's link followed, password chosen"};
}

Message sign_in(Story& s) {
  expect_page(s.portal.get("/portail/connexion"), "/portail/connexion");
  Page answer =
      s.portal.post("/portail/connexion", {{"email", s.email}, {"mot_de_passe", s.password}});
  bool with_code = false;
  if (answer.location == "/portail/connexion/code") {
    expect_page(s.portal.get("/portail/connexion/code"), "/portail/connexion/code");
    const auto mails = s.portal.mails_to(s.email);
    const std::string code = mails.empty() ? "" : code_in(mails.back().value("corps", ""));
    if (code.empty()) fail("aucun code de connexion par courriel", "no sign-in code by mail");
    answer = s.portal.post("/portail/connexion/code", {{"code", code}});
    with_code = true;
  }
  expect_redirect(answer, "/", "connexion", "sign-in");
  const Page account = expect_page(s.portal.get("/portail/compte"), "/portail/compte");
  if (account.body.find(
          "id=\"factures_emises-oui\" name=\"factures_emises\" value=\"oui\" checked") ==
      std::string::npos) {
    fail("la page du compte ne montre pas l'espace « factures émises » ouvert",
         "the account page does not show the issued-invoices workspace open");
  }
  return with_code ? Message{"avec le code reçu par courriel ; espaces du compte vérifiés",
                             "with the code received by mail; the account's workspaces checked"}
                   : Message{"sans second facteur ; espaces du compte vérifiés",
                             "without a second factor; the account's workspaces checked"};
}

Message create_technical_account(Story& s) {
  expect_page(s.portal.get("/portail/compte/raccordement"), "/portail/compte/raccordement");
  expect_redirect(s.portal.post("/portail/compte/raccordement", {}), "/portail/compte/raccordement",
                  "raccordement", "connection");
  const Page shown =
      expect_page(s.portal.get("/portail/compte/raccordement"), "/portail/compte/raccordement");
  const auto secrets = secrets_in(shown.body);
  if (secrets.size() < 2) {
    fail("la page ne montre pas l'identifiant et le mot de passe du compte technique",
         "the page does not show the technical account's login and password");
  }
  s.technical_login = secrets[0];
  s.technical_password = secrets[1];
  return {fmt::format("compte technique {}", s.technical_login),
          fmt::format("technical account {}", s.technical_login)};
}

}  // namespace

std::vector<Step> story_steps(const StoryOptions& options) {
  auto s = std::make_shared<Story>(options);
  auto with = [s](Message (*step)(Story&)) { return [s, step] { return step(*s); }; };
  return {
      {"compte",
       {"Création du compte sur le portail", "Account created on the portal"},
       {},
       with(create_account)},
      {"espaces", {"Choix des espaces", "Workspaces chosen"}, {"compte"}, with(choose_spaces)},
      {"activation",
       {"Activation par le courriel", "Activation through the mail"},
       {"espaces"},
       with(activate)},
      {"connexion",
       {"Connexion au portail", "Sign-in on the portal"},
       {"activation"},
       with(sign_in)},
      {"raccordement",
       {"Compte technique pour l'API", "Technical account for the API"},
       {"connexion"},
       with(create_technical_account)},
  };
}

}  // namespace cprokit::cli::rehearse
