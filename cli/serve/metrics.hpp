// What `cprokit serve` counts, written for Prometheus (text exposition
// format 0.0.4, GET /metrics): requests by path and status, their duration
// (a histogram), documents by verdict, findings by rule and severity, the
// lint requests in flight, the documents on a lint thread or waiting for
// one, and those refused for a full queue. Thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "validators/pipeline.hpp"

namespace cprokit::cli::serve {

class Metrics {
 public:
  // One answer: `path` a route of the service (anything else counted as
  // "other", so that clients cannot grow the label set), its status, and
  // how long it took.
  void request(std::string_view path, int status, double seconds);
  // One document linted, whatever the answer's format.
  void document(const LintedDocument& doc);
  void queue_rejection() { queue_rejections_.fetch_add(1, std::memory_order_relaxed); }
  // Sequentially consistent: the drain reads it after setting its own flag.
  void enter() { in_flight_.fetch_add(1); }
  void leave() { in_flight_.fetch_sub(1); }
  std::int64_t in_flight() const { return in_flight_.load(); }

  // The text exposition, with `busy` the documents being linted or waiting
  // for a lint thread (LintSlots::busy()).
  std::string text(std::size_t busy) const;

  // The upper bounds of the duration histogram's buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::array<std::uint64_t, kBuckets.size()> buckets_{};  // not cumulative here
  std::uint64_t duration_count_ = 0;
  double duration_sum_ = 0;
  std::uint64_t valid_ = 0;
  std::uint64_t invalid_ = 0;
  std::map<std::pair<std::string, std::string>, std::uint64_t> findings_;
  std::atomic<std::int64_t> in_flight_{0};
  std::atomic<std::uint64_t> queue_rejections_{0};
};

// A label value as the text format wants it: \, " and line feeds escaped.
std::string escape_label(std::string_view value);

}  // namespace cprokit::cli::serve
