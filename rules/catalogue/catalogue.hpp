// The catalogue cprokit ships: every pack's rules put together, with the
// named profiles built on them. It sits above the packs (syntax/, en16931/,
// binding/, chorus/), which sit above the engine: the engine knows no pack.
#pragma once

#include "rules/engine/registry.hpp"

namespace cprokit::catalogue {

// Every rule cprokit knows, registered by each pack, and the profiles.
const Registry& builtin();

}  // namespace cprokit::catalogue
