#include "mock-chorus/api/routes.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace cprokit::mock {

Page page_of(const Criteria& parametres, std::int64_t default_size, std::int64_t max_size) {
  Page page;
  page.number = std::max<std::int64_t>(1, parametres.integer("pageResultatDemandee").value_or(1));
  page.size = std::clamp<std::int64_t>(
      parametres.integer("nbResultatsParPage").value_or(default_size), 1, max_size);
  return page;
}

Json parametres_retour(const Page& page, std::int64_t total) {
  const std::int64_t pages = total == 0 ? 1 : (total + page.size - 1) / page.size;
  return {{"pageCourante", page.number},
          {"pages", pages},
          {"nbResultatsParPage", page.size},
          {"total", total}};
}

}  // namespace cprokit::mock
