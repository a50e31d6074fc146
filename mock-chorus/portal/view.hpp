// Renders the portal's pages: a template of assets/ inside the layout, with
// the texts of the visitor's language as `t`. Templates go through mustache,
// which escapes every value: no page is built by string concatenation, and
// none of the templates uses the unescaped forms ({{{ }}}, {{& }}), which
// the tests check.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "mock-chorus/portal/assets.hpp"
#include "mock-chorus/portal/lang.hpp"

namespace cprokit::mock::portal {

using Data = nlohmann::json;

class View {
 public:
  // Reads the texts (assets/texts*.json: one file per group of pages, each
  // key in one of them) and checks that every template of the assets
  // parses; throws std::logic_error naming the faulty asset.
  View();

  // The page `page` (assets/<page>.mustache) in the layout: `data` gives the
  // page's values and the layout's (title, user, csrf, notice, other_lang).
  // Pages may include the shared pieces assets/partial-NAME.mustache as
  // {{>partial-NAME}}.
  std::string render(std::string_view page, Data data, Lang lang) const;
  // One text in `lang`; throws std::out_of_range for an unknown key.
  const std::string& text(std::string_view key, Lang lang) const;
  // Every text key, for the tests.
  std::vector<std::string> text_keys() const;

 private:
  void add_texts(const Asset& file);

  std::map<std::string, std::string, std::less<>> fr_, en_;
};

}  // namespace cprokit::mock::portal
