#include "validators/detect.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>

#include <fmt/core.h>

#include "validators/readers/namespaces.hpp"
#include "validators/readers/reader.hpp"

namespace cprokit {
namespace {

// UNTDID 1001 codes of credit notes (EN 16931 allows them in BT-3).
constexpr std::array<std::string_view, 11> kCreditNoteCodes = {
    "81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"};

// The CII document type code: rsm:ExchangedDocument/ram:TypeCode.
std::string_view cii_type_code(const pugi::xml_node& root, const xml::Names& names) {
  for (auto doc : root.children()) {
    if (!names.is(doc, ns::kRsm, "ExchangedDocument")) continue;
    for (auto code : doc.children()) {
      if (names.is(code, ns::kRam, "TypeCode")) return readers::trimmed_text(code);
    }
  }
  return {};
}

// Top-level fields only a deposit request has (API.md §3.4).
constexpr std::array<std::string_view, 8> kDepositRequestFields = {
    "modeDepot",  "cadreDeFacturation", "destinataire", "fournisseur",
    "references", "lignePoste",         "ligneTva",     "montantTotal"};

bool has_member(const json::Value& object, std::span<const std::string_view> keys) {
  return std::ranges::any_of(object.members, [&](const json::Member& m) {
    return std::ranges::find(keys, m.key) != keys.end();
  });
}

}  // namespace

Format sniff_format(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.starts_with("\xFE\xFF") || bytes.starts_with("\xFF\xFE")) return Format::Xml;
  std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return Format::Empty;
  bytes.remove_prefix(first);
  if (bytes.starts_with("%PDF-")) return Format::Pdf;
  if (bytes.front() == '{' || bytes.front() == '[') return Format::Json;
  if (bytes.front() == '<') return Format::Xml;
  return Format::Unknown;
}

Format format_by_name(std::string_view path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() &&
           std::equal(suffix.begin(), suffix.end(), path.end() - suffix.size(), [](char a, char b) {
             return a == std::tolower(static_cast<unsigned char>(b));
           });
  };
  if (ends_with(".json")) return Format::Json;
  if (ends_with(".pdf")) return Format::Pdf;
  return Format::Xml;
}

XmlKind detect_xml_kind(const pugi::xml_node& root, const xml::Names& names) {
  XmlKind out;
  std::string_view uri = names.uri(root);
  std::string_view local = xml::local_name(root.name());
  out.root = uri.empty() ? std::string(local) : fmt::format("{{{}}}{}", uri, local);
  if (uri == ns::kUblInvoice && local == "Invoice") {
    out = {DocumentKind::Invoice, Syntax::Ubl, out.root};
  } else if (uri == ns::kUblCreditNote && local == "CreditNote") {
    out = {DocumentKind::CreditNote, Syntax::Ubl, out.root};
  } else if (uri == ns::kRsm && local == "CrossIndustryInvoice") {
    std::string_view code = cii_type_code(root, names);
    bool credit =
        std::find(kCreditNoteCodes.begin(), kCreditNoteCodes.end(), code) != kCreditNoteCodes.end();
    out = {credit ? DocumentKind::CreditNote : DocumentKind::Invoice, Syntax::Cii, out.root};
  }
  return out;
}

JsonKind detect_json_kind(const json::Value& root) {
  if (root.type != json::Type::Object) return {};
  constexpr std::array<std::string_view, 1> kAccountFields = {"compte"};
  if (has_member(root, kAccountFields)) return {DocumentKind::Account, Syntax::AccountJson};
  if (has_member(root, kDepositRequestFields)) {
    return {DocumentKind::DepositRequest, Syntax::CproJson};
  }
  return {};
}

}  // namespace cprokit
