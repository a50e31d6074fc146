// The scenarios' faults on the wire (scenario/scenarios.hpp decides which
// call gets which). Before routing: the latency, then a status fault answers
// at once (nothing is handled, the client may safely retry). After the
// handler: drop closes the connection without an answer (the deposit is
// stored: the "lost answer"), truncate sends half the body and closes. A
// tokenExpiry fault is left for the token route to read (token_lifetime_cut),
// and the routes leave a call a status fault answered alone (answered_by_fault).
// Only the API and token paths get faults, never /_mock/… nor the portal.
#pragma once

#include <httplib.h>

#include <optional>

#include "mock-chorus/mock.hpp"

namespace cprokit::mock {

// The server's pre-routing step for faults (latency, status, and the marks
// the steps after it read).
httplib::Server::HandlerResponse faults_before_routing(const httplib::Request& req,
                                                       httplib::Response& res, Mock& mock);
// The server's post-routing step for faults (drop, truncate).
void faults_after_routing(const httplib::Request& req, httplib::Response& res);

// Whether a status fault already answered this call: its route's handler
// must then do nothing.
bool answered_by_fault(const httplib::Response& res);

// The lifetime a tokenExpiry fault gave the token this call issues, if one fired.
std::optional<Millis> token_lifetime_cut(const httplib::Response& res);

}  // namespace cprokit::mock
