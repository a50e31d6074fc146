#include "validators/xsd/fast_validator.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "validators/xsd/fast_values.hpp"
#include "validators/xsd/fast_wellformed.hpp"

namespace cprokit::xsd::fast {
namespace {

constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view kXmlnsNs = "http://www.w3.org/2000/xmlns/";
constexpr std::string_view kXsiNs = "http://www.w3.org/2001/XMLSchema-instance";

struct Name {
  std::string_view ns;
  std::string_view local;
};

// Attributes of one element, at most this many checked (more: not proven).
constexpr std::size_t kMaxAttributes = 64;

class Walk {
 public:
  explicit Walk(const FastGrammar& g) : g_(g) {}

  bool root(const pugi::xml_node& node, ExpectedRoot expected) {
    Name name;
    if (!bind(node) || !resolve(node.name(), true, name) || name.ns != expected.ns ||
        name.local != expected.local) {
      return false;
    }
    const Element* decl = g_.root(name.ns, name.local);
    return decl != nullptr && element(node, *decl);
  }

 private:
  struct Binding {
    std::string_view prefix;
    std::string_view uri;
  };

  static bool is_declaration(std::string_view name) {
    return name.starts_with("xmlns") && (name.size() == 5 || name[5] == ':');
  }

  // Puts the namespace declarations of `node` in scope; false for the ones
  // XML namespaces forbid (an empty prefixed URI, xml or xmlns rebound).
  bool bind(const pugi::xml_node& node) {
    for (auto a = node.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = a.name();
      if (!is_declaration(name)) continue;
      const std::string_view prefix = name.size() == 5 ? std::string_view{} : name.substr(6);
      const std::string_view uri = a.value();
      if ((!prefix.empty() && uri.empty()) || prefix == "xml" || prefix == "xmlns" ||
          uri == kXmlNs || uri == kXmlnsNs) {
        return false;
      }
      scope_.push_back({prefix, uri});
    }
    return true;
  }

  // The expanded name of `qname`; an element without prefix takes the
  // default namespace, an attribute none.
  bool resolve(std::string_view qname, bool is_element, Name& out) const {
    const auto colon = qname.find(':');
    const std::string_view prefix =
        colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
    out.local = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
    out.ns = {};
    if (prefix.empty() && !is_element) return true;
    const auto binding = std::find_if(scope_.rbegin(), scope_.rend(),
                                      [&](const Binding& b) { return b.prefix == prefix; });
    if (binding != scope_.rend()) {
      out.ns = binding->uri;
      return true;
    }
    return prefix.empty();  // no default namespace: none
  }

  bool element(const pugi::xml_node& node, const Element& decl) {
    const ElementType& type = g_.types[decl.type];
    if (type.content == Content::Unsupported || !attributes(node, type)) return false;
    switch (type.content) {
      case Content::Empty:
        return *node.value() == '\0' && only_comments(node);
      case Content::Simple:
        return !node.first_child() &&
               proven_valid_value(g_, g_.simple_types[type.simple_type], node.value());
      case Content::Elements:
        return *node.value() == '\0' && children(node, type);
      case Content::Choice:
        return *node.value() == '\0' && chosen(node, type);
      case Content::Unsupported:
        break;
    }
    return false;
  }

  static bool only_comments(const pugi::xml_node& node) {
    for (auto c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_comment) return false;
    }
    return true;
  }

  bool attributes(const pugi::xml_node& node, const ElementType& type) {
    std::vector<Name>& seen = seen_;
    seen.clear();
    std::uint64_t present = 0;  // bit i: attribute use i of the type
    for (auto a = node.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view qname = a.name();
      if (is_declaration(qname)) continue;
      Name name;
      if (!resolve(qname, false, name) || seen.size() >= kMaxAttributes) return false;
      for (const Name& other : seen) {
        if (other.ns == name.ns && other.local == name.local) return false;
      }
      seen.push_back(name);
      if (name.ns == kXsiNs) {
        // Schema location hints are not read (no schema loading); any
        // other xsi attribute changes the validation.
        if (name.local != "schemaLocation") return false;
        continue;
      }
      bool declared = false;
      for (std::uint32_t i = 0; i < type.attribute_count && !declared; ++i) {
        const Attribute& use = g_.attributes[type.first_attribute + i];
        if (g_.text(use.name) != name.local || g_.text(use.ns) != name.ns) continue;
        if (i >= 64 || !proven_valid_value(g_, g_.simple_types[use.simple_type], a.value())) {
          return false;
        }
        present |= std::uint64_t{1} << i;
        declared = true;
      }
      if (!declared) return false;
    }
    for (std::uint32_t i = 0; i < type.attribute_count; ++i) {
      if (g_.attributes[type.first_attribute + i].required != 0 &&
          (i >= 64 || (present & (std::uint64_t{1} << i)) == 0)) {
        return false;
      }
    }
    return true;
  }

  // The child elements against the sequence, each taken by the first
  // particle of its name at or after the current one (names are distinct).
  bool children(const pugi::xml_node& node, const ElementType& type) {
    const Particle* particle = g_.particles.data() + type.first_particle;
    const Particle* const end = particle + type.particle_count;
    std::uint32_t count = 0;  // of the current particle
    for (auto child = node.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_comment) continue;
      if (child.type() != pugi::node_element) return false;  // text, CDATA
      const std::size_t mark = scope_.size();
      Name name;
      if (!bind(child) || !resolve(child.name(), true, name)) return false;
      while (particle != end && !named(*particle, name)) {
        if (count < particle->min_occurs) return false;
        ++particle;
        count = 0;
      }
      if (particle == end || ++count > particle->max_occurs) return false;
      if (!element(child, g_.elements[particle->element])) return false;
      scope_.resize(mark);
    }
    for (; particle != end; ++particle, count = 0) {
      if (count < particle->min_occurs) return false;
    }
    return true;
  }

  // The child elements against a choice: the first picks the particle, the
  // others must repeat it within its bounds. No child: some particle must
  // allow none.
  bool chosen(const pugi::xml_node& node, const ElementType& type) {
    const Particle* const first = g_.particles.data() + type.first_particle;
    const Particle* const end = first + type.particle_count;
    const Particle* particle = nullptr;
    std::uint32_t count = 0;
    for (auto child = node.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_comment) continue;
      if (child.type() != pugi::node_element) return false;
      const std::size_t mark = scope_.size();
      Name name;
      if (!bind(child) || !resolve(child.name(), true, name)) return false;
      if (particle == nullptr) {
        particle = std::find_if(first, end, [&](const Particle& p) { return named(p, name); });
        if (particle == end) return false;
      } else if (!named(*particle, name)) {
        return false;
      }
      if (++count > particle->max_occurs) return false;
      if (!element(child, g_.elements[particle->element])) return false;
      scope_.resize(mark);
    }
    if (particle == nullptr) {
      return std::any_of(first, end, [](const Particle& p) { return p.min_occurs == 0; });
    }
    return count >= particle->min_occurs;
  }

  bool named(const Particle& p, const Name& name) const {
    const Element& e = g_.elements[p.element];
    return g_.text(e.name) == name.local && g_.text(e.ns) == name.ns;
  }

  const FastGrammar& g_;
  std::vector<Binding> scope_;
  std::vector<Name> seen_;  // attributes of the element being checked
};

}  // namespace

bool proven_valid(const FastGrammar& grammar, std::string_view bytes,
                  const pugi::xml_document& document, ExpectedRoot expected) {
  const pugi::xml_node root = document.document_element();
  return root && Walk(grammar).root(root, expected) && proven_plain_xml(bytes);
}

}  // namespace cprokit::xsd::fast
