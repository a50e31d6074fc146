// Fill the document models: the semantic invoice model from a loaded UBL or
// CII document (values that do not parse become XML-07 findings appended to
// `findings`), the deposit request and account form models from JSON (with
// JSON-02..04 findings).
#pragma once

#include <vector>

#include "rules/finding.hpp"
#include "rules/model/account_form.hpp"
#include "rules/model/deposit_request.hpp"
#include "rules/model/invoice.hpp"
#include "validators/json/json_tree.hpp"
#include "validators/xml/safe_xml.hpp"

namespace cprokit::readers {

// `kind`: Invoice or CreditNote, as detected from the root element.
Invoice read_ubl(const xml::LoadedXml& xml, DocumentKind kind, std::vector<Finding>& findings);

// `kind`: Invoice or CreditNote, as detected from the type code.
Invoice read_cii(const xml::LoadedXml& xml, DocumentKind kind, std::vector<Finding>& findings);

DepositRequest read_deposit_request(const json::Value& root, std::vector<Finding>& findings);

AccountForm read_account_form(const json::Value& root, std::vector<Finding>& findings);

}  // namespace cprokit::readers
