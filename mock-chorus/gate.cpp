#include "mock-chorus/gate.hpp"

#include <httplib.h>

#include <cstdint>
#include <limits>
#include <optional>

#include <fmt/core.h>

#include "mock-chorus/api/admin.hpp"
#include "mock-chorus/http_reply.hpp"
#include "mock-chorus/portal/portal.hpp"
#include "mock-chorus/portal_wire.hpp"

namespace cprokit::mock {
namespace {

// The size the headers announce; a chunked body announces none and may be
// of any size.
std::uint64_t announced_size(const httplib::Request& req) {
  if (req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos) {
    return std::numeric_limits<std::uint64_t>::max();
  }
  return req.get_header_value<std::uint64_t>("Content-Length");
}

Reply too_large(std::uint64_t limit) {
  return functional_error(
      fmt::format("Corps de requête trop volumineux : {} octets au plus.", limit),
      fmt::format("Request body too large: {} bytes at most.", limit), 413);
}

// The answer to a refused request, if it is refused.
std::optional<Reply> api_refusal(const httplib::Request& req, Mock& mock, std::uint64_t size) {
  if (req.path.starts_with("/cpro/")) {
    auto admission = mock.gatekeeper().admit(req.get_header_value("Authorization"),
                                             req.get_header_value("cpro-account"));
    if (auto* refusal = std::get_if<Reply>(&admission)) return std::move(*refusal);
    return std::nullopt;
  }
  if (req.path.starts_with("/_mock/")) {
    return admin_refusal(mock, req.get_header_value("X-Mock-Admin"));
  }
  // The token's form, an unknown path: no more than a form of fields.
  if (size > portal::kSmallFormBytes) return too_large(portal::kSmallFormBytes);
  return std::nullopt;
}

}  // namespace

bool refused_before_body(const httplib::Request& req, httplib::Response& res, Mock& mock,
                         const portal::View& view) {
  const std::uint64_t size = announced_size(req);
  // Without a body, there is nothing to protect: the routes answer as
  // they always do (an unknown path 404, the route's own admission).
  if (size == 0) return false;
  const std::uint64_t limit = mock.options().max_body;
  if (req.has_header("Content-Length") && size > limit) {
    send(res, too_large(limit));
  } else if (is_portal_path(req.path)) {
    if (req.method != "POST" || size <= portal::kSmallFormBytes) return false;
    const portal::PortalRequest request = portal_request(req);
    if (portal::large_post_allowed(request, mock)) return false;
    send_page(res, portal::large_post_refused(request, mock, view));
  } else if (auto refusal = api_refusal(req, mock, size)) {
    send(res, *refusal);
  } else {
    return false;
  }
  res.set_header("Connection", "close");
  return true;
}

}  // namespace cprokit::mock
