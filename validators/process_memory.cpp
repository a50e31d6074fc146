#include "validators/process_memory.hpp"

#include <malloc.h>

#include <mutex>
#include <utility>
#include <vector>

namespace cprokit {

void keep_freed_memory_for_reuse() {
  constexpr int kOneGiB = 1 << 30;
  // Big blocks come from the heap rather than from their own mapping, and
  // the heap is not trimmed after each document. Advisory: on failure glibc
  // keeps its defaults, which are only slower.
  mallopt(M_MMAP_THRESHOLD, kOneGiB);
  mallopt(M_TRIM_THRESHOLD, kOneGiB);
}

void keep_until_exit(std::shared_ptr<const void> object) {
  static std::mutex mutex;
  // Never deleted, on purpose (see the header).
  static auto* const kept = new std::vector<std::shared_ptr<const void>>();
  const std::lock_guard lock(mutex);
  kept->push_back(std::move(object));
}

}  // namespace cprokit
