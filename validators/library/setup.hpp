// The library's Options turned into the engine's: reference data found and
// loaded as `cprokit lint` finds it, every refusal a cprokit::lib::Error.
#pragma once

#include "cprokit/lint.hpp"
#include "validators/pipeline.hpp"

namespace cprokit::lib {

struct EngineSetup {
  LintOptions options;
  XsdSetup xsd;
};

// Throws Error, its message in options.lang.
EngineSetup engine_setup(const Options& options);

}  // namespace cprokit::lib
