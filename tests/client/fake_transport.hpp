// Transports for the client's tests: a scripted one that answers what the
// test says (503, 429 with Retry-After, a dropped connection, a truncated
// body…) and records every request; and the real HTTP transport, recording
// the status of each answer.
#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "cli/client/transport.hpp"

namespace cprokit::testing {

struct SentRequest {
  std::string url;
  client::Headers headers;
  std::string body;
};

// Answers the token URL with a fresh token each time (expires_in 3600), and
// any other URL with the next scripted answer (200 {"codeRetour":0} once
// the script is used up).
class ScriptedTransport final : public client::Transport {
 public:
  explicit ScriptedTransport(std::deque<client::HttpResponse> script = {})
      : script_(std::move(script)) {}

  client::HttpResponse post(const std::string& url, const client::Headers& headers,
                            const std::string& body, const std::string& content_type) override;

  void then(client::HttpResponse next);
  // The requests to the API (token requests apart).
  std::vector<SentRequest> calls() const;
  int tokens() const;

 private:
  mutable std::mutex mutex_;
  std::deque<client::HttpResponse> script_;
  std::vector<SentRequest> calls_;
  int tokens_ = 0;
};

client::HttpResponse answer(int status, std::string body, std::string retry_after = {});
client::HttpResponse failure(client::TransportFailure what);

// The real transport, recording the HTTP status of every answer the
// server gave (the mock's own faults lose answers: scenarios).
class RecordingTransport final : public client::Transport {
 public:
  RecordingTransport();
  client::HttpResponse post(const std::string& url, const client::Headers& headers,
                            const std::string& body, const std::string& content_type) override;
  std::vector<int> statuses() const;

 private:
  std::shared_ptr<client::Transport> real_;
  mutable std::mutex mutex_;
  std::vector<int> statuses_;
};

}  // namespace cprokit::testing
