#include "mock-chorus/api/routes.hpp"

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

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

std::string iso_datetime(Millis t) {
  const std::time_t seconds = t / 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}+00:00", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, t % 1000);
}

std::string iso_day(Millis t) {
  return iso_datetime(t).substr(0, 10);
}

}  // namespace cprokit::mock
