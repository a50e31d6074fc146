#include "mock-chorus/flux/lot.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <array>
#include <memory>

#include <fmt/core.h>

#include "rules/chorus/file_name.hpp"

namespace cprokit::mock {
namespace {

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};

LotError broken(archive* a) {
  const char* why = archive_error_string(a);
  return {fmt::format("archive .tar.gz illisible : {}", why != nullptr ? why : "?"),
          fmt::format("unreadable .tar.gz archive: {}", why != nullptr ? why : "?")};
}

}  // namespace

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::variant<std::vector<LotEntry>, LotError> unpack_lot(std::string_view bytes,
                                                         const LotLimits& limits) {
  std::unique_ptr<archive, ArchiveCloser> a(archive_read_new());
  archive_read_support_filter_gzip(a.get());
  archive_read_support_format_tar(a.get());
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return broken(a.get());
  }
  std::vector<LotEntry> entries;
  std::size_t total = 0;
  archive_entry* entry = nullptr;
  for (;;) {
    const int rc = archive_read_next_header(a.get(), &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc != ARCHIVE_OK) return broken(a.get());
    const char* path = archive_entry_pathname(entry);
    const std::string name = path != nullptr ? path : "";
    // Checked before anything is read: a receiver that unpacks lots to disk
    // must not be led out of its folder, nor a link made to point anywhere.
    if (const auto problem = chorus::archive_path_problem(name)) {
      return LotError{fmt::format("entrée du lot refusée : {}", problem->fr),
                      fmt::format("lot entry refused: {}", problem->en)};
    }
    if (archive_entry_filetype(entry) == AE_IFLNK || archive_entry_hardlink(entry) != nullptr) {
      return LotError{fmt::format("entrée du lot refusée : « {} » est un lien", name),
                      fmt::format("lot entry refused: \"{}\" is a link", name)};
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;  // folders
    if (entries.size() == limits.max_entries) {
      return LotError{fmt::format("le lot contient plus de {} fichiers", limits.max_entries),
                      fmt::format("the lot holds more than {} files", limits.max_entries)};
    }
    LotEntry e{name, {}};
    // Read by chunks and count: the header's size may lie.
    std::array<char, std::size_t{64} * 1024> chunk{};
    for (;;) {
      const la_ssize_t n = archive_read_data(a.get(), chunk.data(), chunk.size());
      if (n < 0) return broken(a.get());
      if (n == 0) break;
      e.bytes.append(chunk.data(), static_cast<std::size_t>(n));
      total += static_cast<std::size_t>(n);
      if (e.bytes.size() > limits.max_entry_bytes || total > limits.max_total_bytes) {
        return LotError{
            fmt::format("{} : fichier de plus de {} octets, ou lot de plus de {} octets", e.name,
                        limits.max_entry_bytes, limits.max_total_bytes),
            fmt::format("{}: a file over {} bytes, or a lot over {} bytes", e.name,
                        limits.max_entry_bytes, limits.max_total_bytes)};
      }
    }
    entries.push_back(std::move(e));
  }
  if (entries.empty()) {
    return LotError{"le lot ne contient aucun fichier", "the lot holds no file"};
  }
  return entries;
}

}  // namespace cprokit::mock
