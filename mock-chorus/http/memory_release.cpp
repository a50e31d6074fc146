#include "mock-chorus/http/memory_release.hpp"

#include <malloc.h>

namespace cprokit::mock::http {
namespace {

// Blocks from this size on get a mapping of their own, unmapped when freed.
constexpr int kMmapThreshold = 256 * 1024;
// A request this large had its body (and copies of it) in memory.
constexpr std::size_t kLargeRequest = std::size_t{1024} * 1024;

}  // namespace

// glibc serves a block of at least M_MMAP_THRESHOLD (128 KiB at first) with
// its own mapping, but each time such a block is freed the threshold rises to
// its size (up to 32 MiB): a body read by growing a string frees 1, 2, 4…
// MiB blocks, after which bodies of tens of MiB come from the heaps of the
// server's many threads (one arena each) and stay resident once freed.
// Setting the threshold fixes it (and turns the growth off): large blocks
// are always mapped and unmapped.
void release_large_blocks() {
  mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
}

// The pieces under the threshold (parsed JSON, multipart parts) still sit in
// the arenas; malloc_trim returns their free pages. It walks every arena:
// only worth it after a large request.
void release_after_request(std::size_t request_bytes) {
  if (request_bytes >= kLargeRequest) malloc_trim(0);
}

}  // namespace cprokit::mock::http
