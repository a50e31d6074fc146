// A part of a report that must be written after something known only at the
// end of the run (a total at the top): it waits in an anonymous temporary
// file, so that the report's memory stays flat whatever the number of
// documents.
#pragma once

#include <cstdio>
#include <memory>
#include <ostream>
#include <string_view>

namespace cprokit::cli::report {

class Spool {
 public:
  Spool();  // throws std::runtime_error when no temporary file can be made

  void write(std::string_view text);
  // Appends everything written so far to `out`.
  void copy_to(std::ostream& out);

 private:
  struct Close {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  std::unique_ptr<std::FILE, Close> file_;
};

}  // namespace cprokit::cli::report
