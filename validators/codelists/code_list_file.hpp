// Reads the code lists of the BR-CL rules from a JSON file (README "Code
// lists"): {"ubl": {"BR-CL-04": {"codes": [...]}, ...}, "cii": {...}}, UBL
// BR-CL-01 with "InvoiceTypeCode" and "CreditNoteTypeCode" instead of
// "codes". Every list the rules need must be there; "context" is allowed
// beside the codes (the official context, for people) and ignored.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "rules/en16931/code_lists.hpp"
#include "validators/data_lookup.hpp"

namespace cprokit::codelists {

// What is wrong with a code list file, and where: `where` is the JSON Pointer
// of the offending value ("/ubl/BR-CL-04/codes/3"), or "line L, column C" for
// a JSON syntax error, or "" for a file that cannot be read. what() reads
// "<file>: <where>: <English message>"; message_fr() the same in French.
class CodeListError : public std::runtime_error {
 public:
  CodeListError(const std::string& file, const std::string& where, const std::string& en,
                const std::string& fr);
  const std::string& message_fr() const { return fr_; }

 private:
  std::string fr_;
};

// Parses the text of a code list file; `file` names it in errors. The file's
// usual shape takes a single pass (code_list_scan.hpp); anything else, the
// strict parser, which says what is wrong and where.
en16931::CodeLists parse_code_lists(std::string_view json_text, const std::string& file);
// The strict parser alone, which the single pass must agree with (tests).
en16931::CodeLists parse_code_lists_strictly(std::string_view json_text, const std::string& file);
// Reads and parses the file; when `sha256` is given, it receives the SHA-256
// of the bytes parsed. Throws CodeListError.
en16931::CodeLists load_code_lists(const std::filesystem::path& file,
                                   std::string* sha256 = nullptr);

// Where the code lists are looked for, in order: --codelists FILE, the
// CPROKIT_CODELISTS environment variable, the installed data file, the
// build-time default. A candidate counts when it is a regular file.
DataLookup find_code_lists(const std::optional<std::filesystem::path>& option_file);

}  // namespace cprokit::codelists
