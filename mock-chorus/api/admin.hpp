// Routes of the admin API (/_mock/…); see admin.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mock-chorus/api/routes.hpp"

namespace cprokit::mock {

struct AdminCall {
  std::string body;
  std::string id;  // the path's capture, when it has one
};

struct AdminRoute {
  std::string method;
  std::string pattern;  // a regular expression, with at most one capture
  std::string shown;    // the path as help texts write it ("/_mock/flux/NUMERO")
  Reply (*handler)(Mock& mock, const AdminCall& call);
};

std::vector<AdminRoute> admin_routes();

// Why a call to the admin API is refused (401), from its X-Mock-Admin
// header; nothing when the header holds the mock's admin token.
std::optional<Reply> admin_refusal(const Mock& mock, const std::string& x_mock_admin);

}  // namespace cprokit::mock
