// Words the reports show people, in French and English: kinds of document,
// severities, rule families.
#pragma once

#include <string>
#include <string_view>

#include "rules/finding.hpp"
#include "rules/model/document_type.hpp"

namespace cprokit::cli::report {

std::string_view kind_label(DocumentKind kind, Lang lang);      // "facture", "credit note"…
std::string_view severity_label(Severity severity, Lang lang);  // "fatale", "warning"…
std::string_view verdict_label(bool valid, Lang lang);          // "valide", "invalid"

// The family reports show a rule in, as the catalogue says: its family's
// first ancestor ("BR" for BR-CO-10 and BR-CL-04). The id itself when the
// catalogue has no such rule.
std::string_view family_of(std::string_view rule_id);

// What a family of the catalogue is about ("EN 16931 : règles métier"); the
// family id itself for any other.
std::string_view family_title(std::string_view family, Lang lang);

// An option of the run as the HTML audit trail names it ("Validation XSD
// (--schemas, --no-xsd)"), from its key in RunInfo::options ("xsd"); the key
// itself when unknown.
std::string_view option_label(std::string_view key, Lang lang);
// A value of that option in words ("activée" for the xsd key's "on"); the
// value itself when it is data (a path, a number, a profile).
std::string_view option_value_label(std::string_view key, std::string_view value, Lang lang);

// "ligne 42:7" / "line 42:7"; empty when the line is unknown.
std::string place_label(const Location& where, Lang lang);

// One finding as one line of plain text, for the formats that carry text
// (JUnit): "[fatale] BR-CO-10 ligne 42:7 /Invoice/… : message (BT-106)".
std::string finding_text(const Finding& finding, Lang lang);

}  // namespace cprokit::cli::report
