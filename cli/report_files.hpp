// The reports of a command that writes them (lint, merge): each --format
// paired with its -o, opened before any work so that a bad one is refused
// at once.
#pragma once

#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/report/report.hpp"
#include "cli/user_error.hpp"

namespace cprokit::cli {

// One report: a format and where it goes.
struct ReportFile {
  std::unique_ptr<std::ofstream> file;  // null: standard output
  std::unique_ptr<report::Writer> writer;
};

// Pairs each format with its output (the n-th with the n-th); a format
// without one writes to standard output, which only one format may do; no
// format: human. `html` says how detailed an HTML report is. Throws
// UserError (cli/user_error.hpp).
std::vector<ReportFile> open_reports(const std::vector<std::string>& formats,
                                     const std::vector<std::string>& outputs, bool color,
                                     const report::HtmlOptions& html = {});

// A report file that cannot be written: `error_number` is errno, 0 when the
// system did not say why.
UserError cannot_write(const std::string& path, int error_number);

// Ends every report with `summary` and flushes its file; false (the reason
// printed on standard error as "cprokit COMMAND: …") when one could not be
// written.
bool end_reports(std::vector<ReportFile>& reports, const std::vector<std::string>& outputs,
                 const report::Summary& summary, std::string_view command, Lang lang);

}  // namespace cprokit::cli
