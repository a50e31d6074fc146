// What a run's reports say about the run itself (report::RunInfo), from the
// choices its command line made: shared by `cprokit lint` and `cprokit
// serve`, so that a document linted by either is reported the same way.
#pragma once

#include <cstddef>
#include <string>

#include "cli/report/report.hpp"
#include "validators/pipeline.hpp"

namespace cprokit::cli {

struct RunChoices {
  std::string profile = "all";
  std::string fr_mode = "strict";  // --fr-mode
  bool code_lists = false;         // the code lists were found and loaded
  bool no_codelists = false;       // --no-codelists
  bool exact = false;              // --exact-arithmetic
  std::string directory;           // --directory, as given ("" without)
  std::string with;                // --with, as given
  std::string name;                // --name
  std::size_t max_bytes = 0;       // --max-bytes
  std::string fail_on = "fatal";
  bool catalogue_digest = true;  // hash the catalogue (report::records_catalogue)
};

// Now, as reports write a run's start: ISO 8601, UTC, to the second.
std::string utc_now();

// The RunInfo of a run with `choices`, `xsd` and `references`, its reports
// in `lang`, started now. Hashes the profile's catalogue when asked: a few
// milliseconds, to be done once per run (or per profile for a server).
report::RunInfo make_run_info(const RunChoices& choices, const XsdSetup& xsd,
                              report::References references, Lang lang);

}  // namespace cprokit::cli
