#include "mock-chorus/listen.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <system_error>

#include <fmt/core.h>

namespace cprokit::mock {
namespace {

// errno of socket + bind + listen on the first address `host` names, 0 when
// it works now; -1 when `host` names no address.
int listen_errno(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 ||
      found == nullptr) {
    return -1;
  }
  const std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> owned(found, freeaddrinfo);
  const int fd = ::socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  if (fd < 0) return errno;
  set_listen_options(fd);
  int error = 0;
  if (::bind(fd, found->ai_addr, found->ai_addrlen) != 0 || ::listen(fd, 1) != 0) error = errno;
  ::close(fd);
  return error;
}

}  // namespace

void set_listen_options(int socket) {
  int yes = 1;
  setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

ListenError listen_error(const std::string& host, int port) {
  const int error = listen_errno(host, port);
  switch (error) {
    case -1:
      return {fmt::format("l'adresse d'écoute « {} » est inconnue (ni une adresse IP ni un nom "
                          "de cette machine)",
                          host),
              fmt::format("unknown listening address \"{}\" (neither an IP address nor a known "
                          "host name)",
                          host)};
    case EADDRINUSE:
      return {fmt::format("le port {} est déjà utilisé (un autre cprokit mock ?) : arrêtez-le "
                          "ou choisissez un autre port",
                          port),
              fmt::format("port {} is in use (another cprokit mock?): stop it or choose another "
                          "port",
                          port)};
    case EADDRNOTAVAIL:
      return {fmt::format("l'adresse {} n'est pas une adresse de cette machine : écoutez sur "
                          "l'une des siennes (127.0.0.1, ou 0.0.0.0 pour toutes)",
                          host),
              fmt::format("address {} is not an address of this machine: listen on one of its "
                          "own (127.0.0.1, or 0.0.0.0 for all)",
                          host)};
    case EACCES:
      return {fmt::format("le port {} est réservé à l'administrateur : choisissez un port à "
                          "partir de 1024",
                          port),
              fmt::format("port {} is reserved to the administrator: choose a port from 1024 up",
                          port)};
    default:
      return {fmt::format("impossible d'écouter sur {}:{} ({})", host, port,
                          error == 0 ? "réessayez" : std::system_category().message(error)),
              fmt::format("cannot listen on {}:{} ({})", host, port,
                          error == 0 ? "try again" : std::system_category().message(error))};
  }
}

void widen_backlog(int port) {
  for (int fd = 3; fd < 1024; ++fd) {
    int listening = 0;
    socklen_t size = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || listening == 0) {
      continue;
    }
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) continue;
    const auto* in = reinterpret_cast<const sockaddr_in*>(&address);  // port: same place in v6
    if (ntohs(in->sin_port) == port) ::listen(fd, SOMAXCONN);
  }
}

}  // namespace cprokit::mock
