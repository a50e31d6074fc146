#include "mock-chorus/faults.hpp"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <charconv>
#include <filesystem>
#include <thread>

#include <fmt/core.h>

#include "mock-chorus/http_reply.hpp"
#include "mock-chorus/wire/reply.hpp"

namespace cprokit::mock {
namespace {

using scenario::FaultKind;

// What the routing step tells the steps after it about this call's fault,
// on the response itself (httplib gives no other per-call place); removed
// before the answer is written.
constexpr const char* kFaultHeader = "X-Cprokit-Fault";
constexpr std::string_view kAnswered = "answered";
constexpr std::string_view kDrop = "drop";
constexpr std::string_view kTruncate = "truncate";
constexpr std::string_view kTokenLifetime = "token-lifetime=";

bool is_api_path(const std::string& path) {
  return path.starts_with("/cpro/") || path == "/api/oauth/token";
}

Reply status_reply(const scenario::Fault& fault) {
  Reply r = functional_error(
      fmt::format("Panne simulée par un scénario du mock : HTTP {} ; rien n'a été traité, "
                  "l'appel peut être refait.",
                  fault.status),
      fmt::format("Fault simulated by a mock scenario: HTTP {}; nothing was done, the call may "
                  "be retried.",
                  fault.status),
      fault.status);
  if (fault.status == 429 || fault.status == 503) {
    r.headers.emplace_back("Retry-After", std::to_string(fault.retry_after_seconds));
  }
  return r;
}

// "address port" of a socket's end, as httplib writes remote_addr.
std::optional<std::pair<std::string, int>> endpoint_of(int fd, bool peer) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  auto* a = reinterpret_cast<sockaddr*>(&address);
  if ((peer ? getpeername(fd, a, &length) : getsockname(fd, a, &length)) != 0) return std::nullopt;
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (address.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&address);
    inet_ntop(AF_INET, &in->sin_addr, text.data(), text.size());
    return std::pair{std::string(text.data()), ntohs(in->sin_port)};
  }
  if (address.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&address);
    inet_ntop(AF_INET6, &in6->sin6_addr, text.data(), text.size());
    return std::pair{std::string(text.data()), ntohs(in6->sin6_port)};
  }
  return std::nullopt;
}

// httplib shows no call's socket: find it among the process's descriptors
// by its two ends, and shut it down, so that the client reads the end of
// the connection where it waits for the answer. httplib's write then fails
// (SIGPIPE is ignored by httplib's server) and it closes the descriptor.
bool close_connection(const httplib::Request& req) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
    const std::string name = entry.path().filename().string();
    int fd = -1;
    if (std::from_chars(name.data(), name.data() + name.size(), fd).ec != std::errc()) continue;
    const auto local = endpoint_of(fd, false);
    if (!local || local->second != req.local_port) continue;
    const auto peer = endpoint_of(fd, true);
    if (peer && peer->second == req.remote_port && peer->first == req.remote_addr) {
      return ::shutdown(fd, SHUT_RDWR) == 0;
    }
  }
  return false;
}

// The answer's headers (with its full Content-Length) and half its body,
// then a failure, after which httplib closes the connection.
void truncate(httplib::Response& res) {
  auto body = std::make_shared<std::string>(std::move(res.body));
  res.body.clear();
  const std::string type = res.get_header_value("Content-Type");
  res.headers.erase("Content-Type");
  res.set_content_provider(body->size(), type,
                           [body](std::size_t, std::size_t, httplib::DataSink& sink) {
                             sink.write(body->data(), body->size() / 2);
                             return false;
                           });
}

}  // namespace

httplib::Server::HandlerResponse faults_before_routing(const httplib::Request& req,
                                                       httplib::Response& res, Mock& mock) {
  using Handled = httplib::Server::HandlerResponse;
  if (!is_api_path(req.path)) return Handled::Unhandled;
  const scenario::Decision d = mock.scenarios().decide(req.path);
  if (d.latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(d.latency_ms));
  if (!d.fault) return Handled::Unhandled;
  switch (d.fault->kind) {
    case FaultKind::Status:
      // Answered here, but not returned as handled: httplib reads a call's
      // body only after this step, and a body left unread on a kept-alive
      // connection would be parsed as the next request. The route's
      // handler sees the answer and does nothing (answered_by_fault).
      send(res, status_reply(*d.fault));
      res.set_header(kFaultHeader, std::string(kAnswered));
      break;
    case FaultKind::Drop:
      res.set_header(kFaultHeader, std::string(kDrop));
      break;
    case FaultKind::Truncate:
      res.set_header(kFaultHeader, std::string(kTruncate));
      break;
    case FaultKind::TokenExpiry:
      res.set_header(kFaultHeader, fmt::format("{}{}", kTokenLifetime, d.fault->token_lifetime));
      break;
    case FaultKind::Latency:
      break;
  }
  return Handled::Unhandled;
}

void faults_after_routing(const httplib::Request& req, httplib::Response& res) {
  if (!res.has_header(kFaultHeader)) return;
  const std::string fault = res.get_header_value(kFaultHeader);
  res.headers.erase(kFaultHeader);
  if (fault == kDrop) {
    if (!close_connection(req)) truncate(res);  // not found: at least no whole answer
  } else if (fault == kTruncate) {
    truncate(res);
  }
}

bool answered_by_fault(const httplib::Response& res) {
  return res.get_header_value(kFaultHeader) == kAnswered;
}

std::optional<Millis> token_lifetime_cut(const httplib::Response& res) {
  const std::string fault = res.get_header_value(kFaultHeader);
  if (!fault.starts_with(kTokenLifetime)) return std::nullopt;
  Millis lifetime = 0;
  const char* from = fault.data() + kTokenLifetime.size();
  std::from_chars(from, fault.data() + fault.size(), lifetime);
  return lifetime;
}

}  // namespace cprokit::mock
