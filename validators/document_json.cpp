#include "validators/document_json.hpp"

#include <array>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace cprokit {

using nlohmann::ordered_json;

ordered_json document_json(const LintedDocument& doc, Lang lang) {
  ordered_json findings = ordered_json::array();
  for (const auto& f : doc.findings) {
    findings.push_back({{"rule", f.rule},
                        {"severity", name(f.severity)},
                        {"message", f.message.in(lang)},
                        {"location", f.where.path},
                        {"line", f.where.line == 0 ? ordered_json() : ordered_json(f.where.line)},
                        {"terms", f.terms}});
  }
  return {{"path", doc.path},           {"sha256", doc.sha256}, {"kind", name(doc.kind)},
          {"syntax", name(doc.syntax)}, {"valid", doc.valid()}, {"findings", std::move(findings)}};
}

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> named(std::string_view text, const std::array<Enum, N>& values) {
  for (Enum value : values) {
    if (name(value) == text) return value;
  }
  return std::nullopt;
}

// The member `key` of `object`, of the type `is` checks.
const nlohmann::json& member(const nlohmann::json& object, const char* key,
                             bool (nlohmann::json::*is)() const noexcept, const char* type) {
  const auto it = object.find(key);
  if (it == object.end() || !((*it).*is)()) {
    throw DocumentJsonError(std::string("\"") + key + "\" " +
                            (it == object.end() ? "missing" : "is not " + std::string(type)));
  }
  return *it;
}

std::string text_member(const nlohmann::json& object, const char* key) {
  return member(object, key, &nlohmann::json::is_string, "a string").get<std::string>();
}

template <typename Enum>
Enum enum_member(const nlohmann::json& object, const char* key,
                 std::optional<Enum> (*read)(std::string_view)) {
  const std::string text = text_member(object, key);
  const std::optional<Enum> value = read(text);
  if (!value) throw DocumentJsonError("\"" + std::string(key) + "\": unknown \"" + text + "\"");
  return *value;
}

Finding finding_from_json(const nlohmann::json& object) {
  if (!object.is_object()) throw DocumentJsonError("a finding is not an object");
  Finding f;
  f.rule = text_member(object, "rule");
  f.severity = enum_member(object, "severity", &severity_named);
  f.message.fr = text_member(object, "message");
  f.message.en = f.message.fr;
  f.where.path = text_member(object, "location");
  const auto line = object.find("line");
  if (line != object.end() && line->is_number_unsigned()) {
    f.where.line = line->get<std::uint32_t>();
  } else if (line != object.end() && !line->is_null()) {
    throw DocumentJsonError("\"line\" is not a line number or null");
  }
  for (const auto& term : member(object, "terms", &nlohmann::json::is_array, "an array")) {
    if (!term.is_string()) throw DocumentJsonError("a business term is not a string");
    f.terms.push_back(term.get<std::string>());
  }
  return f;
}

}  // namespace

LintedDocument document_from_json(const nlohmann::json& object) {
  if (!object.is_object()) throw DocumentJsonError("a document is not an object");
  LintedDocument doc;
  doc.path = text_member(object, "path");
  doc.sha256 = text_member(object, "sha256");
  doc.kind = enum_member(object, "kind", &kind_named);
  doc.syntax = enum_member(object, "syntax", &syntax_named);
  for (const auto& f : member(object, "findings", &nlohmann::json::is_array, "an array")) {
    doc.findings.push_back(finding_from_json(f));
  }
  return doc;
}

std::optional<Severity> severity_named(std::string_view text) {
  return named(text, std::array{Severity::Fatal, Severity::Warning, Severity::Info});
}

std::optional<DocumentKind> kind_named(std::string_view text) {
  return named(text,
               std::array{DocumentKind::Invoice, DocumentKind::CreditNote, DocumentKind::Account,
                          DocumentKind::DepositRequest, DocumentKind::Unknown});
}

std::optional<Syntax> syntax_named(std::string_view text) {
  return named(text, std::array{Syntax::Ubl, Syntax::Cii, Syntax::FacturX, Syntax::CproJson,
                                Syntax::AccountJson, Syntax::Unknown});
}

}  // namespace cprokit
