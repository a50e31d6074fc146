#include "mock-chorus/http_reply.hpp"

#include <httplib.h>

namespace cprokit::mock {

void send(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers)
    res.set_header(name, value);
  res.set_content(reply.body.dump(), "application/json;charset=utf-8");
}

}  // namespace cprokit::mock
