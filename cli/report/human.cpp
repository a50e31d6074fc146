#include <fmt/core.h>

#include "cli/report/labels.hpp"
#include "cli/report/report.hpp"

namespace cprokit::cli::report {
namespace {

struct Style {
  bool on;
  std::string_view paint(std::string_view code) const { return on ? code : ""; }
  std::string_view reset() const { return on ? "\033[0m" : ""; }
};

std::string_view severity_colour(Severity s) {
  switch (s) {
    case Severity::Fatal:
      return "\033[1;31m";
    case Severity::Warning:
      return "\033[33m";
    case Severity::Info:
      break;
  }
  return "\033[36m";
}

void write_document(std::ostream& out, const LintedDocument& doc, Lang lang, const Style& style) {
  std::string kind(kind_label(doc.kind, lang));
  if (doc.syntax != Syntax::Unknown) kind += fmt::format(" {}", name(doc.syntax));
  std::string_view verdict = verdict_label(doc.valid(), lang);
  out << fmt::format("{}{}{} ({}) : {}{}{}\n", style.paint("\033[1m"), doc.path, style.reset(),
                     kind, style.paint(doc.valid() ? "\033[32m" : "\033[1;31m"), verdict,
                     style.reset());
  for (const auto& f : doc.findings) {
    std::string place = place_label(f.where, lang);
    out << fmt::format("  {}{:<13}{} {:<14} {:<14} {}\n", style.paint(severity_colour(f.severity)),
                       severity_label(f.severity, lang), style.reset(), f.rule, place,
                       f.message.in(lang));
    if (!f.where.path.empty()) out << fmt::format("  {:<43} {}\n", "", f.where.path);
  }
}

class HumanWriter final : public Writer {
 public:
  HumanWriter(std::ostream& out, bool color) : out_(out), style_{color} {}

  void begin(const RunInfo& run) override { lang_ = run.lang; }

  void document(const LintedDocument& doc) override { write_document(out_, doc, lang_, style_); }

  void end(const Summary& s) override {
    if (lang_ == Lang::Fr) {
      out_ << fmt::format(
          "\n{} document(s) : {} valide(s), {} invalide(s) — {} fatale(s), {} "
          "avertissement(s), {} info(s)\n",
          s.documents, s.valid, s.invalid, s.fatal, s.warning, s.info);
    } else {
      out_ << fmt::format(
          "\n{} document(s): {} valid, {} invalid — {} fatal, {} warning(s), {} "
          "info\n",
          s.documents, s.valid, s.invalid, s.fatal, s.warning, s.info);
    }
  }

 private:
  std::ostream& out_;
  Style style_;
  Lang lang_ = Lang::Fr;
};

}  // namespace

std::unique_ptr<Writer> make_human_writer(std::ostream& out, bool color) {
  return std::make_unique<HumanWriter>(out, color);
}

}  // namespace cprokit::cli::report
