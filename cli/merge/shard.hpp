// A jsonl report read back as a shard of a larger run (`cprokit merge`):
// document lines, then the last line with the summary, the tool and the run.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/user_error.hpp"
#include "validators/pipeline.hpp"

namespace cprokit::cli::merge {

// A shard that is not a jsonl report of cprokit: a line that is not JSON or
// not a document, no last line (its run did not finish), a line after it.
// The message names the file and the line.
class ShardError : public UserError {
 public:
  using UserError::UserError;
};

// What a shard's last line says about its run.
struct ShardRun {
  std::string path;       // the shard file
  nlohmann::json tool;    // the JSON contract's "tool"
  nlohmann::json run;     // the jsonl's "run" (cli/report/run_json.hpp)
  std::size_t documents;  // its lines before the last
};

// Reads every line of the shard at `path`, handing each document to
// `on_document` (when given) in file order, and returns its last line.
// Throws ShardError, or UserError when the file cannot be read.
ShardRun read_shard(const std::string& path,
                    const std::function<void(LintedDocument&&)>& on_document = {});

}  // namespace cprokit::cli::merge
