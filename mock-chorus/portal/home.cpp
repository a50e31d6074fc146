// The portal's home page and its stylesheet.
#include "mock-chorus/portal/assets.hpp"
#include "mock-chorus/portal/portal.hpp"

namespace cprokit::mock::portal {
namespace {

PortalReply home(PortalCall& call) {
  return call.page("home", Data::object(), "home_title");
}

PortalReply stylesheet(PortalCall& /*call*/) {
  PortalReply reply;
  reply.content_type = "text/css; charset=utf-8";
  reply.body = std::string(*asset("style.css"));
  return reply;
}

}  // namespace

std::vector<PortalRoute> home_routes() {
  return {
      {"GET", "/", home}, {"GET", "/portail/?", home}, {"GET", "/portail/style\\.css", stylesheet}};
}

}  // namespace cprokit::mock::portal
