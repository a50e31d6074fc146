#include "cli/report/spool.hpp"

#include <array>
#include <stdexcept>

namespace cprokit::cli::report {

Spool::Spool() : file_(std::tmpfile()) {
  if (!file_)
    throw std::runtime_error("no temporary file for the report / pas de fichier temporaire");
}

void Spool::write(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), file_.get()) != text.size()) {
    throw std::runtime_error("temporary file of the report: write failed / écriture impossible");
  }
}

void Spool::copy_to(std::ostream& out) {
  std::rewind(file_.get());
  std::array<char, 65536> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), file_.get())) > 0) {
    out.write(buffer.data(), static_cast<std::streamsize>(n));
  }
}

}  // namespace cprokit::cli::report
