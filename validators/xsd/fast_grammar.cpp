#include "validators/xsd/fast_grammar.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <type_traits>

namespace cprokit::xsd::fast {
namespace {

// Bump when a struct of fast_grammar.hpp or the meaning of a field changes.
constexpr std::uint32_t kFormat = 1;
constexpr std::string_view kMagic = "CPROKIT-FAST-XSD\n";

void put_u32(std::string& out, std::uint32_t n) {
  std::array<char, sizeof n> bytes{};
  std::memcpy(bytes.data(), &n, sizeof n);
  out.append(bytes.data(), bytes.size());
}

template <typename T>
void put_array(std::string& out, const std::vector<T>& items) {
  static_assert(std::is_trivially_copyable_v<T>);
  put_u32(out, static_cast<std::uint32_t>(items.size()));
  out.append(reinterpret_cast<const char*>(items.data()), items.size() * sizeof(T));
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool u32(std::uint32_t& n) {
    if (bytes_.size() < sizeof n) return false;
    std::memcpy(&n, bytes_.data(), sizeof n);
    bytes_.remove_prefix(sizeof n);
    return true;
  }

  template <typename T>
  bool array(std::vector<T>& items) {
    std::uint32_t count = 0;
    if (!u32(count) || bytes_.size() / sizeof(T) < count) return false;
    items.resize(count);
    // An empty vector's data() may be null, which memcpy must never get.
    if (count > 0) std::memcpy(items.data(), bytes_.data(), count * sizeof(T));
    bytes_.remove_prefix(count * sizeof(T));
    return true;
  }

  bool string(std::string& s) {
    std::uint32_t size = 0;
    if (!u32(size) || bytes_.size() < size) return false;
    s.assign(bytes_.data(), size);
    bytes_.remove_prefix(size);
    return true;
  }

  bool done() const { return bytes_.empty(); }

 private:
  std::string_view bytes_;
};

bool slice_ok(std::uint64_t first, std::uint64_t count, std::size_t size) {
  return first + count <= size;
}

// Every index and slice of `g` in range, every enumerated value in range: a
// model read back can be walked without further checks.
bool consistent(const FastGrammar& g) {
  const auto text_ok = [&](Text t) { return slice_ok(t.offset, t.size, g.strings.size()); };
  if (g.types.empty() || g.simple_types.empty()) return false;
  for (const auto& e : g.elements) {
    if (!text_ok(e.ns) || !text_ok(e.name) || e.type >= g.types.size()) return false;
  }
  for (const auto r : g.roots) {
    if (r >= g.elements.size()) return false;
  }
  for (const auto& t : g.types) {
    if (t.content > Content::Choice || t.simple_type >= g.simple_types.size() ||
        !slice_ok(t.first_particle, t.particle_count, g.particles.size()) ||
        !slice_ok(t.first_attribute, t.attribute_count, g.attributes.size())) {
      return false;
    }
  }
  for (const auto& p : g.particles) {
    if (p.element >= g.elements.size() || p.min_occurs > p.max_occurs) return false;
  }
  for (const auto& a : g.attributes) {
    if (!text_ok(a.ns) || !text_ok(a.name) || a.simple_type >= g.simple_types.size()) return false;
  }
  for (const auto& s : g.simple_types) {
    if (s.builtin > Builtin::AnyUri || s.white_space > WhiteSpace::Collapse ||
        !slice_ok(s.first_facet, s.facet_count, g.facets.size())) {
      return false;
    }
  }
  for (const auto& f : g.facets) {
    if (f.kind > FacetKind::Enumeration || !text_ok(f.value) ||
        !slice_ok(f.first_enumeration, f.enumeration_count, g.enumerations.size())) {
      return false;
    }
  }
  return std::all_of(g.enumerations.begin(), g.enumerations.end(), text_ok);
}

}  // namespace

const Element* FastGrammar::root(std::string_view ns, std::string_view name) const {
  for (const auto r : roots) {
    const Element& e = elements[r];
    if (text(e.ns) == ns && text(e.name) == name) return &e;
  }
  return nullptr;
}

std::string FastGrammar::to_bytes() const {
  std::string out(kMagic);
  put_u32(out, kFormat);
  put_u32(out, static_cast<std::uint32_t>(strings.size()));
  out += strings;
  put_array(out, elements);
  put_array(out, roots);
  put_array(out, types);
  put_array(out, particles);
  put_array(out, attributes);
  put_array(out, simple_types);
  put_array(out, facets);
  put_array(out, enumerations);
  return out;
}

std::optional<FastGrammar> FastGrammar::from_bytes(std::string_view bytes) {
  if (!bytes.starts_with(kMagic)) return std::nullopt;
  Reader in(bytes.substr(kMagic.size()));
  std::uint32_t format = 0;
  FastGrammar g;
  const bool read = in.u32(format) && format == kFormat && in.string(g.strings) &&
                    in.array(g.elements) && in.array(g.roots) && in.array(g.types) &&
                    in.array(g.particles) && in.array(g.attributes) && in.array(g.simple_types) &&
                    in.array(g.facets) && in.array(g.enumerations) && in.done();
  if (!read || !consistent(g)) return std::nullopt;
  return g;
}

FastGrammarBuilder::FastGrammarBuilder() {
  grammar_.types.emplace_back();         // Content::Unsupported
  grammar_.simple_types.emplace_back();  // Builtin::Unsupported
}

Text FastGrammarBuilder::intern(std::string_view s) {
  const auto [it, added] = interned_.try_emplace(std::string(s));
  if (added) {
    it->second = {static_cast<std::uint32_t>(grammar_.strings.size()),
                  static_cast<std::uint32_t>(s.size())};
    grammar_.strings += s;
  }
  return it->second;
}

}  // namespace cprokit::xsd::fast
