// The lint pipeline for one document: bytes -> kind detection -> safe XML
// loading -> XSD (optional) -> semantic model -> rules -> findings; or, for
// a JSON deposit request or account form: bytes -> JSON tree -> its model ->
// rules -> findings.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/chorus/depositor.hpp"
#include "rules/chorus/directory.hpp"
#include "rules/chorus/syntaxe_flux.hpp"
#include "rules/en16931/code_lists.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/engine.hpp"
#include "rules/engine/registry.hpp"
#include "rules/finding.hpp"
#include "rules/model/document_type.hpp"
#include "rules/model/invoice.hpp"
#include "validators/parties.hpp"
#include "validators/seen_invoices.hpp"
#include "validators/xml/safe_xml.hpp"
#include "validators/xsd/schema_set.hpp"

namespace cprokit {

struct LintOptions {
  std::size_t max_bytes = std::size_t{20} * 1024 * 1024;  // larger inputs are refused (XML-03)
  unsigned max_depth = 200;     // deeper element nesting is refused (XML-04)
  std::string profile = "all";  // a profile name of the registry
  Context context;              // document_name and document_size are set per document
  // The structures known to the run (lint --directory); null without one.
  std::shared_ptr<const chorus::Directory> directory;
  // The name documents are deposited under (lint --name); empty: the file's name.
  std::string deposit_name;
  // The syntaxeFlux the documents are to be deposited under (lint
  // --syntaxe-flux); nullopt: not checked.
  std::optional<chorus::SyntaxeFlux> syntaxe_flux;
  // The invoice the deposit requests are for (lint --with); null without one.
  std::shared_ptr<const Invoice> invoice_file;
  // Who deposits the documents (the mock: the technical account of a call,
  // Linter::for_depositor()); null for the linter.
  std::shared_ptr<const chorus::Depositor> depositor;
  // The code lists of the BR-CL rules (lint --codelists); null without them.
  std::shared_ptr<const en16931::CodeLists> code_lists;
  // Without code lists: LIST-01's explanation, once per invoice; empty (as
  // under --no-codelists) says nothing.
  Message code_lists_missing;
};

// XSD layer of a run: the schemas, or why there are none.
struct XsdSetup {
  std::shared_ptr<const xsd::SchemaSet> schemas;  // null: no XSD validation
  bool disabled = false;                          // --no-xsd: say nothing about missing schemas
  // How the schemas were found (DataLookup::found_by), for XSD-02's
  // explanation when a grammar turns out not to compile.
  std::string found_by;
  // The schema of the CII documents whose guideline calls for none of its
  // own (lint --cii-schema).
  xsd::CiiSchema cii_schema = xsd::CiiSchema::D16b;
  // When schemas is null and not disabled: XSD-02's explanation, in French and English.
  std::string missing_note_fr;
  std::string missing_note_en;
};

struct LintedDocument {
  std::string path;        // as given
  std::uint64_t size = 0;  // bytes
  std::string sha256;      // of the bytes, lower-case hex
  DocumentKind kind = DocumentKind::Unknown;
  Syntax syntax = Syntax::Unknown;
  std::vector<Finding> findings;
  // What the run-level rules took from an invoice or credit note, for the
  // checks a run makes across documents (LintRun); empty when not read.
  std::vector<RunNote> run_notes;
  // Its seller and buyer, when it is an invoice or credit note that was read.
  std::optional<DocumentParties> parties;
  // The time spent reading and linting it, when its caller measured it (the
  // lint command's batch, for the JUnit report); zero otherwise.
  std::chrono::nanoseconds lint_time{};

  bool valid() const { return !has_fatal(findings); }
};

class Linter {
 public:
  // Throws std::invalid_argument when options.profile names no profile.
  Linter(LintOptions options, XsdSetup xsd, const Registry& registry = catalogue::builtin());

  // Lints one document. Never throws for bad input: every problem of the
  // bytes is a finding.
  LintedDocument lint(std::string path, std::string_view bytes) const;
  // As lint(), also giving the invoice read from an XML document or from
  // the XML of a Factur-X PDF (the mock stores what it integrates);
  // `invoice` stays empty for anything else.
  LintedDocument lint(std::string path, std::string_view bytes,
                      std::optional<Invoice>& invoice) const;

  // The result for an input that is not read because it is over
  // options().max_bytes (its hash computed while streaming it).
  LintedDocument refuse_too_large(std::string path, std::uint64_t size, std::string sha256) const;

  // Reads an invoice or credit note as lint() does (safe XML, XSD when set
  // up, reader), setting out.kind and out.syntax; nullopt when the bytes are
  // not one, the reason among out.findings.
  std::optional<Invoice> read_invoice(std::string_view bytes, LintedDocument& out) const;
  // The same, for `bytes` already loaded.
  std::optional<Invoice> read_loaded(std::string_view bytes, const xml::LoadedXml& loaded,
                                     LintedDocument& out) const;

  // This linter for the documents `depositor` deposits: the same options,
  // and the depositor the rules check (CPRO-DEP-03). Cheap: it shares the
  // schemas, the directory and the code lists.
  Linter for_depositor(std::shared_ptr<const chorus::Depositor> depositor) const;
  // This linter for one deposit made of a file and the request that goes
  // with it (the mock's portal): documents deposited under `deposit_name`
  // (lint --name; empty: the file's name) and requests checked against
  // `invoice_file` (lint --with; null: none). Cheap, as for_depositor().
  Linter for_deposit(std::string deposit_name, std::shared_ptr<const Invoice> invoice_file) const;
  // This linter with `directory` as the run's structures (cprokit deposit:
  // the directory the server's answers make). Cheap, as for_depositor().
  Linter for_directory(std::shared_ptr<const chorus::Directory> directory) const;

  const LintOptions& options() const { return options_; }
  const Profile& profile() const { return profile_; }
  const Registry& registry() const { return registry_; }

 private:
  // The run's context with what the rules know of one document.
  Context context_for(const std::string& path, std::uint64_t size) const;
  void lint_xml(LintedDocument& out, std::string_view bytes, std::optional<Invoice>* keep) const;
  // A Factur-X PDF: its embedded CII linted as lint_xml() would, the
  // findings placed inside the embedded file.
  void lint_pdf(LintedDocument& out, std::string_view bytes, std::optional<Invoice>* keep) const;
  void check_declared_syntax(LintedDocument& out) const;
  // The XSD findings (XSD-01, XSD-02) of a document of this kind and syntax,
  // added to `findings`.
  void validate_xsd(std::string_view bytes, const pugi::xml_document& parsed, DocumentKind kind,
                    Syntax syntax, std::vector<Finding>& findings) const;
  // The XML of a Factur-X whose level carries no EN 16931 invoice (`xml`,
  // loaded as `loaded` with `load_findings`): judged by its schema alone, the
  // findings placed inside the attachment.
  void validate_xml_only(LintedDocument& out, const std::optional<xml::LoadedXml>& loaded,
                         std::vector<Finding> load_findings, std::string_view xml,
                         std::string_view attachment) const;
  xml::SafeLimits xml_limits() const;
  // The rules on an invoice read from `size` bytes; the invoice kept in *keep.
  // By rvalue reference: the model is large, and taken by value it cost one
  // more move and destruction per document.
  void check_invoice(LintedDocument& out, Invoice&& invoice, std::size_t size,
                     std::optional<Invoice>* keep) const;
  void lint_json(LintedDocument& out, std::string_view bytes) const;

  LintOptions options_;
  XsdSetup xsd_;
  const Registry& registry_;
  const Profile& profile_;
  std::shared_ptr<const InvoiceRules> invoice_rules_;  // of profile_, shared by the copies
};

// Lints the documents of one run in input order, adding what only the run can
// see: the findings of the engine's run-level rules (CPRO-DUP-01, when the
// profile has it), their memory kept in a temporary database (SeenInvoices).
class LintRun {
 public:
  // Throws SeenInvoicesError when the profile has a run-level rule and its
  // store cannot be set up.
  explicit LintRun(const Linter& linter);

  LintedDocument lint(std::string path, std::string_view bytes);
  LintedDocument refuse_too_large(std::string path, std::uint64_t size, std::string sha256) const {
    return linter_.refuse_too_large(std::move(path), size, std::move(sha256));
  }
  // The run-level checks for a document the Linter already linted (on
  // another thread, say): call it in input order, as lint() does. Throws
  // SeenInvoicesError when the store of seen invoices fails: the run can no
  // longer tell duplicates and must stop, not go on without the check.
  void add(LintedDocument& doc);

 private:
  const Linter& linter_;
  RunRules run_rules_;
};

}  // namespace cprokit
