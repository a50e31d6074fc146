// The syntax rules: problems of the bytes that validators/ finds while
// reading a document (XML-*, XSD-*, JSON-*, DOC-*, PDF-*). They have no check of their own;
// the registry describes them and validators/ builds their findings here.
#pragma once

#include <string_view>

#include "rules/engine/registry.hpp"
#include "rules/finding.hpp"

namespace cprokit::syntax {

inline constexpr std::string_view kMalformed = "XML-01";
inline constexpr std::string_view kDoctype = "XML-02";
inline constexpr std::string_view kTooLarge = "XML-03";
inline constexpr std::string_view kTooDeep = "XML-04";
inline constexpr std::string_view kEncoding = "XML-05";
inline constexpr std::string_view kEmpty = "XML-06";
inline constexpr std::string_view kNotANumber = "XML-07";
inline constexpr std::string_view kJsonMalformed = "JSON-01";
inline constexpr std::string_view kJsonWrongType = "JSON-02";
inline constexpr std::string_view kJsonUnknownField = "JSON-03";
inline constexpr std::string_view kJsonDuplicateKey = "JSON-04";
inline constexpr std::string_view kNotAnInvoice = "DOC-01";
inline constexpr std::string_view kNotTheDeclaredSyntax = "DOC-02";
inline constexpr std::string_view kPdfUnreadable = "PDF-01";
inline constexpr std::string_view kPdfNoInvoice = "PDF-02";
inline constexpr std::string_view kPdfSeveralInvoices = "PDF-03";
inline constexpr std::string_view kPdfNotEn16931 = "PDF-04";
inline constexpr std::string_view kPdfEncrypted = "PDF-05";
inline constexpr std::string_view kPdfNotPdfA = "PDF-06";
inline constexpr std::string_view kPdfNoExtensionSchema = "PDF-07";
inline constexpr std::string_view kPdfFacturXValues = "PDF-08";
inline constexpr std::string_view kPdfLevelMismatch = "PDF-09";
inline constexpr std::string_view kPdfFileNameMismatch = "PDF-10";
inline constexpr std::string_view kPdfRelationship = "PDF-11";
inline constexpr std::string_view kPdfNotInAf = "PDF-12";
inline constexpr std::string_view kPdfMimeType = "PDF-13";
inline constexpr std::string_view kPdfModDate = "PDF-14";
inline constexpr std::string_view kPdfOneInvoice = "PDF-15";
inline constexpr std::string_view kXsdInvalid = "XSD-01";
inline constexpr std::string_view kXsdUnavailable = "XSD-02";
// The code lists of the BR-CL rules were not found: those rules did not run.
inline constexpr std::string_view kCodeListsUnavailable = "LIST-01";

void register_rules(Registry& registry);

// A finding of syntax rule `id` (one of the constants above), with the
// severity and terms the pack describes it with.
Finding finding(std::string_view id, Location where, Message message);

}  // namespace cprokit::syntax
