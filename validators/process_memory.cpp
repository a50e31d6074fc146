#include "validators/process_memory.hpp"

#include <malloc.h>

namespace cprokit {

void keep_freed_memory_for_reuse() {
  constexpr int kOneGiB = 1 << 30;
  // Big blocks come from the heap rather than from their own mapping, and
  // the heap is not trimmed after each document. Advisory: on failure glibc
  // keeps its defaults, which are only slower.
  mallopt(M_MMAP_THRESHOLD, kOneGiB);
  mallopt(M_TRIM_THRESHOLD, kOneGiB);
}

}  // namespace cprokit
