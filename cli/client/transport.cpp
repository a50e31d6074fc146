#include "cli/client/transport.hpp"

#include <httplib.h>

#include <stdexcept>

namespace cprokit::client {
namespace {

TransportFailure failure_of(httplib::Error error) {
  switch (error) {
    case httplib::Error::Connection:
    case httplib::Error::ConnectionTimeout:
    case httplib::Error::BindIPAddress:
    case httplib::Error::SSLConnection:
      return TransportFailure::NotSent;
    case httplib::Error::SSLLoadingCerts:
    case httplib::Error::SSLServerVerification:
      return TransportFailure::Certificate;
    default:
      // Read, Write, Canceled, Unknown: some of the request may have gone.
      return TransportFailure::Dropped;
  }
}

class HttpTransport final : public Transport {
 public:
  explicit HttpTransport(HttpOptions options) : options_(std::move(options)) {}

  HttpResponse post(const std::string& url, const Headers& headers, const std::string& body,
                    const std::string& content_type) override {
    const auto [origin, path] = split_url(url);
    httplib::Client client(origin);
    client.set_keep_alive(false);
    client.set_connection_timeout(options_.connect_timeout);
    client.set_read_timeout(options_.timeout);
    client.set_write_timeout(options_.timeout);
    if (origin.starts_with("https://")) {
      client.enable_server_certificate_verification(true);
      if (options_.ca_file) client.set_ca_cert_path(*options_.ca_file);
    }
    httplib::Headers sent;
    for (const auto& [name, value] : headers)
      sent.emplace(name, value);
    const httplib::Result result = client.Post(path, sent, body, content_type);
    HttpResponse out;
    if (!result) {
      out.failure = failure_of(result.error());
      out.detail = httplib::to_string(result.error());
      return out;
    }
    out.status = result->status;
    out.body = result->body;
    out.retry_after = result->get_header_value("Retry-After");
    return out;
  }

 private:
  HttpOptions options_;
};

}  // namespace

std::shared_ptr<Transport> http_transport(HttpOptions options) {
  return std::make_shared<HttpTransport>(std::move(options));
}

std::pair<std::string, std::string> split_url(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos || (!url.starts_with("http://") && !url.starts_with("https://")))
    throw std::invalid_argument("not an http:// or https:// URL: " + url);
  const auto slash = url.find('/', scheme + 3);
  if (slash == std::string::npos) return {url, "/"};
  return {url.substr(0, slash), url.substr(slash)};
}

}  // namespace cprokit::client
