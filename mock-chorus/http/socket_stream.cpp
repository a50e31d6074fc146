#include "mock-chorus/http/socket_stream.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cerrno>

namespace cprokit::mock::http {
namespace {

void endpoint(int socket, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  auto* a = reinterpret_cast<sockaddr*>(&address);
  if ((peer ? getpeername(socket, a, &length) : getsockname(socket, a, &length)) != 0) return;
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (address.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&address);
    inet_ntop(AF_INET, &in->sin_addr, text.data(), text.size());
    port = ntohs(in->sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&address);
    inet_ntop(AF_INET6, &in6->sin6_addr, text.data(), text.size());
    port = ntohs(in6->sin6_port);
  }
  ip = text.data();
}

}  // namespace

SocketStream::SocketStream(int socket, int stop_fd, HeadLimits limits,
                           std::chrono::milliseconds write_timeout)
    : RequestStream(limits), socket_(socket), stop_fd_(stop_fd), write_timeout_(write_timeout) {}

bool SocketStream::wait_for_request(std::chrono::milliseconds idle) {
  if (has_buffered()) return true;
  return wait(POLLIN, Clock::now() + idle, Failure::timeout);
}

void SocketStream::begin_request(Clock::time_point deadline) {
  RequestStream::begin_request();
  deadline_ = deadline;
}

void SocketStream::linger(std::chrono::milliseconds time) {
  ::shutdown(socket_, SHUT_WR);
  const auto until = Clock::now() + time;
  std::array<char, std::size_t{16} * 1024> dropped{};
  while (wait(POLLIN, until, Failure::timeout)) {
    const ssize_t got = ::recv(socket_, dropped.data(), dropped.size(), MSG_DONTWAIT);
    if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)) return;
  }
}

bool SocketStream::wait(short events, Clock::time_point until, Failure on_timeout) {
  for (;;) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - Clock::now());
    if (left.count() <= 0) {
      fail(on_timeout);
      return false;
    }
    std::array<pollfd, 2> fds{{{socket_, events, 0}, {stop_fd_, POLLIN, 0}}};
    const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) {
      fail(Failure::broken);
      return false;
    }
    if (ready <= 0) continue;
    if (fds[1].revents != 0) {
      fail(Failure::stopped);
      return false;
    }
    if (fds[0].revents != 0) return true;  // ready, or an error the next call reports
  }
}

ssize_t SocketStream::receive(char* buffer, std::size_t size) {
  for (;;) {
    if (!wait(POLLIN, deadline_, Failure::timeout)) return -1;
    const ssize_t got = ::recv(socket_, buffer, size, MSG_DONTWAIT);
    if (got >= 0) return got;
    if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
    fail(Failure::broken);
    return -1;
  }
}

// An answer is written even when the server stops meanwhile (a handler that
// ran finishes, its client hears of it), but a client that does not read
// then gets a short grace, not the whole write timeout.
bool SocketStream::transmit(const char* data, std::size_t size) {
  constexpr auto kStopGrace = std::chrono::milliseconds(500);
  auto until = Clock::now() + write_timeout_;
  bool stopping = false;
  while (size > 0) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - Clock::now());
    if (left.count() <= 0) {
      fail(Failure::broken);
      return false;
    }
    std::array<pollfd, 2> fds{{{socket_, POLLOUT, 0}, {stop_fd_, POLLIN, 0}}};
    const int ready = ::poll(fds.data(), stopping ? 1 : 2, static_cast<int>(left.count()));
    if (ready <= 0) continue;
    if (!stopping && fds[1].revents != 0) {
      stopping = true;
      until = std::min(until, Clock::now() + kStopGrace);
    }
    if (fds[0].revents == 0) continue;
    const ssize_t sent = ::send(socket_, data, size, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
      fail(Failure::broken);
      return false;
    }
    data += sent;
    size -= static_cast<std::size_t>(sent);
    if (!stopping) until = Clock::now() + write_timeout_;  // the timeout is for no progress
  }
  return true;
}

void SocketStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  endpoint(socket_, true, ip, port);
}

void SocketStream::get_local_ip_and_port(std::string& ip, int& port) const {
  endpoint(socket_, false, ip, port);
}

}  // namespace cprokit::mock::http
