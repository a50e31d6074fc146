// Reading a JSON document (validators/json) into a model after a table of
// its fields, the way the Chorus Pro API reads it: every value keeps its
// place (a JSON Pointer, line and column), and what the API would not take
// becomes a finding: a value of the wrong type (JSON-02), an unknown field
// (JSON-03, with the near known name when there is one), a field given twice
// in one object (JSON-04). null reads as absent, as the API's clients send it.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/finding.hpp"
#include "rules/model/source.hpp"
#include "rules/model/values.hpp"
#include "validators/json/json_tree.hpp"

namespace cprokit::readers {

// A value of the document and its path.
struct Place {
  const json::Value& value;
  const PathStep* step;
};

class JsonFields {
 public:
  JsonFields(SourcePaths& paths, std::vector<Finding>& findings)
      : paths_(paths), findings_(findings) {}

  static SourceRef ref(const Place& p) { return {p.step, p.value.line, p.value.column}; }
  Place member(const Place& object, const json::Member& m);
  Place element(const Place& array, std::size_t index);

  // The value as the model wants it; nullopt (and a JSON-02 finding, but not
  // for null) when it has another type. A number may also come as a string
  // that holds one, as the API accepts it.
  std::optional<Text> text(const Place& p);
  std::optional<Number> number(const Place& p);
  std::optional<Flag> flag(const Place& p);

  // Whether the value is of `type`; a JSON-02 finding when not (null aside).
  bool expect(const Place& p, json::Type type);

  // The members of an object with a known name, in file order; JSON-03 for
  // the others and JSON-04 for a name seen before in the same object.
  std::vector<std::pair<const json::Member*, std::size_t>> known_members(
      const Place& object, std::span<const std::string_view> names);

 private:
  void wrong_type(const Place& p, std::string_view expected_fr, std::string_view expected_en);

  SourcePaths& paths_;
  std::vector<Finding>& findings_;
};

// One field of model M: its name and how to read it into M.
template <class M>
struct Field {
  std::string_view name;
  void (*read)(JsonFields& fields, const Place& value, M& out);
};

// Reads `object` into `out` after `table`; `out.source` gets the object's place.
template <class M, std::size_t N>
void read_object(JsonFields& fields, const Place& object, M& out,
                 const std::array<Field<M>, N>& table) {
  if (!fields.expect(object, json::Type::Object)) return;
  out.source = JsonFields::ref(object);
  std::array<std::string_view, N> names{};
  for (std::size_t i = 0; i < N; ++i)
    names[i] = table[i].name;
  for (const auto& [member, index] : fields.known_members(object, names)) {
    table[index].read(fields, fields.member(object, *member), out);
  }
}

// Field readers, one per kind of value.
template <class M, std::optional<Text> M::*kMember>
void text_field(JsonFields& fields, const Place& p, M& out) {
  out.*kMember = fields.text(p);
}

template <class M, std::optional<Number> M::*kMember>
void number_field(JsonFields& fields, const Place& p, M& out) {
  out.*kMember = fields.number(p);
}

template <class M, std::optional<Flag> M::*kMember>
void flag_field(JsonFields& fields, const Place& p, M& out) {
  out.*kMember = fields.flag(p);
}

// A field the API takes that no rule reads: known, so not JSON-03.
template <class M>
void unchecked_field(JsonFields& /*fields*/, const Place& /*p*/, M& /*out*/) {}

template <class M, class Sub, Sub M::*kMember, const auto& kTable>
void object_field(JsonFields& fields, const Place& p, M& out) {
  read_object(fields, p, out.*kMember, kTable);
}

template <class M, class Sub, std::optional<Sub> M::*kMember, const auto& kTable>
void optional_object_field(JsonFields& fields, const Place& p, M& out) {
  if (!fields.expect(p, json::Type::Object)) return;
  read_object(fields, p, (out.*kMember).emplace(), kTable);
}

template <class M, class Element, std::vector<Element> M::*kMember, const auto& kTable>
void array_field(JsonFields& fields, const Place& p, M& out) {
  if (!fields.expect(p, json::Type::Array)) return;
  auto& elements = out.*kMember;
  for (std::size_t i = 0; i < p.value.elements.size(); ++i) {
    const Place element = fields.element(p, i);
    if (fields.expect(element, json::Type::Object)) {
      read_object(fields, element, elements.emplace_back(), kTable);
    }
  }
}

}  // namespace cprokit::readers
