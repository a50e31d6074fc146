#include "mock-chorus/wire/reply.hpp"

#include <fmt/core.h>

namespace cprokit::mock {

Reply ok(const Json& fields) {
  Json body = {{"codeRetour", kCodeOk}, {"libelle", kLibelleOk}};
  body.update(fields);
  return {200, std::move(body), {}};
}

Reply functional_error(std::string libelle_fr, const std::string& libelle_en, int status,
                       int code) {
  if (!libelle_en.empty()) libelle_fr += " / " + libelle_en;
  return {status, {{"codeRetour", code}, {"libelle", std::move(libelle_fr)}}, {}};
}

void refuse(std::string libelle_fr, const std::string& libelle_en, int status, int code) {
  throw Refused(functional_error(std::move(libelle_fr), libelle_en, status, code));
}

Reply oauth_error(int status, std::string_view error, std::string_view description) {
  Reply r{status, {{"error", error}, {"error_description", description}}, {}};
  if (status == 401) {
    r.headers.emplace_back("WWW-Authenticate",
                           fmt::format(R"(Bearer realm="cprokit-mock", error="{}")", error));
  }
  return r;
}

}  // namespace cprokit::mock
