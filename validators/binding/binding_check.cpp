#include "validators/binding/binding_check.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "rules/binding/binding_table.hpp"
#include "validators/binding/document_view.hpp"
#include "validators/binding/special_checks.hpp"

namespace cprokit::binding {
namespace {

// The special check of each rule of `program` (null for the other kinds).
const std::vector<SpecialCheck>& specials_of(const Program& program) {
  static const auto build = [](const Program& p) {
    std::vector<SpecialCheck> out;
    for (const CompiledRule& rule : p.rules()) {
      SpecialCheck check =
          rule.entry->kind == Kind::Special ? special_check(rule.entry->id) : nullptr;
      if (rule.entry->kind == Kind::Special && check == nullptr) {
        throw std::logic_error("no check for " + std::string(rule.entry->id));
      }
      out.push_back(check);
    }
    return out;
  };
  static const std::vector<SpecialCheck> ubl = build(program_for(Syntax::Ubl));
  static const std::vector<SpecialCheck> cii = build(program_for(Syntax::Cii));
  return &program == &program_for(Syntax::Ubl) ? ubl : cii;
}

struct Frame {
  pugi::xml_node node;
  ResolvedName name;
  std::string_view local;  // the element's local name, read once
  int context = -1;        // the first context matching this element, or -1
  int instance = -1;       // its index in Walk::instances_ when it has a context
};

struct Instance {
  pugi::xml_node node;
  int context;
};

// One occurrence of a rule's target below a context instance; key: the rule
// in the high 32 bits, the instance in the low ones.
struct Hit {
  std::uint64_t key;
  pugi::xml_node where;
};

std::uint64_t hit_key(int rule, int instance) {
  return (static_cast<std::uint64_t>(rule) << 32) | static_cast<std::uint32_t>(instance);
}

bool key_less(const Hit& a, const Hit& b) {
  return a.key < b.key;
}

struct Failure {
  int rule;
  int instance;
  pugi::xml_node where;
};

class Walk {
 public:
  Walk(const Program& program, DocumentView& doc)
      : program_(program),
        doc_(doc),
        price_(program.element("cac:Price")),
        tax_total_amount_(program.element("ram:TaxTotalAmount")) {}

  void run(const pugi::xml_node& root) {
    visit(root);
    judge();
  }

  std::vector<Failure>& failures() { return failures_; }

 private:
  static bool step_matches(const Step& step, const Frame& frame) {
    if (!step.wildcard) {
      return std::find(step.names.begin(), step.names.end(), frame.name.id) != step.names.end();
    }
    return (step.ns < 0 || frame.name.ns == step.ns) &&
           xml::name_ends_with(frame.local, step.suffix);
  }

  // Whether `steps` match the frames ending at stack_[top].
  bool steps_match(const std::vector<Step>& steps, std::size_t top) const {
    if (steps.size() > top + 1) return false;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (!step_matches(steps[steps.size() - 1 - i], stack_[top - i])) return false;
    }
    return true;
  }

  bool guard_holds(Guard guard, const Frame& frame) const {
    switch (guard) {
      case Guard::None:
        return true;
      case Guard::ChargeFalse:
      case Guard::ChargeTrue:
        for (const auto& indicator : doc_.all(frame.node, "cbc:ChargeIndicator")) {
          if (boolean_value(text_of(indicator)) == (guard == Guard::ChargeTrue)) return true;
        }
        return false;
      case Guard::NotPriceAmount:
        if (frame.local.ends_with("PriceAmount")) return false;
        return std::none_of(stack_.begin(), stack_.end() - 1, [&](const Frame& f) {
          return is(f, price_, "cac:Price") && doc_.has(f.node, "cac:AllowanceCharge");
        });
      case Guard::NotTaxTotalAmount:
        return !is(frame, tax_total_amount_, "ram:TaxTotalAmount");
      case Guard::Format102:
        return std::string_view(frame.node.attribute("format").value()) == "102";
    }
    return false;
  }

  // Whether `frame` is the element `canonical`, interned as `id`: its
  // resolved name says so without a lookup.
  bool is(const Frame& frame, int id, std::string_view canonical) const {
    return id != kNoName ? frame.name.id == id : doc_.is(frame.node, canonical);
  }

  // The first context matching the element on top of the stack, or -1.
  int context_of_top() const {
    const std::size_t top = stack_.size() - 1;
    const Frame& frame = stack_[top];
    int best = -1;
    auto consider = [&](int index) {
      if (best >= 0 && index >= best) return;
      const CompiledContext& context = program_.contexts()[static_cast<std::size_t>(index)];
      for (const Pattern& pattern : context.alternatives) {
        if (pattern.absolute && pattern.steps.size() != top + 1) continue;
        if (steps_match(pattern.steps, top) && guard_holds(context.guard, frame)) {
          best = index;
          return;
        }
      }
    };
    for (int index : program_.contexts_named(frame.name.id))
      consider(index);
    const std::vector<int>& wildcards = program_.wildcard_contexts();
    for (std::uint64_t ends = frame.name.wildcard_ends; ends != 0; ends &= ends - 1) {
      consider(wildcards[static_cast<std::size_t>(std::countr_zero(ends))]);
    }
    return best;
  }

  // The frame of the context instance a target ending at stack_[top] counts
  // for, or nullptr.
  const Frame* context_frame(const RuleEnd& end, std::size_t top) const {
    // The context first, from the index: one comparison rejects most of the
    // rules ending with a common name ("cbc:ID"), before their steps are
    // matched.
    const Frame* frame = nullptr;
    if (end.anywhere) {
      frame = &stack_.front();
    } else if (top >= end.depth) {
      frame = &stack_[top - end.depth];
    }
    if (frame == nullptr || frame->context != end.context) return nullptr;
    return steps_match(program_.rules()[static_cast<std::size_t>(end.rule)].steps, top) ? frame
                                                                                        : nullptr;
  }

  // Appended, grouped by judge(): a few hundred a document, where a node-based
  // map cost an allocation each.
  void hit(int rule, const Frame& context, const pugi::xml_node& where) {
    hits_.push_back({hit_key(rule, context.instance), where});
  }

  void visit(const pugi::xml_node& node) {
    const std::string_view qualified = node.name();
    const ResolvedName name = doc_.resolve(node, qualified);
    stack_.push_back({node, name, qualified.substr(name.local_at)});
    const std::size_t top = stack_.size() - 1;
    Frame& frame = stack_[top];
    frame.context = context_of_top();
    if (frame.context >= 0) {
      frame.instance = static_cast<int>(instances_.size());
      instances_.push_back({node, frame.context});
    }
    if (program_.records_element(frame.name.id)) doc_.record_element(frame.name.id, node);
    for (const RuleEnd& end : program_.rules_ending_at_element(frame.name.id)) {
      if (const Frame* context = context_frame(end, top)) hit(end.rule, *context, node);
    }
    // first_attribute()/next_attribute(), not attributes(): building the
    // range's iterators cost more than the loop for the attribute-less
    // elements that make most of an invoice.
    for (pugi::xml_attribute attribute = node.first_attribute(); attribute;
         attribute = attribute.next_attribute()) {
      const int id = program_.attribute(attribute.name());
      if (id == kNoName) continue;
      if (program_.records_attribute(id)) doc_.record_bearer(id, node);
      for (const RuleEnd& end : program_.rules_ending_at_attribute(id)) {
        if (const Frame* context = context_frame(end, top)) hit(end.rule, *context, node);
      }
    }
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_element) visit(child);
    }
    stack_.pop_back();
  }

  bool has_hit(std::uint64_t key) const {
    return std::binary_search(hits_.begin(), hits_.end(), Hit{key, {}}, key_less);
  }

  static std::size_t limit(Kind kind) { return kind == Kind::AtMostTwo ? 2 : 1; }

  void judge() {
    const auto& specials = specials_of(program_);
    // Stable: within a key, the hits stay in document order (first, last).
    std::stable_sort(hits_.begin(), hits_.end(), key_less);
    for (auto group = hits_.begin(); group != hits_.end();) {
      auto end =
          std::find_if(group, hits_.end(), [&](const Hit& h) { return h.key != group->key; });
      const auto count = static_cast<std::size_t>(end - group);
      const int rule = static_cast<int>(group->key >> 32);
      const int instance = static_cast<int>(group->key & 0xFFFFFFFFU);
      const Kind kind = program_.rules()[static_cast<std::size_t>(rule)].entry->kind;
      if (kind == Kind::Absent) {
        failures_.push_back({rule, instance, group->where});
      } else if ((kind == Kind::AtMostOne || kind == Kind::AtMostTwo || kind == Kind::ExactlyOne) &&
                 count > limit(kind)) {
        failures_.push_back({rule, instance, (end - 1)->where});
      }
      group = end;
    }
    for (std::size_t i = 0; i < instances_.size(); ++i) {
      const Instance& instance = instances_[i];
      for (int rule : program_.judged_per_instance(instance.context)) {
        const auto r = static_cast<std::size_t>(rule);
        const Kind kind = program_.rules()[r].entry->kind;
        const bool fails = kind == Kind::Special ? !specials[r](doc_, instance.node)
                                                 : !has_hit(hit_key(rule, static_cast<int>(i)));
        if (fails) failures_.push_back({rule, static_cast<int>(i), instance.node});
      }
    }
    std::sort(failures_.begin(), failures_.end(), [](const Failure& a, const Failure& b) {
      return a.rule != b.rule ? a.rule < b.rule : a.instance < b.instance;
    });
  }

  const Program& program_;
  DocumentView& doc_;
  const int price_;  // the ids of the names the guards test
  const int tax_total_amount_;
  std::vector<Frame> stack_;
  std::vector<Instance> instances_;
  std::vector<Hit> hits_;
  std::vector<Failure> failures_;
};

// "/Invoice/cac:InvoiceLine[2]/cbc:Note": positions where siblings repeat.
std::string path_of(const pugi::xml_node& node) {
  std::vector<std::string> steps;
  for (pugi::xml_node n = node; n.type() == pugi::node_element; n = n.parent()) {
    std::size_t position = 1;
    for (pugi::xml_node s = n.previous_sibling(n.name()); s; s = s.previous_sibling(n.name()))
      ++position;
    const bool repeats = position > 1 || n.next_sibling(n.name());
    steps.push_back(repeats ? std::string(n.name()) + "[" + std::to_string(position) + "]"
                            : std::string(n.name()));
  }
  std::reverse(steps.begin(), steps.end());
  std::string out;
  for (const std::string& step : steps)
    out += "/" + step;
  return out;
}

}  // namespace

bool is_cius_restriction(std::string_view rule) {
  const auto& entries = cii_table().entries;
  const auto entry =
      std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.id == rule; });
  return entry != entries.end() && entry->kind == Kind::Absent &&
         entry->severity == Severity::Warning;
}

void check(const xml::LoadedXml& loaded, Syntax syntax, const Profile& profile,
           std::vector<Finding>& findings) {
  if (syntax != Syntax::Ubl && syntax != Syntax::Cii) return;
  const Program& program = program_for(syntax);
  if (!profile.includes(program.family())) return;
  const pugi::xml_node root = loaded.doc.document_element();
  DocumentView doc(program, root, loaded.nested_namespace_declarations);
  Walk walk(program, doc);
  walk.run(root);
  for (const Failure& failure : walk.failures()) {
    const Rule& rule = *program.rules()[static_cast<std::size_t>(failure.rule)].rule;
    if (!profile.includes(rule)) continue;
    findings.push_back({rule.id,
                        rule.severity,
                        rule.title,
                        {path_of(failure.where), loaded.line_of(failure.where), 0},
                        rule.terms});
  }
}

}  // namespace cprokit::binding
