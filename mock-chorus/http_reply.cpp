#include "mock-chorus/http_reply.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace cprokit::mock {

void send(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers)
    res.set_header(name, value);
  // Replaced, not thrown on: an answer quoting bytes that are not UTF-8 is
  // still an answer.
  res.set_content(reply.body.dump(-1, ' ', false, Json::error_handler_t::replace),
                  "application/json;charset=utf-8");
}

}  // namespace cprokit::mock
