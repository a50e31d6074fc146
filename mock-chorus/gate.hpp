// Who may send a body, decided from the headers before it is read (the
// routes still admit every call, with a body or without one): a
// /cpro/… call needs its bearer token and cpro-account (the gatekeeper), a
// /_mock/… call its X-Mock-Admin header, a portal POST larger than a form
// of fields a signed-in session, and any other path takes no more than a
// small form; no body is larger than the mock's limit. A refused request
// is answered at once with "Connection: close": its body is never read,
// neither into memory nor as the next request of the connection.
#pragma once

#include "mock-chorus/mock.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace cprokit::mock {

namespace portal {
class View;
}

// Whether the request was refused (and `res` holds the answer).
bool refused_before_body(const httplib::Request& req, httplib::Response& res, Mock& mock,
                         const portal::View& view);

}  // namespace cprokit::mock
