// The public API of libcprokit (cprokit/lint.hpp) over the engine's Linter.
#include <utility>

#include <nlohmann/json.hpp>

#include "cprokit/lint.hpp"
#include "validators/document_json.hpp"
#include "validators/library/setup.hpp"

namespace cprokit::lib {

Error::~Error() = default;

struct Linter::Impl {
  explicit Impl(EngineSetup setup, Lang lang_)
      : engine(std::move(setup.options), std::move(setup.xsd)),
        lang(lang_ == Lang::fr ? ::cprokit::Lang::Fr : ::cprokit::Lang::En) {}

  ::cprokit::Linter engine;
  ::cprokit::Lang lang;
};

Linter::Linter(const Options& options)
    : impl_(std::make_unique<Impl>(engine_setup(options), options.lang)) {}
Linter::~Linter() = default;
Linter::Linter(Linter&&) noexcept = default;
Linter& Linter::operator=(Linter&&) noexcept = default;

namespace {

Severity public_severity(::cprokit::Severity s) {
  switch (s) {
    case ::cprokit::Severity::Fatal:
      return Severity::fatal;
    case ::cprokit::Severity::Warning:
      return Severity::warning;
    case ::cprokit::Severity::Info:
      break;
  }
  return Severity::info;
}

::cprokit::Severity engine_severity(Severity s) {
  switch (s) {
    case Severity::fatal:
      return ::cprokit::Severity::Fatal;
    case Severity::warning:
      return ::cprokit::Severity::Warning;
    case Severity::info:
      break;
  }
  return ::cprokit::Severity::Info;
}

}  // namespace

Result Linter::lint(std::string_view bytes, std::string_view name) const {
  LintedDocument doc = impl_->engine.lint(std::string(name), bytes);
  Result out{.name = std::move(doc.path),
             .sha256 = std::move(doc.sha256),
             .kind = std::string(::cprokit::name(doc.kind)),
             .syntax = std::string(::cprokit::name(doc.syntax)),
             .valid = doc.valid(),
             .findings = {}};
  out.findings.reserve(doc.findings.size());
  for (auto& f : doc.findings) {
    out.findings.push_back(
        {.rule = std::move(f.rule),
         .severity = public_severity(f.severity),
         .message = std::move(impl_->lang == ::cprokit::Lang::Fr ? f.message.fr : f.message.en),
         .location = std::move(f.where.path),
         .line = f.where.line,
         .terms = std::move(f.terms)});
  }
  return out;
}

// Back to the engine's document so that the contract's one writer
// (validators/document_json.cpp) spells it.
std::string to_json(const Result& result) {
  LintedDocument doc;
  doc.path = result.name;
  doc.sha256 = result.sha256;
  doc.kind = kind_named(result.kind).value_or(DocumentKind::Unknown);
  doc.syntax = syntax_named(result.syntax).value_or(Syntax::Unknown);
  for (const auto& f : result.findings) {
    ::cprokit::Finding& finding = doc.findings.emplace_back();
    finding.rule = f.rule;
    finding.severity = engine_severity(f.severity);
    finding.message = {f.message, f.message};
    finding.where.path = f.location;
    finding.where.line = f.line;
    finding.terms = f.terms;
  }
  return document_json(doc, ::cprokit::Lang::Fr)
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string version() {
  return CPROKIT_VERSION;
}

}  // namespace cprokit::lib
