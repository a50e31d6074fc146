// The account's activation: the link mailed at creation (60 minutes, once)
// opens a page that asks the password, its confirmation and the secret
// question and answer, checked by ACCT-PWD-01, ACCT-PWD-02 and
// ACCT-SECRET-01. The first account of a structure becomes its gestionnaire
// principal; a later one waits for that gestionnaire's approval.
#include <algorithm>
#include <array>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/auth/secret_hash.hpp"
#include "mock-chorus/portal/account_form.hpp"
#include "mock-chorus/portal/account_pages.hpp"
#include "mock-chorus/portal/mailer.hpp"
#include "validators/sha256.hpp"

namespace cprokit::mock::portal {
namespace {

constexpr std::string_view kActivate = "/portail/compte/activer";
constexpr std::array<std::string_view, 3> kActivationRules{"ACCT-PWD-01", "ACCT-PWD-02",
                                                           "ACCT-SECRET-01"};

std::int64_t structure_of(PortalCall& call, const Data& draft) {
  const std::string identifiant = draft["identifiant"];
  const auto catalogue = call.mock.catalogue();
  if (const auto* known = catalogue->directory->structure(identifiant)) {
    return known->id_structure_cpp;
  }
  chorus::Structure s;
  s.identifiant = identifiant;
  s.type_identifiant = draft["type_identifiant"];
  s.type_structure = "PRIVEE";
  s.raison_sociale = draft["raison_sociale"];
  if (s.raison_sociale.empty()) {  // a private person, say
    s.raison_sociale =
        fmt::format("{} {}", draft["prenom"].get<std::string>(), draft["nom"].get<std::string>());
  }
  s.adresse = {draft["adresse"], draft["code_postal"], draft["ville"], draft["pays"]};
  return call.mock.add_private_structure(std::move(s));
}

bool has_active_manager(Mock& mock, std::int64_t id_structure) {
  return std::ranges::any_of(mock.portal_store().users_of_structure(id_structure),
                             [](const PortalUser& u) {
                               return u.role == "GESTIONNAIRE_PRINCIPAL" && u.statut == "ACTIF";
                             });
}

// ---- The activation page -------------------------------------------------------

PortalReply expired(PortalCall& call) {
  return call.page("error",
                   {{"message", call.text("acct_link_expired")}, {"back", "/portail/connexion"}},
                   "error_title", 410);
}

PortalReply activation_page(PortalCall& call, const PortalUser& user, const std::string& token,
                            const Data& values, const FieldErrors& errors, int status) {
  Data data = form_data(values, errors);
  data["steps"] = creation_steps(call, 4);
  data["jeton"] = token;
  data["email"] = user.email;
  Data fields = new_password_fields(call, data);
  fields.push_back(field(call, data, Input("question", "acct_question").autocomplete("off")));
  fields.push_back(
      field(call, data, Input("reponse", "acct_answer").type("password").autocomplete("off")));
  data["fields"] = std::move(fields);
  return call.page("account-activation", std::move(data), "acct_activation_title", status);
}

PortalReply show_activation(PortalCall& call) {
  const auto it = call.request.query.find("jeton");
  const std::string token = it == call.request.query.end() ? std::string() : it->second;
  const auto user_id = call.mock.portal_store().link_user(
      sha256_hex(token), std::string(kActivation), call.mock.now());
  const auto user = user_id ? call.mock.portal_store().user(*user_id) : std::nullopt;
  if (!user) return expired(call);
  return activation_page(call, *user, token, {{"question", ""}}, {}, 200);
}

// Makes the activated user the structure's gestionnaire principal, or asks
// that gestionnaire to accept the user.
void attach(PortalCall& call, PortalUser& user) {
  if (!has_active_manager(call.mock, user.id_structure)) {
    user.role = "GESTIONNAIRE_PRINCIPAL";
    user.statut = "ACTIF";
    return;
  }
  user.role = "UTILISATEUR";
  user.statut = "EN_ATTENTE_RATTACHEMENT";
  const std::string structure = structure_name(call, user.id_structure);
  for (const PortalUser& m : call.mock.portal_store().users_of_structure(user.id_structure)) {
    if (m.role != "GESTIONNAIRE_PRINCIPAL" || m.statut != "ACTIF") continue;
    send_mail(call.mock, m.email, call.text("mail_attach_request_subject"),
              mail_text(call, "mail_attach_request_body",
                        {{"prenom", user.prenom},
                         {"nom", user.nom},
                         {"email", user.email},
                         {"structure", structure},
                         {"lien", call.mock.base_url() + "/portail/compte"}}));
  }
}

PortalReply submit_activation(PortalCall& call) {
  const std::string token = call.request.field("jeton");
  PortalStore& store = call.mock.portal_store();
  const std::string digest = sha256_hex(token);
  const auto user_id = store.link_user(digest, std::string(kActivation), call.mock.now());
  auto user = user_id ? store.user(*user_id) : std::nullopt;
  if (!user) return expired(call);
  const Data values = {{"email", user->email},
                       {"mot_de_passe", call.request.field("mot_de_passe")},
                       {"confirmation", call.request.field("confirmation")},
                       {"question", typed(call, "question")},
                       {"reponse", typed(call, "reponse")}};
  const FieldErrors errors = check_account_form(call.mock, values, kActivationRules, call.lang);
  if (!errors.empty()) {
    // Secrets are never sent back to the browser.
    return activation_page(call, *user, token, {{"question", values["question"]}}, errors, 422);
  }
  if (!store.use_link(digest, std::string(kActivation), call.mock.now())) return expired(call);
  user->password_hash = hash_secret(call.request.field("mot_de_passe"));
  user->question_secrete = values["question"];
  user->reponse_secrete_hash = hash_secret(values["reponse"].get<std::string>());
  attach(call, *user);
  store.update_user(*user);
  return PortalReply::see_other("/portail/connexion?avis=active");
}

}  // namespace

void create_account(PortalCall& call, const Data& draft) {
  Mock& mock = call.mock;
  const std::string email = draft["email"];
  const auto exists = [&] {
    send_mail(mock, email, call.text("mail_exists_subject"),
              mail_text(call, "mail_exists_body",
                        {{"email", email}, {"lien", mock.base_url() + "/portail/compte/oubli"}}));
  };
  if (mock.portal_store().user_by_email(email)) return exists();

  PortalUser user;
  user.email = email;
  user.nom = draft["nom"];
  user.prenom = draft["prenom"];
  user.telephone = draft["telephone"];
  user.id_structure = structure_of(call, draft);
  user.role =
      has_active_manager(mock, user.id_structure) ? "UTILISATEUR" : "GESTIONNAIRE_PRINCIPAL";
  user.statut = "EN_ATTENTE_ACTIVATION";
  user.espaces_json = draft["espaces"].dump();
  user.fonctionnalites_json =
      Data{{"deposer_demandes_paiement", draft["deposer"]}, {"dume", draft["dume"]}}.dump();
  user.enquete = draft["enquete"];
  user.created = mock.now();
  const auto id = mock.portal_store().insert_user(user);
  if (!id) return exists();  // taken meanwhile
  const std::string link = issue_link(mock, *id, kActivation, kActivate);
  send_mail(mock, email, call.text("mail_activation_subject"),
            mail_text(call, "mail_activation_body",
                      {{"prenom", user.prenom},
                       {"nom", user.nom},
                       {"email", email},
                       {"structure", structure_name(call, user.id_structure)},
                       {"lien", link}}));
}

Data new_password_fields(const PortalCall& call, const Data& form) {
  return Data::array({field(call, form,
                            Input("mot_de_passe", "acct_password")
                                .type("password")
                                .autocomplete("new-password")
                                .hint("acct_password_hint")),
                      field(call, form,
                            Input("confirmation", "acct_password_confirmation")
                                .type("password")
                                .autocomplete("new-password"))});
}

std::string structure_name(const PortalCall& call, std::int64_t id_structure) {
  const auto catalogue = call.mock.catalogue();
  const auto* s = catalogue->directory->structure_by_id(id_structure);
  if (s == nullptr) return std::to_string(id_structure);
  return fmt::format("{} ({} {})", s->raison_sociale, s->type_identifiant, s->identifiant);
}

std::vector<PortalRoute> account_activation_routes() {
  return {{"GET", "/portail/compte/activer", show_activation},
          {"POST", "/portail/compte/activer", submit_activation}};
}

}  // namespace cprokit::mock::portal
