#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/report/html_parts.hpp"
#include "cli/report/html_summary.hpp"
#include "cli/report/labels.hpp"
#include "cli/report/report.hpp"
#include "cli/report/rule_lookup.hpp"
#include "cli/report/spool.hpp"
#include "validators/xml/escape.hpp"

namespace cprokit::cli::report {
namespace {

std::string_view tr(Lang lang, std::string_view fr, std::string_view en) {
  return lang == Lang::Fr ? fr : en;
}

std::size_t severity_slot(Severity severity) {
  switch (severity) {
    case Severity::Fatal:
      return 0;
    case Severity::Warning:
      return 1;
    case Severity::Info:
      break;
  }
  return 2;
}

// The rule's text in the catalogue, and where it comes from: what the
// document must be made to meet.
std::string how_to_fix(const Rule* rule, std::string_view id, Lang lang) {
  if (rule == nullptr) return fmt::format("cprokit rules {}", xml::xml_escape(id));
  return fmt::format("{} <span class=\"meta\">({})</span>", xml::xml_escape(rule->title.in(lang)),
                     xml::xml_escape(rule->source));
}

std::string finding_row(const Finding& f, const Rule* rule, Lang lang) {
  std::string where = xml::xml_escape(place_label(f.where, lang));
  if (!f.where.path.empty()) {
    where += fmt::format("{}<code>{}</code>", where.empty() ? "" : "<br>",
                         xml::xml_escape(f.where.path));
  }
  std::string_view severity = name(f.severity);
  return fmt::format(
      "<tr><td><code>{}</code></td><td><span class=\"sev {}\">{}</span></td><td>{}</td>"
      "<td>{}</td><td>{}</td><td class=\"fix\">{}</td></tr>\n",
      xml::xml_escape(f.rule), severity, xml::xml_escape(severity_label(f.severity, lang)),
      xml::xml_escape(fmt::format("{}", fmt::join(f.terms, ", "))), where,
      xml::xml_escape(f.message.in(lang)), how_to_fix(rule, f.rule, lang));
}

// The report for people: one self-contained HTML file (styles inline, chart
// in SVG, no script), in the run's language. Its summary comes first but is
// known last: the documents and the list of inputs wait in spools. Past the
// threshold of HtmlOptions, the documents' sections give way to the
// summary form (HtmlSummary): until then, both are kept.
class HtmlWriter final : public Writer {
 public:
  HtmlWriter(std::ostream& out, const HtmlOptions& options) : out_(out), options_(options) {}

  void begin(const RunInfo& run) override {
    run_ = run;
    rules_.emplace(run_.rules);
    if (options_.detail != HtmlDetail::Summary) full_.emplace();
    if (options_.detail != HtmlDetail::Full) summary_.emplace(run_, *rules_);
  }

  void document(const LintedDocument& doc) override {
    ++count_;
    for (const Finding& f : doc.findings)
      count_family(f);
    if (summary_) summary_->add(doc);
    if (full_ && options_.detail == HtmlDetail::Auto && count_ > options_.threshold) {
      full_.reset();  // a summary from now on: its temporary files go
    }
    if (full_) write_full(doc);
  }

  void end(const Summary& s) override {
    Lang lang = run_.lang;
    std::string_view title =
        tr(lang, "Rapport de conformité cprokit", "cprokit conformance report");
    out_ << fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n"
        "<p class=\"sub\">cprokit {} · {} {} · {}</p>\n</header>\n<main>\n",
        tr(lang, "fr", "en"), title, html_style(), full_ ? "" : html_summary_style(), title,
        xml::xml_escape(run_.version), tr(lang, "profil", "profile"), xml::xml_escape(run_.profile),
        xml::xml_escape(run_.started));
    write_summary(s);
    if (full_) {
      out_ << fmt::format("<section id=\"documents\">\n<h2>{}</h2>\n",
                          tr(lang, "Documents", "Documents"));
      full_->documents.copy_to(out_);
      out_ << "</section>\n";
    } else {
      summary_->write(out_, options_.detail == HtmlDetail::Summary, options_.threshold);
    }
    write_audit_trail();
    out_ << "</main>\n</body>\n</html>\n";
  }

 private:
  // The full form: a section per document, and the list of inputs.
  struct Full {
    Spool documents;
    Spool inputs;
  };

  void write_full(const LintedDocument& doc) {
    Lang lang = run_.lang;
    std::string kind(kind_label(doc.kind, lang));
    if (doc.syntax != Syntax::Unknown) kind += fmt::format(" · {}", name(doc.syntax));
    std::string body = fmt::format(
        "<article class=\"doc\" id=\"doc-{}\">\n<h3><span class=\"verdict {}\">{}</span> "
        "<code>{}</code></h3>\n<p class=\"meta\">{} · {} {}</p>\n",
        count_, doc.valid() ? "ok" : "bad", verdict_label(doc.valid(), lang),
        xml::xml_escape(doc.path), xml::xml_escape(kind), doc.findings.size(),
        tr(lang, "constat(s)", "finding(s)"));
    if (doc.findings.empty()) {
      body += fmt::format("<p class=\"none\">{}</p>\n", tr(lang, "Aucun constat.", "No finding."));
    } else {
      body += fmt::format(
          "<table class=\"findings\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
          "<th>{}</th><th>{}</th></tr></thead><tbody>\n",
          tr(lang, "Règle", "Rule"), tr(lang, "Sévérité", "Severity"), tr(lang, "Termes", "Terms"),
          tr(lang, "Emplacement", "Location"), tr(lang, "Message", "Message"),
          tr(lang, "Comment corriger", "How to fix"));
      for (const Finding& f : doc.findings) {
        body += finding_row(f, rules_->find(f.rule), lang);
      }
      body += "</tbody></table>\n";
    }
    full_->documents.write(body + "</article>\n");
    full_->inputs.write(fmt::format(
        "<tr><td><code>{}</code></td><td class=\"num\">{}</td><td><code class=\"digest\">{}"
        "</code></td></tr>\n",
        xml::xml_escape(doc.path), doc.size, doc.sha256.empty() ? "—" : doc.sha256));
  }

  void count_family(const Finding& f) {
    std::string_view family = family_of(f.rule);
    auto it = std::find_if(families_.begin(), families_.end(),
                           [&](const FamilyCount& c) { return c.family == family; });
    if (it == families_.end()) it = families_.insert(families_.end(), {std::string(family), {}});
    ++it->by_severity[severity_slot(f.severity)];
  }

  void write_summary(const Summary& s) {
    Lang lang = run_.lang;
    auto card = [](std::size_t n, std::string_view label) {
      return fmt::format("<div class=\"card\"><b>{}</b>{}</div>", n, label);
    };
    out_ << fmt::format(
        "<section id=\"summary\">\n<h2>{}</h2>\n<div class=\"cards\">{}{}{}{}{}{}</div>\n",
        tr(lang, "Synthèse", "Summary"), card(s.documents, "documents"),
        card(s.valid, tr(lang, "valides", "valid")),
        card(s.invalid, tr(lang, "invalides", "invalid")),
        card(s.fatal, tr(lang, "fatales", "fatal")),
        card(s.warning, tr(lang, "avertissements", "warnings")), card(s.info, "infos"));
    out_ << fmt::format("<h3>{}</h3>\n",
                        tr(lang, "Constats par famille de règles", "Findings by rule family"));
    if (families_.empty()) {
      out_ << fmt::format("<p class=\"none\">{}</p>\n", tr(lang, "Aucun constat.", "No finding."));
    } else {
      out_ << html_bar_chart(families_, lang);
      out_ << fmt::format(
          "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>"
          "</thead><tbody>\n",
          tr(lang, "Famille", "Family"), severity_label(Severity::Fatal, lang),
          severity_label(Severity::Warning, lang), severity_label(Severity::Info, lang));
      for (const FamilyCount& c : families_) {
        out_ << fmt::format(
            "<tr><td>{} — {}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
            "class=\"num\">{}</td></tr>\n",
            xml::xml_escape(c.family), xml::xml_escape(family_title(c.family, lang)),
            c.by_severity[0], c.by_severity[1], c.by_severity[2]);
      }
      out_ << "</tbody></table>\n";
    }
    out_ << "</section>\n";
  }

  void write_audit_trail() {
    Lang lang = run_.lang;
    auto row = [](std::string_view key, std::string_view value) {
      return fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", xml::xml_escape(key),
                         value.empty() ? "—" : xml::xml_escape(value));
    };
    out_ << fmt::format("<section id=\"audit\">\n<h2>{}</h2>\n<table class=\"kv\"><tbody>\n",
                        tr(lang, "Piste d'audit", "Audit trail"));
    out_ << row(tr(lang, "Outil", "Tool"), "cprokit " + run_.version)
         << row(tr(lang, "Date et heure (UTC)", "Date and time (UTC)"), run_.started)
         << row(tr(lang, "Empreinte du catalogue des règles (SHA-256)",
                   "Rule catalogue digest (SHA-256)"),
                run_.catalogue_digest)
         << row(tr(lang, "Règles appliquées", "Rules applied"), std::to_string(run_.rules.size()))
         << row(tr(lang, "Langue", "Language"), tr(lang, "français", "English"));
    for (const auto& [key, value] : run_.options)
      out_ << row(option_label(key, lang), option_value_label(key, value, lang));
    out_ << "</tbody></table>\n";
    write_references();
    if (!full_) {
      out_ << "</section>\n";  // the inputs are in the lists of documents, with their SHA-256
      return;
    }
    out_ << fmt::format(
        "<h3>{}</h3>\n<table><thead><tr><th>{}</th><th>{}</th><th>SHA-256</th>"
        "</tr></thead><tbody>\n",
        tr(lang, "Entrées", "Inputs"), tr(lang, "Chemin", "Path"), tr(lang, "Octets", "Bytes"));
    full_->inputs.copy_to(out_);
    out_ << "</tbody></table>\n</section>\n";
  }

  // The data the documents were judged with, each with its SHA-256 (of the
  // XSD set: README, "Report formats"), so that an auditor can prove it.
  void write_references() {
    Lang lang = run_.lang;
    out_ << fmt::format(
        "<h3>{}</h3>\n<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>SHA-256</th></tr>"
        "</thead><tbody>\n",
        tr(lang, "Données de référence", "Reference data"), tr(lang, "Données", "Data"),
        tr(lang, "Chemin", "Path"), tr(lang, "Fichiers", "Files"));
    auto row = [&](std::string_view what, const std::optional<DataDigest>& digest) {
      if (!digest) {
        out_ << fmt::format("<tr><th>{}</th><td colspan=\"3\">—</td></tr>\n", what);
        return;
      }
      out_ << fmt::format(
          "<tr><th>{}</th><td><code>{}</code></td><td class=\"num\">{}</td><td><code "
          "class=\"digest\">{}</code></td></tr>\n",
          what, xml::xml_escape(digest->path), digest->files, digest->sha256);
    };
    const References& refs = run_.references;
    row(tr(lang, "Annuaire des structures", "Structure directory"), refs.directory);
    row(tr(lang, "Listes de codes (BR-CL)", "Code lists (BR-CL)"), refs.codelists);
    row(tr(lang, "Schémas XSD", "XSD schemas"), refs.xsd);
    out_ << "</tbody></table>\n";
  }

  std::ostream& out_;
  const HtmlOptions options_;
  RunInfo run_;
  std::optional<RuleLookup> rules_;
  std::optional<Full> full_;            // null: the summary form
  std::optional<HtmlSummary> summary_;  // null: --html-detail full
  std::size_t count_ = 0;
  std::vector<FamilyCount> families_;  // at most one per rule family, whatever the documents
};

}  // namespace

std::unique_ptr<Writer> make_html_writer(std::ostream& out, const HtmlOptions& options) {
  return std::make_unique<HtmlWriter>(out, options);
}

}  // namespace cprokit::cli::report
