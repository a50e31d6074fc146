// Where a value of the model came from in the input document.
//
// A big invoice carries a million values, each with its path. Spelling every
// path out as its own string cost more than reading the values, so the model
// keeps paths as a tree of steps shared by the values below the same element,
// and spells one out (SourceRef::path) only when a finding needs it.
#pragma once

#include <array>
#include <cstdint>
#include <memory_resource>
#include <string>
#include <string_view>

namespace cprokit {

// One element of a path below its parent: the step "cac:InvoiceLine" at
// position 2 spells "/cac:InvoiceLine[2]" after its parent's path.
struct PathStep {
  const PathStep* parent = nullptr;  // null for the root element
  std::string_view name;             // qualified name, as the document spells it
  std::uint32_t position = 0;        // 1-based among same-named siblings; 0: not counted
};

// Owns the steps of one document's paths, and the names they spell.
class SourcePaths {
 public:
  const PathStep* step(const PathStep* parent, std::string_view name, std::uint32_t position);
  // The steps of a spelled path, "/Invoice/cac:InvoiceLine[2]/cbc:ID", for a
  // model built by hand (tests, and inputs that are not XML).
  const PathStep* parse(std::string_view path);

 private:
  std::string_view intern(std::string_view name);

  // Steps and names are never freed one by one: they go in one growing arena,
  // a few allocations a document rather than two a value.
  std::pmr::monotonic_buffer_resource arena_{8192};
  // The names met last, by a cheap hash: a document repeats a few dozen names
  // a million times. A name that lost its slot is copied again; harmless.
  std::array<std::string_view, 64> recent_{};
};

// A place in a document, spelled out: what a finding carries, valid after the
// document and its model are gone.
struct Location {
  // "/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount": the document's own
  // prefixes, with 1-based positions where siblings repeat; empty when unknown.
  std::string path;
  std::uint32_t line = 0;    // 1-based; 0 when unknown
  std::uint32_t column = 0;  // 1-based; 0 when unknown
};

// Where a model value came from. Valid as long as the SourcePaths that made
// its step (the Invoice holds it).
struct SourceRef {
  const PathStep* step = nullptr;  // null when unknown
  std::uint32_t line = 0;          // 1-based; 0 when unknown
  std::uint32_t column = 0;        // 1-based; 0 when unknown

  std::string path() const;
  Location location() const { return {path(), line, column}; }
};

}  // namespace cprokit
