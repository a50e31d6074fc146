// Creating an account, in the real portal's steps: identification (login
// email and the structure's identifier), information (the person, the
// structure pre-filled from the mock's INSEE register, the features, the
// captcha), workspaces; then the activation mail (account_activation.cpp).
// The draft stays in the session until the account is created; every field
// is checked by the linter's account rules (account_form.hpp).
#include <array>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/portal/account_form.hpp"
#include "mock-chorus/portal/account_pages.hpp"
#include "mock-chorus/portal/captcha.hpp"
#include "mock-chorus/portal/draft.hpp"
#include "mock-chorus/portal/espaces.hpp"
#include "mock-chorus/portal/mailer.hpp"

namespace cprokit::mock::portal {
namespace {

constexpr std::string_view kDraft = "creation";
constexpr std::string_view kStart = "/portail/compte/creer";
constexpr std::string_view kInformation = "/portail/compte/creer/informations";
constexpr std::string_view kSpaces = "/portail/compte/creer/espaces";
constexpr std::string_view kSent = "/portail/compte/creer/envoye";

constexpr std::array<std::string_view, 2> kIdentificationRules{"ACCT-EMAIL-01", "ACCT-ID-01"};
constexpr std::array<std::string_view, 3> kInformationRules{"ACCT-REQ-01", "ACCT-CP-01",
                                                            "ACCT-FEAT-01"};
constexpr std::array<std::string_view, 1> kSpaceRules{"ACCT-SPACE-01"};

// API.md §4.5; SIRET first, the others behind "Je n'ai pas de numéro de SIRET".
constexpr std::array<std::string_view, 7> kIdentifierTypes{
    "SIRET", "UE_HORS_FRANCE", "HORS_UE", "RIDET", "TAHITI", "AUTRE", "PARTICULIER"};

int step_done(const Data& draft) {
  return draft.value("etape", 0);
}

// ---- 1. Identification -----------------------------------------------------

PortalReply identification_page(PortalCall& call, const Data& values, const FieldErrors& errors,
                                int status) {
  Data data = form_data(values, errors);
  data["steps"] = creation_steps(call, 1);
  const std::string type = values.value("type_identifiant", "SIRET");
  data["fields"] =
      Data::array({field(call, data,
                         Input("email", "acct_email")
                             .type("email")
                             .autocomplete("email")
                             .hint("acct_email_hint")),
                   field(call, data,
                         Input("identifiant", type == "SIRET" ? "acct_siret" : "acct_identifier")
                             .hint(type == "SIRET" ? "acct_siret_hint" : "acct_identifier_hint"))});
  const bool other = type != "SIRET" || call.request.query.contains("autre");
  if (other) {
    Data types = Data::array();
    for (const std::string_view t : kIdentifierTypes) {
      types.push_back({{"value", t},
                       {"label", call.text(fmt::format("acct_type_{}", t))},
                       {"checked", t == type}});
    }
    data["types"] = std::move(types);
  } else {
    data["other_link"] = fmt::format("{}?autre=1", kStart);
  }
  return call.page("account-identification", std::move(data), "acct_create_title", status);
}

PortalReply show_identification(PortalCall& call) {
  Data values = form_draft(call, kDraft);
  if (values.empty()) values = {{"email", ""}, {"type_identifiant", "SIRET"}, {"identifiant", ""}};
  return identification_page(call, values, {}, 200);
}

// The structure's fields as the INSEE register gives them for a SIRET; empty
// (to be typed) for another identifier or a SIRET it does not know.
void prefill_structure(const Mock& mock, Data& draft) {
  const bool siret = draft["type_identifiant"] == "SIRET";
  draft["pays"] = siret ? "France" : "";
  for (const char* key : {"raison_sociale", "adresse", "code_postal", "ville"})
    draft[key] = "";
  draft["insee"] = false;
  const auto& insee = mock.options().insee;
  if (!siret || insee == nullptr) return;
  const auto it = insee->find(draft["identifiant"].get<std::string>());
  if (it == insee->end()) return;
  const directory::InseeEstablishment& e = it->second;
  draft["raison_sociale"] = e.raison_sociale;
  draft["adresse"] = e.adresse;
  draft["code_postal"] = e.code_postal;
  draft["ville"] = e.ville;
  if (!e.pays.empty()) draft["pays"] = e.pays;
  draft["insee"] = true;
}

PortalReply submit_identification(PortalCall& call) {
  std::string type = typed(call, "type_identifiant");
  if (type.empty()) type = "SIRET";
  const Data values = {{"email", typed(call, "email")},
                       {"type_identifiant", type},
                       {"identifiant", typed(call, "identifiant")}};
  const FieldErrors errors = check_account_form(call.mock, values, kIdentificationRules, call.lang);
  if (!errors.empty()) return identification_page(call, values, errors, 422);

  Data draft = form_draft(call, kDraft);
  const bool same_structure = draft.value("type_identifiant", "") == type &&
                              draft.value("identifiant", "") == values["identifiant"];
  draft.update(values);
  if (!same_structure) prefill_structure(call.mock, draft);
  draft["etape"] = 1;
  keep_draft(call, kDraft, std::move(draft));
  return PortalReply::see_other(std::string(kInformation));
}

// ---- 2. Information -----------------------------------------------------------

PortalReply information_page(PortalCall& call, const Data& values, const FieldErrors& errors,
                             int status) {
  Data data = form_data(values, errors);
  data["steps"] = creation_steps(call, 2);
  data["structure_id"] = {
      {"type", call.text(fmt::format("acct_type_{}", values.value("type_identifiant", "SIRET")))},
      {"identifiant", values.value("identifiant", "")},
      {"change", std::string(kStart)}};
  data["insee"] = values.value("insee", false);
  data["person"] = Data::array(
      {field(call, data, Input("nom", "acct_nom").autocomplete("family-name")),
       field(call, data, Input("prenom", "acct_prenom").autocomplete("given-name")),
       field(call, data,
             Input("telephone", "acct_telephone").type("tel").autocomplete("tel").optional())});
  data["structure"] = Data::array(
      {field(call, data,
             Input("raison_sociale", "acct_raison_sociale").autocomplete("organization")),
       field(call, data, Input("adresse", "acct_adresse").autocomplete("street-address")),
       field(call, data,
             Input("code_postal", "acct_code_postal")
                 .autocomplete("postal-code")
                 .hint("acct_code_postal_hint")),
       field(call, data, Input("ville", "acct_ville").autocomplete("address-level2")),
       field(call, data, Input("pays", "acct_pays").autocomplete("country-name"))});
  const std::string code = captcha_code(call.session.record);
  std::string spelled;
  for (const char c : code)
    spelled += (spelled.empty() ? "" : " ") + std::string(1, c);
  data["captcha_code"] = spelled;
  data["captcha"] = field(call, data, Input("captcha", "acct_captcha").autocomplete("off"));
  data["captcha"]["value"] = "";  // a new code is never the one typed before
  return call.page("account-information", std::move(data), "acct_create_title", status);
}

PortalReply show_information(PortalCall& call) {
  const Data draft = form_draft(call, kDraft);
  if (step_done(draft) < 1) return PortalReply::see_other(std::string(kStart));
  Data values = draft;
  if (!values.contains("deposer")) {
    values["nom"] = "";
    values["prenom"] = "";
    values["telephone"] = "";
    values["enquete"] = false;
    values["deposer"] = true;  // checked by default, as on the real portal
    values["dume"] = false;
  }
  return information_page(call, values, {}, 200);
}

PortalReply submit_information(PortalCall& call) {
  Data draft = form_draft(call, kDraft);
  if (step_done(draft) < 1) return PortalReply::see_other(std::string(kStart));
  for (const char* key :
       {"nom", "prenom", "telephone", "raison_sociale", "adresse", "code_postal", "ville", "pays"})
    draft[key] = typed(call, key);
  for (const char* key : {"enquete", "deposer", "dume"})
    draft[key] = call.request.field(key) == "oui";
  FieldErrors errors = check_account_form(call.mock, draft, kInformationRules, call.lang);
  if (!captcha_matches(call.session.record, call.request.field("captcha"))) {
    errors.push_back({"captcha", call.text("acct_captcha_wrong"), ""});
  }
  if (!errors.empty()) return information_page(call, draft, errors, 422);
  draft["etape"] = 2;
  keep_draft(call, kDraft, std::move(draft));
  return PortalReply::see_other(std::string(kSpaces));
}

// ---- 3. Workspaces, then the account --------------------------------------------

PortalReply spaces_page(PortalCall& call, const Data& chosen, const FieldErrors& errors,
                        int status) {
  Data data = form_data(Data::object(), errors);
  data["steps"] = creation_steps(call, 3);
  data["espaces"] = espaces_fieldsets(call, chosen, data);
  return call.page("account-spaces", std::move(data), "acct_create_title", status);
}

PortalReply show_spaces(PortalCall& call) {
  const Data draft = form_draft(call, kDraft);
  if (step_done(draft) < 2) return PortalReply::see_other(std::string(kStart));
  return spaces_page(call, draft.value("espaces", default_espaces()), {}, 200);
}

PortalReply submit_spaces(PortalCall& call) {
  Data draft = form_draft(call, kDraft);
  if (step_done(draft) < 2) return PortalReply::see_other(std::string(kStart));
  const Data chosen = espaces_typed(call, draft.value("espaces", default_espaces()));
  Data values = draft;
  values.update(chosen);
  const FieldErrors errors = check_account_form(call.mock, values, kSpaceRules, call.lang);
  if (!errors.empty()) return spaces_page(call, chosen, errors, 422);
  draft["espaces"] = chosen;
  create_account(call, draft);
  keep_draft(call, kDraft, nullptr);
  return PortalReply::see_other(std::string(kSent));
}

PortalReply show_sent(PortalCall& call) {
  Data data = {{"steps", creation_steps(call, 4)}};
  return call.page("account-sent", std::move(data), "acct_sent_title");
}

}  // namespace

Data creation_steps(const PortalCall& call, int current) {
  Data list = Data::array();
  int n = 0;
  for (const char* key : {"acct_step_identification", "acct_step_information", "acct_step_spaces",
                          "acct_step_activation"}) {
    ++n;
    list.push_back(
        {{"n", n}, {"label", call.text(key)}, {"current", n == current}, {"done", n < current}});
  }
  return list;
}

std::vector<PortalRoute> account_creation_routes() {
  return {{"GET", "/portail/compte/creer", show_identification},
          {"POST", "/portail/compte/creer", submit_identification},
          {"GET", "/portail/compte/creer/informations", show_information},
          {"POST", "/portail/compte/creer/informations", submit_information},
          {"GET", "/portail/compte/creer/espaces", show_spaces},
          {"POST", "/portail/compte/creer/espaces", submit_spaces},
          {"GET", "/portail/compte/creer/envoye", show_sent}};
}

}  // namespace cprokit::mock::portal
