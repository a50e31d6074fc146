// Counts the head of a request (request line and headers) as its bytes
// arrive, so that a client sending thousands of headers or an endless line
// is stopped at the limit instead of being buffered first.
#pragma once

#include <cstddef>

namespace cprokit::mock::http {

struct HeadLimits {
  std::size_t max_headers = 100;                   // header lines after the request line
  std::size_t max_bytes = std::size_t{64} * 1024;  // request line and headers, line ends included
};

class HeadMeter {
 public:
  enum class State { reading, done, too_large };

  explicit HeadMeter(HeadLimits limits) : limits_(limits) {}

  // Takes the next byte of the request; returns the state after it. Once
  // done (the blank line that ends the headers) or too large, stays so.
  State take(char byte);
  State state() const { return state_; }
  void restart() { *this = HeadMeter(limits_); }

 private:
  HeadLimits limits_;
  State state_ = State::reading;
  std::size_t bytes_ = 0;
  std::size_t lines_ = 0;  // lines ended so far, the request line first
  std::size_t line_length_ = 0;
  char previous_ = '\0';
};

}  // namespace cprokit::mock::http
