#include "validators/binding/document_view.hpp"

#include <algorithm>
#include <string>

#include "rules/model/text.hpp"

namespace cprokit::binding {
namespace {

const std::vector<pugi::xml_node> kNone;

}  // namespace

DocumentView::DocumentView(const Program& program, const pugi::xml_node& root,
                           bool nested_declarations)
    : program_(program),
      root_(root),
      names_(root, nested_declarations),
      nested_(nested_declarations),
      recorded_(program.element_count()),
      bearers_(program.attribute_count()) {
  if (!nested_) {
    resolved_ = &ResolvedNames::for_document(program, names_.root_bindings());
    generation_ = resolved_->generation();
  }
}

ResolvedName DocumentView::resolve(const pugi::xml_node& element,
                                   std::string_view qualified) const {
  ResolvedNames* resolved =
      resolved_ != nullptr && resolved_->generation() == generation_ ? resolved_ : nullptr;
  const std::size_t hash = resolved != nullptr ? XmlNameHash{}(qualified) : 0;
  if (resolved != nullptr) {
    if (const ResolvedName* known = resolved->find(qualified, hash)) return *known;
  }
  ResolvedName out;
  out.ns = program_.namespace_of_uri(names_.uri(element));
  const std::string_view local = xml::local_name(qualified);
  out.local_at = static_cast<std::uint32_t>(qualified.size() - local.size());
  out.wildcard_ends = program_.wildcard_ends(out.ns, local);
  if (out.ns >= 0) {
    const std::string_view prefix = program_.prefix(out.ns);
    if (xml::same_name(xml::prefix_of(qualified), prefix)) {
      out.id = program_.element(qualified);
    } else {
      std::string canonical(prefix);
      canonical += ':';
      canonical += local;
      out.id = program_.element(canonical);
    }
  }
  if (resolved != nullptr) resolved->add(qualified, hash, out);
  return out;
}

xml::NameMatcher DocumentView::matcher(std::string_view canonical) const {
  const std::size_t colon = xml::colon_of(canonical);
  const std::string_view prefix = canonical.substr(0, colon);
  // The checks ask names of one namespace in runs: the previous prefix first.
  if (last_ns_ < 0 || !xml::same_name(prefix, last_prefix_)) {
    last_prefix_.assign(prefix);
    last_ns_ = program_.namespace_of_prefix(prefix);
  }
  return {names_, program_.uri(last_ns_), canonical.substr(colon + 1)};
}

bool DocumentView::is(const pugi::xml_node& element, std::string_view canonical) const {
  return element.type() == pugi::node_element && matcher(canonical)(element);
}

namespace {

// Calls `found` with each element at `path` below `from`, in document order
// (depth first over the steps gives the order of a step-by-step search), until
// it returns false; returns false when stopped. No allocation: the special
// checks ask this of every line.
template <class Found>
bool each_at(const DocumentView& doc, const pugi::xml_node& from, std::string_view path,
             const Found& found) {
  const std::size_t slash = path.find('/');
  const xml::NameMatcher wanted = doc.matcher(path.substr(0, slash));
  const std::string_view rest =
      slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
  for (pugi::xml_node child = from.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element || !wanted(child)) continue;
    if (!(rest.empty() ? found(child) : each_at(doc, child, rest, found))) return false;
  }
  return true;
}

}  // namespace

std::vector<pugi::xml_node> DocumentView::all(const pugi::xml_node& from,
                                              std::string_view path) const {
  std::vector<pugi::xml_node> out;
  each_at(*this, from, path, [&](const pugi::xml_node& n) {
    out.push_back(n);
    return true;
  });
  return out;
}

pugi::xml_node DocumentView::first(const pugi::xml_node& from, std::string_view path) const {
  pugi::xml_node out;
  each_at(*this, from, path, [&](const pugi::xml_node& n) {
    out = n;
    return false;
  });
  return out;
}

std::size_t DocumentView::count(const pugi::xml_node& from, std::string_view path) const {
  std::size_t out = 0;
  each_at(*this, from, path, [&](const pugi::xml_node&) {
    ++out;
    return true;
  });
  return out;
}

bool DocumentView::some_bears(std::string_view path, std::string_view attribute) const {
  for (const Bears& known : bears_) {
    if (known.path == path && known.attribute == attribute) return known.any;
  }
  Bears& added = bears_.emplace_back(Bears{std::string(path), std::string(attribute), false});
  added.any = std::ranges::any_of(all(root_, path), [&](const pugi::xml_node& node) {
    return !node.attribute(added.attribute.c_str()).empty();
  });
  return added.any;
}

const std::vector<pugi::xml_node>& DocumentView::recorded(std::string_view canonical) const {
  const int id = program_.element(canonical);
  return id == kNoName ? kNone : recorded_[static_cast<std::size_t>(id)];
}

const std::vector<pugi::xml_node>& DocumentView::bearers(std::string_view name) const {
  const int id = program_.attribute(name);
  return id == kNoName ? kNone : bearers_[static_cast<std::size_t>(id)];
}

void DocumentView::record_element(int id, const pugi::xml_node& element) {
  recorded_[static_cast<std::size_t>(id)].push_back(element);
}

void DocumentView::record_bearer(int attribute, const pugi::xml_node& element) {
  bearers_[static_cast<std::size_t>(attribute)].push_back(element);
}

std::optional<bool> boolean_value(std::string_view text) {
  while (!text.empty() && is_xml_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_xml_space(text.back()))
    text.remove_suffix(1);
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  return std::nullopt;
}

}  // namespace cprokit::binding
