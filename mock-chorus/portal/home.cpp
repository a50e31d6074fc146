// The portal's home page, its stylesheet and icon, and signing out.
#include <nlohmann/json.hpp>

#include "mock-chorus/portal/assets.hpp"
#include "mock-chorus/portal/portal.hpp"

namespace cprokit::mock::portal {
namespace {

PortalReply home(PortalCall& call) {
  return call.page("home", Data::object(), "home_title");
}

PortalReply file(std::string_view name, std::string content_type) {
  PortalReply reply;
  reply.content_type = std::move(content_type);
  reply.body = std::string(*asset(name));
  return reply;
}

PortalReply stylesheet(PortalCall& /*call*/) {
  return file("style.css", "text/css; charset=utf-8");
}

PortalReply icon(PortalCall& /*call*/) {
  return file("icone.svg", "image/svg+xml");
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
          {"GET", "/portail/icone\\.svg", icon},
          {"POST", "/portail/deconnexion", sign_out}};
}

}  // namespace cprokit::mock::portal
