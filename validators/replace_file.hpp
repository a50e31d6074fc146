// A file written whole or not at all: the bytes go to a temporary file
// beside it, flushed to the disk, then renamed over it, so that a reader
// (or a crash) never meets half a file and a failed write leaves the old
// one. Shared by the CLI's output files and the grammar cache.
#pragma once

#include <string>
#include <string_view>

namespace cprokit {

// Replaces `path` with `bytes` (mode 0666 less the umask). Returns 0, or the
// errno of the step that failed: the temporary is then removed and `path`
// is as it was.
int replace_file(const std::string& path, std::string_view bytes);

}  // namespace cprokit
