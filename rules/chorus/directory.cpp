#include "rules/chorus/directory.hpp"

#include <algorithm>

namespace cprokit::chorus {

const Service* Structure::service(std::string_view code) const {
  auto it = std::ranges::find(services, code, &Service::code_service);
  return it == services.end() ? nullptr : &*it;
}

bool Structure::has_engagement(std::string_view number) const {
  return std::ranges::find(engagements, number) != engagements.end();
}

const Structure* Directory::structure(std::string_view identifiant) const {
  auto it = std::ranges::find(structures, identifiant, &Structure::identifiant);
  return it == structures.end() ? nullptr : &*it;
}

const Structure* Directory::structure_by_id(std::int64_t id) const {
  auto it = std::ranges::find(structures, id, &Structure::id_structure_cpp);
  return it == structures.end() ? nullptr : &*it;
}

const Structure* Directory::owner_of_engagement(std::string_view number) const {
  auto it = std::ranges::find_if(structures,
                                 [number](const Structure& s) { return s.has_engagement(number); });
  return it == structures.end() ? nullptr : &*it;
}

}  // namespace cprokit::chorus
