#include "mock-chorus/portal/view.hpp"

#include <kainjow/mustache.hpp>

#include <stdexcept>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/portal/assets.hpp"

namespace cprokit::mock::portal {
namespace {

namespace mst = kainjow::mustache;

std::string_view required_asset(std::string_view name) {
  auto text = asset(name);
  if (!text) throw std::logic_error(fmt::format("portal: no asset {}", name));
  return *text;
}

mst::mustache compiled(std::string_view name) {
  mst::mustache m{std::string(required_asset(name))};
  if (!m.is_valid()) {
    throw std::logic_error(fmt::format("portal: template {}: {}", name, m.error_message()));
  }
  return m;
}

// JSON values as mustache data: objects and lists as such, false and null
// as false (a section not shown), numbers as their text.
mst::data to_data(const Data& value) {
  switch (value.type()) {
    case Data::value_t::object: {
      mst::data out{mst::data::type::object};
      for (const auto& [key, item] : value.items())
        out.set(key, to_data(item));
      return out;
    }
    case Data::value_t::array: {
      mst::data out{mst::data::type::list};
      for (const auto& item : value)
        out.push_back(to_data(item));
      return out;
    }
    case Data::value_t::string:
      return {value.get_ref<const std::string&>()};
    case Data::value_t::boolean:
      return {value.get<bool>()};
    case Data::value_t::null:
      return {false};
    default:
      return {value.dump()};
  }
}

}  // namespace

View::View() {
  for (const Asset& a : assets()) {
    if (a.name.ends_with(".mustache")) compiled(a.name);
    if (a.name.starts_with("texts") && a.name.ends_with(".json")) add_texts(a);
  }
}

void View::add_texts(const Asset& file) {
  const Data texts = Data::parse(file.text);
  for (const auto& [key, both] : texts.items()) {
    if (!both.contains("fr") || !both.contains("en")) {
      throw std::logic_error(fmt::format("portal: {}: text {} lacks fr or en", file.name, key));
    }
    if (!fr_.emplace(key, both.at("fr").get<std::string>()).second) {
      throw std::logic_error(fmt::format("portal: {}: text {} defined twice", file.name, key));
    }
    en_.emplace(key, both.at("en").get<std::string>());
  }
}

const std::string& View::text(std::string_view key, Lang lang) const {
  const auto& table = lang == Lang::en ? en_ : fr_;
  const auto it = table.find(key);
  if (it == table.end()) throw std::out_of_range(fmt::format("portal: no text {}", key));
  return it->second;
}

std::vector<std::string> View::text_keys() const {
  std::vector<std::string> keys;
  keys.reserve(fr_.size());
  for (const auto& [key, text] : fr_)
    keys.push_back(key);
  return keys;
}

std::string View::render(std::string_view page, Data data, Lang lang) const {
  Data texts = Data::object();
  for (const auto& [key, text] : lang == Lang::en ? en_ : fr_)
    texts[key] = text;
  data["t"] = std::move(texts);
  data["lang"] = std::string(code(lang));

  const std::string_view content = required_asset(fmt::format("{}.mustache", page));
  mst::data context = to_data(data);
  context.set("content", mst::partial([content] { return std::string(content); }));
  // The pieces pages share (assets/partial-NAME.mustache), as {{>partial-NAME}}.
  for (const Asset& a : assets()) {
    if (!a.name.starts_with("partial-") || !a.name.ends_with(".mustache")) continue;
    const std::string_view text = a.text;
    context.set(std::string(a.name.substr(0, a.name.rfind('.'))),
                mst::partial([text] { return std::string(text); }));
  }
  mst::mustache layout = compiled("layout.mustache");
  std::string html = layout.render(context);
  if (!layout.error_message().empty()) {
    throw std::logic_error(fmt::format("portal: page {}: {}", page, layout.error_message()));
  }
  return html;
}

}  // namespace cprokit::mock::portal
