// The stream httplib reads one request from and writes its answer to,
// whatever carries the bytes (a socket, or memory for in-process calls):
// reads are buffered (httplib reads the head a byte at a time), the head is
// metered as it arrives (HeadMeter), and the first failure is remembered,
// after which nothing more is read or written, so that the server answers
// it (408, 431) instead of httplib's generic 400.
#pragma once

#include <httplib.h>

#include <array>
#include <cstddef>
#include <string_view>

#include "mock-chorus/http/head_meter.hpp"

namespace cprokit::mock::http {

enum class Failure {
  none,
  timeout,         // the request did not arrive whole before its deadline
  head_too_large,  // too many headers, or too many bytes before the body
  stopped,         // the server is stopping
  broken,          // the connection failed
};

class RequestStream : public httplib::Stream {
 public:
  explicit RequestStream(HeadLimits limits) : meter_(limits) {}

  // A new request of the connection starts: its head is metered afresh.
  void begin_request();
  Failure failure() const { return failure_; }
  // The bytes of this request httplib has read, head and body.
  std::size_t request_bytes() const { return request_bytes_; }
  // Whether bytes of a next request are already buffered (pipelining).
  bool has_buffered() const { return begin_ < end_; }
  // Writes the server's own answer to a request cut short (the failure
  // stops httplib's writes, not this one).
  void answer_failure(std::string_view answer) { transmit(answer.data(), answer.size()); }

  bool is_readable() const override { return failure_ == Failure::none; }
  bool is_writable() const override { return failure_ == Failure::none; }
  ssize_t read(char* ptr, std::size_t size) override;
  ssize_t write(const char* ptr, std::size_t size) override;

 protected:
  // Up to `size` bytes into `buffer`: the count, 0 at the end of the input,
  // or -1 after calling fail().
  virtual ssize_t receive(char* buffer, std::size_t size) = 0;
  // All of `data`, or false after calling fail().
  virtual bool transmit(const char* data, std::size_t size) = 0;
  void fail(Failure why);

 private:
  static constexpr std::size_t kBufferSize = std::size_t{16} * 1024;
  std::array<char, kBufferSize> buffer_{};
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  HeadMeter meter_;
  Failure failure_ = Failure::none;
  std::size_t request_bytes_ = 0;
};

}  // namespace cprokit::mock::http
