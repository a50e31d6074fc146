// The names of wire/reply.hpp without nlohmann/json.hpp behind them, for
// headers that only declare functions taking or giving a Reply or a Json:
// most of the mock includes them, and the full JSON header is costly to
// compile and to lint.
#pragma once

#include <nlohmann/json_fwd.hpp>

namespace cprokit::mock {

using Json = nlohmann::ordered_json;

struct Reply;

}  // namespace cprokit::mock
