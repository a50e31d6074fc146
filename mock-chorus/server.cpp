#include "mock-chorus/server.hpp"

#include <httplib.h>

#include <iostream>

#include <fmt/core.h>

#include "mock-chorus/api/admin.hpp"
#include "mock-chorus/api/routes.hpp"
#include "mock-chorus/faults.hpp"
#include "mock-chorus/flux/worker.hpp"
#include "mock-chorus/gate.hpp"
#include "mock-chorus/http/guarded_server.hpp"
#include "mock-chorus/http_reply.hpp"
#include "mock-chorus/listen.hpp"
#include "mock-chorus/portal/portal.hpp"
#include "mock-chorus/portal_wire.hpp"

namespace cprokit::mock {
namespace {

http::ServerLimits server_limits(const MockOptions& options) {
  http::ServerLimits limits;
  limits.request_timeout = std::chrono::milliseconds(options.request_timeout);
  return limits;
}

// The body for an error httplib raised itself (unknown path, body too large).
Reply http_error(int status, const std::string& path) {
  switch (status) {
    case 404:
      return functional_error(
          fmt::format("Chemin inconnu du mock Chorus Pro : {} (les opérations sont sous "
                      "/cpro/<domaine>/v1/…, le jeton sous /api/oauth/token ; voir README).",
                      path),
          fmt::format("Unknown path {} (operations are under /cpro/<domain>/v1/…, the token "
                      "under /api/oauth/token; see README).",
                      path),
          404);
    case 405:
      return functional_error("Méthode refusée : les opérations sont des POST.",
                              "Method not allowed: operations are POST.", 405);
    case 413:
      return functional_error("Corps de requête trop volumineux.", "Request body too large.", 413);
    default:
      return functional_error("Requête HTTP invalide.", "Invalid HTTP request.", status);
  }
}

}  // namespace

MockServer::MockServer(Mock& mock)
    : mock_(mock),
      worker_(std::make_unique<Worker>(mock)),
      http_(std::make_unique<http::GuardedServer>(server_limits(mock.options()))),
      view_(std::make_unique<portal::View>()) {
  http_->set_keep_alive_max_count(1000);
  // httplib writes headers and body in two sends: without this, each answer
  // waits for the client's delayed ACK (about 40 ms).
  http_->set_tcp_nodelay(true);
  http_->set_socket_options(set_listen_options);  // not httplib's: no SO_REUSEPORT
  http_->set_payload_max_length(mock.options().max_body);
  http_->set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404 && is_portal_path(req.path)) {
      send_page(res, portal::not_found(portal_request(req), mock_, *view_));
    } else {
      send(res, http_error(res.status, req.path));
    }
  });
  http_->set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                  const std::exception_ptr& e) {
    std::cerr << "cprokit mock: " << req.path << ": " << http::GuardedServer::describe(e) << '\n';
    send(res, functional_error("Erreur interne du mock.", "Internal mock error.", 500));
  });
  http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (refused_before_body(req, res, mock_, *view_))
      return httplib::Server::HandlerResponse::Handled;
    return faults_before_routing(req, res, mock_);
  });
  // A client that asks before sending its body (curl does above 1 MB) gets
  // the refusal instead of "100 Continue".
  http_->set_expect_100_continue_handler(
      [this](const httplib::Request& req, httplib::Response& res) {
        return refused_before_body(req, res, mock_, *view_) ? res.status : 100;
      });
  http_->set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    faults_after_routing(req, res);
    http::GuardedServer::honour_connection_close(res);
  });
  add_routes();
}

MockServer::~MockServer() {
  stop();
}

void MockServer::add_routes() {
  http_->Post("/api/oauth/token", [this](const httplib::Request& req, httplib::Response& res) {
    if (answered_by_fault(res)) return;
    TokenRequest t{req.get_param_value("grant_type"), req.get_param_value("client_id"),
                   req.get_param_value("client_secret"), req.get_header_value("Authorization")};
    send(res, mock_.gatekeeper().issue_token(t, token_lifetime_cut(res)));
  });

  auto admitted = [this](const std::function<Reply(const Call&)>& handler) {
    return [this, handler](const httplib::Request& req, httplib::Response& res) {
      if (answered_by_fault(res)) return;
      auto admission = mock_.gatekeeper().admit(req.get_header_value("Authorization"),
                                                req.get_header_value("cpro-account"));
      if (const auto* refusal = std::get_if<Reply>(&admission)) {
        send(res, *refusal);
        return;
      }
      const auto& account = std::get<AccountRecord>(admission);
      try {
        const Body body(req.method == "GET" ? std::string_view("{}") : req.body);
        send(res, handler(Call{body.fields(), account, mock_, *worker_, req.body}));
      } catch (const Refused& r) {
        send(res, r.reply());
      }
    };
  };
  std::vector<Route> routes;
  for (auto group : {structures_routes, utilisateurs_routes, transverses_routes, factures_routes}) {
    for (auto& r : group())
      routes.push_back(std::move(r));
  }
  for (const auto& route : routes)
    http_->Post(route.path, admitted(route.handler));
  http_->Get(
      "/cpro/transverses/v1/health-check", admitted([](const Call&) {
        return Reply{200, {{"body", "OK"}, {"statusCode", "OK"}, {"statusCodeValue", 200}}, {}};
      }));

  for (const auto& route : admin_routes()) {
    auto handler = [this, route](const httplib::Request& req, httplib::Response& res) {
      if (auto refusal = admin_refusal(mock_, req.get_header_value("X-Mock-Admin"))) {
        send(res, *refusal);
        return;
      }
      try {
        send(res, route.handler(mock_, AdminCall{req.body, req.matches.size() > 1
                                                               ? std::string(req.matches[1])
                                                               : std::string()}));
      } catch (const Refused& r) {
        send(res, r.reply());
      }
    };
    if (route.method == "GET") {
      http_->Get(route.pattern, handler);
    } else if (route.method == "DELETE") {
      http_->Delete(route.pattern, handler);
    } else {
      http_->Post(route.pattern, handler);
    }
  }

  for (const auto& route : portal::portal_routes()) {
    auto handler = [this, route](const httplib::Request& req, httplib::Response& res) {
      send_page(res, portal::serve(route, portal_request(req), mock_, *view_));
    };
    if (route.method == "GET") {
      http_->Get(route.pattern, handler);
    } else {
      http_->Post(route.pattern, handler);
    }
  }
}

int MockServer::bind(const std::string& host, int port) {
  const int bound =
      port == 0 ? http_->bind_to_any_port(host) : (http_->bind_to_port(host, port) ? port : -1);
  if (bound < 0) throw listen_error(host, port);
  widen_backlog(bound);
  // The portal's mails link here; an address of every interface is no
  // address to browse to: this machine's loopback is.
  const std::string shown = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host;
  const std::string address = shown.find(':') == std::string::npos ? shown : "[" + shown + "]";
  mock_.set_base_url(fmt::format("http://{}:{}", address, bound));
  return bound;
}

void MockServer::run() {
  worker_->start();
  http_->listen_after_bind();
  worker_->stop();
}

std::string MockServer::answer_raw(std::string_view request_bytes) {
  return http_->answer_raw(request_bytes);
}

void MockServer::stop() {
  if (http_) http_->stop();
  if (worker_) worker_->stop();
}

}  // namespace cprokit::mock
