// Many inputs linted on several threads, handed back in input order. At most
// a window of results (a few per thread) is held at any time, so a run over
// any number of files keeps its memory flat, and its reports come out in the
// same order whatever the number of threads.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>

#include "cli/input_walk.hpp"
#include "validators/pipeline.hpp"

namespace cprokit::cli {

// What became of one input: its lint, or why it could not be read (the
// input, or a folder of the walk).
struct BatchItem {
  std::optional<LintedDocument> doc;
  Message unreadable;  // the reason, naming the path, when doc is empty
};

// Lints the inputs of `walk`, taken one at a time as threads get free, with
// `linter` on `jobs` threads (1: on the calling thread only) and calls
// `deliver` on the calling thread, once per item of the walk, in walk order.
// An exception from a worker (out of memory) is rethrown here when its
// input's turn comes.
void lint_batch(InputWalk& walk, const Linter& linter, unsigned jobs,
                const std::function<void(BatchItem&&)>& deliver);

}  // namespace cprokit::cli
