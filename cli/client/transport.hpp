// How the API client sends one HTTP request: an interface, so that the
// retry and lost-answer logic above it can be tested with a transport that
// fails on purpose, and the real one over cpp-httplib (http:// and
// https://, certificates verified against the system's store or --ca-file).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cprokit::client {

using Headers = std::vector<std::pair<std::string, std::string>>;

// What became of a request that got no complete HTTP answer. Whether the
// server may have handled it decides whether a deposit may be sent again.
enum class TransportFailure {
  None,         // an HTTP answer came (any status)
  NotSent,      // no connection: the server never saw the request
  Certificate,  // TLS refused (certificate not trusted): trying again will not help
  Timeout,      // sent, no answer in time: the server may have handled it
  Dropped,      // sent, the connection closed before a whole answer: likewise
  Truncated,    // an answer whose body is not whole JSON (cut short): likewise
};

struct HttpResponse {
  TransportFailure failure = TransportFailure::None;
  int status = 0;
  std::string body;
  std::string retry_after;  // the Retry-After header, as sent; empty when absent
  std::string detail;       // the transport's own words for a failure
};

class Transport {
 public:
  virtual ~Transport() = default;
  // POSTs `body` to `url` (scheme, host, port and path). Never throws for
  // a network failure: it is in the answer.
  virtual HttpResponse post(const std::string& url, const Headers& headers, const std::string& body,
                            const std::string& content_type) = 0;
};

struct HttpOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds timeout{60'000};  // reading or writing, each time
  std::optional<std::string> ca_file;         // else the system's CA store
};

// The real transport: one connection per request (thread-safe; a kept-alive
// connection the server closed would look like a lost answer).
std::shared_ptr<Transport> http_transport(HttpOptions options);

// "http://host:port" and "/path" from a URL; throws std::invalid_argument
// when it does not start with http:// or https://.
std::pair<std::string, std::string> split_url(const std::string& url);

}  // namespace cprokit::client
