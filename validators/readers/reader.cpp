#include "validators/readers/reader.hpp"

#include <array>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

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

Element Reader::root() const {
  return {xml_.doc.document_element(), nullptr, 0, {}};
}

Element Reader::child(const Element& parent, std::string_view uri, std::string_view local) const {
  xml::NameMatcher is_wanted(names_, uri, local);
  for (pugi::xml_node c = parent.node.first_child(); c; c = c.next_sibling()) {
    if (is_wanted(c) && c.type() == pugi::node_element) {
      return {c, &parent, 0, {}};
    }
  }
  return {};
}

std::vector<Element> Reader::children(const Element& parent, std::string_view uri,
                                      std::string_view local) const {
  std::vector<Element> out;
  xml::NameMatcher is_wanted(names_, uri, local);
  for (pugi::xml_node c = parent.node.first_child(); c; c = c.next_sibling()) {
    if (is_wanted(c) && c.type() == pugi::node_element) {
      out.push_back({c, &parent, static_cast<std::uint32_t>(out.size() + 1), {}});
    }
  }
  return out;
}

const std::string& Reader::path_of(const Element& e) const {
  if (!e.path.empty()) return e.path;
  const char* name = e.node.name();
  if (e.parent != nullptr) {
    const std::string& up = path_of(*e.parent);
    e.path.reserve(up.size() + std::strlen(name) + 12);
    e.path = up;
  }
  e.path += '/';
  e.path += name;
  if (e.position != 0) {
    std::array<char, 12> digits{};
    auto* end = std::to_chars(digits.begin(), digits.end(), e.position).ptr;
    e.path += '[';
    e.path.append(digits.begin(), end);
    e.path += ']';
  }
  return e.path;
}

SourceRef Reader::where(const Element& e) const {
  return {path_of(e), xml_.line_of(e.node), 0};
}

Text Reader::text_of(const Element& e) const {
  return {std::string(trimmed_text(e.node)), where(e)};
}

std::optional<Text> Reader::text(const Element& parent, std::string_view uri,
                                 std::string_view local) const {
  Element e = child(parent, uri, local);
  if (!e) return std::nullopt;
  return text_of(e);
}

Identifier Reader::identifier_of(const Element& e) const {
  return {std::string(trimmed_text(e.node)), e.node.attribute("schemeID").value(), where(e)};
}

std::optional<Identifier> Reader::identifier(const Element& parent, std::string_view uri,
                                             std::string_view local) const {
  Element e = child(parent, uri, local);
  if (!e) return std::nullopt;
  return identifier_of(e);
}

std::optional<Decimal> Reader::decimal_of(const Element& e) const {
  std::string_view raw = e.node.text().get();
  if (auto d = Decimal::parse(raw)) return d;
  SourceRef at = where(e);
  findings_.push_back(syntax::finding(
      syntax::kNotANumber, at,
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
  return Amount{*d, e.node.attribute("currencyID").value(), where(e)};
}

std::optional<Number> Reader::number_of(const Element& e) const {
  auto d = decimal_of(e);
  if (!d) return std::nullopt;
  return Number{*d, where(e)};
}

std::optional<Amount> Reader::amount(const Element& parent, std::string_view uri,
                                     std::string_view local) const {
  Element e = child(parent, uri, local);
  if (!e) return std::nullopt;
  return amount_of(e);
}

std::optional<Number> Reader::number(const Element& parent, std::string_view uri,
                                     std::string_view local) const {
  Element e = child(parent, uri, local);
  if (!e) return std::nullopt;
  return number_of(e);
}

}  // namespace cprokit::readers
