// A rule family: the rules whose ids start with the family's id and a dash
// (family BR-CL: BR-CL-01, BR-CL-04…). Each pack registers its families with
// its rules; the registry puts each rule in the family with the longest id
// that prefixes it, so that BR-CL can need the code lists while BR does not.
// Profiles, reports, the mock and the tests ask a rule's family what it is;
// nothing else reads meaning into an id's prefix.
#pragma once

#include <cstddef>
#include <string>
#include <utility>

#include "rules/finding.hpp"

namespace cprokit {

// Reference data a run may lack, by which a rule's verdicts then change.
struct Needs {
  bool xsd = false;         // the XSD schemas (lint --schemas)
  bool code_lists = false;  // the code lists of the BR-CL rules (lint --codelists)

  bool any() const { return xsd || code_lists; }
  // Whether `available` has all of this.
  bool met_by(const Needs& available) const {
    return (!xsd || available.xsd) && (!code_lists || available.code_lists);
  }
  Needs operator|(const Needs& other) const {
    return {xsd || other.xsd, code_lists || other.code_lists};
  }
};

struct Family {
  Family(std::string family_id, Message family_title)
      : id(std::move(family_id)), title(std::move(family_title)) {}

  std::string id;  // "BR-CL"
  Message title;
  // The family this one is part of ("BR" for BR-CL): reports show a rule in
  // the group of its family's first ancestor. Empty: none.
  std::string parent;
  // Its rules judge how the file reads (XML, schema, PDF, JSON, the run's
  // reference data), not the document's content: a fatal one makes a file
  // unreceivable rather than an invoice rejected.
  bool technical = false;
  // Only a profile that names it includes it: a profile of every family
  // ("all") leaves it out (BR-FR, which applies to the French reform's
  // invoices only, not to every deposit).
  bool on_request = false;
  Needs needs;            // what a run must have for its rules to be checked
  std::size_t index = 0;  // in Registry::families(), set by Registry::add_family
};

}  // namespace cprokit
