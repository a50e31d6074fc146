// A Reply (wire/reply.hpp) written into cpp-httplib's response: status,
// headers, the JSON body.
#pragma once

#include "mock-chorus/wire/reply.hpp"

namespace httplib {
struct Response;
}

namespace cprokit::mock {

void send(httplib::Response& res, const Reply& reply);

}  // namespace cprokit::mock
