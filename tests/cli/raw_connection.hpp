// A TCP connection to a local server, written and read byte for byte: for
// clients no HTTP library would be (one that sends a request in pieces, or
// never finishes it).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace cprokit::test {

class RawConnection {
 public:
  // Connects to 127.0.0.1:`port`; throws std::runtime_error when it cannot.
  explicit RawConnection(int port);
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  ~RawConnection();

  // Sends `bytes`; false when the server closed or reset the connection.
  bool send(std::string_view bytes) const;
  // What the server sends until it closes the connection, or until
  // `timeout` passes (then whatever came).
  std::string receive_all(std::chrono::milliseconds timeout);
  // What the server sends until `marker` is among it, or `timeout` passes.
  std::string receive_until(std::string_view marker, std::chrono::milliseconds timeout);

 private:
  int fd_ = -1;
};

}  // namespace cprokit::test
