#include "mock-chorus/http/request_stream.hpp"

#include <algorithm>
#include <cstring>

namespace cprokit::mock::http {

void RequestStream::begin_request() {
  meter_.restart();
  failure_ = Failure::none;
  request_bytes_ = 0;
}

void RequestStream::fail(Failure why) {
  if (failure_ == Failure::none) failure_ = why;
}

ssize_t RequestStream::read(char* ptr, std::size_t size) {
  if (failure_ != Failure::none) return -1;
  if (begin_ == end_) {
    const ssize_t got = receive(buffer_.data(), buffer_.size());
    if (got <= 0) return got;
    begin_ = 0;
    end_ = static_cast<std::size_t>(got);
  }
  std::size_t n = std::min(size, end_ - begin_);
  if (meter_.state() == HeadMeter::State::reading) {
    // Byte by byte while in the head: the limit applies where it is
    // crossed, and the bytes after the blank line are the body's.
    for (std::size_t i = 0; i < n; ++i) {
      if (meter_.take(buffer_[begin_ + i]) == HeadMeter::State::too_large) {
        fail(Failure::head_too_large);
        return -1;
      }
    }
  }
  std::memcpy(ptr, buffer_.data() + begin_, n);
  begin_ += n;
  request_bytes_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t RequestStream::write(const char* ptr, std::size_t size) {
  if (failure_ != Failure::none || !transmit(ptr, size)) return -1;
  return static_cast<ssize_t>(size);
}

}  // namespace cprokit::mock::http
