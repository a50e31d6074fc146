// The scenarios the mock has loaded, in memory only: a restart forgets them
// (`cprokit mock --scenario FILE` loads its files again at each start; the
// moves they planned are in the store and survive). The server asks it what
// a call gets (decide), the deposit paths what becomes of an invoice
// (outcome_for), the admin API what is loaded (listing).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock-chorus/scenario/scenario.hpp"
#include "mock-chorus/wire/reply_fwd.hpp"

namespace cprokit::mock::scenario {

// What one call gets: a pause first (every latency fault that fired, added
// up), then at most one other fault, the first that fired.
struct Decision {
  std::int64_t latency_ms = 0;
  std::optional<Fault> fault;
};

class Scenarios {
 public:
  // `forced_seed`: --seed, which wins over the files' own; without either, 1.
  explicit Scenarios(std::optional<std::uint64_t> forced_seed = std::nullopt);

  struct Added {
    std::int64_t id = 0;
    std::uint64_t seed = 0;  // the seed its faults draw with
  };
  // Loads `s` at `now`: its rules apply to invoices deposited from then on.
  Added add(Scenario s, Millis now);
  void clear();

  // The outcome of the first rule that matches an invoice deposited at
  // `deposited`, in the order the scenarios were loaded; nullopt: none.
  std::optional<Outcome> outcome_for(const DepositedInvoice& invoice, Millis deposited) const;

  // Draws what the next call to `path` (an API or token path) gets, and
  // counts it: the n-th call to a path is the n-th for each fault.
  Decision decide(std::string_view path);

  // {"scenarios": [{id, name, seed, rules, faults: [{endpoint, kind,
  // remaining, fired}]}]} for GET /_mock/scenarios.
  Json listing() const;

 private:
  struct LoadedFault {
    Fault fault;
    std::uint64_t index = 0;                // its place in its scenario
    std::optional<std::int64_t> remaining;  // count left; nullopt: no limit
    std::int64_t fired = 0;
    std::map<std::string, std::uint64_t, std::less<>> calls;  // calls seen, per path
  };
  struct Loaded {
    std::int64_t id = 0;
    std::string name;
    std::uint64_t seed = 0;
    Millis loaded_at = 0;
    std::vector<Rule> rules;
    std::vector<LoadedFault> faults;
  };

  std::optional<std::uint64_t> forced_seed_;
  mutable std::mutex mutex_;
  std::vector<Loaded> loaded_;
  std::int64_t next_id_ = 1;
};

}  // namespace cprokit::mock::scenario
