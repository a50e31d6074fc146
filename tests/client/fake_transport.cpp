#include "tests/client/fake_transport.hpp"

namespace cprokit::testing {

client::HttpResponse ScriptedTransport::post(const std::string& url, const client::Headers& headers,
                                             const std::string& body,
                                             const std::string& /*content_type*/) {
  const std::lock_guard lock(mutex_);
  if (url.ends_with("/api/oauth/token")) {
    ++tokens_;
    return answer(200, R"({"access_token":"jeton-)" + std::to_string(tokens_) +
                           R"(","token_type":"Bearer","expires_in":3600})");
  }
  calls_.push_back({url, headers, body});
  if (script_.empty()) return answer(200, R"({"codeRetour":0,"libelle":"TRA_MSG_00.000"})");
  client::HttpResponse next = std::move(script_.front());
  script_.pop_front();
  return next;
}

void ScriptedTransport::then(client::HttpResponse next) {
  const std::lock_guard lock(mutex_);
  script_.push_back(std::move(next));
}

std::vector<SentRequest> ScriptedTransport::calls() const {
  const std::lock_guard lock(mutex_);
  return calls_;
}

int ScriptedTransport::tokens() const {
  const std::lock_guard lock(mutex_);
  return tokens_;
}

client::HttpResponse answer(int status, std::string body, std::string retry_after) {
  client::HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.retry_after = std::move(retry_after);
  return r;
}

client::HttpResponse failure(client::TransportFailure what) {
  client::HttpResponse r;
  r.failure = what;
  r.detail = "test";
  return r;
}

RecordingTransport::RecordingTransport() : real_(client::http_transport({})) {}

client::HttpResponse RecordingTransport::post(const std::string& url,
                                              const client::Headers& headers,
                                              const std::string& body,
                                              const std::string& content_type) {
  client::HttpResponse r = real_->post(url, headers, body, content_type);
  const std::lock_guard lock(mutex_);
  if (r.failure == client::TransportFailure::None) statuses_.push_back(r.status);
  return r;
}

std::vector<int> RecordingTransport::statuses() const {
  const std::lock_guard lock(mutex_);
  return statuses_;
}

}  // namespace cprokit::testing
