// A small code-list file's content, for the tests that must run without the
// official lists (../shared), which the project does not ship.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace cprokit::test {

// A code-list file in the format of README "Code lists": every list the
// rules need, a few codes each: those of the invoice ubl_invoice() writes
// (cli_support.hpp), plus a few more.
inline nlohmann::ordered_json small_code_lists() {
  const std::vector<std::pair<std::string, std::vector<std::string>>> lists = {
      {"BR-CL-01", {"380", "381"}},  {"BR-CL-03", {"EUR"}},     {"BR-CL-04", {"EUR"}},
      {"BR-CL-05", {"EUR"}},         {"BR-CL-06", {"3", "5"}},  {"BR-CL-07", {"AAA"}},
      {"BR-CL-08", {"AAI"}},         {"BR-CL-10", {"0009"}},    {"BR-CL-11", {"0009"}},
      {"BR-CL-13", {"STI"}},         {"BR-CL-14", {"FR"}},      {"BR-CL-15", {"FR"}},
      {"BR-CL-16", {"30", "58"}},    {"BR-CL-17", {"S", "AE"}}, {"BR-CL-18", {"S", "AE"}},
      {"BR-CL-19", {"95"}},          {"BR-CL-20", {"ABK"}},     {"BR-CL-21", {"0160"}},
      {"BR-CL-22", {"VATEX-EU-AE"}}, {"BR-CL-23", {"C62"}},     {"BR-CL-24", {"application/pdf"}},
      {"BR-CL-25", {"0009"}},        {"BR-CL-26", {"0088"}},
  };
  nlohmann::ordered_json out;
  for (const char* syntax : {"ubl", "cii"}) {
    nlohmann::ordered_json& by_id = out[syntax] = nlohmann::ordered_json::object();
    for (const auto& [id, codes] : lists) {
      if (std::string_view(syntax) == "ubl" && id == "BR-CL-01") {
        by_id[id] = {{"InvoiceTypeCode", {"380"}}, {"CreditNoteTypeCode", {"381"}}};
      } else {
        by_id[id] = {{"context", "written for the tests"}, {"codes", codes}};
      }
    }
  }
  return out;
}

}  // namespace cprokit::test
