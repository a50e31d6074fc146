// A request to the portal and its answer, free of the HTTP library: the
// server (server.cpp) fills a PortalRequest from the wire, the pages answer
// with a PortalReply, and the tests call pages the same way.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cprokit::mock::portal {

struct UploadedFile {
  std::string filename;  // as the browser sent it
  std::string content_type;
  std::string content;
};

struct PortalRequest {
  std::string method;  // GET or POST
  std::string path;
  std::vector<std::string> captures;  // the route pattern's groups
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> form;  // urlencoded or multipart text fields
  std::map<std::string, UploadedFile> files;
  std::map<std::string, std::string> cookies;
  std::string accept_language;

  // The form field `name`, empty when absent.
  const std::string& field(const std::string& name) const;
};

struct PortalReply {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  // 303 See Other to `location`: the answer to a form that succeeded, so
  // that reloading the next page does not send the form again.
  static PortalReply see_other(std::string location);
};

}  // namespace cprokit::mock::portal
