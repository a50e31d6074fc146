#include "mock-chorus/http/guarded_server.hpp"

#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/http/elastic_pool.hpp"
#include "mock-chorus/http/memory_release.hpp"
#include "mock-chorus/http/memory_stream.hpp"
#include "mock-chorus/http/socket_stream.hpp"
#include "mock-chorus/wire/reply.hpp"

namespace cprokit::mock::http {
namespace {

using Clock = std::chrono::steady_clock;

// A thread that ends its idle life: started again when connections come.
constexpr auto kThreadIdleLife = std::chrono::seconds(10);
// After the last answer, what the client still sends is read and dropped
// this long, so that closing with unread bytes does not reset the
// connection before the client has read the answer.
constexpr auto kLingerTime = std::chrono::seconds(1);

// The request being exchanged on this thread asked for its connection to
// be closed (set by honour_connection_close from within process_request).
thread_local bool* close_asked = nullptr;

std::string http_answer(const Reply& reply, std::string_view reason) {
  const std::string body = reply.body.dump();
  return fmt::format(
      "HTTP/1.1 {} {}\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: "
      "{}\r\nConnection: close\r\n\r\n{}",
      reply.status, reason, body.size(), body);
}

}  // namespace

GuardedServer::GuardedServer(ServerLimits limits)
    : limits_(limits), stop_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  const std::size_t max_threads = limits_.max_threads;
  new_task_queue = [max_threads] { return new ElasticPool(max_threads, kThreadIdleLife); };
  release_large_blocks();
}

GuardedServer::~GuardedServer() {
  stop();
  ::close(stop_fd_);
}

void GuardedServer::stop() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t written = ::write(stop_fd_, &one, sizeof one);
  httplib::Server::stop();
}

std::string GuardedServer::describe(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "?";
  }
}

void GuardedServer::honour_connection_close(httplib::Response& res) {
  if (res.get_header_value("Connection") != "close") return;
  if (close_asked != nullptr) *close_asked = true;
  res.headers.erase("Keep-Alive");
}

std::string GuardedServer::failure_answer(Failure failure) const {
  if (failure == Failure::timeout) {
    const auto seconds = std::chrono::duration<double>(limits_.request_timeout).count();
    return http_answer(
        functional_error(
            fmt::format("Requête incomplète après {} s : la ligne de requête, les en-têtes et "
                        "le corps doivent arriver en entier dans ce délai (--request-timeout "
                        "du mock) ; la connexion est fermée, renvoyez la requête.",
                        seconds),
            fmt::format("Request incomplete after {} s: the request line, headers and body must "
                        "arrive whole within this time (the mock's --request-timeout); the "
                        "connection is closed, send the request again.",
                        seconds),
            408),
        "Request Timeout");
  }
  if (failure == Failure::head_too_large) {
    return http_answer(
        functional_error(
            fmt::format("En-têtes de requête trop nombreux ou trop longs : {} en-têtes au plus, "
                        "et {} octets au plus pour la ligne de requête et les en-têtes ; la "
                        "connexion est fermée.",
                        limits_.head.max_headers, limits_.head.max_bytes),
            fmt::format("Request header fields too many or too large: at most {} headers, and "
                        "at most {} bytes for the request line and headers; the connection is "
                        "closed.",
                        limits_.head.max_headers, limits_.head.max_bytes),
            431),
        "Request Header Fields Too Large");
  }
  return {};  // stopped, or the client is gone: nobody to answer
}

bool GuardedServer::exchange(RequestStream& stream, bool last) {
  bool closing = false;
  close_asked = &closing;
  bool client_closes = false;
  const bool answered = process_request(stream, last, client_closes, nullptr);
  close_asked = nullptr;
  const Failure failure = stream.failure();
  if (const std::string answer = failure_answer(failure); !answer.empty()) {
    stream.answer_failure(answer);
  }
  release_after_request(stream.request_bytes());
  return answered && failure == Failure::none && !client_closes && !closing;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  const auto write_timeout =
      std::chrono::seconds(write_timeout_sec_) + std::chrono::microseconds(write_timeout_usec_);
  SocketStream stream(sock, stop_fd_, limits_.head,
                      std::chrono::duration_cast<std::chrono::milliseconds>(write_timeout));
  const auto idle = std::chrono::seconds(keep_alive_timeout_sec_);
  for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
    if (svr_sock_ == INVALID_SOCKET || !stream.wait_for_request(idle)) break;
    stream.begin_request(Clock::now() + limits_.request_timeout);
    if (!exchange(stream, left == 1)) break;
  }
  stream.linger(kLingerTime);
  ::close(sock);
  return true;
}

std::string GuardedServer::answer_raw(std::string_view request_bytes) {
  MemoryStream stream(request_bytes, limits_.head);
  for (std::size_t left = keep_alive_max_count_; left > 0 && stream.input_left(); --left) {
    stream.begin_request();
    if (!exchange(stream, left == 1)) break;
  }
  return stream.output();
}

}  // namespace cprokit::mock::http
