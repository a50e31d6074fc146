#include "rules/engine/registry.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>

#include "rules/binding/binding_table.hpp"
#include "rules/chorus/chorus_rules.hpp"
#include "rules/en16931/en16931_rules.hpp"
#include "rules/syntax/syntax_rules.hpp"

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

Registry make_builtin() {
  Registry r;
  syntax::register_rules(r);
  en16931::register_rules(r);
  chorus::register_rules(r);
  binding::register_rules(r);
  r.add_profile({"all", {"Toutes les règles de cprokit.", "Every rule cprokit has."}, {""}});
  r.add_profile({"en16931",
                 {"EN 16931 : règles métier de la norme et lecture sûre du document.",
                  "EN 16931: the standard's business rules and safe reading of the document."},
                 {"BR-", "UBL-", "CII-", "XML-", "XSD-", "LIST-", "DOC-", "PDF-"}});
  r.add_profile({"chorus",
                 {"Chorus Pro : ses propres règles (CPRO-, ACCT-) après celles de l'EN 16931.",
                  "Chorus Pro: its own rules (CPRO-, ACCT-) after those of EN 16931."},
                 {"CPRO-", "ACCT-", "BR-", "UBL-", "CII-", "XML-", "XSD-", "LIST-", "JSON-", "DOC-",
                  "PDF-"}});
  r.add_profile({"syntax",
                 {"Lecture et schéma seulement (XML, XSD, JSON, PDF), sans règle métier.",
                  "Reading and schema only (XML, XSD, JSON, PDF), no business rule."},
                 {"XML-", "XSD-", "JSON-", "DOC-", "PDF-"}});
  return r;
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

const Registry& Registry::builtin() {
  static const Registry registry = make_builtin();
  return registry;
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
