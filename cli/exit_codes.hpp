#pragma once

namespace cprokit::cli {

inline constexpr int kExitOk = 0;        // no fatal finding
inline constexpr int kExitFatal = 1;     // at least one fatal finding
inline constexpr int kExitUsage = 2;     // usage error, or a path that cannot be read
inline constexpr int kExitInternal = 3;  // a bug or a system failure (never bad input)

}  // namespace cprokit::cli
