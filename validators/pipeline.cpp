#include "validators/pipeline.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <stdexcept>
#include <variant>

#include <fmt/core.h>

#include "rules/engine/engine.hpp"
#include "rules/syntax/syntax_rules.hpp"
#include "validators/binding/binding_check.hpp"
#include "validators/detect.hpp"
#include "validators/json/json_tree.hpp"
#include "validators/pdf/facturx_container.hpp"
#include "validators/pdf/facturx_extractor.hpp"
#include "validators/pdf/facturx_findings.hpp"
#include "validators/pdf/facturx_profile.hpp"
#include "validators/readers/readers.hpp"
#include "validators/sha256.hpp"
#include "validators/xml/names.hpp"
#include "validators/xml/safe_xml.hpp"
#include "validators/xsd/grammar_groups.hpp"
#include "validators/xsd/xsd_message.hpp"

namespace cprokit {
namespace {

const Profile& find_profile(const Registry& registry, const std::string& name) {
  const Profile* p = registry.profile(name);
  if (p == nullptr) throw std::invalid_argument("unknown profile: " + name);
  return *p;
}

// Whether the profile runs rule `id`: not when the registry has no such rule.
bool has_rule(const Registry& registry, const Profile& profile, std::string_view id) {
  const Rule* rule = registry.find(id);
  return rule != nullptr && profile.includes(*rule);
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

Finding not_json(const json::SyntaxError& e) {
  return syntax::finding(
      syntax::kJsonMalformed, {"", e.line, e.column},
      {fmt::format("JSON invalide (ligne {}, colonne {}) : {}", e.line, e.column, e.detail),
       fmt::format("Invalid JSON (line {}, column {}): {}", e.line, e.column, e.detail)});
}

Finding too_deep(const json::TooDeep& e) {
  return syntax::finding(
      syntax::kJsonMalformed, {"", e.line, e.column},
      {fmt::format("JSON imbriqué sur plus de {} niveaux (ligne {}, colonne {}) : refusé.", e.limit,
                   e.line, e.column),
       fmt::format("JSON nested over {} levels deep (line {}, column {}): refused.", e.limit,
                   e.line, e.column)});
}

// An empty file, judged by the format its name promises (detect.hpp).
Finding empty_file(Format promised) {
  if (promised == Format::Json) {
    return syntax::finding(syntax::kJsonMalformed, {},
                           {"Le fichier est vide : un document JSON était attendu (demande de "
                            "dépôt ou formulaire de compte).",
                            "The file is empty: a JSON document was expected (a deposit request "
                            "or an account form)."});
  }
  return syntax::finding(syntax::kPdfUnreadable, {},
                         {"Le fichier est vide : un PDF Factur-X était attendu.",
                          "The file is empty: a Factur-X PDF was expected."});
}

Finding unknown_json() {
  return syntax::finding(
      syntax::kNotAnInvoice, {},
      {"Document JSON non reconnu : attendu une demande de dépôt Chorus Pro (corps de "
       "factures/v1/soumettre : modeDepot, destinataire, references, montantTotal…) ou un "
       "formulaire de compte (compte, structure, fonctionnalites, espaces).",
       "Unrecognised JSON document: expected a Chorus Pro deposit request (body of "
       "factures/v1/soumettre: modeDepot, destinataire, references, montantTotal…) or an "
       "account form (compte, structure, fonctionnalites, espaces)."});
}

// A Factur-X EXTENDED CII (BT-24) may use the elements the EN 16931 CIUS
// leaves out: the warnings that they "should not be included" do not apply.
// The EN 16931 rules still run on it.
void lift_extension_elements(pugi::xml_node root, std::vector<Finding>& findings,
                             std::size_t from) {
  const auto guideline = pdf::guideline_in(root);
  const auto profile = guideline ? pdf::profile_of_guideline(*guideline) : std::nullopt;
  if (!profile || !pdf::is_extension(*profile)) return;
  const auto lifted =
      std::remove_if(findings.begin() + static_cast<std::ptrdiff_t>(from), findings.end(),
                     [](const Finding& f) { return binding::is_cius_restriction(f.rule); });
  findings.erase(lifted, findings.end());
}

}  // namespace

Linter::Linter(LintOptions options, XsdSetup xsd, const Registry& registry)
    : options_(std::move(options)),
      xsd_(std::move(xsd)),
      registry_(registry),
      profile_(find_profile(registry, options_.profile)),
      invoice_rules_(std::make_shared<const InvoiceRules>(registry, profile_)) {}

Linter Linter::for_depositor(std::shared_ptr<const chorus::Depositor> depositor) const {
  Linter linter = *this;
  linter.options_.depositor = std::move(depositor);
  return linter;
}

Linter Linter::for_deposit(std::string deposit_name,
                           std::shared_ptr<const Invoice> invoice_file) const {
  Linter linter = *this;
  linter.options_.deposit_name = std::move(deposit_name);
  linter.options_.invoice_file = std::move(invoice_file);
  return linter;
}

Linter Linter::for_directory(std::shared_ptr<const chorus::Directory> directory) const {
  Linter linter = *this;
  linter.options_.directory = std::move(directory);
  return linter;
}

Context Linter::context_for(const std::string& path, std::uint64_t size) const {
  Context context = options_.context;
  context.directory = options_.directory.get();
  if (!options_.deposit_name.empty()) {
    context.document_name = options_.deposit_name;
  } else if (path != "-") {
    context.document_name = std::filesystem::path(path).filename().string();
  }
  context.document_size = size;
  context.invoice_file = options_.invoice_file.get();
  context.depositor = options_.depositor.get();
  context.code_lists = options_.code_lists.get();
  return context;
}

LintedDocument Linter::refuse_too_large(std::string path, std::uint64_t size,
                                        std::string sha256) const {
  LintedDocument out;
  out.path = std::move(path);
  out.size = size;
  out.sha256 = std::move(sha256);
  out.findings.push_back(xml::too_large(size, options_.max_bytes));
  return out;
}

LintedDocument Linter::lint(std::string path, std::string_view bytes) const {
  std::optional<Invoice> unused;
  return lint(std::move(path), bytes, unused);
}

LintedDocument Linter::lint(std::string path, std::string_view bytes,
                            std::optional<Invoice>& invoice) const {
  LintedDocument out;
  out.path = std::move(path);
  out.size = bytes.size();
  out.sha256 = sha256_hex(bytes);

  switch (sniff_format(bytes)) {
    case Format::Xml:
      lint_xml(out, bytes, &invoice);
      break;
    case Format::Json:
      lint_json(out, bytes);
      break;
    case Format::Pdf:
      lint_pdf(out, bytes, &invoice);
      break;
    case Format::Empty:
      if (const Format promised = format_by_name(out.path); promised != Format::Xml) {
        out.findings.push_back(empty_file(promised));
      } else {
        lint_xml(out, bytes, &invoice);  // the XML loader says so (XML-06)
      }
      break;
    case Format::Unknown:
      out.findings.push_back(not_an_invoice({}, "le contenu n'est ni XML, ni PDF, ni JSON",
                                            "the content is neither XML, PDF nor JSON"));
      break;
  }
  check_declared_syntax(out);
  return out;
}

// What the mock refuses (chorus::syntaxe_mismatch), said before the deposit:
// only of a document read as an invoice file, whose syntax is known.
void Linter::check_declared_syntax(LintedDocument& out) const {
  if (!options_.syntaxe_flux) return;
  if (out.syntax != Syntax::Ubl && out.syntax != Syntax::Cii && out.syntax != Syntax::FacturX)
    return;
  if (auto mismatch = chorus::syntaxe_mismatch(*options_.syntaxe_flux, out.syntax))
    out.findings.push_back(
        syntax::finding(syntax::kNotTheDeclaredSyntax, {}, std::move(*mismatch)));
}

std::optional<Invoice> Linter::read_invoice(std::string_view bytes, LintedDocument& out) const {
  const auto loaded = xml::load(bytes, xml_limits(), out.findings);
  if (!loaded) return std::nullopt;
  return read_loaded(bytes, *loaded, out);
}

xml::SafeLimits Linter::xml_limits() const {
  return {options_.max_bytes, options_.max_depth};
}

std::optional<Invoice> Linter::read_loaded(std::string_view bytes, const xml::LoadedXml& loaded,
                                           LintedDocument& out) const {
  auto& findings = out.findings;
  pugi::xml_node root = loaded.doc.document_element();
  xml::Names names(root, loaded.nested_namespace_declarations);
  XmlKind detected = detect_xml_kind(root, names);
  if (detected.syntax == Syntax::Unknown) {
    findings.push_back(not_an_invoice({fmt::format("/{}", root.name()), loaded.line_of(root), 0},
                                      fmt::format("élément racine {}", detected.root),
                                      fmt::format("root element {}", detected.root)));
    return std::nullopt;
  }
  out.kind = detected.kind;
  out.syntax = detected.syntax;

  validate_xsd(bytes, loaded.doc, out.kind, out.syntax, findings);

  // The binding rules judge the XML itself, XSD-valid or not (the official
  // unit tests are fragments that the schemas refuse).
  const std::size_t binding_start = findings.size();
  binding::check(loaded, out.syntax, profile_, findings);
  if (out.syntax == Syntax::Cii) lift_extension_elements(root, findings, binding_start);

  return out.syntax == Syntax::Ubl ? readers::read_ubl(loaded, out.kind, findings)
                                   : readers::read_cii(loaded, out.kind, findings);
}

// Against the schema of the syntax, or for a CII the one its guideline
// (BT-24) calls for (xsd::group_for), the same alone or inside a Factur-X.
void Linter::validate_xsd(std::string_view bytes, const pugi::xml_document& parsed,
                          DocumentKind kind, Syntax syntax, std::vector<Finding>& findings) const {
  if (!xsd_.schemas) {
    if (!xsd_.disabled) {
      findings.push_back(syntax::finding(syntax::kXsdUnavailable, {},
                                         {xsd_.missing_note_fr, xsd_.missing_note_en}));
    }
    return;
  }
  std::optional<pdf::FacturXProfile> profile;
  if (syntax == Syntax::Cii) {
    const auto guideline = pdf::guideline_in(parsed.document_element());
    if (guideline) profile = pdf::profile_of_guideline(*guideline);
  }
  const std::size_t group = xsd::group_for(syntax, profile, xsd_.cii_schema);
  if (!xsd_.schemas->has(group)) {
    findings.push_back(syntax::finding(
        syntax::kXsdUnavailable, {},
        xsd::missing_schema(xsd_.found_by, xsd_.schemas->folder(), xsd::kGroups.at(group))));
    return;
  }
  try {
    for (auto& e : xsd_.schemas->validate(bytes, parsed, kind, syntax, group)) {
      findings.push_back(syntax::finding(syntax::kXsdInvalid, {"", e.line, e.column},
                                         xsd::error_message(e, xsd::kGroups.at(group).label)));
    }
  } catch (const xsd::SchemaError& e) {  // its grammar, compiled on first use, is broken
    findings.push_back(syntax::finding(syntax::kXsdUnavailable, {},
                                       xsd::unusable_schemas(xsd_.found_by, e.what())));
  }
}

void Linter::lint_xml(LintedDocument& out, std::string_view bytes,
                      std::optional<Invoice>* keep) const {
  std::optional<Invoice> invoice = read_invoice(bytes, out);
  if (invoice) check_invoice(out, std::move(*invoice), bytes.size(), keep);
}

void Linter::lint_pdf(LintedDocument& out, std::string_view bytes,
                      std::optional<Invoice>* keep) const {
  auto extracted = pdf::extract_facturx(bytes, out.path, {.max_xml_bytes = options_.max_bytes});
  if (const auto* error = std::get_if<pdf::ExtractError>(&extracted)) {
    out.findings.push_back(pdf::finding_for(*error, options_.max_bytes));
    return;
  }
  const pdf::FacturX& facturx = std::get<pdf::FacturX>(extracted);
  out.syntax = Syntax::FacturX;
  // The XML is parsed once, for its guideline and for the rules; what loading
  // it says comes after the findings on the container.
  std::vector<Finding> load_findings;
  const auto loaded = xml::load(facturx.xml, xml_limits(), load_findings);
  // The profile is the XML's (BT-24); the XMP's level stands in for an XML
  // whose guideline we do not know.
  const auto guideline = loaded ? pdf::guideline_in(loaded->doc.document_element()) : std::nullopt;
  const auto declared = guideline ? pdf::profile_of_guideline(*guideline) : std::nullopt;
  out.findings = pdf::container_findings(facturx, declared);
  const auto profile =
      declared ? declared : pdf::profile_of_level(facturx.xmp.conformance_level.value_or(""));
  if (profile) {
    if (auto level = pdf::level_finding(*profile, declared.has_value())) {
      out.findings.push_back(std::move(*level));
      validate_xml_only(out, loaded, std::move(load_findings), facturx.xml, facturx.name);
      return;
    }
  }
  const std::size_t xml_start = out.findings.size();
  std::ranges::move(load_findings, std::back_inserter(out.findings));
  std::optional<Invoice> invoice = loaded ? read_loaded(facturx.xml, *loaded, out) : std::nullopt;
  // What reading found is all about the XML; of the rules' findings, those
  // without a place are about the PDF itself (its size, its name).
  for (auto f = out.findings.begin() + static_cast<std::ptrdiff_t>(xml_start);
       f != out.findings.end(); ++f)
    pdf::place_inside(facturx.name, f->where);
  const bool cii = out.syntax == Syntax::Cii;
  out.syntax = Syntax::FacturX;
  if (!invoice) return;
  if (!cii) {
    out.findings.push_back(pdf::ubl_inside(facturx.name));
    return;
  }
  const std::size_t rules_start = out.findings.size();
  check_invoice(out, std::move(*invoice), bytes.size(), keep);
  for (auto f = out.findings.begin() + static_cast<std::ptrdiff_t>(rules_start);
       f != out.findings.end(); ++f) {
    if (!f->where.path.empty() || f->where.line != 0) pdf::place_inside(facturx.name, f->where);
  }
}

void Linter::validate_xml_only(LintedDocument& out, const std::optional<xml::LoadedXml>& loaded,
                               std::vector<Finding> load_findings, std::string_view xml,
                               std::string_view attachment) const {
  const std::size_t start = out.findings.size();
  std::ranges::move(load_findings, std::back_inserter(out.findings));
  if (loaded) {
    const pugi::xml_node root = loaded->doc.document_element();
    const xml::Names names(root, loaded->nested_namespace_declarations);
    const XmlKind detected = detect_xml_kind(root, names);
    // A Factur-X carries a CII; anything else is left to PDF-04.
    if (detected.syntax == Syntax::Cii) {
      validate_xsd(xml, loaded->doc, detected.kind, detected.syntax, out.findings);
    }
  }
  for (auto f = out.findings.begin() + static_cast<std::ptrdiff_t>(start); f != out.findings.end();
       ++f)
    pdf::place_inside(attachment, f->where);
}

void Linter::check_invoice(LintedDocument& out, Invoice&& invoice, std::size_t size,
                           std::optional<Invoice>* keep) const {
  invoice_rules_->keys(invoice, out.run_notes);
  out.parties = DocumentParties{party_key(invoice.seller), party_key(invoice.buyer)};
  if (!options_.code_lists && !options_.code_lists_missing.en.empty() &&
      has_rule(registry_, profile_, syntax::kCodeListsUnavailable)) {
    out.findings.push_back(
        syntax::finding(syntax::kCodeListsUnavailable, {}, options_.code_lists_missing));
  }
  invoice_rules_->run(invoice, context_for(out.path, size), out.findings);
  *keep = std::move(invoice);
}

void Linter::lint_json(LintedDocument& out, std::string_view bytes) const {
  auto& findings = out.findings;
  json::ParseResult parsed = json::parse(bytes, options_.max_depth);
  if (const auto* error = std::get_if<json::SyntaxError>(&parsed)) {
    findings.push_back(not_json(*error));
    return;
  }
  if (const auto* error = std::get_if<json::TooDeep>(&parsed)) {
    findings.push_back(too_deep(*error));
    return;
  }
  const json::Value& root = std::get<json::Value>(parsed);
  const JsonKind detected = detect_json_kind(root);
  out.kind = detected.kind;
  out.syntax = detected.syntax;
  const Context context = context_for(out.path, bytes.size());
  switch (detected.kind) {
    case DocumentKind::DepositRequest:
      run_rules(registry_, profile_, readers::read_deposit_request(root, findings), context,
                findings);
      break;
    case DocumentKind::Account:
      run_rules(registry_, profile_, readers::read_account_form(root, findings), context, findings);
      break;
    default:
      findings.push_back(unknown_json());
      break;
  }
}

LintRun::LintRun(const Linter& linter)
    : linter_(linter), run_rules_(linter.registry(), linter.profile(), [](const Rule& /*rule*/) {
        return std::make_unique<SeenInvoices>();
      }) {}

LintedDocument LintRun::lint(std::string path, std::string_view bytes) {
  LintedDocument doc = linter_.lint(std::move(path), bytes);
  add(doc);
  return doc;
}

void LintRun::add(LintedDocument& doc) {
  run_rules_.check(doc.run_notes, doc.path, doc.findings);
}

}  // namespace cprokit
