// Signing in: email and password (Argon2id), a lock after five wrong
// passwords in a row, a second factor (a code by mail at the first sign-in
// on a device, the device then remembered by a cookie), the forgotten
// password and the reset link that also unlocks. No message says whether
// an address has an account.
#include <sodium.h>

#include <array>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/auth/secret_hash.hpp"
#include "mock-chorus/portal/account_form.hpp"
#include "mock-chorus/portal/account_pages.hpp"
#include "mock-chorus/portal/draft.hpp"
#include "mock-chorus/portal/mailer.hpp"
#include "validators/sha256.hpp"

namespace cprokit::mock::portal {
namespace {

constexpr std::int64_t kMaxWrongPasswords = 5;      // in a row; the sixth try is refused
constexpr Millis kCodeLifetime = 10LL * 60 * 1000;  // the second factor's code: 10 minutes
constexpr std::int64_t kCodeTries = 5;              // and 5 tries
constexpr std::string_view kDeviceCookie = "cprokit_appareil";
constexpr int kDeviceDays = 400;  // the longest a browser keeps a cookie
constexpr std::string_view kCodeDraft = "code";
constexpr std::string_view kAccountPage = "/portail/compte";
constexpr std::string_view kResetPath = "/portail/compte/reinitialiser";
constexpr std::array<std::string_view, 2> kPasswordRules{"ACCT-PWD-01", "ACCT-PWD-02"};

// `suite` when it is a path of this site, else the account page: a
// sign-in never sends the browser to another site (no open redirect).
std::string local_path(std::string_view suite) {
  const bool local = suite.starts_with('/') && !suite.starts_with("//") &&
                     !suite.starts_with("/\\") && std::ranges::none_of(suite, [](char c) {
                       const auto u = static_cast<unsigned char>(c);
                       return u < 0x20 || u == 0x7f || c == '\\';
                     });
  return local ? std::string(suite) : std::string(kAccountPage);
}

std::string query(const PortalCall& call, const std::string& name) {
  const auto it = call.request.query.find(name);
  return it == call.request.query.end() ? std::string() : it->second;
}

// A hash no password matches, verified when there is no account to try, so
// that an unknown address costs the same time as a known one.
const std::string& no_account_hash() {
  static const std::string hash = hash_secret(random_hex(32));
  return hash;
}

void mail_reset_link(PortalCall& call, const PortalUser& user, std::string_view subject_key,
                     std::string_view body_key) {
  send_mail(
      call.mock, user.email, call.text(subject_key),
      mail_text(call, body_key, {{"lien", issue_link(call.mock, user.id, kReset, kResetPath)}}));
}

// ---- Sign-in -------------------------------------------------------------------

PortalReply sign_in_page(PortalCall& call, const Data& values, const FieldErrors& errors,
                         int status) {
  Data data = form_data(values, errors);
  data["suite"] = values.value("suite", "");
  data["fields"] = Data::array(
      {field(call, data, Input("email", "acct_email").type("email").autocomplete("username")),
       field(call, data,
             Input("mot_de_passe", "acct_password")
                 .type("password")
                 .autocomplete("current-password"))});
  const std::string avis = query(call, "avis");
  for (const std::string_view known :
       {"active", "reinitialise", "oubli", "code_expire", "code_epuise"}) {
    if (avis == known) data["notice"] = call.text(fmt::format("signin_notice_{}", known));
  }
  return call.page("sign-in", std::move(data), "signin_title", status);
}

PortalReply show_sign_in(PortalCall& call) {
  const std::string suite = local_path(query(call, "suite"));
  if (call.user) return PortalReply::see_other(suite);
  return sign_in_page(call, {{"email", ""}, {"suite", suite}}, {}, 200);
}

bool device_known(const PortalCall& call, const PortalUser& user) {
  const auto it = call.request.cookies.find(std::string(kDeviceCookie));
  return it != call.request.cookies.end() &&
         call.mock.portal_store().device_known(sha256_hex(it->second), user.id);
}

PortalReply ask_code(PortalCall& call, const PortalUser& user, const std::string& suite) {
  const std::string code = fmt::format("{:06}", randombytes_uniform(1'000'000));
  keep_draft(call, kCodeDraft,
             {{"user", user.id},
              {"digest", sha256_hex(code)},
              {"expires", call.mock.now() + kCodeLifetime},
              {"essais", 0},
              {"suite", suite}});
  send_mail(call.mock, user.email, call.text("mail_code_subject"),
            mail_text(call, "mail_code_body", {{"code", code}}));
  return PortalReply::see_other("/portail/connexion/code");
}

PortalReply submit_sign_in(PortalCall& call) {
  const std::string email = typed(call, "email");
  const std::string suite = local_path(call.request.field("suite"));
  PortalStore& store = call.mock.portal_store();
  const auto user = store.user_by_email(email);
  const bool can_try = user && !user->password_hash.empty() && !user->verrouille;
  const bool right = verify_secret(call.request.field("mot_de_passe"),
                                   can_try ? user->password_hash : no_account_hash());
  if (!can_try || !right) {
    if (can_try && store.count_wrong_password(user->id, kMaxWrongPasswords)) {
      mail_reset_link(call, *user, "mail_locked_subject", "mail_locked_body");
    }
    return sign_in_page(call, {{"email", email}, {"suite", suite}},
                        {{"mot_de_passe", call.text("signin_refused"), ""}}, 422);
  }
  store.unlock_user(user->id);  // a right password ends a series of wrong ones
  if (call.mock.options().second_factor && !device_known(call, *user)) {
    return ask_code(call, *user, suite);
  }
  call.sign_in(user->id);
  return PortalReply::see_other(suite);
}

// ---- The second factor -----------------------------------------------------------

PortalReply code_page(PortalCall& call, const FieldErrors& errors, int status) {
  Data data = form_data({{"code", ""}}, errors);
  data["fields"] = Data::array(
      {field(call, data,
             Input("code", "signin_code").autocomplete("one-time-code").hint("signin_code_hint"))});
  return call.page("sign-in-code", std::move(data), "signin_code_title", status);
}

PortalReply show_code(PortalCall& call) {
  if (form_draft(call, kCodeDraft).empty()) return PortalReply::see_other("/portail/connexion");
  return code_page(call, {}, 200);
}

PortalReply submit_code(PortalCall& call) {
  Data pending = form_draft(call, kCodeDraft);
  if (pending.empty()) return PortalReply::see_other("/portail/connexion");
  if (call.mock.now() >= pending["expires"].get<Millis>()) {
    keep_draft(call, kCodeDraft, nullptr);
    return PortalReply::see_other("/portail/connexion?avis=code_expire");
  }
  if (sha256_hex(typed(call, "code")) != pending["digest"]) {
    const std::int64_t tries = pending["essais"].get<std::int64_t>() + 1;
    if (tries >= kCodeTries) {
      keep_draft(call, kCodeDraft, nullptr);
      return PortalReply::see_other("/portail/connexion?avis=code_epuise");
    }
    pending["essais"] = tries;
    keep_draft(call, kCodeDraft, pending);
    return code_page(
        call,
        {{"code",
          mail_text(call, "signin_code_wrong", {{"reste", std::to_string(kCodeTries - tries)}}),
          ""}},
        422);
  }
  const std::int64_t user_id = pending["user"];
  const std::string device = random_hex(32);
  call.mock.portal_store().insert_device(sha256_hex(device), user_id, call.mock.now());
  call.sign_in(user_id);  // a new session: the pending code goes with the old one
  PortalReply reply = PortalReply::see_other(pending["suite"].get<std::string>());
  reply.headers.emplace_back("Set-Cookie",
                             fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict",
                                         kDeviceCookie, device, kDeviceDays * 24 * 60 * 60));
  return reply;
}

// ---- Forgotten password and reset ---------------------------------------------

PortalReply show_forgotten(PortalCall& call) {
  Data data = form_data({{"email", ""}}, {});
  data["fields"] = Data::array(
      {field(call, data, Input("email", "acct_email").type("email").autocomplete("username"))});
  return call.page("forgotten", std::move(data), "forgotten_title");
}

PortalReply submit_forgotten(PortalCall& call) {
  const auto user = call.mock.portal_store().user_by_email(typed(call, "email"));
  if (user && !user->password_hash.empty()) {
    mail_reset_link(call, *user, "mail_reset_subject", "mail_reset_body");
  }
  return PortalReply::see_other("/portail/connexion?avis=oubli");
}

PortalReply link_expired(PortalCall& call) {
  return call.page("error",
                   {{"message", call.text("acct_link_expired")}, {"back", "/portail/compte/oubli"}},
                   "error_title", 410);
}

PortalReply reset_page(PortalCall& call, const std::string& token, const FieldErrors& errors,
                       int status) {
  Data data = form_data(Data::object(), errors);
  data["jeton"] = token;
  data["fields"] = new_password_fields(call, data);
  return call.page("reset", std::move(data), "reset_title", status);
}

PortalReply show_reset(PortalCall& call) {
  const std::string token = query(call, "jeton");
  if (!call.mock.portal_store().link_user(sha256_hex(token), std::string(kReset),
                                          call.mock.now())) {
    return link_expired(call);
  }
  return reset_page(call, token, {}, 200);
}

PortalReply submit_reset(PortalCall& call) {
  const std::string token = call.request.field("jeton");
  PortalStore& store = call.mock.portal_store();
  const std::string digest = sha256_hex(token);
  const auto user_id = store.link_user(digest, std::string(kReset), call.mock.now());
  auto user = user_id ? store.user(*user_id) : std::nullopt;
  if (!user) return link_expired(call);
  const std::string& password = call.request.field("mot_de_passe");
  const FieldErrors errors = check_account_form(
      call.mock, {{"mot_de_passe", password}, {"confirmation", call.request.field("confirmation")}},
      kPasswordRules, call.lang);
  if (!errors.empty()) return reset_page(call, token, errors, 422);
  if (!store.use_link(digest, std::string(kReset), call.mock.now())) return link_expired(call);
  user->password_hash = hash_secret(password);
  store.update_user(*user);
  store.unlock_user(user->id);
  return PortalReply::see_other("/portail/connexion?avis=reinitialise");
}

}  // namespace

std::vector<PortalRoute> sign_in_routes() {
  return {{"GET", "/portail/connexion", show_sign_in},
          {"POST", "/portail/connexion", submit_sign_in},
          {"GET", "/portail/connexion/code", show_code},
          {"POST", "/portail/connexion/code", submit_code},
          {"GET", "/portail/compte/oubli", show_forgotten},
          {"POST", "/portail/compte/oubli", submit_forgotten},
          {"GET", "/portail/compte/reinitialiser", show_reset},
          {"POST", "/portail/compte/reinitialiser", submit_reset}};
}

}  // namespace cprokit::mock::portal
