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

bool Profile::includes(std::string_view rule_id) const {
  return std::any_of(id_prefixes.begin(), id_prefixes.end(),
                     [&](const std::string& p) { return rule_id.starts_with(p); });
}

void Registry::add(Rule rule) {
  if (!by_id_.emplace(upper(rule.id), rules_.size()).second) {
    throw std::logic_error("rule registered twice: " + rule.id);
  }
  rules_.push_back(std::move(rule));
}

void Registry::add_profile(Profile profile) {
  profiles_.push_back(std::move(profile));
}

const Rule* Registry::find(std::string_view id) const {
  auto it = by_id_.find(upper(id));
  return it == by_id_.end() ? nullptr : &rules_[it->second];
}

const Profile* Registry::profile(std::string_view name) const {
  auto it = std::find_if(profiles_.begin(), profiles_.end(),
                         [&](const Profile& p) { return iequals(p.name, name); });
  return it == profiles_.end() ? nullptr : &*it;
}

}  // namespace cprokit
