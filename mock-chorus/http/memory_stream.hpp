// A RequestStream over bytes in memory: a request's raw bytes in, the
// answer's bytes out, for calls made in-process (tests, fuzzing).
#pragma once

#include <string>
#include <string_view>

#include "mock-chorus/http/request_stream.hpp"

namespace cprokit::mock::http {

class MemoryStream : public RequestStream {
 public:
  MemoryStream(std::string_view input, HeadLimits limits) : RequestStream(limits), input_(input) {}

  const std::string& output() const { return output_; }
  // Whether bytes are left after what httplib read (a next request).
  bool input_left() const { return !input_.empty() || has_buffered(); }

  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return -1; }  // none: no fault can close it

 protected:
  ssize_t receive(char* buffer, std::size_t size) override;
  bool transmit(const char* data, std::size_t size) override;

 private:
  std::string_view input_;
  std::string output_;
};

}  // namespace cprokit::mock::http
