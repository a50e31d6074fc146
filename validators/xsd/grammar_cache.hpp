// Compiled XSD grammars kept between runs, so that a run over one invoice
// does not compile the UBL schemas again (~85 ms of its ~110 ms).
//
// One file per grammar group and schema folder, in $CPROKIT_CACHE_DIR/xsd
// (else $XDG_CACHE_HOME/cprokit/xsd, else ~/.cache/cprokit/xsd; an empty
// CPROKIT_CACHE_DIR turns the cache off). Its name is a digest of the folder's
// path and of every .xsd file below it (relative path, size, modification
// time), of the Xerces version and of this format: a schema that changes gets
// a new file. The file is checked (magic, format, length, SHA-256 of the
// payload) before Xerces reads it; written to a temporary file in the same
// folder then renamed, so that two runs racing both end with a whole file.
// Writing a file removes those no run has read for 30 days.
// Any failure only costs speed: the caller compiles the schemas.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cprokit::xsd {

class GrammarCache {
 public:
  // The cache of the schema folder `root` (canonical), or none when it is
  // turned off or no cache folder can be named.
  static std::optional<GrammarCache> for_folder(const std::filesystem::path& root);

  // The serialised grammar of `group` ("ubl", "cii"), if a whole, unaltered
  // file is there.
  std::optional<std::string> read(std::string_view group) const;

  // Keeps `payload` for `group`; silently does nothing when it cannot.
  void write(std::string_view group, std::string_view payload) const;

  // Where the file of `group` is (tests).
  std::filesystem::path file(std::string_view group) const;

 private:
  GrammarCache(std::filesystem::path dir, std::string key)
      : dir_(std::move(dir)), key_(std::move(key)) {}

  std::filesystem::path dir_;
  std::string key_;
};

}  // namespace cprokit::xsd
