#include "cli/client/backoff.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <string>

namespace cprokit::client {

Backoff::Backoff(milliseconds base, milliseconds cap, std::uint64_t seed)
    : base_(base), cap_(cap), random_(seed) {}

milliseconds Backoff::delay(int next) {
  // base·2^(next-2), without overflow: past 2^30 the cap has long won.
  const int doublings = std::clamp(next - 2, 0, 30);
  const auto ceiling = std::min(cap_.count(), base_.count() << doublings);
  if (ceiling <= 0) return milliseconds{0};
  const std::lock_guard lock(mutex_);
  std::uniform_int_distribution<milliseconds::rep> pick(0, ceiling);
  return milliseconds{pick(random_)};
}

std::optional<milliseconds> retry_after(std::string_view value,
                                        std::chrono::system_clock::time_point now) {
  while (!value.empty() && value.front() == ' ')
    value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ')
    value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  long long seconds = 0;
  const auto* end = value.data() + value.size();
  if (auto [ptr, ec] = std::from_chars(value.data(), end, seconds); ec == std::errc{} && ptr == end)
    return seconds < 0 ? std::nullopt : std::optional(milliseconds{seconds * 1000});
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
  std::tm tm{};
  const std::string text(value);
  const char* parsed = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (parsed == nullptr || *parsed != '\0') return std::nullopt;
  const auto when = std::chrono::system_clock::from_time_t(timegm(&tm));
  const auto wait = std::chrono::duration_cast<milliseconds>(when - now);
  return std::max(wait, milliseconds{0});
}

}  // namespace cprokit::client
