// When to try an idempotent call again: exponential backoff with full
// jitter (a random wait between 0 and min(cap, base·2^(n-1)), so that many
// clients failing together do not come back together), or the server's
// Retry-After when it gives one.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <random>
#include <string_view>

namespace cprokit::client {

using std::chrono::milliseconds;

class Backoff {
 public:
  Backoff(milliseconds base, milliseconds cap, std::uint64_t seed = std::random_device{}());
  // The wait before attempt `next` (2 for the first retry). Thread-safe.
  milliseconds delay(int next);
  milliseconds cap() const { return cap_; }

 private:
  milliseconds base_;
  milliseconds cap_;
  std::mutex mutex_;
  std::mt19937_64 random_;
};

// Retry-After (RFC 9110 §10.2.3): a number of seconds or an HTTP date,
// read against `now`; nullopt when absent or unreadable. A date in the past
// is a wait of zero.
std::optional<milliseconds> retry_after(std::string_view value,
                                        std::chrono::system_clock::time_point now);

}  // namespace cprokit::client
