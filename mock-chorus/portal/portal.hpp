// The portal (the real Chorus Pro's web front, for people): its routes, and
// what every page shares: the visitor's language and session, the CSRF check
// of every form, the layout and the security headers. Pages live in files
// of their own (home.cpp, …) and answer a PortalCall; server.cpp only
// carries requests between the wire and serve().
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock-chorus/mock.hpp"
#include "mock-chorus/portal/lang.hpp"
#include "mock-chorus/portal/request.hpp"
#include "mock-chorus/portal/session.hpp"
#include "mock-chorus/portal/view.hpp"

namespace cprokit::mock::portal {

// One request being answered, with what every page needs.
struct PortalCall {
  const PortalRequest& request;
  Mock& mock;
  const View& view;
  Session& session;
  Lang lang;
  std::optional<PortalUser> user;  // the signed-in user, if any

  const std::string& text(std::string_view key) const { return view.text(key, lang); }
  // An invoice status as a supplier reads it ("Mise en paiement"), from
  // texts-status.json; every status of lifecycle::statuses() has one.
  const std::string& status_label(std::string_view statut) const;
  // Starts a new session for `user_id` (sign-in) or for nobody (sign-out):
  // the old session's token and CSRF token are worth nothing after it.
  void sign_in(std::int64_t user_id);
  void sign_out();
  // The sign-in page, for a page that needs a signed-in user; it comes
  // back to the page asked for once signed in.
  PortalReply sign_in_first() const;
  // The page `page` in the layout, titled by the text `title_key`; adds the
  // layout's values (the signed-in user, the CSRF token, the language link).
  PortalReply page(std::string_view page, Data data, std::string_view title_key,
                   int status = 200) const;
};

struct PortalRoute {
  std::string method;   // GET or POST
  std::string pattern;  // a regular expression over the path
  PortalReply (*handler)(PortalCall& call);
};

// Percent-encodes everything but unreserved characters (RFC 3986 §2.3) and
// "/", for a value put in a link's query.
std::string url_encode(std::string_view text);

std::vector<PortalRoute> portal_routes();
std::vector<PortalRoute> home_routes();                // home, stylesheet, sign-out
std::vector<PortalRoute> account_creation_routes();    // /portail/compte/creer…
std::vector<PortalRoute> account_activation_routes();  // /portail/compte/activer
std::vector<PortalRoute> account_page_routes();        // /portail/compte (signed in)
std::vector<PortalRoute> sign_in_routes();     // /portail/connexion…, reset, forgotten password
std::vector<PortalRoute> deposit_routes();     // Factures émises → Déposer une facture
std::vector<PortalRoute> invoices_routes();    // Factures émises: the list, one invoice
std::vector<PortalRoute> buyer_routes();       // the buyer's view, for rehearsals
std::vector<PortalRoute> connection_routes();  // Raccordement EDI et API

// Answers `request` with `route`: opens the session, refuses a POST whose
// CSRF token is not the session's (403), runs the page, adds the cookies and
// the security headers.
PortalReply serve(const PortalRoute& route, const PortalRequest& request, Mock& mock,
                  const View& view);
// The portal's own 404 page, for a path under / that no route takes.
PortalReply not_found(const PortalRequest& request, Mock& mock, const View& view);

// Larger than a form of fields: only a signed-in user sends that much (a
// file to deposit). The server refuses it from the headers, before reading
// the body, when large_post_allowed says no, with large_post_refused.
inline constexpr std::size_t kSmallFormBytes = std::size_t{64} * 1024;
bool large_post_allowed(const PortalRequest& request, Mock& mock);
PortalReply large_post_refused(const PortalRequest& request, Mock& mock, const View& view);

}  // namespace cprokit::mock::portal
