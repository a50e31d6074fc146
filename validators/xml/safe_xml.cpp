#include "validators/xml/safe_xml.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <limits>

#include <fmt/core.h>

#include "rules/syntax/syntax_rules.hpp"
#include "validators/xml/encoding.hpp"

namespace cprokit::xml {
namespace {

std::vector<std::uint32_t> index_lines(std::string_view text) {
  std::vector<std::uint32_t> starts{0};
  for (std::size_t at = text.find('\n'); at != std::string_view::npos;
       at = text.find('\n', at + 1)) {
    starts.push_back(static_cast<std::uint32_t>(at + 1));
  }
  return starts;
}

// Whether an attribute name declares a namespace: xmlns or xmlns:prefix.
bool declares_namespace(const char* name) {
  return std::strncmp(name, "xmlns", 5) == 0 && (name[5] == '\0' || name[5] == ':');
}

// Stops at the first element declaring a namespace.
class FindDeclaration : public pugi::xml_tree_walker {
 public:
  bool for_each(pugi::xml_node& node) override {
    // Only elements have attributes below the root: no need to ask the type.
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
      if (declares_namespace(a.name())) {
        found_ = true;
        return false;
      }
    }
    return true;
  }
  bool found() const { return found_; }

 private:
  bool found_ = false;
};

// Whether an element below the root may declare a namespace. The bytes from
// the root's first child on are searched for "xmlns" first: on markup that
// is a few jumps between the x of the "Tax" names, and a mention in a text
// or a comment only costs the readers their fast path. A base64 attachment
// has an x every 64 bytes or so, each stopping the search (~20 us a document
// on the official examples): after kMaxMisses of them the elements'
// attributes are asked instead, a few ns an element whatever the texts hold.
bool may_declare_below_root(std::string_view text, const pugi::xml_node& root) {
  constexpr int kMaxMisses = 256;
  pugi::xml_node first = root.first_child();
  if (!first) return false;
  auto from = static_cast<std::size_t>(std::max<std::ptrdiff_t>(first.offset_debug(), 0));
  int misses = 0;
  for (std::size_t at = text.find('x', std::min(from, text.size())); at != std::string_view::npos;
       at = text.find('x', at + 1)) {
    if (text.substr(at, 5) == "xmlns") return true;
    if (++misses > kMaxMisses) {
      FindDeclaration find;
      pugi::xml_node walked = root;  // traverse() is not const
      walked.traverse(find);
      return find.found();
    }
  }
  return false;
}

std::uint32_t line_at(const std::vector<std::uint32_t>& starts, std::size_t offset) {
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  return static_cast<std::uint32_t>(it - starts.begin());
}

// Column in characters (not bytes) of `offset` on its line.
std::uint32_t column_at(std::string_view text, const std::vector<std::uint32_t>& starts,
                        std::size_t offset) {
  std::size_t start = starts[line_at(starts, offset) - 1];
  std::uint32_t column = 1;
  for (std::size_t i = start; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) ++column;
  }
  return column;
}

bool only_whitespace(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

void report(std::vector<Finding>& findings, std::string_view id, Location where, std::string fr,
            std::string en) {
  findings.push_back(syntax::finding(id, std::move(where), {std::move(fr), std::move(en)}));
}

// The first element nested deeper than the cap. pugixml's traversal walks the
// tree without recursion (a hostile file may nest very deeply), and inside
// the library, several times faster than a walk through the node API.
class DepthCheck : public pugi::xml_tree_walker {
 public:
  explicit DepthCheck(unsigned max_depth) : max_depth_(max_depth) {}

  bool for_each(pugi::xml_node& node) override {
    // depth() is 0 for the root element when walking from the document node.
    if (static_cast<unsigned>(depth()) + 1 <= max_depth_ || node.type() != pugi::node_element) {
      return true;
    }
    too_deep_ = node;
    return false;
  }

  pugi::xml_node too_deep() const { return too_deep_; }

 private:
  unsigned max_depth_;
  pugi::xml_node too_deep_;
};

bool check_depth(LoadedXml& loaded, unsigned max_depth, std::vector<Finding>& findings) {
  DepthCheck check(max_depth);
  loaded.doc.traverse(check);
  if (!check.too_deep()) return true;
  report(findings, syntax::kTooDeep, {"", loaded.line_of(check.too_deep()), 0},
         fmt::format("Imbrication des éléments trop profonde : plus de {} niveaux. "
                     "Une facture en compte une dizaine ; ce fichier est refusé.",
                     max_depth),
         fmt::format("Elements nested too deeply: more than {} levels. An invoice has "
                     "about ten; this file is refused.",
                     max_depth));
  return false;
}

}  // namespace

std::uint32_t LoadedXml::line_of(const pugi::xml_node& node) const {
  std::ptrdiff_t signed_offset = node.offset_debug();
  if (signed_offset < 0) return 0;
  auto offset = static_cast<std::size_t>(signed_offset);
  // A few steps forward from the previous answer cover document order; a
  // jump elsewhere falls back to a binary search.
  std::size_t i = last_line;
  if (line_starts[i] <= offset) {
    for (int step = 0; step < 8 && i + 1 < line_starts.size(); ++step) {
      if (line_starts[i + 1] > offset) {
        last_line = i;
        return static_cast<std::uint32_t>(i + 1);
      }
      ++i;
    }
    if (i + 1 == line_starts.size()) {
      last_line = i;
      return static_cast<std::uint32_t>(i + 1);
    }
  }
  std::uint32_t line = line_at(line_starts, offset);
  last_line = line - 1;
  return line;
}

Finding too_large(std::uint64_t size, std::size_t limit) {
  return syntax::finding(
      syntax::kTooLarge, {},
      {fmt::format("Fichier trop volumineux : {} octets, la limite est {} octets (option "
                   "--max-bytes). Il n'a pas été lu.",
                   size, limit),
       fmt::format("File too large: {} bytes, the limit is {} bytes (option --max-bytes). It "
                   "was not read.",
                   size, limit)});
}

std::optional<LoadedXml> load(std::string_view bytes, const SafeLimits& limits,
                              std::vector<Finding>& findings) {
  if (bytes.size() > limits.max_bytes) {
    findings.push_back(too_large(bytes.size(), limits.max_bytes));
    return std::nullopt;
  }
  if (only_whitespace(bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes)) {
    report(findings, syntax::kEmpty, {}, "Le fichier est vide : il ne contient aucun document.",
           "The file is empty: it holds no document.");
    return std::nullopt;
  }

  Utf8Text text = to_utf8(bytes);
  if (text.problem) {
    findings.push_back(syntax::finding(syntax::kEncoding,
                                       {"", text.problem->line, text.problem->column},
                                       std::move(text.problem->message)));
    return std::nullopt;
  }

  std::string_view utf8 = text.utf8();
  // The line index keeps 32-bit offsets; --max-bytes could allow more.
  if (utf8.size() > std::numeric_limits<std::uint32_t>::max()) {
    findings.push_back(too_large(utf8.size(), std::numeric_limits<std::uint32_t>::max()));
    return std::nullopt;
  }
  LoadedXml loaded;
  loaded.line_starts = index_lines(utf8);
  // parse_doctype keeps a DOCTYPE as a node so it can be refused; pugixml
  // never expands the entities it declares. parse_embed_pcdata keeps an
  // element's text in the element rather than in a node of its own: an
  // invoice is mostly such leaves, and the tree takes an eighth less memory.
  constexpr unsigned kOptions =
      pugi::parse_default | pugi::parse_doctype | pugi::parse_embed_pcdata;
  pugi::xml_parse_result result =
      loaded.doc.load_buffer(utf8.data(), utf8.size(), kOptions, pugi::encoding_utf8);
  if (!result) {
    auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
    report(findings, syntax::kMalformed,
           {"", line_at(loaded.line_starts, offset), column_at(utf8, loaded.line_starts, offset)},
           fmt::format("XML mal formé : {}.", result.description()),
           fmt::format("Malformed XML: {}.", result.description()));
    return std::nullopt;
  }
  for (auto node : loaded.doc.children()) {
    if (node.type() == pugi::node_doctype) {
      report(findings, syntax::kDoctype, {"", loaded.line_of(node), 0},
             "Déclaration DOCTYPE refusée : une facture n'en a pas besoin, et ses entités "
             "pourraient lire des fichiers ou le réseau. Retirez la ligne <!DOCTYPE …>.",
             "DOCTYPE declaration refused: an invoice needs none, and its entities could read "
             "files or the network. Remove the <!DOCTYPE …> line.");
      return std::nullopt;
    }
  }
  if (!loaded.doc.document_element()) {
    report(findings, syntax::kMalformed, {}, "XML mal formé : aucun élément racine.",
           "Malformed XML: no root element.");
    return std::nullopt;
  }
  if (!check_depth(loaded, limits.max_depth, findings)) return std::nullopt;
  loaded.nested_namespace_declarations =
      may_declare_below_root(utf8, loaded.doc.document_element());
  return loaded;
}

}  // namespace cprokit::xml
