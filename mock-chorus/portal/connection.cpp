// Raccordement EDI et API: the structure's gestionnaire principal creates a
// technical account, so that a client (an invoicing tool, a platform) calls
// the API for the structure. Its password is shown once, on the page that
// follows its creation; the accounts table keeps only its Argon2id hash,
// as for the directory's accounts.
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/auth/secret_hash.hpp"
#include "mock-chorus/portal/draft.hpp"
#include "mock-chorus/portal/portal.hpp"
#include "validators/base64.hpp"

namespace cprokit::mock::portal {
namespace {

constexpr std::string_view kCreated = "raccordement";
constexpr const char* kPath = "/portail/compte/raccordement";
constexpr std::size_t kPasswordBytes = 16;  // 32 hexadecimal characters
constexpr int kLoginAttempts = 100;

bool is_manager(const PortalUser& user) {
  return user.statut == "ACTIF" && user.role == "GESTIONNAIRE_PRINCIPAL";
}

std::optional<PortalReply> refuse_unless_manager(const PortalCall& call) {
  if (!call.user) return call.sign_in_first();
  if (!is_manager(*call.user)) {
    return call.page("error", {{"message", call.text("connection_managers_only")}, {"back", "/"}},
                     "error_title", 403);
  }
  return std::nullopt;
}

PortalReply show(PortalCall& call) {
  if (auto refusal = refuse_unless_manager(call)) return *refusal;
  Data accounts = Data::array();
  for (const auto& a : call.mock.store().accounts_of(call.user->id_structure))
    accounts.push_back(a.login);
  Data data = {{"accounts", accounts}, {"has_accounts", !accounts.empty()}};
  // The password of the account just created: shown this once, then forgotten.
  if (Data created = draft_of(call, kCreated); created.is_object()) {
    data["created"] = std::move(created);
    keep_draft(call, kCreated, nullptr);
  }
  return call.page("connection", std::move(data), "connection_title");
}

PortalReply create(PortalCall& call) {
  if (auto refusal = refuse_unless_manager(call)) return *refusal;
  const std::int64_t structure = call.user->id_structure;
  const std::string password = random_hex(kPasswordBytes);
  AccountRecord account{{}, hash_secret(password), structure, 0};
  auto number = call.mock.store().accounts_of(structure).size();
  for (int attempt = 0; attempt < kLoginAttempts; ++attempt) {
    account.login = fmt::format("TECH_{}_{}@cprokit.invalid", structure, ++number);
    if (call.mock.store().insert_account(account)) {
      // Kept in the session until the next page shows it (Post/Redirect/Get).
      keep_draft(call, kCreated,
                 {{"login", account.login},
                  {"password", password},
                  {"header", encode_base64(account.login + ":" + password)}});
      return PortalReply::see_other(kPath);
    }
  }
  return call.page("error", {{"message", call.text("error_internal")}, {"back", kPath}},
                   "error_title", 500);
}

}  // namespace

std::vector<PortalRoute> connection_routes() {
  return {{"GET", "/portail/compte/raccordement", show},
          {"POST", "/portail/compte/raccordement", create}};
}

}  // namespace cprokit::mock::portal
