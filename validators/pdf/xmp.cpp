#include "validators/pdf/xmp.hpp"

#include <array>
#include <utility>

#include <pugixml.hpp>

namespace cprokit::pdf {
namespace {

// The namespaces Factur-X 1.0 and ZUGFeRD 2.x give their XMP properties.
constexpr std::array<std::string_view, 2> kFacturXNamespaces = {
    "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#",
    "urn:zugferd:pdfa:CrossIndustryDocument:invoice:2p0#"};

// The name after its prefix (npos + 1 is 0: no prefix, the whole name).
std::string_view local_name(std::string_view qualified) {
  return qualified.substr(qualified.find(':') + 1);
}

std::string_view prefix(std::string_view qualified) {
  const auto colon = qualified.find(':');
  return colon == std::string_view::npos ? std::string_view{} : qualified.substr(0, colon);
}

void take(std::optional<std::string>& into, std::string_view value) {
  if (!into && !value.empty()) into = std::string(value);
}

// pugixml walks the tree without recursion: a deeply nested XMP costs no stack.
class Collector : public pugi::xml_tree_walker {
 public:
  explicit Collector(FacturXMetadata& out) : out_(out) {}

  bool for_each(pugi::xml_node& node) override {
    if (node.type() != pugi::node_element) return true;
    see(node.name(), node.child_value());
    for (const pugi::xml_attribute& a : node.attributes())
      see(a.name(), a.value());
    return true;
  }

 private:
  // Factur-X (fx:) and ZUGFeRD (zf:) spell the same properties in their own
  // namespaces, and no other XMP schema uses these names: matched by local
  // name. The PDF/A identification is matched by its usual prefix, pdfaid.
  void see(std::string_view qualified, std::string_view value) {
    const std::string_view local = local_name(qualified);
    if (local == "DocumentFileName") take(out_.document_file_name, value);
    if (local == "ConformanceLevel") take(out_.conformance_level, value);
    if (local == "DocumentType") take(out_.document_type, value);
    if (local == "Version" && prefix(qualified) != "pdfaid") take(out_.version, value);
    if (prefix(qualified) == "pdfaid" && local == "part") take(out_.pdfa_part, value);
    if (prefix(qualified) == "pdfaid" && local == "conformance") take(out_.pdfa_conformance, value);
    if (local == "namespaceURI" && prefix(qualified) == "pdfaSchema") {
      for (std::string_view known : kFacturXNamespaces)
        out_.extension_schema = out_.extension_schema || value == known;
    }
  }

  FacturXMetadata& out_;
};

}  // namespace

FacturXMetadata read_facturx_metadata(std::string_view xmp) {
  FacturXMetadata out;
  pugi::xml_document doc;
  // pugixml expands no entity but the five predefined ones: nothing to fear
  // from a hostile DOCTYPE here.
  if (!doc.load_buffer(xmp.data(), xmp.size(), pugi::parse_default)) return out;
  Collector collector(out);
  doc.traverse(collector);
  return out;
}

}  // namespace cprokit::pdf
