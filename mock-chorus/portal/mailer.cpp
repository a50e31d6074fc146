#include "mock-chorus/portal/mailer.hpp"

#include <fmt/args.h>
#include <fmt/core.h>

#include "mock-chorus/auth/secret_hash.hpp"
#include "mock-chorus/store/mail_file.hpp"
#include "validators/sha256.hpp"

namespace cprokit::mock::portal {

void send_mail(Mock& mock, const std::string& to, const std::string& subject,
               const std::string& body) {
  const MailRecord mail = mock.portal_store().insert_mail({0, to, subject, body, mock.now()});
  write_eml(mock.options().data_dir, mail);
}

std::string mail_text(const PortalCall& call, std::string_view key,
                      std::initializer_list<std::pair<const char*, std::string>> values) {
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (const auto& [name, value] : values)
    args.push_back(fmt::arg(name, value));
  return fmt::vformat(call.text(key), args);
}

std::string issue_link(Mock& mock, std::int64_t user_id, std::string_view purpose,
                       std::string_view path) {
  const std::string token = random_hex(32);
  mock.portal_store().insert_link(
      {sha256_hex(token), user_id, std::string(purpose), mock.now() + kLinkLifetime});
  return fmt::format("{}{}?jeton={}", mock.base_url(), path, token);
}

}  // namespace cprokit::mock::portal
