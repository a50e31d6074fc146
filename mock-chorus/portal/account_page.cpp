// The signed-in user's account page: who they are, their structure and
// status, their workspaces (changed here, ACCT-SPACE-01 still applies),
// and for a gestionnaire principal the attachment requests to accept or
// refuse.
#include <array>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/portal/account_form.hpp"
#include "mock-chorus/portal/account_pages.hpp"
#include "mock-chorus/portal/espaces.hpp"
#include "mock-chorus/portal/mailer.hpp"

namespace cprokit::mock::portal {
namespace {

constexpr std::array<std::string_view, 1> kSpaceRules{"ACCT-SPACE-01"};

bool is_manager(const PortalUser& user) {
  return user.role == "GESTIONNAIRE_PRINCIPAL" && user.statut == "ACTIF";
}

// The notices a page reached by a redirection shows (?avis=KEY): only
// these, never a text taken from the address.
std::optional<std::string> notice(const PortalCall& call) {
  const auto it = call.request.query.find("avis");
  if (it == call.request.query.end()) return std::nullopt;
  for (const std::string_view known : {"espaces", "accepte", "refuse"}) {
    if (it->second == known) return call.text(fmt::format("acct_notice_{}", known));
  }
  return std::nullopt;
}

Data requests(const PortalCall& call) {
  Data list = Data::array();
  if (!is_manager(*call.user)) return list;
  for (const PortalUser& u : call.mock.portal_store().users_of_structure(call.user->id_structure)) {
    if (u.statut != "EN_ATTENTE_RATTACHEMENT") continue;
    list.push_back({{"id", u.id}, {"email", u.email}, {"nom", u.nom}, {"prenom", u.prenom}});
  }
  return list;
}

PortalReply account_page(PortalCall& call, const Data& chosen, const FieldErrors& errors,
                         int status) {
  const PortalUser& user = *call.user;
  Data data = form_data(Data::object(), errors);
  data["account"] = {{"email", user.email},
                     {"nom", user.nom},
                     {"prenom", user.prenom},
                     {"telephone", user.telephone},
                     {"structure", structure_name(call, user.id_structure)},
                     {"id_structure", user.id_structure},
                     {"role", call.text(fmt::format("acct_role_{}", user.role))},
                     {"statut", call.text(fmt::format("acct_statut_{}", user.statut))},
                     {"waiting", user.statut == "EN_ATTENTE_RATTACHEMENT"}};
  data["espaces"] = espaces_fieldsets(call, chosen, data);
  data["requests"] = requests(call);
  data["has_requests"] = !data["requests"].empty();
  if (auto n = notice(call)) data["notice"] = *n;
  return call.page("account", std::move(data), "acct_page_title", status);
}

PortalReply show_account(PortalCall& call) {
  if (!call.user) return call.sign_in_first();
  const Data chosen = Data::parse(call.user->espaces_json, nullptr, false);
  return account_page(call, chosen.is_object() ? chosen : default_espaces(), {}, 200);
}

PortalReply change_spaces(PortalCall& call) {
  if (!call.user) return call.sign_in_first();
  const Data current = Data::parse(call.user->espaces_json, nullptr, false);
  const Data chosen = espaces_typed(call, current.is_object() ? current : Data::object());
  const FieldErrors errors = check_account_form(call.mock, chosen, kSpaceRules, call.lang);
  if (!errors.empty()) return account_page(call, chosen, errors, 422);
  PortalUser user = *call.user;
  user.espaces_json = chosen.dump();
  call.mock.portal_store().update_user(user);
  return PortalReply::see_other("/portail/compte?avis=espaces");
}

// The gestionnaire principal accepts or refuses a user of their structure.
PortalReply decide_attachment(PortalCall& call) {
  if (!call.user) return call.sign_in_first();
  PortalStore& store = call.mock.portal_store();
  std::optional<PortalUser> asking;
  try {
    asking = store.user(std::stoll(call.request.field("utilisateur")));
  } catch (const std::exception&) {  // not a number
  }
  const std::string decision = call.request.field("decision");
  if (!is_manager(*call.user) || !asking || asking->id_structure != call.user->id_structure ||
      asking->statut != "EN_ATTENTE_RATTACHEMENT" ||
      (decision != "accepter" && decision != "refuser")) {
    return call.page("error",
                     {{"message", call.text("acct_request_unknown")}, {"back", "/portail/compte"}},
                     "error_title", 404);
  }
  const bool accepted = decision == "accepter";
  asking->statut = accepted ? "ACTIF" : std::string(kAttachmentRefused);
  store.update_user(*asking);
  send_mail(call.mock, asking->email,
            call.text(accepted ? "mail_attach_accepted_subject" : "mail_attach_refused_subject"),
            mail_text(call, accepted ? "mail_attach_accepted_body" : "mail_attach_refused_body",
                      {{"structure", structure_name(call, asking->id_structure)},
                       {"lien", call.mock.base_url() + "/portail/connexion"}}));
  return PortalReply::see_other(accepted ? "/portail/compte?avis=accepte"
                                         : "/portail/compte?avis=refuse");
}

}  // namespace

std::vector<PortalRoute> account_page_routes() {
  return {{"GET", "/portail/compte", show_account},
          {"POST", "/portail/compte", change_spaces},
          {"POST", "/portail/compte/rattachements", decide_attachment}};
}

}  // namespace cprokit::mock::portal
