#include "validators/codelists/code_list_file.hpp"

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "validators/codelists/code_list_scan.hpp"
#include "validators/json/json_tree.hpp"
#include "validators/sha256.hpp"

namespace cprokit::codelists {
namespace {

using Json = nlohmann::json;
using en16931::CodeList;
using en16931::CodeLists;

class Parser {
 public:
  explicit Parser(std::string file) : file_(std::move(file)) {}

  CodeLists parse(std::string_view text) {
    check_json(text);
    KeyChecker unique_keys(*this);
    const Json root = Json::parse(text.begin(), text.end(), std::ref(unique_keys));
    object(root, "");
    CodeLists out;
    for (const auto& [key, syntax] : {std::pair{"ubl", Syntax::Ubl}, {"cii", Syntax::Cii}}) {
      const std::string where = fmt::format("/{}", key);
      if (!root.contains(key)) {
        fail("", fmt::format("no \"{}\" object", key), fmt::format("pas d'objet « {} »", key));
      }
      const Json& lists = root.at(key);
      object(lists, where);
      for (const auto& [id, list] : lists.items())
        read_list(out, syntax, where + "/" + id, id, list);
      for (const std::string& name : en16931::required_code_lists(syntax)) {
        if (out.find(syntax, name) == nullptr) {
          fail(where, fmt::format("the list {} is missing", name),
               fmt::format("la liste {} manque", name));
        }
      }
    }
    for (const auto& [key, value] : root.items()) {
      if (key != "ubl" && key != "cii") unknown("/" + key);
    }
    return out;
  }

 private:
  void read_list(CodeLists& out, Syntax syntax, const std::string& where, const std::string& id,
                 const Json& list) {
    object(list, where);
    // UBL BR-CL-01 has a list for each type code element.
    const bool split = syntax == Syntax::Ubl && id == "BR-CL-01";
    const std::vector<std::string> names =
        split ? std::vector<std::string>{"InvoiceTypeCode", "CreditNoteTypeCode"}
              : std::vector<std::string>{"codes"};
    const auto required = en16931::required_code_lists(syntax);
    for (const std::string& name : names) {
      const std::string list_name = split ? id + "/" + name : id;
      if (std::find(required.begin(), required.end(), list_name) == required.end()) unknown(where);
      if (!list.contains(name)) {
        fail(where, fmt::format("no \"{}\" array", name),
             fmt::format("pas de tableau « {} »", name));
      }
      out.add(syntax, list_name, CodeList(codes(list.at(name), where + "/" + name)));
    }
    for (const auto& [key, value] : list.items()) {
      if (key == "context") {
        if (!value.is_string()) fail(where + "/context", "not a string", "pas une chaîne");
      } else if (std::find(names.begin(), names.end(), key) == names.end()) {
        unknown(where + "/" + key);
      }
    }
  }

  // Views into `array`'s strings, which CodeList copies.
  std::vector<std::string_view> codes(const Json& array, const std::string& where) {
    if (!array.is_array()) fail(where, "not an array", "pas un tableau");
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < array.size(); ++i) {
      const Json& code = array[i];
      const std::string at = fmt::format("{}/{}", where, i);
      if (!code.is_string()) fail(at, "a code is not a string", "un code n'est pas une chaîne");
      const auto& s = code.get_ref<const std::string&>();
      if (s.empty() || s.find_first_of(" \t\r\n") != std::string::npos) {
        fail(at, "a code is empty or holds white space", "un code est vide ou contient un blanc");
      }
      out.push_back(s);
    }
    return out;
  }

  void object(const Json& value, const std::string& where) {
    if (!value.is_object()) fail(where, "not a JSON object", "pas un objet JSON");
  }
  [[noreturn]] void unknown(const std::string& where) {
    fail(where, "unknown list or field", "liste ou champ inconnu");
  }
  // The text checked by the JSON reader of every input (validators/json),
  // which refuses, with their line and column, what nlohmann's DOM parser
  // would throw about in several ways (a syntax error, a number no double
  // holds) and nesting deeper than a code list file goes.
  void check_json(std::string_view text) const {
    constexpr unsigned kMaxDepth = 16;  // a code list file nests 4 levels
    const json::ParseResult tree = json::parse(text, kMaxDepth);
    if (const auto* e = std::get_if<json::SyntaxError>(&tree)) {
      fail(fmt::format("line {}, column {}", e->line, e->column), "not valid JSON",
           "JSON invalide");
    }
    if (const auto* e = std::get_if<json::TooDeep>(&tree)) {
      fail(fmt::format("line {}, column {}", e->line, e->column),
           fmt::format("nested over {} levels deep", e->limit),
           fmt::format("imbriqué sur plus de {} niveaux", e->limit));
    }
  }
  [[noreturn]] void fail(const std::string& where, const std::string& en,
                         const std::string& fr) const {
    throw CodeListError(file_, where, en, fr);
  }

  // Refuses a key given twice in one object while nlohmann parses, which
  // would otherwise keep the last silently (a list given twice, say).
  class KeyChecker {
   public:
    explicit KeyChecker(const Parser& parser) : parser_(parser) {}

    bool operator()(int /*depth*/, Json::parse_event_t event, Json& parsed) {
      using Event = Json::parse_event_t;
      if (event == Event::object_start || event == Event::array_start) {
        std::string pointer = child_pointer();
        levels_.push_back({event == Event::object_start, std::move(pointer), {}, {}, 0});
      } else if (event == Event::object_end || event == Event::array_end) {
        levels_.pop_back();
      } else if (event == Event::key) {
        Level& object = levels_.back();
        object.last_key = parsed.get<std::string>();
        if (!object.keys.insert(object.last_key).second) {
          parser_.fail(
              object.pointer + "/" + json::pointer_token(object.last_key),
              fmt::format("\"{}\" is given twice in the same object; keep one", object.last_key),
              fmt::format("« {} » figure deux fois dans le même objet ; gardez-en un",
                          object.last_key));
        }
      } else if (event == Event::value && !levels_.empty() && !levels_.back().object) {
        ++levels_.back().next_index;  // an array's element: its index only, no pointer made
      }
      return true;
    }

   private:
    struct Level {
      bool object;
      std::string pointer;
      std::set<std::string> keys;
      std::string last_key;
      std::size_t next_index;
    };

    // The JSON Pointer of the value starting in the innermost container.
    std::string child_pointer() {
      if (levels_.empty()) return "";
      Level& top = levels_.back();
      return top.pointer + "/" +
             (top.object ? json::pointer_token(top.last_key) : std::to_string(top.next_index++));
    }

    const Parser& parser_;
    std::vector<Level> levels_;
  };

  std::string file_;
};

}  // namespace

CodeListError::CodeListError(const std::string& file, const std::string& where,
                             const std::string& en, const std::string& fr)
    : std::runtime_error(fmt::format("{}: {}{}", file, where.empty() ? "" : where + ": ", en)),
      fr_(fmt::format("{} : {}{}", file, where.empty() ? "" : where + " : ", fr)) {}

CodeLists parse_code_lists(std::string_view json_text, const std::string& file) {
  if (auto lists = scan_code_lists(json_text)) return std::move(*lists);
  return parse_code_lists_strictly(json_text, file);
}

CodeLists parse_code_lists_strictly(std::string_view json_text, const std::string& file) {
  return Parser(file).parse(json_text);
}

CodeLists load_code_lists(const std::filesystem::path& file, std::string* sha256) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    throw CodeListError(file.string(), "", "cannot be read", "illisible");
  }
  if (sha256 != nullptr) *sha256 = sha256_hex(text.view());
  return parse_code_lists(text.view(), file.string());
}

DataLookup find_code_lists(const std::optional<std::filesystem::path>& option_file) {
  return find_data(
      option_file,
      {"--codelists", "CPROKIT_CODELISTS", CPROKIT_INSTALL_CODELISTS, CPROKIT_DEFAULT_CODELISTS},
      [](const std::filesystem::path& file) {
        std::error_code ec;
        return std::filesystem::is_regular_file(file, ec);
      });
}

}  // namespace cprokit::codelists
