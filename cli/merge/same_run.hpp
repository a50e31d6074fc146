// Whether two shards can be merged into one run's report: linted by the same
// cprokit, with the same profile, language and arithmetic, against the same
// reference data (the SHA-256 of the directory, the code lists and the XSD
// set; their paths may differ from one machine to another).
#pragma once

#include "cli/merge/shard.hpp"

namespace cprokit::cli::merge {

// Throws UserError naming both files and what differs, with the way out
// (--force).
void check_same_run(const ShardRun& first, const ShardRun& other);

}  // namespace cprokit::cli::merge
