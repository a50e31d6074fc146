// A browser for the portal tests: speaks to the mock over real HTTP, keeps
// its cookies as a browser would, never follows a redirection by itself,
// and reads back what a person reads on a page (the CSRF token, the
// captcha, the mails of the outbox).
#pragma once

#include <map>
#include <string>

#include "cli/rehearse/portal_visitor.hpp"
#include "tests/mock/harness.hpp"

// Declared only (<httplib.h> is heavy): the tests that read a Result include
// it themselves.
namespace httplib {
class Result;
}  // namespace httplib

namespace cprokit::testing {

// A form's fields, as httplib::Params (an alias, which cannot be declared
// without its header).
using FormFields = std::multimap<std::string, std::string>;

class Browser {
 public:
  explicit Browser(MockHarness& harness) : harness_(harness) {}

  httplib::Result get(const std::string& path);
  // Posts `form` (urlencoded) with the CSRF token of the last page shown,
  // unless `form` gives one.
  httplib::Result post(const std::string& path, FormFields form);

  std::string cookie(const std::string& name) const;
  void forget_cookie(const std::string& name) { cookies_.erase(name); }
  const std::string& last_csrf() const { return csrf_; }

 private:
  void keep(const httplib::Result& r);

  MockHarness& harness_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

// The text between <main and </main> (the page without its layout).
std::string main_of(const std::string& html);
// What a person reads on a page or in a mail (the captcha, a link, the
// second factor's code): read as the rehearsal reads them.
using cli::rehearse::captcha_of;
using cli::rehearse::code_in;
using cli::rehearse::link_in;

// The portal's mails (GET /_mock/mails) sent to `to`, oldest first.
json mails_to(MockHarness& h, const std::string& to);

// A password the account rules accept, and the one every helper below uses.
inline constexpr const char* kGoodPassword = "Chêne-EI30-portes";

// Creates an account through the three steps with valid values, the
// workspaces left to their defaults; returns the activation link's path.
std::string create_account(MockHarness& h, Browser& b, const std::string& email,
                           const std::string& siret, const std::string& nom = "Ferrand");
// Activates with kGoodPassword.
void activate(Browser& b, const std::string& activation_path);
// Signs in with `password`, typing the mailed code when the mock asks one;
// returns the last answer (303 to the page after sign-in when it worked).
httplib::Result sign_in(MockHarness& h, Browser& b, const std::string& email,
                        const std::string& password = kGoodPassword);

// Signs out with the sign-out form of a page of the current session.
void sign_out(Browser& b);

}  // namespace cprokit::testing
