// A catalogue of rules, their families and the named profiles (rule sets)
// built on them: a container that knows no rule pack (rules/catalogue
// assembles cprokit's).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rules/engine/family.hpp"
#include "rules/engine/rule.hpp"

namespace cprokit {

class Profile {
 public:
  // `families`: the families of its rules, each with its sub-families
  // ("BR" takes BR-CL); empty: every family but those on request.
  Profile(std::string profile_name, Message profile_description,
          std::vector<std::string> profile_families)
      : name(std::move(profile_name)),
        description(std::move(profile_description)),
        families(std::move(profile_families)) {}

  std::string name;
  Message description;
  std::vector<std::string> families;

  // Only for a rule or family of the registry the profile was added to.
  bool includes(const Rule& rule) const { return includes(rule.family); }
  bool includes(const Family& family) const { return includes(family.index); }

 private:
  friend class Registry;
  bool includes(std::size_t family) const { return family < included_.size() && included_[family]; }
  std::vector<bool> included_;  // by family index, set by Registry::add_profile
};

class Registry {
 public:
  // Throws std::logic_error: for an id registered twice; for a rule no
  // family takes, or a family added after a profile or before its parent; for
  // a profile naming an unknown family.
  void add_family(Family family);
  void add(Rule rule);
  void add_profile(Profile profile);

  std::span<const Rule> rules() const { return rules_; }
  std::span<const Family> families() const { return families_; }
  std::span<const Profile> profiles() const { return profiles_; }
  const Rule* find(std::string_view id) const;  // case-insensitive
  const Family* family(std::string_view id) const;
  const Profile* profile(std::string_view name) const;

  const Family& family_of(const Rule& rule) const { return families_[rule.family]; }
  // The family of a registered rule id; null for any other id.
  const Family* family_of(std::string_view rule_id) const;
  // The family reports show a rule in: its family's first ancestor (BR for
  // BR-CL-04, CPRO for CPRO-ENG-03).
  const Family& group_of(const Rule& rule) const { return families_[group_[rule.family]]; }
  // The reference data a rule's verdicts depend on: what its family needs,
  // and what it reports missing.
  Needs depends_on(const Rule& rule) const { return family_of(rule).needs | rule.reports_missing; }
  // Whether a run can apply the rule: one with the data `available`, having
  // asked for the data `wanted` (--no-xsd and --no-codelists ask for none).
  bool applies(const Rule& rule, const Needs& available, const Needs& wanted) const;

 private:
  std::vector<Rule> rules_;
  // Upper-cased id -> index in rules_: the binding programs alone look up
  // over a thousand ids at start-up.
  std::unordered_map<std::string, std::size_t> by_id_;
  std::vector<Family> families_;
  std::vector<std::size_t> group_;  // by family index: the index of its first ancestor
  std::vector<Profile> profiles_;
};

}  // namespace cprokit
