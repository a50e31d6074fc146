// Loading untrusted XML safely: size cap, encoding check, no DOCTYPE (so no
// entity is ever expanded and nothing outside the input is read), depth cap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "rules/finding.hpp"

namespace cprokit::xml {

struct SafeLimits {
  std::size_t max_bytes;
  unsigned max_depth;
};

// A parsed document and what is needed to locate its nodes in the input.
struct LoadedXml {
  pugi::xml_document doc;
  std::vector<std::uint32_t> line_starts;      // byte offsets of each line of the UTF-8 text parsed
  bool nested_namespace_declarations = false;  // an element below the root may declare xmlns

  // 1-based line of a node. Readers ask in document order, so the search
  // starts from the previous answer (not thread-safe: one reader at a time).
  std::uint32_t line_of(const pugi::xml_node& node) const;
  mutable std::size_t last_line = 0;  // index into line_starts of line_of's previous answer
};

// The XML-03 finding for an input of `size` bytes over `limit`.
Finding too_large(std::uint64_t size, std::size_t limit);

// Loads `bytes`. On success returns the document; otherwise appends one fatal
// syntax finding (XML-01..06) to `findings` and returns nullopt.
std::optional<LoadedXml> load(std::string_view bytes, const SafeLimits& limits,
                              std::vector<Finding>& findings);

}  // namespace cprokit::xml
