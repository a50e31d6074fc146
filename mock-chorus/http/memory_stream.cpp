#include "mock-chorus/http/memory_stream.hpp"

#include <algorithm>

namespace cprokit::mock::http {

void MemoryStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = "127.0.0.1";
  port = 0;
}

void MemoryStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = "127.0.0.1";
  port = 0;
}

ssize_t MemoryStream::receive(char* buffer, std::size_t size) {
  const std::size_t n = std::min(size, input_.size());
  input_.copy(buffer, n);
  input_.remove_prefix(n);
  return static_cast<ssize_t>(n);
}

bool MemoryStream::transmit(const char* data, std::size_t size) {
  output_.append(data, size);
  return true;
}

}  // namespace cprokit::mock::http
