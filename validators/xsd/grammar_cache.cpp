#include "validators/xsd/grammar_cache.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include <xercesc/util/XercesVersion.hpp>

#include "validators/replace_file.hpp"
#include "validators/sha256.hpp"

namespace cprokit::xsd {
namespace {

namespace fs = std::filesystem;

// Bump when the layout of the file, what goes into the key, or what the
// grammars hold (version 2: without the schemas' annotations) changes.
constexpr std::uint32_t kFormat = 2;
constexpr std::string_view kMagic = "CPROKIT-XSD-GRAMMAR\n";
constexpr std::size_t kDigestSize = 64;  // SHA-256, hex
constexpr std::size_t kHeaderSize =
    kMagic.size() + sizeof(std::uint32_t) + sizeof(std::uint64_t) + kDigestSize;

// Schemas that change, a folder no longer used or a new cprokit leave their
// old files behind (0.5 to 2.6 MB each): a file no run has read for this
// long is removed when another is written. Reading a file refreshes its
// time, at most once a day.
constexpr auto kUnusedFor = std::chrono::days(30);
constexpr auto kRefreshAfter = std::chrono::days(1);
// A temporary file this old belongs to a writer that died.
constexpr auto kAbandonedAfter = std::chrono::hours(1);

std::optional<fs::path> cache_root() {
  if (const char* dir = std::getenv("CPROKIT_CACHE_DIR")) {
    if (*dir == '\0') return std::nullopt;  // turned off
    return fs::path(dir) / "xsd";
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
    return fs::path(xdg) / "cprokit" / "xsd";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') {
    return fs::path(home) / ".cache" / "cprokit" / "xsd";
  }
  return std::nullopt;
}

// What the compiled grammars depend on, without reading the schemas: a stat
// of each file costs a fraction of a millisecond for the ~200 of UBL and CII,
// hashing their 4 MB several.
std::optional<std::string> folder_key(const fs::path& root) {
  std::vector<std::string> lines;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".xsd") continue;
    const auto size = it->file_size(ec);
    if (ec) return std::nullopt;
    const auto time = it->last_write_time(ec);
    if (ec) return std::nullopt;
    lines.push_back(it->path().lexically_relative(root).string() + '\t' + std::to_string(size) +
                    '\t' + std::to_string(time.time_since_epoch().count()));
  }
  if (ec) return std::nullopt;
  std::sort(lines.begin(), lines.end());
  std::string text = "format " + std::to_string(kFormat) +
                     "\nxerces " XERCES_FULLVERSIONDOT "\nfolder " + root.string() + '\n';
  for (const auto& line : lines)
    text += line + '\n';
  return sha256_hex(text);
}

template <typename Number>
void append_number(std::string& out, Number n) {
  std::array<char, sizeof n> bytes{};
  std::memcpy(bytes.data(), &n, sizeof n);
  out.append(bytes.data(), bytes.size());
}

template <typename Number>
Number number_at(std::string_view bytes, std::size_t at) {
  Number n{};
  std::memcpy(&n, bytes.data() + at, sizeof n);
  return n;
}

bool older_than(const fs::path& file, fs::file_time_type::duration age) {
  std::error_code ec;
  const auto time = fs::last_write_time(file, ec);
  return !ec && time < fs::file_time_type::clock::now() - age;
}

// Removes the cache's files unused for kUnusedFor and the temporaries
// abandoned for kAbandonedAfter; anything else in the folder is left.
void prune(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const bool temporary = name.find(".grammar.tmp.") != std::string::npos;
    if (!temporary && !name.ends_with(".grammar")) continue;
    if (older_than(it->path(), temporary ? fs::file_time_type::duration(kAbandonedAfter)
                                         : fs::file_time_type::duration(kUnusedFor))) {
      std::error_code ignored;  // another run may have removed it first
      fs::remove(it->path(), ignored);
    }
  }
}

}  // namespace

std::optional<GrammarCache> GrammarCache::for_folder(const fs::path& root) {
  auto dir = cache_root();
  if (!dir) return std::nullopt;
  auto key = folder_key(root);
  if (!key) return std::nullopt;
  return GrammarCache(std::move(*dir), std::move(*key));
}

fs::path GrammarCache::file(std::string_view group) const {
  return dir_ / (std::string(group) + '-' + key_.substr(0, 32) + ".grammar");
}

std::optional<std::string> GrammarCache::read(std::string_view group) const {
  std::ifstream in(file(group), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  const std::string bytes = std::move(content).str();
  const std::string_view view = bytes;
  if (view.size() < kHeaderSize || !view.starts_with(kMagic)) return std::nullopt;
  std::size_t at = kMagic.size();
  if (number_at<std::uint32_t>(view, at) != kFormat) return std::nullopt;
  at += sizeof(std::uint32_t);
  if (number_at<std::uint64_t>(view, at) != view.size() - kHeaderSize) return std::nullopt;
  at += sizeof(std::uint64_t);
  const std::string_view digest = view.substr(at, kDigestSize);
  const std::string_view payload = view.substr(kHeaderSize);
  if (sha256_hex(payload) != digest) return std::nullopt;
  if (older_than(file(group), kRefreshAfter)) {
    std::error_code ignored;  // a file we cannot touch is only pruned sooner
    fs::last_write_time(file(group), fs::file_time_type::clock::now(), ignored);
  }
  return std::string(payload);
}

void GrammarCache::write(std::string_view group, std::string_view payload) const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return;
  std::string bytes(kMagic);
  append_number(bytes, kFormat);
  append_number(bytes, static_cast<std::uint64_t>(payload.size()));
  bytes += sha256_hex(payload);
  bytes += payload;

  // Best effort: a cache that cannot be written is only slower next time.
  (void)replace_file(file(group).string(), bytes);
  prune(dir_);
}

}  // namespace cprokit::xsd
