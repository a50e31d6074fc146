// The code list file read in one pass over its bytes, for the shape it has
// (code_list_file.hpp): objects, arrays of codes, the context strings, in
// plain ASCII. Anything else — an escape, a byte outside printable ASCII, a
// number, a list unknown, missing or given twice, a code empty or holding a
// space, text that is not JSON — gives nullopt, and the strict parser
// (parse_code_lists) reads the file again to say what is wrong, or to read
// what this reader leaves to it. Whenever this reader gives lists, the
// strict parser would give the same.
#pragma once

#include <optional>
#include <string_view>

#include "rules/en16931/code_lists.hpp"

namespace cprokit::codelists {

std::optional<en16931::CodeLists> scan_code_lists(std::string_view json_text);

}  // namespace cprokit::codelists
