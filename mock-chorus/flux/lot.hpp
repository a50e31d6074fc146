// A lot: several invoices deposited in one flux as a .tar.gz (as clients
// build them for batches). Unpacked in memory with libarchive, with limits
// so that a hostile archive cannot exhaust memory.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rules/chorus/limits.hpp"

namespace cprokit::mock {

struct LotEntry {
  std::string name;
  std::string bytes;
};

// What the mock unpacks at most: Chorus Pro's limit for each file; the
// number of files and their total are the mock's own guards.
struct LotLimits {
  std::size_t max_entries = 500;
  std::size_t max_entry_bytes = chorus::kMaxFileBytes;
  std::size_t max_total_bytes = std::size_t{120} * chorus::kBytesPerMegabyte;
};

// Why a lot cannot be read, in French and English.
struct LotError {
  std::string fr;
  std::string en;
};

// Whether the bytes start as a gzip stream.
bool is_gzip(std::string_view bytes);

// The regular files of the archive, in archive order.
std::variant<std::vector<LotEntry>, LotError> unpack_lot(std::string_view bytes,
                                                         const LotLimits& limits = {});

}  // namespace cprokit::mock
