// What a search asks for. Clients built on typed structures send every field
// of a search, zero values included ("statutStructure": "", "idFournisseur": 0,
// "restreindreStructuresPrivees": false, "pageResultatDemandee": 0): a zero
// value asks for nothing. The search operations read their criteria through
// this view of the body, where a zero value reads as absent; a value of the
// wrong type is still refused with the field named (Fields).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mock-chorus/wire/body.hpp"

namespace cprokit::mock {

class Criteria {
 public:
  explicit Criteria(Fields fields) : fields_(std::move(fields)) {}

  // A text to match; "" is none.
  std::optional<std::string> text(std::string_view name) const;
  // An identifier, a page number or a page size; 0 (or "") is none.
  std::optional<std::int64_t> integer(std::string_view name) const;
  // The texts of a list, "" left out: an empty list is no criterion.
  std::vector<std::string> texts(std::string_view name) const;
  // A flag that only narrows the search: false is the same as absent.
  bool narrows(std::string_view name) const;
  // A nested group of criteria (none when absent).
  Criteria object(std::string_view name) const;

 private:
  Fields fields_;
};

}  // namespace cprokit::mock
