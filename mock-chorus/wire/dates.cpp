#include "mock-chorus/wire/dates.hpp"

#include <ctime>

#include <fmt/core.h>

namespace cprokit::mock {

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

std::string iso_date(std::string_view written) {
  if (written.size() == 8 && written.find('-') == std::string_view::npos) {
    return std::string(written.substr(0, 4)) + "-" + std::string(written.substr(4, 2)) + "-" +
           std::string(written.substr(6, 2));
  }
  return std::string(written);
}

}  // namespace cprokit::mock
