// The syntax-binding rules (UBL-*, CII-*) on a loaded invoice: one walk of
// the DOM, whatever the XSD verdict.
#pragma once

#include <vector>

#include "rules/engine/registry.hpp"
#include "rules/finding.hpp"
#include "rules/model/document_type.hpp"
#include "validators/xml/safe_xml.hpp"

namespace cprokit::binding {

// Adds a finding per context node that breaks a binding rule of `syntax`
// (Ubl or Cii) that `profile` includes.
void check(const xml::LoadedXml& loaded, Syntax syntax, const Profile& profile,
           std::vector<Finding>& findings);

// Whether `rule` only says that an element of CII the EN 16931 CIUS leaves
// out "should not be included" (a warning): what Factur-X EXTENDED adds back.
bool is_cius_restriction(std::string_view rule);

}  // namespace cprokit::binding
