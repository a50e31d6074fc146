// The portal's requests and pages on cpp-httplib: a request as the portal
// reads it (query, form, files, cookies, language), a page written back.
#pragma once

#include <string>

#include "mock-chorus/portal/request.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace cprokit::mock {

// "/", "/portail" and below: the portal's; the rest is the API's.
bool is_portal_path(const std::string& path);
portal::PortalRequest portal_request(const httplib::Request& req);
void send_page(httplib::Response& res, const portal::PortalReply& reply);

}  // namespace cprokit::mock
