// Gives the memory of large request bodies back to the system once their
// request is answered, so that a burst of large POSTs does not leave the
// mock's resident size at its peak.
#pragma once

#include <cstddef>

namespace cprokit::mock::http {

// Sets the allocator's policy for the process; call once, before serving.
void release_large_blocks();

// After a request of `request_bytes`: when it was large, returns the free
// memory of every arena to the system.
void release_after_request(std::size_t request_bytes);

}  // namespace cprokit::mock::http
