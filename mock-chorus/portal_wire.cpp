#include "mock-chorus/portal_wire.hpp"

#include <httplib.h>

#include <map>
#include <string>

namespace cprokit::mock {
namespace {

std::map<std::string, std::string> parse_params(const std::string& text) {
  httplib::Params params;
  httplib::detail::parse_query_text(text, params);
  return {params.begin(), params.end()};
}

// "a=1; b=2" → {a: 1, b: 2}
std::map<std::string, std::string> parse_cookies(const std::string& header) {
  std::map<std::string, std::string> cookies;
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(';', start);
    if (end == std::string::npos) end = header.size();
    std::string pair = header.substr(start, end - start);
    const std::size_t first = pair.find_first_not_of(' ');
    pair = first == std::string::npos ? std::string() : pair.substr(first);
    if (const std::size_t eq = pair.find('='); eq != std::string::npos) {
      cookies.emplace(pair.substr(0, eq), pair.substr(eq + 1));
    }
    start = end + 1;
  }
  return cookies;
}

}  // namespace

bool is_portal_path(const std::string& path) {
  return path == "/" || path == "/portail" || path.starts_with("/portail/");
}

portal::PortalRequest portal_request(const httplib::Request& req) {
  portal::PortalRequest r;
  r.method = req.method;
  r.path = req.path;
  for (std::size_t i = 1; i < req.matches.size(); ++i)
    r.captures.emplace_back(req.matches[i]);
  if (const std::size_t q = req.target.find('?'); q != std::string::npos) {
    r.query = parse_params(req.target.substr(q + 1));
  }
  if (req.is_multipart_form_data()) {
    for (const auto& [name, part] : req.files) {
      if (part.filename.empty()) {
        r.form.emplace(name, part.content);
      } else {
        r.files.emplace(name, portal::UploadedFile{part.filename, part.content_type, part.content});
      }
    }
  } else if (req.get_header_value("Content-Type")
                 .starts_with("application/x-www-form-urlencoded")) {
    r.form = parse_params(req.body);
  }
  r.cookies = parse_cookies(req.get_header_value("Cookie"));
  r.accept_language = req.get_header_value("Accept-Language");
  return r;
}

void send_page(httplib::Response& res, const portal::PortalReply& reply) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers)
    res.set_header(name, value);
  res.set_content(reply.body, reply.content_type);
}

}  // namespace cprokit::mock
