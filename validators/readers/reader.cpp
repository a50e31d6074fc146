#include "validators/readers/reader.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

#include <fmt/core.h>

#include "rules/syntax/syntax_rules.hpp"

namespace cprokit::readers {

std::string_view trimmed_text(const pugi::xml_node& node) {
  std::string_view s = node.text().get();
  constexpr std::string_view kSpace = " \t\r\n";
  std::size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

Reader::Reader(const xml::LoadedXml& xml, std::vector<Finding>& findings)
    : xml_(xml),
      names_(xml.doc.document_element(), xml.nested_namespace_declarations),
      findings_(findings) {}

namespace {

// Beyond this many siblings walked in one lookup, the parent's children are
// grouped by name once and later lookups use the groups. Up to it, they are
// listed with their names on the first lookup: an element is looked up for
// several children, and each lookup then compares names already read.
constexpr int kManyChildren = 64;
constexpr auto kMostListed = static_cast<std::uint32_t>(kManyChildren);
// The children listed before the listings start afresh (about 100 KB).
constexpr std::size_t kListingCapacity = 4096;

// The first and last child named as `is_wanted` asks, from the parent's
// groups; nullopt when they cannot say (two spellings of the name match).
std::optional<Element::Group> group(const Element& parent, const xml::NameMatcher& is_wanted) {
  // An element with no child of that name: an empty group, nothing to walk.
  std::optional<Element::Group> found = Element::Group{};
  bool matched = false;
  for (const Element::Group& g : parent.groups) {
    if (!is_wanted(g.first)) continue;
    if (matched) return std::nullopt;  // two prefixes for one namespace: walk them all
    found = g;
    matched = true;
  }
  return found;
}

}  // namespace

Element Reader::root() const {
  return {xml_.doc.document_element(), nullptr, 0};
}

std::span<const Reader::ListedChild> Reader::listed_children(const Element& parent) const {
  Element::Listed& listed = parent.listed;
  if (listed.generation != listing_generation_) {
    if (listed_.size() + kMostListed > kListingCapacity) {
      listed_.clear();
      ++listing_generation_;
    }
    listed = {static_cast<std::uint32_t>(listed_.size()), 0, listing_generation_};
    for (pugi::xml_node c = parent.node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (listed.size == kMostListed) {
        listed_.resize(listed.begin);
        listed.size = 0;
        break;
      }
      listed_.push_back({c, c.name()});
      ++listed.size;
    }
  }
  return {listed_.data() + listed.begin, listed.size};
}

Element Reader::child(const Element& parent, xml::NamespaceUri uri, std::string_view local) const {
  xml::NameMatcher is_wanted(names_, uri, local);
  if (!parent.groups.empty()) {
    if (auto g = group(parent, is_wanted)) return {g->first, &parent, 0};
  }
  const std::span<const ListedChild> listed = listed_children(parent);
  if (!listed.empty()) {
    for (const ListedChild& c : listed) {
      if (is_wanted(c.node, c.name)) return {c.node, &parent, 0};
    }
    return {};
  }
  int walked = 0;
  for (pugi::xml_node c = parent.node.first_child(); c; c = c.next_sibling()) {
    if (is_wanted(c) && c.type() == pugi::node_element) return {c, &parent, 0};
    if (++walked == kManyChildren && parent.groups.empty()) group_children(parent);
  }
  return {};
}

std::vector<Element> Reader::children(const Element& parent, xml::NamespaceUri uri,
                                      std::string_view local) const {
  std::vector<Element> out;
  xml::NameMatcher is_wanted(names_, uri, local);
  if (parent.groups.empty()) {
    const std::span<const ListedChild> listed = listed_children(parent);
    if (!listed.empty()) {
      for (const ListedChild& c : listed) {
        if (is_wanted(c.node, c.name))
          out.emplace_back(c.node, &parent, static_cast<std::uint32_t>(out.size() + 1));
      }
      return out;
    }
  }
  pugi::xml_node from = parent.node.first_child();
  pugi::xml_node last;  // null: up to the last child
  if (!parent.groups.empty()) {
    if (auto g = group(parent, is_wanted)) {
      from = g->first;
      last = g->last;
    }
  }
  int walked = 0;
  for (pugi::xml_node c = from; c; c = c.next_sibling()) {
    if (is_wanted(c) && c.type() == pugi::node_element) {
      out.emplace_back(c, &parent, static_cast<std::uint32_t>(out.size() + 1));
    }
    if (c == last) break;
    if (++walked == kManyChildren && parent.groups.empty()) group_children(parent);
  }
  return out;
}

void Reader::group_children(const Element& parent) const {
  // Where a prefix may be bound anew below the root, one spelling may name two
  // things: lookups keep walking every child.
  if (xml_.nested_namespace_declarations) return;
  auto& groups = parent.groups;
  for (pugi::xml_node c = parent.node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const char* name = c.name();
    auto same = [name](const Element::Group& g) { return std::strcmp(g.first.name(), name) == 0; };
    // Siblings of one name mostly come together: try the latest group first.
    if (!groups.empty() && same(groups.back())) {
      groups.back().last = c;
    } else if (auto g = std::ranges::find_if(groups, same); g != groups.end()) {
      g->last = c;
    } else {
      groups.push_back({c, c});
    }
  }
}

const PathStep* Reader::step_of(const Element& e) const {
  if (e.step == nullptr) {
    const PathStep* up = e.parent != nullptr ? step_of(*e.parent) : nullptr;
    e.step = paths_->step(up, e.node.name(), e.position);
  }
  return e.step;
}

SourceRef Reader::where(const Element& e) const {
  return {step_of(e), xml_.line_of(e.node), 0};
}

Element Reader::detached(const Element& e) const {
  Element out(e.node, nullptr, e.position);
  out.step = step_of(e);
  return out;
}

std::vector<WrittenText> Reader::take_padded_texts() {
  std::ranges::sort(padded_, std::less{}, &WrittenText::step);
  return std::move(padded_);
}

std::string_view Reader::read_text(const Element& e, Keep keep, const SourceRef& source) const {
  const std::string_view trimmed = trimmed_text(e.node);
  if (keep == Keep::AsWritten) {
    const std::string_view written = e.node.text().get();
    if (written.size() != trimmed.size()) padded_.push_back({source.step, std::string(written)});
  }
  return trimmed;
}

Text Reader::text_of(const Element& e, Keep keep) const {
  SourceRef source = where(e);
  return {std::string(read_text(e, keep, source)), source};
}

std::optional<Text> Reader::text(const Element& parent, xml::NamespaceUri uri,
                                 std::string_view local, Keep keep) const {
  Element e = child(parent, uri, local);
  if (!e) return std::nullopt;
  return text_of(e, keep);
}

Identifier Reader::identifier_of(const Element& e, Keep keep) const {
  pugi::xml_attribute scheme = e.node.attribute("schemeID");
  SourceRef source = where(e);
  return {std::string(read_text(e, keep, source)), scheme.value(), source, !scheme.empty()};
}

std::optional<Identifier> Reader::identifier(const Element& parent, xml::NamespaceUri uri,
                                             std::string_view local, Keep keep) const {
  Element e = child(parent, uri, local);
  if (!e) return std::nullopt;
  return identifier_of(e, keep);
}

std::optional<Decimal> Reader::decimal_of(const Element& e) const {
  std::string_view raw = e.node.text().get();
  if (auto d = Decimal::parse(raw)) return d;
  unreadable_.push_back(where(e));
  findings_.push_back(syntax::finding(
      syntax::kNotANumber, where(e).location(),
      {fmt::format("« {} » n'est pas un nombre décimal (attendu : chiffres et point décimal, "
                   "par exemple 1250.50). Cette valeur est ignorée par les autres contrôles.",
                   raw),
       fmt::format("\"{}\" is not a decimal number (expected digits and a decimal point, "
                   "e.g. 1250.50). The other checks ignore this value.",
                   raw)}));
  return std::nullopt;
}

std::optional<Amount> Reader::amount_of(const Element& e) const {
  auto d = decimal_of(e);
  if (!d) return std::nullopt;
  return Amount{*d, e.node.attribute("currencyID").value(), where(e), e.node.text().get()};
}

std::optional<Amount> Reader::amount_of(const Element& e,
                                        std::optional<UnreadableAmount>& unreadable) const {
  auto a = amount_of(e);
  if (!a) {
    unreadable =
        UnreadableAmount{e.node.text().get(), e.node.attribute("currencyID").value(), where(e)};
  }
  return a;
}

std::optional<Number> Reader::number_of(const Element& e) const {
  auto d = decimal_of(e);
  if (!d) return std::nullopt;
  return Number{*d, where(e), e.node.text().get()};
}

std::optional<Amount> Reader::amount(const Element& parent, xml::NamespaceUri uri,
                                     std::string_view local) const {
  Element e = child(parent, uri, local);
  if (!e) return std::nullopt;
  return amount_of(e);
}

std::optional<Amount> Reader::amount(const Element& parent, xml::NamespaceUri uri,
                                     std::string_view local,
                                     std::optional<UnreadableAmount>& unreadable) const {
  Element e = child(parent, uri, local);
  if (!e) return std::nullopt;
  return amount_of(e, unreadable);
}

std::optional<Number> Reader::number(const Element& parent, xml::NamespaceUri uri,
                                     std::string_view local) const {
  Element e = child(parent, uri, local);
  if (!e) return std::nullopt;
  return number_of(e);
}

std::optional<Number> Reader::number(const Element& parent, xml::NamespaceUri uri,
                                     std::string_view local,
                                     std::optional<Text>& unreadable) const {
  Element e = child(parent, uri, local);
  if (!e) return std::nullopt;
  auto n = number_of(e);
  if (!n) unreadable = Text{e.node.text().get(), where(e)};
  return n;
}

}  // namespace cprokit::readers
