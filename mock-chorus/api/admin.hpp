// Routes of the admin API (/_mock/…); see admin.cpp.
#pragma once

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

}  // namespace cprokit::mock
