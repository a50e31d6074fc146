// --schemas DIR / --no-xsd: the XSD layer of a command (lint, mock).
#pragma once

#include <optional>
#include <string>

#include "validators/pipeline.hpp"

namespace cprokit::cli {

// The schemas found (--schemas, CPROKIT_SCHEMAS, the installed and build-time
// folders), or why there are none. Throws UserError (cli/user_error.hpp)
// when --schemas names a folder without usable schemas.
XsdSetup setup_xsd(bool no_xsd, const std::optional<std::string>& schemas);

}  // namespace cprokit::cli
