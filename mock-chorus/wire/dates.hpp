// Dates as the Chorus Pro API writes them.
#pragma once

#include <string>
#include <string_view>

#include "mock-chorus/store/records.hpp"

namespace cprokit::mock {

// "YYYY-MM-DDTHH:MM:SS.mmm+00:00" and "YYYY-MM-DD" for a stored time.
std::string iso_datetime(Millis t);
std::string iso_day(Millis t);

// An ISO date (YYYY-MM-DD) from a date as written in UBL (the same) or CII
// (format 102, YYYYMMDD).
std::string iso_date(std::string_view written);

}  // namespace cprokit::mock
