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

}  // namespace cprokit::binding
