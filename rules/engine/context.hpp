// What a rule may know besides the document: the run's options, the Chorus
// Pro structure directory when one is given, and the document's name and size.
#pragma once

#include <cstdint>
#include <string>

namespace cprokit {

namespace chorus {
struct Directory;
}

// How sums of amounts are computed where the official artefacts and exact
// arithmetic disagree (rules/en16931 says which rules are concerned).
enum class Arithmetic {
  Reference,  // as the official EN 16931 validation artefacts compute: same verdicts
  Exact,      // exact decimal everywhere
};

struct Context {
  Arithmetic arithmetic = Arithmetic::Reference;
  // The structures known to the run (lint --directory); null without one, and
  // the rules that need it then say less, or nothing.
  const chorus::Directory* directory = nullptr;
  // The name the document is deposited under: --name, else the file's name;
  // empty for standard input.
  std::string document_name;
  std::uint64_t document_size = 0;  // bytes
};

}  // namespace cprokit
