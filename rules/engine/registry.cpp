#include "rules/engine/registry.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>

namespace cprokit {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::toupper(static_cast<unsigned char>(x)) ==
           std::toupper(static_cast<unsigned char>(y));
  });
}

std::string upper(std::string_view id) {
  std::string out(id);
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::vector<DocumentKind> KindSet::kinds() const {
  std::vector<DocumentKind> out;
  for (auto k : {DocumentKind::Invoice, DocumentKind::CreditNote, DocumentKind::Account,
                 DocumentKind::DepositRequest, DocumentKind::Unknown}) {
    if (contains(k)) out.push_back(k);
  }
  return out;
}

void Registry::add_family(Family family) {
  if (!profiles_.empty()) throw std::logic_error("family added after a profile: " + family.id);
  if (family.id.empty() || this->family(family.id) != nullptr) {
    throw std::logic_error("family empty or registered twice: " + family.id);
  }
  std::size_t group = families_.size();
  if (!family.parent.empty()) {
    const Family* parent = this->family(family.parent);
    if (parent == nullptr) throw std::logic_error("family before its parent: " + family.id);
    group = group_[parent->index];
  }
  family.index = families_.size();
  group_.push_back(group);
  families_.push_back(std::move(family));
}

void Registry::add(Rule rule) {
  // The family with the longest id that, with a dash, starts the rule's id.
  const Family* owner = nullptr;
  for (const Family& f : families_) {
    const bool owns =
        rule.id.size() > f.id.size() && rule.id.starts_with(f.id) && rule.id[f.id.size()] == '-';
    if (owns && (owner == nullptr || f.id.size() > owner->id.size())) owner = &f;
  }
  if (owner == nullptr) throw std::logic_error("rule of no registered family: " + rule.id);
  rule.family = owner->index;
  if (!by_id_.emplace(upper(rule.id), rules_.size()).second) {
    throw std::logic_error("rule registered twice: " + rule.id);
  }
  rules_.push_back(std::move(rule));
}

void Registry::add_profile(Profile profile) {
  profile.included_.assign(families_.size(), false);
  if (profile.families.empty()) {
    for (const Family& f : families_)
      profile.included_[f.index] = !f.on_request;
  }
  for (const std::string& id : profile.families) {
    const Family* named = family(id);
    if (named == nullptr) throw std::logic_error("profile of an unknown family: " + id);
    profile.included_[named->index] = true;
  }
  // And their sub-families: a parent comes before its children.
  for (const Family& f : families_) {
    if (const Family* parent = family(f.parent); parent != nullptr && profile.includes(*parent)) {
      profile.included_[f.index] = true;
    }
  }
  profiles_.push_back(std::move(profile));
}

const Rule* Registry::find(std::string_view id) const {
  auto it = by_id_.find(upper(id));
  return it == by_id_.end() ? nullptr : &rules_[it->second];
}

const Family* Registry::family(std::string_view id) const {
  auto it = std::ranges::find(families_, id, &Family::id);
  return it == families_.end() ? nullptr : &*it;
}

const Family* Registry::family_of(std::string_view rule_id) const {
  const Rule* rule = find(rule_id);
  return rule == nullptr ? nullptr : &family_of(*rule);
}

bool Registry::applies(const Rule& rule, const Needs& available, const Needs& wanted) const {
  if (rule.reports_missing.any()) {
    return !rule.reports_missing.met_by(available) && rule.reports_missing.met_by(wanted);
  }
  return family_of(rule).needs.met_by(available);
}

const Profile* Registry::profile(std::string_view name) const {
  auto it = std::find_if(profiles_.begin(), profiles_.end(),
                         [&](const Profile& p) { return iequals(p.name, name); });
  return it == profiles_.end() ? nullptr : &*it;
}

}  // namespace cprokit
