#include "mock-chorus/scenario/scenarios.hpp"

#include <nlohmann/json.hpp>

#include "mock-chorus/scenario/draw.hpp"
#include "mock-chorus/wire/reply.hpp"

namespace cprokit::mock::scenario {
namespace {

constexpr std::uint64_t kDefaultSeed = 1;

bool applies_to(const Fault& fault, std::string_view path) {
  if (fault.endpoint == "*") return true;
  if (fault.endpoint.ends_with('*')) {
    return path.starts_with(std::string_view(fault.endpoint).substr(0, fault.endpoint.size() - 1));
  }
  return path == fault.endpoint;
}

}  // namespace

Scenarios::Scenarios(std::optional<std::uint64_t> forced_seed) : forced_seed_(forced_seed) {}

Scenarios::Added Scenarios::add(Scenario s, Millis now) {
  std::lock_guard lock(mutex_);
  Loaded l;
  l.id = next_id_++;
  l.name = std::move(s.name);
  l.seed = forced_seed_.value_or(s.seed.value_or(kDefaultSeed));
  l.loaded_at = now;
  l.rules = std::move(s.rules);
  for (std::size_t i = 0; i < s.faults.size(); ++i) {
    LoadedFault f;
    f.index = i;
    f.remaining = s.faults[i].count;
    f.fault = std::move(s.faults[i]);
    l.faults.push_back(std::move(f));
  }
  loaded_.push_back(std::move(l));
  return {loaded_.back().id, loaded_.back().seed};
}

void Scenarios::clear() {
  std::lock_guard lock(mutex_);
  loaded_.clear();
}

std::optional<Outcome> Scenarios::outcome_for(const DepositedInvoice& invoice,
                                              Millis deposited) const {
  std::lock_guard lock(mutex_);
  for (const Loaded& l : loaded_) {
    if (deposited < l.loaded_at) continue;
    for (const Rule& r : l.rules) {
      if (matches(r.match, invoice)) return r.outcome;
    }
  }
  return std::nullopt;
}

Decision Scenarios::decide(std::string_view path) {
  std::lock_guard lock(mutex_);
  Decision out;
  for (Loaded& l : loaded_) {
    for (LoadedFault& f : l.faults) {
      if (!applies_to(f.fault, path)) continue;
      auto counted = f.calls.find(path);
      if (counted == f.calls.end()) counted = f.calls.emplace(std::string(path), 0).first;
      const std::uint64_t n = counted->second++;
      // A spent fault, or a call already given its fault, draws nothing more.
      if (f.remaining == 0) continue;
      const bool latency = f.fault.kind == FaultKind::Latency;
      if (!latency && out.fault) continue;
      if (!fires(l.seed, f.index, n, f.fault.rate)) continue;
      if (f.remaining) --*f.remaining;
      ++f.fired;
      if (latency) {
        out.latency_ms +=
            scenario::latency(l.seed, f.index, n, f.fault.latency_min_ms, f.fault.latency_max_ms);
      } else {
        out.fault = f.fault;
      }
    }
  }
  return out;
}

Json Scenarios::listing() const {
  std::lock_guard lock(mutex_);
  Json list = Json::array();
  for (const Loaded& l : loaded_) {
    Json faults = Json::array();
    for (const LoadedFault& f : l.faults) {
      faults.push_back({{"endpoint", f.fault.endpoint},
                        {"kind", kind_name(f.fault.kind)},
                        {"remaining", f.remaining ? Json(*f.remaining) : Json()},
                        {"fired", f.fired}});
    }
    list.push_back({{"id", l.id},
                    {"name", l.name},
                    {"seed", l.seed},
                    {"rules", l.rules.size()},
                    {"faults", std::move(faults)}});
  }
  return {{"scenarios", std::move(list)}};
}

}  // namespace cprokit::mock::scenario
