#include "cli/rehearse/story.hpp"

#include <fstream>
#include <memory>
#include <random>
#include <regex>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/client/chorus_client.hpp"
#include "cli/client/deposit.hpp"
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
  std::unique_ptr<client::ChorusClient> api;
  std::int64_t paid_invoice = 0;  // identifiantFactureCPP of the valid invoice

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
  if (account.body.find(R"(id="factures_emises-oui" name="factures_emises" value="oui" checked)") ==
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

// ApiError and the like carry their message in both languages.
[[noreturn]] void fail_with(const client::ApiError& e) {
  throw StepFailure{e.message()};
}

Message check_api(Story& s) {
  client::Endpoints endpoints{s.options.server, s.options.token_url};
  client::Credentials credentials{s.options.client_id, s.options.client_secret, s.technical_login,
                                  s.technical_password};
  s.api = std::make_unique<client::ChorusClient>(endpoints, credentials);
  nlohmann::json answer;
  try {
    answer =
        s.api->call("utilisateurs/v1/monCompte/recuperer/rattachements", nlohmann::json::object());
  } catch (const client::ApiError& e) {
    fail_with(e);
  }
  for (const auto& r : answer.value("listeStructureRattachement", nlohmann::json::array())) {
    if (r.value("identifiantStructure", "") == s.supplier.siret) {
      return {
          fmt::format("jeton obtenu ; le compte technique est rattaché à {} (idStructureCPP {})",
                      s.supplier.siret, r.value("idStructure", 0)),
          fmt::format("token obtained; the technical account is attached to {} "
                      "(idStructureCPP {})",
                      s.supplier.siret, r.value("idStructure", 0))};
    }
  }
  fail(fmt::format("le compte technique n'est pas rattaché à {} : {}", s.supplier.siret,
                   answer.dump()),
       fmt::format("the technical account is not attached to {}: {}", s.supplier.siret,
                   answer.dump()));
}

// Writes `invoice` where the story keeps its files, named as Chorus Pro
// shows a document ("supplier_number", CPRO-NAME-01).
std::filesystem::path written(const Story& s, const StoryInvoice& invoice) {
  std::string name = s.supplier.raison_sociale + "_" + invoice.number + ".xml";
  std::replace(name.begin(), name.end(), ' ', '-');
  auto path = s.options.work_dir / name;
  std::ofstream(path, std::ios::binary) << invoice.xml;
  return path;
}

client::DepositOptions deposit_options(const Story& s) {
  client::DepositOptions options;
  options.wait = std::chrono::seconds(s.options.wait_seconds);
  options.poll_first = std::chrono::milliseconds(50);
  options.poll_cap = std::chrono::milliseconds(500);
  return options;
}

std::string errors_of(const client::DepositReport& report) {
  std::string text;
  for (const auto& e : report.errors)
    text += (text.empty() ? "" : " ; ") + e.libelle;
  for (const auto& f : report.findings) {
    if (f.severity == Severity::Fatal)
      text += (text.empty() ? "" : " ; ") + f.rule + " " + f.message.fr;
  }
  return text.empty() ? report.message.fr : text;
}

Message deposit_valid(Story& s) {
  const StoryInvoice invoice = valid_invoice(s.supplier, s.run);
  // The buyer pays it: a scenario of the mock moves it to MISE_EN_PAIEMENT
  // (loaded before the deposit: a rule applies to later deposits).
  s.portal.admin_post(
      "/_mock/scenarios",
      {{"name", "cprokit rehearse " + s.run},
       {"rules",
        {{{"name", "paiement de " + invoice.number},
          {"match", {{"invoiceNumber", invoice.number}}},
          {"outcome",
           {{"status", "MISE_EN_PAIEMENT"}, {"afterSeconds", s.options.payment_seconds}}}}}}});
  const auto report = client::deposit_file(*s.api, written(s, invoice), deposit_options(s));
  if (report.outcome != client::Outcome::Integrated || report.invoices.empty()) {
    fail(fmt::format("{} : attendu IN_INTEGRE, obtenu {} ({}) : {}", invoice.number,
                     client::name(report.outcome), report.etat, errors_of(report)),
         fmt::format("{}: expected IN_INTEGRE, got {} ({}): {}", invoice.number,
                     client::name(report.outcome), report.etat, errors_of(report)));
  }
  s.paid_invoice = report.invoices.front().identifiant_facture_cpp;
  return {fmt::format("{} : flux {} IN_INTEGRE, identifiantFactureCPP {}", invoice.number,
                      report.numero_flux_depot, s.paid_invoice),
          fmt::format("{}: flux {} IN_INTEGRE, identifiantFactureCPP {}", invoice.number,
                      report.numero_flux_depot, s.paid_invoice)};
}

bool names_rule(const client::DepositReport& report, std::string_view rule) {
  const bool in_findings = std::any_of(report.findings.begin(), report.findings.end(),
                                       [&](const Finding& f) { return f.rule == rule; });
  const bool in_errors = std::any_of(
      report.errors.begin(), report.errors.end(),
      [&](const auto& e) { return e.rule == rule || e.libelle.find(rule) != std::string::npos; });
  return in_findings || in_errors;
}

Message deposit_other_budget(Story& s) {
  const StoryInvoice invoice = other_budget_invoice(s.supplier, s.run);
  const auto path = written(s, invoice);
  // cprokit's own pre-flight lint refuses it first…
  const auto refused = client::deposit_file(*s.api, path, deposit_options(s));
  if (refused.outcome != client::Outcome::RefusedByPreflight ||
      !names_rule(refused, "CPRO-ENG-03")) {
    fail(fmt::format("{} : attendu le refus du contrôle avant envoi (CPRO-ENG-03), obtenu {} : {}",
                     invoice.number, client::name(refused.outcome), errors_of(refused)),
         fmt::format("{}: expected the pre-flight lint to refuse it (CPRO-ENG-03), got {}: {}",
                     invoice.number, client::name(refused.outcome), errors_of(refused)));
  }
  // …and sent anyway, Chorus Pro (the mock) rejects it.
  auto options = deposit_options(s);
  options.force = true;
  const auto rejected = client::deposit_file(*s.api, path, options);
  if (rejected.outcome != client::Outcome::Rejected || !names_rule(rejected, "CPRO-ENG-03")) {
    fail(fmt::format(
             "{} envoyée malgré tout : attendu IN_REJETE pour CPRO-ENG-03, obtenu {} ({}) : {}",
             invoice.number, client::name(rejected.outcome), rejected.etat, errors_of(rejected)),
         fmt::format("{} sent anyway: expected IN_REJETE for CPRO-ENG-03, got {} ({}): {}",
                     invoice.number, client::name(rejected.outcome), rejected.etat,
                     errors_of(rejected)));
  }
  return {fmt::format("refusée avant envoi, puis envoyée : flux {} {} (CPRO-ENG-03)",
                      rejected.numero_flux_depot, rejected.etat),
          fmt::format("refused before sending, then sent: flux {} {} (CPRO-ENG-03)",
                      rejected.numero_flux_depot, rejected.etat)};
}

Message follow_to_payment(Story& s) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(s.options.wait_seconds);
  nlohmann::json history;
  for (;;) {
    try {
      history = s.api->call("factures/v1/consulter/historique", {{"idFacture", s.paid_invoice}});
    } catch (const client::ApiError& e) {
      fail_with(e);
    }
    if (history.value("statutCourantCode", "") == "MISE_EN_PAIEMENT") break;
    if (std::chrono::steady_clock::now() > deadline) {
      fail(fmt::format("attendu MISE_EN_PAIEMENT en {} s, toujours {}", s.options.wait_seconds,
                       history.value("statutCourantCode", "?")),
           fmt::format("expected MISE_EN_PAIEMENT within {} s, still {}", s.options.wait_seconds,
                       history.value("statutCourantCode", "?")));
    }
    s.api->pause(std::chrono::milliseconds(200));
  }
  std::string path;
  for (const auto& h :
       history["historiquesDesStatuts"].value("histoStatut", nlohmann::json::array()))
    path += (path.empty() ? "" : " → ") + h.value("histoStatutCode", "?");
  return {path, path};
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
      {"api",
       {"API : jeton et rattachement du compte technique",
        "API: token and the technical account's attachment"},
       {"raccordement"},
       with(check_api)},
      {"depot-valide",
       {"Dépôt d'une facture valide (deposer/flux)", "A valid invoice deposited (deposer/flux)"},
       {"api"},
       with(deposit_valid)},
      {"depot-autre-budget",
       {"Dépôt avec l'engagement d'un autre budget : rejet attendu",
        "An invoice with another budget's engagement: rejection expected"},
       {"api"},
       with(deposit_other_budget)},
      {"suivi",
       {"Suivi jusqu'à MISE_EN_PAIEMENT", "Followed to MISE_EN_PAIEMENT"},
       {"depot-valide"},
       with(follow_to_payment)},
  };
}

}  // namespace cprokit::cli::rehearse
