// How a linting process keeps its memory between documents.
#pragma once

#include <memory>

namespace cprokit {

// glibc gives every block over 32 MB back to the kernel when it is freed, so
// each big document (its text and XML tree run to hundreds of MB) would fault
// all its pages in again, and a 100,000-line invoice spent more time in the
// kernel than in cprokit. After this call freed memory stays in the process
// for the next document: a run holds at most what its largest document
// needed. Call once, at the start of a program that lints.
void keep_freed_memory_for_reuse();

// Keeps `object` until the process ends, without ever destroying it: a
// one-file run spent about 6 ms at exit freeing the compiled grammars and the
// code lists block by block, for nothing. The object stays reachable, so leak
// checkers do not report it. Only for objects whose destructor does nothing
// the outside world would see.
void keep_until_exit(std::shared_ptr<const void> object);

}  // namespace cprokit
