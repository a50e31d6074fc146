// The Xerces-C side of the XSD layer, behind one function.
//
// Xerces-C and the libraries it needs (curl, ICU, GnuTLS, Kerberos: 35 of
// the 54 a `cprokit` process maps) cost every process about 8 ms to load,
// whether it validates anything or not. So the `cprokit` program does not
// link them: it takes open_xerces_schema_set from xerces_loader.cpp, which
// loads the module cprokit-xerces.so when a first document needs XSD
// validation. The tests, benches and libcprokit.so link xerces_schema_set.cpp
// directly.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <vector>

#include "validators/xsd/grammar_groups.hpp"
#include "validators/xsd/schema_set.hpp"

namespace cprokit::xsd {

// A schema folder whose entry points have been checked.
struct SchemaEntryPoints {
  std::filesystem::path folder;  // as the user named it
  std::filesystem::path root;    // the folder, canonical
  // Per group of kGroups, its entry points, canonical and inside root; none
  // for an optional group whose files the folder lacks.
  std::array<std::vector<std::filesystem::path>, kGroupCount> files;

  // Which groups have their entry points (SchemaSet::has).
  std::array<bool, kGroupCount> present() const {
    std::array<bool, kGroupCount> out{};
    for (std::size_t g = 0; g < kGroupCount; ++g)
      out.at(g) = !files.at(g).empty();
    return out;
  }
};

// Whether `canonical` lies inside `root` (both canonical).
inline bool inside(const std::filesystem::path& canonical, const std::filesystem::path& root) {
  const std::filesystem::path relative = canonical.lexically_relative(root);
  return !relative.empty() && *relative.begin() != "..";
}

// The Xerces-C schema set of `at`; its grammars are compiled (or read from
// the grammar cache) when a document first needs them. Throws SchemaError
// when Xerces-C cannot be loaded.
std::unique_ptr<SchemaSet> open_xerces_schema_set(const SchemaEntryPoints& at);

// What the module exports: open_xerces_schema_set, under C linkage so that
// dlsym finds it by this name; the caller owns the result.
using OpenXercesEntry = SchemaSet* (*)(const SchemaEntryPoints& at);
inline constexpr const char* kXercesModuleEntry = "cprokit_open_xerces_schema_set";

}  // namespace cprokit::xsd
