// The portal's home page, its stylesheet, and signing out.
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

PortalReply sign_out(PortalCall& call) {
  call.sign_out();
  return PortalReply::see_other("/");
}

}  // namespace

std::vector<PortalRoute> home_routes() {
  return {{"GET", "/", home},
          {"GET", "/portail/?", home},
          {"GET", "/portail/style\\.css", stylesheet},
          {"POST", "/portail/deconnexion", sign_out}};
}

}  // namespace cprokit::mock::portal
