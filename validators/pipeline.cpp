#include "validators/pipeline.hpp"

#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "rules/engine/engine.hpp"
#include "rules/syntax/syntax_rules.hpp"
#include "validators/detect.hpp"
#include "validators/readers/readers.hpp"
#include "validators/sha256.hpp"
#include "validators/xml/names.hpp"
#include "validators/xml/safe_xml.hpp"

namespace cprokit {
namespace {

const Profile& find_profile(const Registry& registry, const std::string& name) {
  const Profile* p = registry.profile(name);
  if (p == nullptr) throw std::invalid_argument("unknown profile: " + name);
  return *p;
}

Finding not_supported_yet(Format format) {
  std::string_view what = format == Format::Pdf ? "PDF" : "JSON";
  std::string_view fr = format == Format::Pdf ? "les factures Factur-X (PDF) arrivent"
                                              : "les demandes de dépôt JSON arrivent";
  std::string_view en = format == Format::Pdf ? "Factur-X invoices (PDF) are coming"
                                              : "JSON deposit requests are coming";
  return syntax::finding(
      syntax::kNotSupportedYet, {},
      {fmt::format("Document {} reconnu mais pas encore pris en charge : {} dans une prochaine "
                   "version. Il n'a pas été vérifié.",
                   what, fr),
       fmt::format("{} document recognised but not supported yet: {} in a later version. It "
                   "was not checked.",
                   what, en)});
}

Finding not_an_invoice(Location where, std::string_view what_fr, std::string_view what_en) {
  return syntax::finding(
      syntax::kNotAnInvoice, std::move(where),
      {fmt::format("Ce n'est pas une facture : {}. Attendu : une facture ou un avoir UBL 2.1 "
                   "(Invoice, CreditNote) ou CII D16B (CrossIndustryInvoice).",
                   what_fr),
       fmt::format("Not an invoice: {}. Expected a UBL 2.1 invoice or credit note (Invoice, "
                   "CreditNote) or a CII D16B CrossIndustryInvoice.",
                   what_en)});
}

}  // namespace

Linter::Linter(LintOptions options, XsdSetup xsd, const Registry& registry)
    : options_(std::move(options)),
      xsd_(std::move(xsd)),
      registry_(registry),
      profile_(find_profile(registry, options_.profile)) {}

Context Linter::context_for(const std::string& path, std::uint64_t size) const {
  Context context = options_.context;
  context.directory = options_.directory.get();
  if (!options_.deposit_name.empty()) {
    context.document_name = options_.deposit_name;
  } else if (path != "-") {
    context.document_name = std::filesystem::path(path).filename().string();
  }
  context.document_size = size;
  return context;
}

LintedDocument Linter::refuse_too_large(std::string path, std::uint64_t size,
                                        std::string sha256) const {
  LintedDocument out;
  out.path = std::move(path);
  out.sha256 = std::move(sha256);
  out.findings.push_back(xml::too_large(size, options_.max_bytes));
  return out;
}

LintedDocument Linter::lint(std::string path, std::string_view bytes) const {
  LintedDocument out;
  out.path = std::move(path);
  out.sha256 = sha256_hex(bytes);
  auto& findings = out.findings;

  Format format = sniff_format(bytes);
  if (format == Format::Pdf || format == Format::Json) {
    findings.push_back(not_supported_yet(format));
    return out;
  }
  if (format == Format::Unknown) {
    findings.push_back(not_an_invoice({}, "le contenu n'est ni XML, ni PDF, ni JSON",
                                      "the content is neither XML, PDF nor JSON"));
    return out;
  }

  auto loaded = xml::load(bytes, {options_.max_bytes, options_.max_depth}, findings);
  if (!loaded) return out;
  pugi::xml_node root = loaded->doc.document_element();
  xml::Names names(root, loaded->nested_namespace_declarations);
  XmlKind detected = detect_xml_kind(root, names);
  if (detected.syntax == Syntax::Unknown) {
    findings.push_back(not_an_invoice({fmt::format("/{}", root.name()), loaded->line_of(root), 0},
                                      fmt::format("élément racine {}", detected.root),
                                      fmt::format("root element {}", detected.root)));
    return out;
  }
  out.kind = detected.kind;
  out.syntax = detected.syntax;

  if (xsd_.schemas) {
    for (auto& e : xsd_.schemas->validate(bytes, out.kind, out.syntax)) {
      findings.push_back(
          syntax::finding(syntax::kXsdInvalid, {"", e.line, e.column},
                          {fmt::format("Non conforme au schéma XSD (ligne {}, colonne {}) : {}",
                                       e.line, e.column, e.message),
                           fmt::format("Not valid against the XSD schema (line {}, column {}): {}",
                                       e.line, e.column, e.message)}));
    }
  } else if (!xsd_.disabled) {
    findings.push_back(
        syntax::finding(syntax::kXsdUnavailable, {}, {xsd_.missing_note_fr, xsd_.missing_note_en}));
  }

  Invoice invoice = out.syntax == Syntax::Ubl ? readers::read_ubl(*loaded, out.kind, findings)
                                              : readers::read_cii(*loaded, out.kind, findings);
  out.identity = chorus::identity_of(invoice);
  run_rules(registry_, profile_, invoice, context_for(out.path, bytes.size()), findings);
  return out;
}

LintRun::LintRun(const Linter& linter)
    : linter_(linter), check_duplicates_(linter.profile().includes(chorus::kDuplicateRule)) {}

LintedDocument LintRun::lint(std::string path, std::string_view bytes) {
  LintedDocument doc = linter_.lint(std::move(path), bytes);
  if (check_duplicates_ && doc.identity) {
    if (auto duplicate = seen_.check(*doc.identity, doc.path)) {
      doc.findings.push_back(std::move(*duplicate));
    }
  }
  return doc;
}

}  // namespace cprokit
