// The dice of the faults, without state: whether the n-th call to an
// endpoint gets a fault, and the latency it draws, depend only on the seed,
// the fault's place in its scenario and n (splitmix64 of them), never on
// the wall clock or on which thread answers. The same seed and the same
// sequence of calls give the same faults.
#pragma once

#include <cstdint>

namespace cprokit::mock::scenario {

// A number in [0, 1) for (seed, fault, n); `stream` keeps apart the draws
// of one call (0: whether it fires, 1: its latency).
double draw(std::uint64_t seed, std::uint64_t fault, std::uint64_t n, std::uint64_t stream);

// Whether the n-th call gets the fault, at `rate` (0: never, 1: always).
bool fires(std::uint64_t seed, std::uint64_t fault, std::uint64_t n, double rate);

// A latency in [min, max] milliseconds, uniform, for the n-th call.
std::int64_t latency(std::uint64_t seed, std::uint64_t fault, std::uint64_t n, std::int64_t min,
                     std::int64_t max);

}  // namespace cprokit::mock::scenario
