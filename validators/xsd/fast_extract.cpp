#include "validators/xsd/fast_extract.hpp"

#include <array>
#include <deque>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include <xercesc/framework/psvi/XSAttributeDeclaration.hpp>
#include <xercesc/framework/psvi/XSAttributeUse.hpp>
#include <xercesc/framework/psvi/XSComplexTypeDefinition.hpp>
#include <xercesc/framework/psvi/XSElementDeclaration.hpp>
#include <xercesc/framework/psvi/XSFacet.hpp>
#include <xercesc/framework/psvi/XSIDCDefinition.hpp>
#include <xercesc/framework/psvi/XSModel.hpp>
#include <xercesc/framework/psvi/XSModelGroup.hpp>
#include <xercesc/framework/psvi/XSMultiValueFacet.hpp>
#include <xercesc/framework/psvi/XSParticle.hpp>
#include <xercesc/framework/psvi/XSSimpleTypeDefinition.hpp>
#include <xercesc/util/TransService.hpp>
#include <xercesc/validators/datatype/DatatypeValidator.hpp>

namespace cprokit::xsd::fast {
namespace {

namespace xc = xercesc;

constexpr std::string_view kSchemaNs = "http://www.w3.org/2001/XMLSchema";

std::string utf8(const XMLCh* text) {
  if (text == nullptr) return {};
  const xc::TranscodeToStr out(text, "UTF-8");
  return {reinterpret_cast<const char*>(out.str()), out.length()};
}

std::uint32_t index_of(std::size_t size) {
  return static_cast<std::uint32_t>(size);
}

Builtin builtin_named(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, Builtin>, 25> kBuiltins = {{
      {"string", Builtin::String},
      {"normalizedString", Builtin::NormalizedString},
      {"token", Builtin::Token},
      {"NMTOKEN", Builtin::NmToken},
      {"language", Builtin::Language},
      {"decimal", Builtin::Decimal},
      {"integer", Builtin::Integer},
      {"nonNegativeInteger", Builtin::NonNegativeInteger},
      {"positiveInteger", Builtin::PositiveInteger},
      {"nonPositiveInteger", Builtin::NonPositiveInteger},
      {"negativeInteger", Builtin::NegativeInteger},
      {"long", Builtin::Long},
      {"int", Builtin::Int},
      {"short", Builtin::Short},
      {"byte", Builtin::Byte},
      {"unsignedLong", Builtin::UnsignedLong},
      {"unsignedInt", Builtin::UnsignedInt},
      {"unsignedShort", Builtin::UnsignedShort},
      {"unsignedByte", Builtin::UnsignedByte},
      {"boolean", Builtin::Boolean},
      {"date", Builtin::Date},
      {"time", Builtin::Time},
      {"dateTime", Builtin::DateTime},
      {"base64Binary", Builtin::Base64Binary},
      {"anyURI", Builtin::AnyUri},
  }};
  for (const auto& [n, b] : kBuiltins) {
    if (n == name) return b;
  }
  return Builtin::Unsupported;
}

bool is_builtin(xc::XSTypeDefinition& type) {
  return utf8(type.getNamespace()) == kSchemaNs;
}

// Walks the schema components from the roots, giving each element
// declaration and type it reaches an index in the model.
class Extractor {
 public:
  FastGrammar run(xc::XSModel& model, const std::vector<QualifiedName>& roots) {
    for (const auto& root : roots) {
      const std::string ns(root.ns);
      const std::string local(root.local);
      const xc::TranscodeFromStr ns16(reinterpret_cast<const XMLByte*>(ns.data()), ns.size(),
                                      "UTF-8");
      const xc::TranscodeFromStr local16(reinterpret_cast<const XMLByte*>(local.data()),
                                         local.size(), "UTF-8");
      if (auto* decl = model.getElementDeclaration(local16.str(), ns16.str())) {
        builder_.grammar().roots.push_back(element(*decl));
      }
    }
    // Types refer to elements and elements to types: each is filled in once
    // its slot exists, so that recursive declarations end.
    while (!pending_.empty()) {
      auto [decl, index] = pending_.front();
      pending_.pop_front();
      const std::uint32_t type = element_type(*decl);
      builder_.grammar().elements[index].type = type;
    }
    return builder_.take();
  }

 private:
  std::uint32_t element(xc::XSElementDeclaration& decl) {
    const auto found = elements_.find(&decl);
    if (found != elements_.end()) return found->second;
    auto& g = builder_.grammar();
    const std::uint32_t index = index_of(g.elements.size());
    g.elements.push_back(
        {builder_.intern(utf8(decl.getNamespace())), builder_.intern(utf8(decl.getName())), 0});
    elements_.emplace(&decl, index);
    pending_.emplace_back(&decl, index);
    return index;
  }

  // What the fast path checks of an element: its declaration must be plain
  // (no fixed or default value, not nillable nor abstract, no identity
  // constraint), else it is left to Xerces (type 0).
  std::uint32_t element_type(xc::XSElementDeclaration& decl) {
    const auto* constraints = decl.getIdentityConstraints();
    if (decl.getConstraintType() != xc::XSConstants::VALUE_CONSTRAINT_NONE || decl.getNillable() ||
        decl.getAbstract() || (constraints != nullptr && constraints->getLength() > 0)) {
      return 0;
    }
    xc::XSTypeDefinition* type = decl.getTypeDefinition();
    if (type == nullptr) return 0;
    const auto found = types_.find(type);
    if (found != types_.end()) return found->second;
    const std::uint32_t index = index_of(builder_.grammar().types.size());
    builder_.grammar().types.emplace_back();
    types_.emplace(type, index);
    const ElementType built =
        type->getTypeCategory() == xc::XSTypeDefinition::SIMPLE_TYPE
            ? ElementType{Content::Simple,
                          simple(static_cast<xc::XSSimpleTypeDefinition*>(type)),
                          0,
                          0,
                          0,
                          0}
            : complex(static_cast<xc::XSComplexTypeDefinition&>(*type));
    builder_.grammar().types[index] = built;
    return index;
  }

  ElementType complex(xc::XSComplexTypeDefinition& type) {
    ElementType out;
    if (type.getAbstract()) return out;
    switch (type.getContentType()) {
      case xc::XSComplexTypeDefinition::CONTENTTYPE_EMPTY:
        out.content = Content::Empty;
        break;
      case xc::XSComplexTypeDefinition::CONTENTTYPE_SIMPLE:
        out.content = Content::Simple;
        out.simple_type = simple(type.getSimpleType());
        if (out.simple_type == 0) return {};
        break;
      case xc::XSComplexTypeDefinition::CONTENTTYPE_ELEMENT: {
        std::vector<Particle> particles;
        xc::XSParticle* top = type.getParticle();
        if (top == nullptr || !once(*top)) return {};
        if (is_group(*top, xc::XSModelGroup::COMPOSITOR_CHOICE)) {
          if (!choice(*top, particles)) return {};
          out.content = Content::Choice;
        } else {
          if (!sequence(*top, particles)) return {};
          out.content = Content::Elements;
        }
        if (!distinct(particles)) return {};
        auto& g = builder_.grammar();
        out.first_particle = index_of(g.particles.size());
        out.particle_count = index_of(particles.size());
        g.particles.insert(g.particles.end(), particles.begin(), particles.end());
        break;
      }
      default:  // mixed
        return out;
    }
    std::vector<Attribute> attributes;
    if (auto* uses = type.getAttributeUses()) {
      for (XMLSize_t i = 0; i < uses->size(); ++i) {
        xc::XSAttributeUse& use = *uses->elementAt(i);
        xc::XSAttributeDeclaration& decl = *use.getAttrDeclaration();
        const bool plain = use.getConstraintType() == xc::XSConstants::VALUE_CONSTRAINT_NONE &&
                           decl.getConstraintType() == xc::XSConstants::VALUE_CONSTRAINT_NONE;
        attributes.push_back(
            {builder_.intern(utf8(decl.getNamespace())), builder_.intern(utf8(decl.getName())),
             plain ? simple(decl.getTypeDefinition()) : 0, use.getRequired() ? 1U : 0U});
      }
    }
    auto& g = builder_.grammar();
    out.first_attribute = index_of(g.attributes.size());
    out.attribute_count = index_of(attributes.size());
    g.attributes.insert(g.attributes.end(), attributes.begin(), attributes.end());
    return out;
  }

  static bool once(xc::XSParticle& p) {
    return p.getMinOccurs() == 1 && p.getMaxOccurs() == 1 && !p.getMaxOccursUnbounded();
  }

  static bool is_group(xc::XSParticle& p, xc::XSModelGroup::COMPOSITOR_TYPE compositor) {
    return p.getTermType() == xc::XSParticle::TERM_MODELGROUP &&
           p.getModelGroupTerm()->getCompositor() == compositor;
  }

  // The particle of an element term; false for bounds the model cannot hold.
  bool element_particle(xc::XSParticle& p, std::vector<Particle>& out) {
    if (p.getTermType() != xc::XSParticle::TERM_ELEMENT) return false;
    const bool unbounded = p.getMaxOccursUnbounded();
    const XMLSize_t min = p.getMinOccurs();
    const XMLSize_t max = p.getMaxOccurs();
    if (min >= kUnbounded || (!unbounded && (max >= kUnbounded || min > max))) return false;
    out.push_back({element(*p.getElementTerm()), static_cast<std::uint32_t>(min),
                   unbounded ? kUnbounded : static_cast<std::uint32_t>(max)});
    return true;
  }

  // The element particles of a sequence, nested sequences that occur exactly
  // once flattened in; false for anything else (choice, all, wildcard).
  bool sequence(xc::XSParticle& group_particle, std::vector<Particle>& out) {
    if (!is_group(group_particle, xc::XSModelGroup::COMPOSITOR_SEQUENCE)) return false;
    xc::XSParticleList* list = group_particle.getModelGroupTerm()->getParticles();
    for (XMLSize_t i = 0; list != nullptr && i < list->size(); ++i) {
      xc::XSParticle& p = *list->elementAt(i);
      if (p.getTermType() == xc::XSParticle::TERM_ELEMENT) {
        if (!element_particle(p, out)) return false;
      } else if (!once(p) || !sequence(p, out)) {
        return false;
      }
    }
    return true;
  }

  // The element particles of a choice made only of elements.
  bool choice(xc::XSParticle& group_particle, std::vector<Particle>& out) {
    xc::XSParticleList* list = group_particle.getModelGroupTerm()->getParticles();
    if (list == nullptr || list->size() == 0) return false;
    for (XMLSize_t i = 0; i < list->size(); ++i) {
      if (!element_particle(*list->elementAt(i), out)) return false;
    }
    return true;
  }

  // Greedy matching by name is exact only when no two particles share one.
  bool distinct(const std::vector<Particle>& particles) const {
    const auto& g = builder_.grammar();
    std::set<std::pair<std::string_view, std::string_view>> names;
    for (const auto& p : particles) {
      const Element& e = g.elements[p.element];
      if (!names.emplace(g.text(e.ns), g.text(e.name)).second) return false;
    }
    return true;
  }

  std::uint32_t simple(xc::XSSimpleTypeDefinition* type) {
    if (type == nullptr) return 0;
    const auto found = simple_types_.find(type);
    if (found != simple_types_.end()) return found->second;
    const std::uint32_t index = build_simple(*type);
    simple_types_.emplace(type, index);
    return index;
  }

  // The built-in type `type` restricts and the facets of every step down to
  // it; 0 when a step is a list or union, has a pattern, or the built-in is
  // one the value checks do not know.
  std::uint32_t build_simple(xc::XSSimpleTypeDefinition& type) {
    std::vector<Facet> facets;
    xc::XSSimpleTypeDefinition* step = &type;
    while (step != nullptr && !is_builtin(*step)) {
      if (step->getVariety() != xc::XSSimpleTypeDefinition::VARIETY_ATOMIC ||
          step->isDefinedFacet(xc::XSSimpleTypeDefinition::FACET_PATTERN) ||
          !add_facets(*step, facets)) {
        return 0;
      }
      xc::XSTypeDefinition* base = step->getBaseType();
      if (base == nullptr || base == step ||
          base->getTypeCategory() != xc::XSTypeDefinition::SIMPLE_TYPE) {
        return 0;
      }
      step = static_cast<xc::XSSimpleTypeDefinition*>(base);
    }
    if (step == nullptr) return 0;
    const Builtin builtin = builtin_named(utf8(step->getName()));
    const xc::DatatypeValidator* validator = type.getDatatypeValidator();
    if (builtin == Builtin::Unsupported || validator == nullptr) return 0;
    SimpleType out;
    out.builtin = builtin;
    // The white space Xerces applies is its validator's, whichever step set it.
    switch (validator->getWSFacet()) {
      case xc::DatatypeValidator::PRESERVE:
        out.white_space = WhiteSpace::Preserve;
        break;
      case xc::DatatypeValidator::REPLACE:
        out.white_space = WhiteSpace::Replace;
        break;
      default:
        out.white_space = WhiteSpace::Collapse;
        break;
    }
    auto& g = builder_.grammar();
    out.first_facet = index_of(g.facets.size());
    out.facet_count = index_of(facets.size());
    g.facets.insert(g.facets.end(), facets.begin(), facets.end());
    const std::uint32_t index = index_of(g.simple_types.size());
    g.simple_types.push_back(out);
    return index;
  }

  // The facets of one restriction step; false for one the checks do not know.
  bool add_facets(xc::XSSimpleTypeDefinition& step, std::vector<Facet>& out) {
    if (auto* list = step.getFacets()) {
      for (XMLSize_t i = 0; i < list->size(); ++i) {
        const xc::XSFacet& f = *list->elementAt(i);
        const std::string value = utf8(f.getLexicalFacetValue());
        Facet facet;
        switch (f.getFacetKind()) {
          case xc::XSSimpleTypeDefinition::FACET_WHITESPACE:
            continue;  // read from the validator
          case xc::XSSimpleTypeDefinition::FACET_LENGTH:
            facet.kind = FacetKind::Length;
            break;
          case xc::XSSimpleTypeDefinition::FACET_MINLENGTH:
            facet.kind = FacetKind::MinLength;
            break;
          case xc::XSSimpleTypeDefinition::FACET_MAXLENGTH:
            facet.kind = FacetKind::MaxLength;
            break;
          case xc::XSSimpleTypeDefinition::FACET_TOTALDIGITS:
            facet.kind = FacetKind::TotalDigits;
            break;
          case xc::XSSimpleTypeDefinition::FACET_FRACTIONDIGITS:
            facet.kind = FacetKind::FractionDigits;
            break;
          case xc::XSSimpleTypeDefinition::FACET_MININCLUSIVE:
            facet.kind = FacetKind::MinInclusive;
            break;
          case xc::XSSimpleTypeDefinition::FACET_MAXINCLUSIVE:
            facet.kind = FacetKind::MaxInclusive;
            break;
          case xc::XSSimpleTypeDefinition::FACET_MINEXCLUSIVE:
            facet.kind = FacetKind::MinExclusive;
            break;
          case xc::XSSimpleTypeDefinition::FACET_MAXEXCLUSIVE:
            facet.kind = FacetKind::MaxExclusive;
            break;
          default:
            return false;
        }
        if (facet.kind <= FacetKind::FractionDigits) {
          if (value.empty() || value.size() > 9 ||
              value.find_first_not_of("0123456789") != std::string::npos) {
            return false;
          }
          facet.number = static_cast<std::uint32_t>(std::stoul(value));
        } else {
          facet.value = builder_.intern(value);
        }
        out.push_back(facet);
      }
    }
    if (auto* multi = step.getMultiValueFacets()) {
      for (XMLSize_t i = 0; i < multi->size(); ++i) {
        xc::XSMultiValueFacet& f = *multi->elementAt(i);
        if (f.getFacetKind() != xc::XSSimpleTypeDefinition::FACET_ENUMERATION) return false;
        auto& g = builder_.grammar();
        Facet facet;
        facet.kind = FacetKind::Enumeration;
        facet.first_enumeration = index_of(g.enumerations.size());
        xc::StringList* values = f.getLexicalFacetValues();
        for (XMLSize_t v = 0; values != nullptr && v < values->size(); ++v) {
          const Text text = builder_.intern(utf8(values->elementAt(v)));
          builder_.grammar().enumerations.push_back(text);
        }
        facet.enumeration_count =
            index_of(builder_.grammar().enumerations.size()) - facet.first_enumeration;
        out.push_back(facet);
      }
    }
    return true;
  }

  FastGrammarBuilder builder_;
  std::unordered_map<const xc::XSElementDeclaration*, std::uint32_t> elements_;
  std::unordered_map<const xc::XSTypeDefinition*, std::uint32_t> types_;
  std::unordered_map<const xc::XSSimpleTypeDefinition*, std::uint32_t> simple_types_;
  std::deque<std::pair<xc::XSElementDeclaration*, std::uint32_t>> pending_;
};

}  // namespace

FastGrammar extract(xc::XSModel& model, const std::vector<QualifiedName>& roots) {
  return Extractor().run(model, roots);
}

}  // namespace cprokit::xsd::fast
