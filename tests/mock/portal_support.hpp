// What the portal's page tests share: a signed-in user of a structure, and a
// visitor that calls the pages in-process (portal::serve) with its session
// cookie, as a browser would, keeping the mock running beside it.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "mock-chorus/portal/portal.hpp"
#include "tests/mock/harness.hpp"

namespace cprokit::testing {

// The directory's structures the tests act for (fixtures/directory/matheysine.json).
inline constexpr std::int64_t kAlpineStructure = 25000103;  // supplier of the fixture invoices
inline constexpr std::int64_t kSenepiStructure = 25000101;

class Visitor {
 public:
  // A user of `structure` (active, "Factures émises" on), signed in on a
  // session of their own. `role` as PortalUser::role.
  Visitor(MockHarness& h, std::int64_t structure, const std::string& email,
          const std::string& role = "GESTIONNAIRE_PRINCIPAL");
  // A visitor without a session yet (not signed in).
  explicit Visitor(MockHarness& h);

  mock::portal::PortalReply get(const std::string& path,
                                const std::map<std::string, std::string>& query = {});
  // A form sent with the session's CSRF token (unless `form` sets one).
  mock::portal::PortalReply post(const std::string& path, std::map<std::string, std::string> form,
                                 std::map<std::string, mock::portal::UploadedFile> files = {},
                                 const std::map<std::string, std::string>& query = {});

  const mock::PortalUser& user() const { return user_; }
  const std::string& csrf() const { return csrf_; }

 private:
  mock::portal::PortalReply send(mock::portal::PortalRequest request);

  MockHarness& h_;
  mock::portal::View view_;
  mock::PortalUser user_;
  std::string cookie_;  // the session token, once there is one
  std::string csrf_;
};

// Deposits a plain PDF invoice `numero` for the water budget (20004065700021)
// through the portal's pages, as `v`; its identifiantFactureCPP.
std::int64_t deposit_pdf(MockHarness& h, Visitor& v, const std::string& numero);

// The Location of a 303, or "".
std::string location_of(const mock::portal::PortalReply& reply);
// The inner text of the element with id `id` (up to its closing tag `tag`).
std::string element(const std::string& html, const std::string& id, const std::string& tag);
// The value of the input named `name`, or of the selected option of the select `name`,
// with the HTML escapes of the templates undone.
std::string field_value(const std::string& html, const std::string& name);

}  // namespace cprokit::testing
