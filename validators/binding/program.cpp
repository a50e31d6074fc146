#include "validators/binding/program.hpp"

#include <stdexcept>

#include "rules/catalogue/catalogue.hpp"
#include "rules/engine/registry.hpp"
#include "validators/readers/namespaces.hpp"

namespace cprokit::binding {
namespace {

// The official prefixes of each syntax, as the binding tables spell them.
const std::vector<std::pair<std::string_view, std::string_view>>& namespaces_of(
    std::string_view syntax) {
  static const std::vector<std::pair<std::string_view, std::string_view>> ubl = {
      {"ubl", ns::kUblInvoice},
      {"cn", ns::kUblCreditNote},
      {"cac", ns::kCac},
      {"cbc", ns::kCbc},
      {"ext", "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"},
  };
  static const std::vector<std::pair<std::string_view, std::string_view>> cii = {
      {"rsm", ns::kRsm}, {"ram", ns::kRam}, {"udt", ns::kUdt}, {"qdt", ns::kQdt}};
  return syntax == "UBL" ? ubl : cii;
}

// Splits `text` on `separator`, trimming spaces around each piece.
std::vector<std::string_view> split(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> out;
  while (true) {
    std::size_t at = text.find(separator);
    std::string_view piece = text.substr(0, at);
    while (piece.starts_with(' '))
      piece.remove_prefix(1);
    while (piece.ends_with(' '))
      piece.remove_suffix(1);
    out.push_back(piece);
    if (at == std::string_view::npos) return out;
    text.remove_prefix(at + separator.size());
  }
}

template <typename T>
std::vector<T>& slot(std::vector<std::vector<T>>& index, int id) {
  if (static_cast<std::size_t>(id) >= index.size()) index.resize(static_cast<std::size_t>(id) + 1);
  return index[static_cast<std::size_t>(id)];
}

void mark(std::vector<bool>& set, int id) {
  if (static_cast<std::size_t>(id) >= set.size()) set.resize(static_cast<std::size_t>(id) + 1);
  set[static_cast<std::size_t>(id)] = true;
}

template <typename T>
const std::vector<T>& at_or_empty(const std::vector<std::vector<T>>& index, int id) {
  static const std::vector<T> none;
  return id >= 0 && static_cast<std::size_t>(id) < index.size()
             ? index[static_cast<std::size_t>(id)]
             : none;
}

}  // namespace

Program::Program(const Table& table) : table_(table), namespaces_(namespaces_of(table.syntax)) {
  for (const Context& context : table.contexts) {
    CompiledContext compiled;
    compiled.guard = context.guard;
    for (std::string_view alternative : split(context.pattern, ", ")) {
      compiled.alternatives.push_back(compile_pattern(alternative));
    }
    const int index = static_cast<int>(contexts_.size());
    for (const Pattern& p : compiled.alternatives) {
      const Step& last = p.steps.back();
      if (last.wildcard) {
        if (wildcard_contexts_.empty() || wildcard_contexts_.back() != index) {
          wildcard_contexts_.push_back(index);
        }
      }
      for (int name : last.names)
        slot(contexts_by_name_, name).push_back(index);
    }
    contexts_.push_back(std::move(compiled));
  }
  // wildcard_ends() answers in one 64-bit mask.
  if (wildcard_contexts_.size() > 64) throw std::logic_error("over 64 wildcard contexts");
  judged_per_instance_.resize(contexts_.size());
  const Registry& registry = catalogue::builtin();
  family_ = registry.family(table.syntax);
  if (family_ == nullptr) throw std::logic_error("no family " + std::string(table.syntax));
  for (const Entry& entry : table.entries) {
    CompiledRule rule;
    rule.entry = &entry;
    rule.rule = registry.find(entry.id);
    if (rule.rule == nullptr) throw std::logic_error("unregistered rule " + std::string(entry.id));
    rule.context = entry.context;
    std::string_view target = entry.target;
    if (target.starts_with("//")) {
      rule.anywhere = true;
      target.remove_prefix(2);
    }
    if (!target.empty()) {
      for (std::string_view step : split(target, "/")) {
        if (step.starts_with('@')) {
          rule.attribute =
              attributes_.try_emplace(step.substr(1), attributes_.size()).first->second;
        } else {
          rule.steps.push_back(compile_step(step));
        }
      }
    }
    const int index = static_cast<int>(rules_.size());
    if (entry.kind == Kind::ExactlyOne || entry.kind == Kind::Required ||
        entry.kind == Kind::Special) {
      judged_per_instance_[entry.context].push_back(index);
    }
    if (entry.kind == Kind::Special && rule.anywhere) {
      mark(rule.attribute != kNoName ? recorded_attributes_ : recorded_elements_,
           rule.attribute != kNoName ? rule.attribute : rule.steps.back().names.front());
    } else if (entry.kind != Kind::Special) {
      const RuleEnd end{index, rule.context, static_cast<std::uint32_t>(rule.steps.size()),
                        rule.anywhere};
      if (rule.attribute != kNoName) {
        slot(rules_by_attribute_, rule.attribute).push_back(end);
      } else {
        for (int name : rule.steps.back().names)
          slot(rules_by_element_, name).push_back(end);
      }
    }
    rules_.push_back(std::move(rule));
  }
}

int Program::intern(std::string_view canonical) {
  return elements_.try_emplace(canonical, elements_.size()).first->second;
}

Step Program::compile_step(std::string_view text) {
  Step step;
  const std::size_t star = text.find('*');
  if (star == std::string_view::npos) {
    for (std::string_view name : split(text, "|"))
      step.names.push_back(intern(name));
    return step;
  }
  step.wildcard = true;
  step.suffix = text.substr(star + 1);
  step.ns = star == 0 ? -1 : namespace_of_prefix(text.substr(0, star - 1));
  return step;
}

Pattern Program::compile_pattern(std::string_view text) {
  Pattern pattern;
  pattern.absolute = text.starts_with('/');
  if (pattern.absolute) text.remove_prefix(1);
  for (std::string_view step : split(text, "/"))
    pattern.steps.push_back(compile_step(step));
  return pattern;
}

int Program::element(std::string_view canonical) const {
  auto it = elements_.find(canonical);
  return it == elements_.end() ? kNoName : it->second;
}

int Program::attribute(std::string_view name) const {
  auto it = attributes_.find(name);
  return it == attributes_.end() ? kNoName : it->second;
}

int Program::namespace_of_uri(std::string_view uri) const {
  for (std::size_t i = 0; i < namespaces_.size(); ++i) {
    if (xml::same_name(namespaces_[i].second, uri)) return static_cast<int>(i);
  }
  return -1;
}

int Program::namespace_of_prefix(std::string_view prefix) const {
  for (std::size_t i = 0; i < namespaces_.size(); ++i) {
    if (xml::same_name(namespaces_[i].first, prefix)) return static_cast<int>(i);
  }
  throw std::logic_error("unknown prefix in a binding table: " + std::string(prefix));
}

std::uint64_t Program::wildcard_ends(int ns, std::string_view local) const {
  std::uint64_t out = 0;
  for (std::size_t i = 0; i < wildcard_contexts_.size(); ++i) {
    for (const Pattern& pattern :
         contexts_[static_cast<std::size_t>(wildcard_contexts_[i])].alternatives) {
      const Step& last = pattern.steps.back();
      if (last.wildcard && (last.ns < 0 || last.ns == ns) && local.ends_with(last.suffix)) {
        out |= std::uint64_t{1} << i;
        break;
      }
    }
  }
  return out;
}

const std::vector<int>& Program::contexts_named(int id) const {
  return at_or_empty(contexts_by_name_, id);
}

const std::vector<RuleEnd>& Program::rules_ending_at_element(int id) const {
  return at_or_empty(rules_by_element_, id);
}

const std::vector<RuleEnd>& Program::rules_ending_at_attribute(int id) const {
  return at_or_empty(rules_by_attribute_, id);
}

const Program& program_for(Syntax syntax) {
  static const Program ubl(ubl_table());
  static const Program cii(cii_table());
  return syntax == Syntax::Ubl ? ubl : cii;
}

}  // namespace cprokit::binding
