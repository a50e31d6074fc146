#include "validators/readers/json_fields.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>

#include <fmt/core.h>

#include "rules/syntax/syntax_rules.hpp"

namespace cprokit::readers {
namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Edit distance, case ignored (names are short: a small table will do).
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

// The known name `key` was most likely meant to be, or empty.
std::string_view nearest(std::string_view key, std::span<const std::string_view> names) {
  constexpr std::size_t kMaxTypos = 2;
  std::string_view best;
  std::size_t best_distance = kMaxTypos + 1;
  for (std::string_view name : names) {
    const std::size_t d = distance(key, name);
    if (d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

std::string listed(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// The value as written, cut short when long.
std::string shown(const json::Value& v) {
  constexpr std::size_t kMax = 40;
  if (v.type == json::Type::Object) return "{…}";
  if (v.type == json::Type::Array) return "[…]";
  std::string text = v.type == json::Type::String ? fmt::format("\"{}\"", v.text) : v.text;
  if (v.type == json::Type::Null) text = "null";
  if (text.size() > kMax) {
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U)
      --cut;
    text = text.substr(0, cut) + "…";
  }
  return text;
}

}  // namespace

Place JsonFields::member(const Place& object, const json::Member& m) {
  return {m.value, paths_.step(object.step, json::pointer_token(m.key), 0)};
}

Place JsonFields::element(const Place& array, std::size_t index) {
  return {array.value.elements[index], paths_.step(array.step, std::to_string(index), 0)};
}

void JsonFields::wrong_type(const Place& p, std::string_view expected_fr,
                            std::string_view expected_en) {
  findings_.push_back(syntax::finding(
      syntax::kJsonWrongType, ref(p).location(),
      {fmt::format("Type inattendu : attendu {}, trouvé {} ({}). Cette valeur est ignorée par "
                   "les autres contrôles.",
                   expected_fr, json::type_name_fr(p.value.type), shown(p.value)),
       fmt::format("Unexpected type: expected {}, found {} ({}). The other checks ignore this "
                   "value.",
                   expected_en, json::type_name_en(p.value.type), shown(p.value))}));
}

bool JsonFields::expect(const Place& p, json::Type type) {
  if (p.value.type == type) return true;
  if (p.value.type != json::Type::Null)
    wrong_type(p, json::type_name_fr(type), json::type_name_en(type));
  return false;
}

std::optional<Text> JsonFields::text(const Place& p) {
  if (!expect(p, json::Type::String)) return std::nullopt;
  return Text{p.value.text, ref(p)};
}

std::optional<Flag> JsonFields::flag(const Place& p) {
  if (!expect(p, json::Type::Boolean)) return std::nullopt;
  return Flag{p.value.is_true(), ref(p)};
}

std::optional<Number> JsonFields::number(const Place& p) {
  const json::Type type = p.value.type;
  if (type == json::Type::Number || type == json::Type::String) {
    if (auto d = Decimal::parse(p.value.text)) return Number{*d, ref(p), p.value.text};
  }
  if (type == json::Type::Null) return std::nullopt;
  if (type == json::Type::Number) {
    wrong_type(p, "un nombre décimal sans exposant (par exemple 1250.50)",
               "a decimal number without exponent (e.g. 1250.50)");
  } else {
    wrong_type(p, "un nombre décimal (par exemple 1250.50)", "a decimal number (e.g. 1250.50)");
  }
  return std::nullopt;
}

std::vector<std::pair<const json::Member*, std::size_t>> JsonFields::known_members(
    const Place& object, std::span<const std::string_view> names) {
  std::vector<std::pair<const json::Member*, std::size_t>> out;
  // Where each name was first seen: a hostile object may have a million members.
  std::unordered_map<std::string_view, const json::Member*> first;
  for (const json::Member& m : object.value.members) {
    const auto [earlier, is_first] = first.emplace(m.key, &m);
    if (!is_first) {
      const std::uint32_t line = earlier->second->value.line;
      findings_.push_back(syntax::finding(
          syntax::kJsonDuplicateKey, ref(member(object, m)).location(),
          {fmt::format("Le champ « {} » figure deux fois dans le même objet (déjà ligne {}) : "
                       "gardez-en un seul.",
                       m.key, line),
           fmt::format("Field \"{}\" appears twice in the same object (first at line {}): keep "
                       "only one.",
                       m.key, line)}));
      continue;
    }
    const auto known = std::find(names.begin(), names.end(), m.key);
    if (known != names.end()) {
      out.emplace_back(&m, static_cast<std::size_t>(known - names.begin()));
      continue;
    }
    const std::string_view meant = nearest(m.key, names);
    findings_.push_back(syntax::finding(
        syntax::kJsonUnknownField, ref(member(object, m)).location(),
        meant.empty()
            ? Message{fmt::format("Champ inconnu « {} », ignoré. Champs attendus ici : {}.", m.key,
                                  listed(names)),
                      fmt::format("Unknown field \"{}\", ignored. Fields expected here: {}.", m.key,
                                  listed(names))}
            : Message{fmt::format("Champ inconnu « {} », ignoré : vouliez-vous dire « {} » ?",
                                  m.key, meant),
                      fmt::format(R"(Unknown field "{}", ignored: did you mean "{}"?)", m.key,
                                  meant)}));
  }
  return out;
}

}  // namespace cprokit::readers
