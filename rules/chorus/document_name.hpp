// The name a deposited document must carry, "société/n° facture" (the
// buyer's notice; Chorus Pro shows the document under it): what CPRO-NAME-01
// checks on a file's name and CPRO-NAME-02 on a deposit request's.
#pragma once

#include <optional>
#include <string_view>

#include "rules/finding.hpp"

namespace cprokit::chorus {

// What is wrong with `document_name` for the supplier `supplier` and the
// invoice `number` (case, accents and punctuation ignored), said in both
// languages; none when the name holds both.
std::optional<Message> document_name_problem(std::string_view document_name,
                                             std::string_view supplier, std::string_view number);

}  // namespace cprokit::chorus
