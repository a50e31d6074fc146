// A visitor of the mock's portal over HTTP, as a browser is: it keeps the
// cookies it is given, posts forms with the CSRF token of the last page it
// saw, and follows no redirection by itself (each step of the story checks
// where the portal sends it). Also reads the mock's outbox through the admin
// API, where a person would read their mail.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace cprokit::cli::rehearse {

struct Page {
  int status = 0;        // 0: no answer (the error says why)
  std::string location;  // of a redirection
  std::string body;
  std::string error;
};

using Form = std::vector<std::pair<std::string, std::string>>;

class PortalVisitor {
 public:
  // `base_url`: "http://127.0.0.1:8080"; `admin_token`: the mock's
  // X-Mock-Admin (empty: the outbox cannot be read).
  PortalVisitor(std::string base_url, std::string admin_token);

  Page get(const std::string& path);
  Page post(const std::string& path, Form form);

  // The mails of the mock's outbox sent to `to`, oldest first; throws
  // std::runtime_error (saying why, in French and English) when it cannot.
  std::vector<nlohmann::json> mails_to(const std::string& to);
  // POSTs `body` to the admin API's `path`; the answer's JSON, or throws.
  nlohmann::json admin_post(const std::string& path, const nlohmann::json& body);

 private:
  void keep(const Page& page, const std::vector<std::string>& set_cookies);
  std::string cookie_header() const;

  std::string base_url_;
  std::string admin_token_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

// What a person reads on a page: the captcha's code (spaces removed), the
// first link to `path_prefix` in a text, the 6-digit code of a sign-in mail,
// the texts shown as secrets (a technical account's login, password, header).
std::string captcha_of(const std::string& html);
std::string link_in(const std::string& text, const std::string& path_prefix);
std::string code_in(const std::string& mail_body);
std::vector<std::string> secrets_in(const std::string& html);

}  // namespace cprokit::cli::rehearse
