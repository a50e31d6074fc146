#include "cli/report_files.hpp"

#include <algorithm>
#include <cerrno>
#include <iostream>

#include <fmt/core.h>

namespace cprokit::cli {

UserError cannot_write(const std::string& path, int error_number) {
  const Message cause = error_number != 0
                            ? system_cause(error_number)
                            : Message{"écriture impossible ou incomplète", "could not be written"};
  return path_error("-o " + path, cause);
}

std::vector<ReportFile> open_reports(const std::vector<std::string>& given_formats,
                                     const std::vector<std::string>& outputs, bool color,
                                     const report::HtmlOptions& html) {
  const std::vector<std::string> formats =
      given_formats.empty() ? std::vector<std::string>{"human"} : given_formats;
  if (outputs.size() > formats.size()) {
    throw UserError(
        {fmt::format("{} -o pour {} --format : un -o de trop", outputs.size(), formats.size()),
         fmt::format("{} -o for {} --format: one -o too many", outputs.size(), formats.size())});
  }
  if (formats.size() - outputs.size() > 1) {
    throw UserError({"un seul format peut aller sur la sortie standard : donnez un -o aux autres",
                     "only one format may go to standard output: give the others an -o"});
  }
  const auto known = report::format_names();
  std::vector<ReportFile> reports;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (std::find(known.begin(), known.end(), formats[i]) == known.end()) {
      throw UserError({fmt::format("--format : « {} » inconnu (voir Formats)", formats[i]),
                       fmt::format("--format: unknown \"{}\" (see Formats)", formats[i])});
    }
    ReportFile r;
    if (i < outputs.size()) {
      errno = 0;
      r.file = std::make_unique<std::ofstream>(outputs[i], std::ios::binary | std::ios::trunc);
      if (!*r.file) throw cannot_write(outputs[i], errno);
    }
    std::ostream& out = r.file ? static_cast<std::ostream&>(*r.file) : std::cout;
    r.writer = report::make_writer(formats[i], out, color && !r.file, html);
    reports.push_back(std::move(r));
  }
  return reports;
}

bool end_reports(std::vector<ReportFile>& reports, const std::vector<std::string>& outputs,
                 const report::Summary& summary, std::string_view command, Lang lang) {
  bool written = true;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    reports[i].writer->end(summary);
    errno = 0;
    if (reports[i].file && !reports[i].file->flush()) {
      std::cerr << "cprokit " << command << ": "
                << cannot_write(outputs[i], errno).message().in(lang) << '\n';
      written = false;
    }
  }
  return written;
}

}  // namespace cprokit::cli
