#include "mock-chorus/http/head_meter.hpp"

namespace cprokit::mock::http {

HeadMeter::State HeadMeter::take(char byte) {
  if (state_ != State::reading) return state_;
  ++bytes_;
  ++line_length_;
  if (byte == '\n') {
    // httplib ends the headers at a line that is exactly CRLF (after the
    // request line); any other line counts as a header.
    const bool blank = line_length_ == 2 && previous_ == '\r';
    ++lines_;
    line_length_ = 0;
    if (blank && lines_ > 1) {
      state_ = State::done;
      return state_;
    }
    if (lines_ > limits_.max_headers + 1) state_ = State::too_large;
  }
  previous_ = byte;
  if (bytes_ > limits_.max_bytes) state_ = State::too_large;
  return state_;
}

}  // namespace cprokit::mock::http
