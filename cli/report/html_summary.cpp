#include "cli/report/html_summary.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "cli/report/labels.hpp"
#include "validators/xml/escape.hpp"

namespace cprokit::cli::report {
namespace {

std::string_view tr(Lang lang, std::string_view fr, std::string_view en) {
  return lang == Lang::Fr ? fr : en;
}

// "1 234" / "1,234": counts an auditor reads at a glance.
std::string count(std::size_t n, Lang lang) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += lang == Lang::Fr ? "\u202f" : ",";
    out += digits[i];
  }
  return out;
}

// A party's identifier with what it is: SIRET, SIREN, VAT id, or its scheme.
std::string party_id(const PartyKey& party, Lang lang) {
  if (party.id.empty()) return "—";
  std::string kind;
  if (party.scheme == "0009") {
    kind = "SIRET";
  } else if (party.scheme == "0002") {
    kind = "SIREN";
  } else if (party.scheme == "VAT") {
    kind = tr(lang, "n° TVA", "VAT id");
  } else if (!party.scheme.empty()) {
    kind = fmt::format("{} {}", tr(lang, "schéma", "scheme"), party.scheme);
  }
  std::string text = fmt::format("<code>{}</code>", xml::xml_escape(party.id));
  if (!kind.empty()) text += fmt::format(" <span class=\"meta\">{}</span>", xml::xml_escape(kind));
  return text;
}

void tally(HtmlSummary::Tally& t, const LintedDocument& doc) {
  ++t.documents;
  if (!doc.valid()) ++t.invalid;
  t.findings += doc.findings.size();
}

void tally_party(std::unordered_map<std::string, HtmlSummary::PartyTally>& parties,
                 const PartyKey& party, const LintedDocument& doc) {
  // The same identifier is the same party, whatever its name on each invoice.
  std::string key = party.id.empty() ? "name\x1f" + party.name : party.scheme + '\x1f' + party.id;
  auto [it, added] = parties.try_emplace(std::move(key));
  if (added) it->second.party = party;
  tally(it->second.tally, doc);
}

// The summary's finding lines say where as "line:column" (the section's
// header says so), without the word each line would repeat.
std::string short_place(const Location& where) {
  if (where.line == 0) return where.path;
  return where.column == 0 ? std::to_string(where.line)
                           : fmt::format("{}:{}", where.line, where.column);
}

// A message cut to `limit` characters, at the last space before the cut when
// there is one in its second half, with "…": the JSON/JSONL reports keep the
// whole text. This is what keeps 3,000 invalid documents among 100,000 within
// the size budget.
std::string shortened(std::string_view message, std::size_t limit) {
  std::size_t characters = 0;
  std::size_t cut = 0;  // byte offset of character number `limit`
  for (; cut < message.size(); ++cut) {
    const bool starts_character = (static_cast<unsigned char>(message[cut]) & 0xC0U) != 0x80U;
    if (starts_character && characters++ == limit) break;
  }
  if (cut == message.size()) return std::string(message);
  const std::size_t space = message.rfind(' ', cut);
  if (space != std::string_view::npos && space > cut / 2) cut = space;
  return std::string(message.substr(0, cut)) + "…";
}

std::pair<std::string_view, std::string_view> folder_and_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return {"", path};
  return {path.substr(0, slash + 1), path.substr(slash + 1)};
}

}  // namespace

void HtmlSummary::add(const LintedDocument& doc) {
  std::vector<std::string_view> fired;
  for (const Finding& f : doc.findings) {
    auto [it, added] = by_rule_.try_emplace(f.rule);
    RuleTally& rule = it->second;
    if (added) {
      rule.severity = f.severity;
      if (rules_.find(f.rule) == nullptr) rule.message = f.message.in(run_.lang);
    }
    ++rule.findings;
    if (std::find(fired.begin(), fired.end(), f.rule) == fired.end()) {
      fired.push_back(f.rule);
      ++rule.documents;
    }
  }
  if (doc.parties) {
    tally_party(sellers_, doc.parties->seller, doc);
    tally_party(buyers_, doc.parties->buyer, doc);
  } else {
    tally(unread_, doc);
  }
  if (doc.valid()) {
    add_valid(doc);
  } else {
    add_invalid(doc);
  }
}

// One block per document: its path and SHA-256, then one plain line per
// finding (rule, severity, place, message): markup a finding would repeat
// 9,000 times in a large run costs more than the message.
void HtmlSummary::add_invalid(const LintedDocument& doc) {
  const Lang lang = run_.lang;
  ++invalid_;
  const std::size_t shown = std::min(doc.findings.size(), kFindingsShown);
  const std::size_t lines = 1 + shown + (doc.findings.size() > shown ? 1 : 0);
  std::string text =
      fmt::format("<pre class=\"inv\" style=\"--lines:{}\"><b>{}</b>  {} · {} {}\n", lines,
                  xml::xml_escape(doc.path), doc.sha256.empty() ? "—" : doc.sha256,
                  doc.findings.size(), tr(lang, "constat(s)", "finding(s)"));
  for (std::size_t i = 0; i < shown; ++i) {
    const Finding& f = doc.findings[i];
    // The line says where; the XPath (in the JSON report too) only without one.
    const std::string where = short_place(f.where);
    text += fmt::format("{} {} {}{}{}\n", xml::xml_escape(f.rule),
                        xml::xml_escape(severity_label(f.severity, lang)), xml::xml_escape(where),
                        where.empty() ? "" : " ",
                        xml::xml_escape(shortened(f.message.in(lang), kMessageShown)));
  }
  if (doc.findings.size() > shown) {
    text += fmt::format(
        fmt::runtime(tr(lang, "… et {} constat(s) de plus\n", "… and {} more finding(s)\n")),
        doc.findings.size() - shown);
  }
  invalid_list_.write(text + "</pre>\n");
}

// `sha256  name` lines, as sha256sum writes them, by folder: run in that
// folder, `sha256sum -c` checks them. A folder's lines are cut into blocks
// of at most kValidLinesPerBlock, each written with its count of lines.
void HtmlSummary::add_valid(const LintedDocument& doc) {
  ++valid_;
  auto [folder, file] = folder_and_name(doc.path);
  if (!valid_folder_ || *valid_folder_ != folder) {
    end_valid_block();
    valid_list_.write(
        fmt::format("<h4><code>{}</code></h4>\n", folder.empty() ? "./" : xml::xml_escape(folder)));
    valid_folder_ = std::string(folder);
  } else if (valid_block_lines_ == kValidLinesPerBlock) {
    end_valid_block();
  }
  valid_block_ += fmt::format("{}  {}\n", doc.sha256.empty() ? std::string(64, '-') : doc.sha256,
                              xml::xml_escape(file));
  ++valid_block_lines_;
}

void HtmlSummary::end_valid_block() {
  if (valid_block_lines_ == 0) return;
  valid_list_.write(fmt::format("<pre style=\"--lines:{}\">", valid_block_lines_));
  valid_list_.write(valid_block_);
  valid_list_.write("</pre>\n");
  valid_block_.clear();
  valid_block_lines_ = 0;
}

void HtmlSummary::write(std::ostream& out, bool forced, std::size_t threshold) {
  write_where_detail(out, forced, threshold);
  write_rules(out);
  write_parties(out, sellers_, unread_, true, "by-supplier");
  write_parties(out, buyers_, unread_, false, "by-buyer");
  write_documents(out);
}

// Why this report is a summary, and which file of the same run has every
// finding of every document.
void HtmlSummary::write_where_detail(std::ostream& out, bool forced, std::size_t threshold) const {
  const Lang lang = run_.lang;
  out << "<section id=\"detail\">\n<p>";
  if (forced) {
    out << tr(lang, "Ce rapport est une synthèse (--html-detail summary).",
              "This report is a summary (--html-detail summary).");
  } else {
    out << fmt::format(
        fmt::runtime(tr(lang,
                        "Au-delà de {} documents, ce rapport est une synthèse (--html-detail full "
                        "pour le rapport complet).",
                        "Past {} documents, this report is a summary (--html-detail full for the "
                        "full report).")),
        count(threshold, lang));
  }
  std::vector<std::string> files;
  for (const ReportOutput& o : run_.outputs) {
    if (o.format == "html") continue;
    if (o.format != "json" && o.format != "jsonl" && o.format != "sarif") continue;
    files.push_back(fmt::format(
        "<code>{}</code> ({})",
        o.path.empty() ? tr(lang, "sortie standard", "standard output") : xml::xml_escape(o.path),
        o.format));
  }
  if (files.empty()) {
    out << tr(lang,
              " Le détail de chaque document (tous ses constats, et comment les corriger) n'a pas "
              "été écrit : relancez avec <code>-f jsonl -o rapport.jsonl</code> (un document par "
              "ligne) en plus de <code>-f html</code>.",
              " The detail of each document (all its findings, and how to fix them) was not "
              "written: run again with <code>-f jsonl -o report.jsonl</code> (one document a "
              "line) besides <code>-f html</code>.");
  } else {
    std::string list;
    for (const std::string& file : files)
      list += (list.empty() ? "" : ", ") + file;
    out << fmt::format(fmt::runtime(tr(lang,
                                       " Le détail de chaque document (tous ses constats) est dans "
                                       "le rapport écrit par la même vérification : {}.",
                                       " The detail of each document (all its findings) is in the "
                                       "report the same run wrote: {}.")),
                       list);
  }
  out << "</p>\n</section>\n";
}

void HtmlSummary::write_rules(std::ostream& out) const {
  const Lang lang = run_.lang;
  out << fmt::format("<section id=\"by-rule\">\n<h2>{}</h2>\n", tr(lang, "Par règle", "By rule"));
  if (by_rule_.empty()) {
    out << fmt::format("<p class=\"none\">{}</p>\n</section>\n",
                       tr(lang, "Aucun constat.", "No finding."));
    return;
  }
  std::vector<std::pair<std::string_view, const RuleTally*>> rows;
  rows.reserve(by_rule_.size());
  for (const auto& [id, rule] : by_rule_)
    rows.emplace_back(id, &rule);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tuple(b.second->documents, b.second->findings, a.first) <
           std::tuple(a.second->documents, a.second->findings, b.first);
  });
  out << fmt::format(
      "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>Documents</th><th>{}</th></tr>"
      "</thead><tbody>\n",
      tr(lang, "Règle", "Rule"), tr(lang, "Sévérité", "Severity"), tr(lang, "Message", "Message"),
      tr(lang, "Constats", "Findings"));
  for (const auto& [id, rule] : rows) {
    const Rule* known = rules_.find(id);
    out << fmt::format(
        "<tr><td><code>{}</code></td><td><span class=\"sev {}\">{}</span></td><td>{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        xml::xml_escape(id), name(rule->severity),
        xml::xml_escape(severity_label(rule->severity, lang)),
        xml::xml_escape(known != nullptr ? known->title.in(lang) : rule->message),
        count(rule->documents, lang), count(rule->findings, lang));
  }
  out << "</tbody></table>\n</section>\n";
}

void HtmlSummary::write_parties(std::ostream& out, const Parties& parties, const Tally& unread,
                                bool sellers, std::string_view id) const {
  const Lang lang = run_.lang;
  out << fmt::format(
      "<section id=\"{}\">\n<h2>{}</h2>\n", id,
      sellers ? tr(lang, "Par fournisseur", "By supplier") : tr(lang, "Par acheteur", "By buyer"));
  std::vector<const PartyTally*> rows;
  rows.reserve(parties.size());
  for (const auto& [key, party] : parties)
    rows.push_back(&party);
  const std::size_t shown = std::min(rows.size(), kPartiesShown);
  auto before = [](const PartyTally* a, const PartyTally* b) {
    return std::tuple(b->tally.documents, b->tally.invalid, a->party.name, a->party.id) <
           std::tuple(a->tally.documents, a->tally.invalid, b->party.name, b->party.id);
  };
  std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(shown), rows.end(),
                    before);
  out << fmt::format(
      "<table><thead><tr><th>{}</th><th>{}</th><th>Documents</th><th>{}</th><th>{}</th></tr>"
      "</thead><tbody>\n",
      tr(lang, "Nom", "Name"), tr(lang, "Identifiant", "Identifier"),
      tr(lang, "Invalides", "Invalid"), tr(lang, "Constats", "Findings"));
  auto row = [&](std::string_view label, std::string_view identifier, const Tally& t) {
    out << fmt::format(
        "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td></tr>\n",
        label, identifier, count(t.documents, lang), count(t.invalid, lang),
        count(t.findings, lang));
  };
  for (std::size_t i = 0; i < shown; ++i) {
    const PartyKey& party = rows[i]->party;
    row(party.name.empty() ? "—" : xml::xml_escape(party.name), party_id(party, lang),
        rows[i]->tally);
  }
  if (rows.size() > shown) {
    Tally rest;
    for (std::size_t i = shown; i < rows.size(); ++i) {
      rest.documents += rows[i]->tally.documents;
      rest.invalid += rows[i]->tally.invalid;
      rest.findings += rows[i]->tally.findings;
    }
    const std::string others = fmt::format(
        fmt::runtime(sellers ? tr(lang, "<i>{} autres fournisseurs</i>", "<i>{} more suppliers</i>")
                             : tr(lang, "<i>{} autres acheteurs</i>", "<i>{} more buyers</i>")),
        count(rows.size() - shown, lang));
    row(others, "", rest);
  }
  if (unread.documents > 0) {
    row(tr(lang, "<i>sans facture lue</i> (demandes de dépôt, formulaires, fichiers illisibles)",
           "<i>no invoice read</i> (deposit requests, forms, unreadable files)"),
        "", unread);
  }
  out << "</tbody></table>\n</section>\n";
}

void HtmlSummary::write_documents(std::ostream& out) {
  const Lang lang = run_.lang;
  out << fmt::format("<section id=\"invalid\">\n<h2>{} ({})</h2>\n",
                     tr(lang, "Documents invalides", "Invalid documents"), count(invalid_, lang));
  if (invalid_ == 0) {
    out << fmt::format("<p class=\"none\">{}</p>\n", tr(lang, "Aucun.", "None."));
  } else {
    out << fmt::format(
        fmt::runtime(tr(lang,
                        "<p class=\"meta\">Par constat : règle, sévérité, ligne:colonne (ou "
                        "chemin), message abrégé à {} caractères ; au plus {} constats par "
                        "document. Le texte entier est dans le rapport JSON ou JSONL.</p>\n",
                        "<p class=\"meta\">Each finding: rule, severity, line:column (or path), "
                        "message shortened to {} characters; at most {} findings a document. "
                        "The whole text is in the JSON or JSONL report.</p>\n")),
        kMessageShown, kFindingsShown);
    invalid_list_.copy_to(out);
  }
  out << "</section>\n";
  out << fmt::format("<section id=\"valid\">\n<h2>{} ({})</h2>\n",
                     tr(lang, "Documents valides", "Valid documents"), count(valid_, lang));
  if (valid_ == 0) {
    out << fmt::format("<p class=\"meta\">{}</p>\n", tr(lang, "Aucun.", "None."));
  } else {
    out << tr(lang,
              "<p class=\"meta\">SHA-256 et nom, par dossier, au format de sha256sum : dans le "
              "dossier, <code>sha256sum -c</code> les vérifie.</p>\n",
              "<p class=\"meta\">SHA-256 and name, by folder, as sha256sum writes them: in the "
              "folder, <code>sha256sum -c</code> checks them.</p>\n");
    end_valid_block();
    valid_list_.copy_to(out);
  }
  out << "</section>\n";
}

}  // namespace cprokit::cli::report
