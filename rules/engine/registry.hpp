// A catalogue of rules and the named profiles (rule sets) built on it: a
// container that knows no rule pack (rules/catalogue assembles cprokit's).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/engine/rule.hpp"

namespace cprokit {

struct Profile {
  std::string name;
  Message description;
  // A rule belongs to the profile when its id starts with one of these.
  std::vector<std::string> id_prefixes;

  bool includes(std::string_view rule_id) const;
};

class Registry {
 public:
  void add(Rule rule);
  void add_profile(Profile profile);

  std::span<const Rule> rules() const { return rules_; }
  std::span<const Profile> profiles() const { return profiles_; }
  const Rule* find(std::string_view id) const;  // case-insensitive
  const Profile* profile(std::string_view name) const;

 private:
  std::vector<Rule> rules_;
  // Upper-cased id -> index in rules_: the binding programs alone look up
  // over a thousand ids at start-up.
  std::unordered_map<std::string, std::size_t> by_id_;
  std::vector<Profile> profiles_;
};

}  // namespace cprokit
