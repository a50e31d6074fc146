// The mock's own controls under /_mock/ (never part of the real API): reset,
// load a directory, move an invoice as the buyer would, inspect a flux, read
// the mails, unlock a portal account, load, list and clear scenarios.
// They need the X-Mock-Admin header with the admin token the mock printed
// at start; a PISTE token opens nothing here (server.cpp).
#include "mock-chorus/api/admin.hpp"

#include <fmt/core.h>

#include "mock-chorus/lifecycle.hpp"
#include "mock-chorus/records/buyer_moves.hpp"
#include "mock-chorus/scenario/reader.hpp"
#include "mock-chorus/store/mail_file.hpp"

namespace cprokit::mock {
namespace {

// The scenario's errors in one line, for the libelle.
std::string joined(const std::vector<scenario::ScenarioError>& errors, Lang lang) {
  std::string out;
  for (const auto& e : errors)
    out += (out.empty() ? "" : "; ") + e.text(lang);
  return out;
}

Reply reset(Mock& mock, const AdminCall&) {
  mock.reset();
  return ok({{"message", "Dépôts, factures, fichiers et jetons effacés ; annuaire conservé."}});
}

Reply load_directory(Mock& mock, const AdminCall& call) {
  directory::DirectoryFile loaded;
  try {
    loaded = mock.load_directory(call.body);
  } catch (const directory::DirectoryError& e) {
    refuse(fmt::format("Annuaire refusé : {} : {}", e.where(), e.message_fr()), e.what());
  }
  return ok(
      {{"structures", loaded.directory.structures.size()}, {"clients", loaded.clients.size()}});
}

// Moves an invoice to a status the buyer's side sets (records/buyer_moves.hpp).
Reply move_invoice(Mock& mock, const AdminCall& call) {
  const Body body(call.body);
  const Fields f = body.fields();
  const std::string statut = f.required_text("statut");
  const auto motif = f.text("motif");
  const std::int64_t id = std::stoll(call.id);
  const auto refusal =
      move_as_buyer(mock.store(), *mock.catalogue()->directory, id, statut, motif, mock.now());
  if (refusal) {
    using Why = MoveRefusal::Why;
    const int status = refusal->why == Why::UnknownInvoice  ? 404
                       : refusal->why == Why::MotiveMissing ? 400
                                                            : 409;
    refuse(refusal->message.fr, refusal->message.en, status);
  }
  return ok({{"identifiantFactureCPP", id}, {"statut", statut}});
}

Reply inspect_flux(Mock& mock, const AdminCall& call) {
  const auto flux = mock.store().flux(call.id);
  if (!flux) refuse(fmt::format("Flux {} introuvable.", call.id), "No such flux.", 404);
  return ok({{"numeroFluxDepot", flux->numero_flux_depot},
             {"login", flux->login},
             {"idStructure", flux->id_structure},
             {"nomFichier", flux->nom_fichier},
             {"syntaxeFlux", flux->syntaxe_flux},
             {"etat", flux->etat},
             {"erreurs", flux->erreurs_json.empty() ? Json() : Json::parse(flux->erreurs_json)}});
}

// The mails Chorus Pro would send: the notifications of invoice status
// changes ("Facturation CPRO": one per change, to the depositing account,
// made from the history, so nothing is stored twice), and the portal's mails
// (activation, second factor, reset…), stored when sent and also written as
// .eml files under the data folder (`eml`, relative to it). Oldest first.
Reply mails(Mock& mock, const AdminCall&) {
  std::vector<std::pair<Millis, Json>> dated;
  for (const auto& e : mock.store().status_events()) {
    dated.emplace_back(
        e.entry.date,
        Json{{"a", e.login},
             {"date", iso_datetime(e.entry.date)},
             {"sujet", fmt::format("Chorus Pro : facture {} au statut {}", e.numero_facture,
                                   e.entry.statut)},
             {"corps", fmt::format("Votre facture {} (identifiantFactureCPP {}) est passée au "
                                   "statut {}{}.",
                                   e.numero_facture, e.identifiant_facture_cpp, e.entry.statut,
                                   e.entry.commentaire ? " : " + *e.entry.commentaire : "")},
             {"identifiantFactureCPP", e.identifiant_facture_cpp},
             {"statut", e.entry.statut}});
  }
  for (const MailRecord& m : mock.portal_store().mails()) {
    dated.emplace_back(m.date, Json{{"a", m.to},
                                    {"date", iso_datetime(m.date)},
                                    {"sujet", m.subject},
                                    {"corps", m.body},
                                    {"eml", mail_file(m).string()}});
  }
  std::stable_sort(dated.begin(), dated.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Json list = Json::array();
  for (auto& [date, mail] : dated)
    list.push_back(std::move(mail));
  return ok({{"mails", std::move(list)}});
}

// Unlocks a portal account locked after too many wrong passwords, as its
// mailed reset link would (body: {"email": …}).
Reply unlock_account(Mock& mock, const AdminCall& call) {
  const Body body(call.body);
  const std::string email = body.fields().required_text("email");
  const auto user = mock.portal_store().user_by_email(email);
  if (!user) {
    refuse(fmt::format("Aucun compte du portail pour {}.", email),
           fmt::format("No portal account for {}.", email), 404);
  }
  mock.portal_store().unlock_user(user->id);
  return ok({{"email", user->email}, {"verrouille", false}});
}

// Loads a scenario (body: a scenario file, scenario/reader.hpp); a bad one
// is a 400 listing every error at its JSON Pointer.
Reply add_scenario(Mock& mock, const AdminCall& call) {
  auto read = scenario::read_scenario(call.body);
  if (!read.errors.empty()) {
    Json errors = Json::array();
    for (const auto& e : read.errors)
      errors.push_back({{"pointer", e.pointer}, {"fr", e.message.fr}, {"en", e.message.en}});
    Reply r = functional_error("Scénario refusé : " + joined(read.errors, Lang::Fr),
                               "Scenario refused: " + joined(read.errors, Lang::En));
    r.body["errors"] = std::move(errors);
    return r;
  }
  const std::size_t rules = read.scenario.rules.size();
  const std::size_t faults = read.scenario.faults.size();
  const auto added = mock.scenarios().add(std::move(read.scenario), mock.now());
  return ok({{"id", added.id}, {"seed", added.seed}, {"rules", rules}, {"faults", faults}});
}

Reply list_scenarios(Mock& mock, const AdminCall&) {
  return ok(mock.scenarios().listing());
}

Reply clear_scenarios(Mock& mock, const AdminCall&) {
  mock.scenarios().clear();
  return ok({{"message", "Scénarios effacés ; les mouvements déjà prévus restent."}});
}

}  // namespace

std::optional<Reply> admin_refusal(const Mock& mock, const std::string& x_mock_admin) {
  const std::string& expected = mock.options().admin_token;
  if (!expected.empty() && x_mock_admin == expected) return std::nullopt;
  return functional_error(
      "API d'administration du mock : en-tête X-Mock-Admin absent ou faux (le jeton est "
      "affiché au démarrage).",
      "Mock admin API: missing or wrong X-Mock-Admin header (the token is printed at start).", 401);
}

std::vector<AdminRoute> admin_routes() {
  return {
      {"POST", R"(/_mock/reset)", "/_mock/reset", reset},
      {"POST", R"(/_mock/directory)", "/_mock/directory", load_directory},
      {"POST", R"(/_mock/factures/(\d+)/statut)", "/_mock/factures/ID/statut", move_invoice},
      {"GET", R"(/_mock/flux/(CPP\d{22}))", "/_mock/flux/NUMERO", inspect_flux},
      {"GET", R"(/_mock/mails)", "/_mock/mails", mails},
      {"POST", R"(/_mock/portail/deverrouiller)", "/_mock/portail/deverrouiller", unlock_account},
      {"POST", R"(/_mock/scenarios)", "/_mock/scenarios", add_scenario},
      {"GET", R"(/_mock/scenarios)", "/_mock/scenarios", list_scenarios},
      {"DELETE", R"(/_mock/scenarios)", "/_mock/scenarios", clear_scenarios}};
}

}  // namespace cprokit::mock
