// What the UBL and CII readers share: walking the document by namespace and
// local name, keeping each value's path and line, and turning element text
// into the model's value types (a number that does not parse becomes an
// XML-07 finding and stays out of the model).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "rules/finding.hpp"
#include "rules/model/invoice.hpp"
#include "validators/xml/names.hpp"
#include "validators/xml/safe_xml.hpp"

namespace cprokit::readers {

// An element and how it was reached from the root. Its path step
// ("cac:InvoiceLine[2]" below its parent) is made only for the elements whose
// values go into the model (Reader::where), not for every element walked through.
struct Element {
  // The children of an element that has many (the invoice lines' parent),
  // grouped by qualified name, so that a lookup does not walk past every line.
  struct Group {
    pugi::xml_node first, last;
  };
  // Where the Reader listed the children of an element that has few, with
  // their names: [begin, begin + size) of its list of generation `generation`.
  struct Listed {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
    std::uint32_t generation = 0;  // 0: not listed
  };

  Element() = default;
  Element(pugi::xml_node n, const Element* up, std::uint32_t pos)
      : node(n), parent(up), position(pos) {}

  pugi::xml_node node;
  const Element* parent = nullptr;         // null for the root; outlives this element
  std::uint32_t position = 0;              // 1-based among its same-named siblings; 0: not counted
  mutable const PathStep* step = nullptr;  // made on first need (Reader::step_of)
  mutable std::vector<Group> groups;       // made once a lookup has walked past many
  mutable Listed listed;                   // made on the first lookup (Reader::listed_children)

  explicit operator bool() const { return static_cast<bool>(node); }
};

// Whether a text is read trimmed only (the model's value), or also kept as
// written when white space surrounds it, for the rules that judge it so
// (Invoice::padded_texts).
enum class Keep { Trimmed, AsWritten };

class Reader {
 public:
  Reader(const xml::LoadedXml& xml, std::vector<Finding>& findings);

  Element root() const;

  // First child element (uri, local) of `parent`; empty when absent. The
  // result refers to `parent`, which must outlive it (as a caller's local does).
  Element child(const Element& parent, xml::NamespaceUri uri, std::string_view local) const;
  // Every such child, each path with its 1-based position: "…/cac:InvoiceLine[3]".
  std::vector<Element> children(const Element& parent, xml::NamespaceUri uri,
                                std::string_view local) const;

  SourceRef where(const Element& e) const;
  // `e` on its own, its path made now: it may outlive the walk that found it.
  Element detached(const Element& e) const;

  // Values of a child element of `parent` (nullopt when the child is absent).
  std::optional<Text> text(const Element& parent, xml::NamespaceUri uri, std::string_view local,
                           Keep keep = Keep::Trimmed) const;
  std::optional<Identifier> identifier(const Element& parent, xml::NamespaceUri uri,
                                       std::string_view local,
                                       Keep keep = Keep::Trimmed) const;  // scheme: schemeID
  std::optional<Amount> amount(const Element& parent, xml::NamespaceUri uri,
                               std::string_view local) const;  // currency: currencyID
  std::optional<Number> number(const Element& parent, xml::NamespaceUri uri,
                               std::string_view local) const;
  // The same, and when the element is there but is no decimal, its text as
  // written in `unreadable`: the reform's rules on a VAT rate's spelling
  // (BR-FR-16, BR-FR-DEC-04) judge "20,0" too.
  std::optional<Number> number(const Element& parent, xml::NamespaceUri uri, std::string_view local,
                               std::optional<Text>& unreadable) const;
  // An amount likewise: when it is no decimal, `unreadable` gets it as
  // written (a few reform tests read it with XPath number(): "1e2" is 100).
  std::optional<Amount> amount(const Element& parent, xml::NamespaceUri uri, std::string_view local,
                               std::optional<UnreadableAmount>& unreadable) const;

  // The same, for an element already found.
  Text text_of(const Element& e, Keep keep = Keep::Trimmed) const;
  Identifier identifier_of(const Element& e, Keep keep = Keep::Trimmed) const;
  std::optional<Amount> amount_of(const Element& e) const;
  std::optional<Amount> amount_of(const Element& e,
                                  std::optional<UnreadableAmount>& unreadable) const;
  std::optional<Number> number_of(const Element& e) const;

  // A term present and empty, placed at `e`: for an element that wraps a term
  // (CII ram:URIUniversalCommunication around ram:URIID…) and has lost it,
  // where the official tests ask for the wrapper, not for the term.
  Text empty_text_at(const Element& e) const { return {std::string(), where(e)}; }
  Identifier empty_identifier_at(const Element& e) const { return {{}, {}, where(e)}; }

  const xml::Names& names() const { return names_; }

  // The elements whose number did not parse (XML-07), in document order.
  const std::vector<SourceRef>& unreadable_numbers() const { return unreadable_; }

  // The texts read with Keep::AsWritten that white space surrounds, ordered
  // by step for Invoice::padded_texts; taken once, when the model is done.
  std::vector<WrittenText> take_padded_texts();

  // The path steps of every SourceRef made so far, for the model to keep.
  std::shared_ptr<const SourcePaths> paths() const { return paths_; }

 private:
  // A child element and its qualified name, read once per parent.
  struct ListedChild {
    pugi::xml_node node;
    std::string_view name;
  };

  const PathStep* step_of(const Element& e) const;
  void group_children(const Element& parent) const;
  // The element children of `parent`, listed on the first lookup; empty
  // (nothing listed) past kManyChildren, where the groups serve instead.
  std::span<const ListedChild> listed_children(const Element& parent) const;
  std::optional<Decimal> decimal_of(const Element& e) const;
  // The trimmed text of `e`; with Keep::AsWritten, the text as written too
  // when they differ, placed at `source`.
  std::string_view read_text(const Element& e, Keep keep, const SourceRef& source) const;

  const xml::LoadedXml& xml_;
  std::shared_ptr<SourcePaths> paths_ = std::make_shared<SourcePaths>();
  xml::Names names_;
  std::vector<Finding>& findings_;
  mutable std::vector<SourceRef> unreadable_;
  mutable std::vector<WrittenText> padded_;
  // Every listing made since the last reset: bounded, so that a 100,000-line
  // invoice does not keep one per element read. A reset starts a new
  // generation, and the elements listed before list their children again.
  mutable std::vector<ListedChild> listed_;
  mutable std::uint32_t listing_generation_ = 1;
};

// Element text with XML whitespace trimmed at both ends.
std::string_view trimmed_text(const pugi::xml_node& node);

}  // namespace cprokit::readers
