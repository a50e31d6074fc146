#include "cli/serve/metrics.hpp"

#include <fmt/core.h>

namespace cprokit::cli::serve {
namespace {

constexpr std::array<std::string_view, 5> kPaths{"/v1/lint", "/v1/rules", "/healthz", "/readyz",
                                                 "/metrics"};

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Fatal:
      return "fatal";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "info";
  }
  return "?";
}

}  // namespace

std::string escape_label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void Metrics::request(std::string_view path, int status, double seconds) {
  std::string label = "other";
  for (const auto known : kPaths) {
    if (path == known) label = known;
  }
  const std::lock_guard lock(mutex_);
  ++requests_[{label, status}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++buckets_[i];
      break;
    }
  }
  ++duration_count_;
  duration_sum_ += seconds;
}

void Metrics::document(const LintedDocument& doc) {
  const std::lock_guard lock(mutex_);
  ++(doc.valid() ? valid_ : invalid_);
  for (const auto& f : doc.findings)
    ++findings_[{f.rule, std::string(severity_name(f.severity))}];
}

std::string Metrics::text(std::size_t busy) const {
  const std::lock_guard lock(mutex_);
  std::string out;
  out +=
      "# HELP cprokit_serve_requests_total HTTP requests answered, by path and status.\n"
      "# TYPE cprokit_serve_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out += fmt::format("cprokit_serve_requests_total{{path=\"{}\",code=\"{}\"}} {}\n",
                       escape_label(key.first), key.second, count);
  }
  out +=
      "# HELP cprokit_serve_request_duration_seconds Time from a request's head to its "
      "answer.\n"
      "# TYPE cprokit_serve_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += buckets_[i];
    out += fmt::format("cprokit_serve_request_duration_seconds_bucket{{le=\"{}\"}} {}\n",
                       kBuckets[i], cumulative);
  }
  out += fmt::format(
      "cprokit_serve_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n"
      "cprokit_serve_request_duration_seconds_sum {}\n"
      "cprokit_serve_request_duration_seconds_count {}\n",
      duration_count_, duration_sum_, duration_count_);
  out += fmt::format(
      "# HELP cprokit_serve_documents_total Documents linted, by verdict.\n"
      "# TYPE cprokit_serve_documents_total counter\n"
      "cprokit_serve_documents_total{{valid=\"true\"}} {}\n"
      "cprokit_serve_documents_total{{valid=\"false\"}} {}\n",
      valid_, invalid_);
  out +=
      "# HELP cprokit_serve_findings_total Findings of the documents linted, by rule and "
      "severity.\n"
      "# TYPE cprokit_serve_findings_total counter\n";
  for (const auto& [key, count] : findings_) {
    out += fmt::format("cprokit_serve_findings_total{{rule=\"{}\",severity=\"{}\"}} {}\n",
                       escape_label(key.first), key.second, count);
  }
  out += fmt::format(
      "# HELP cprokit_serve_in_flight Lint requests being answered.\n"
      "# TYPE cprokit_serve_in_flight gauge\n"
      "cprokit_serve_in_flight {}\n"
      "# HELP cprokit_serve_lint_busy Documents being linted or waiting for a lint thread.\n"
      "# TYPE cprokit_serve_lint_busy gauge\n"
      "cprokit_serve_lint_busy {}\n"
      "# HELP cprokit_serve_queue_rejections_total Lint requests refused (503) for a full "
      "queue.\n"
      "# TYPE cprokit_serve_queue_rejections_total counter\n"
      "cprokit_serve_queue_rejections_total {}\n",
      in_flight_.load(), busy, queue_rejections_.load(std::memory_order_relaxed));
  return out;
}

}  // namespace cprokit::cli::serve
