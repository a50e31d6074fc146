#include "mock-chorus/scenario/draw.hpp"

#include <cmath>

namespace cprokit::mock::scenario {
namespace {

// Steele, Lea and Flood's SplitMix64 finaliser: every input bit reaches
// every output bit.
std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31U);
}

}  // namespace

double draw(std::uint64_t seed, std::uint64_t fault, std::uint64_t n, std::uint64_t stream) {
  std::uint64_t h = splitmix64(seed);
  h = splitmix64(h ^ fault);
  h = splitmix64(h ^ n);
  h = splitmix64(h ^ stream);
  return static_cast<double>(h >> 11U) * 0x1.0p-53;  // the top 53 bits: every double in [0, 1)
}

bool fires(std::uint64_t seed, std::uint64_t fault, std::uint64_t n, double rate) {
  return draw(seed, fault, n, 0) < rate;
}

std::int64_t latency(std::uint64_t seed, std::uint64_t fault, std::uint64_t n, std::int64_t min,
                     std::int64_t max) {
  const auto span = static_cast<double>(max - min + 1);
  const auto offset = static_cast<std::int64_t>(std::floor(draw(seed, fault, n, 1) * span));
  return min + (offset > max - min ? max - min : offset);
}

}  // namespace cprokit::mock::scenario
