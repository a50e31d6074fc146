// What a document is, decided from its content, never from its file name.
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "rules/model/document_type.hpp"
#include "validators/json/json_tree.hpp"
#include "validators/xml/names.hpp"

namespace cprokit {

enum class Format { Xml, Pdf, Json, Empty, Unknown };

// The container format, from the first bytes; Empty when there is nothing
// but white space.
Format sniff_format(std::string_view bytes);

// The format an empty document was meant to have, from its file name (.json,
// .pdf, any case; Xml otherwise): with no content, the name is the only
// evidence left.
Format format_by_name(std::string_view path);

struct XmlKind {
  DocumentKind kind = DocumentKind::Unknown;
  Syntax syntax = Syntax::Unknown;
  std::string root;  // "{namespace}local" of the root element ("local" without one), for messages
};

// The invoice kind and syntax of a parsed XML document, from its root
// element (and, for CII, its document type code BT-3).
XmlKind detect_xml_kind(const pugi::xml_node& root, const xml::Names& names);

struct JsonKind {
  DocumentKind kind = DocumentKind::Unknown;
  Syntax syntax = Syntax::Unknown;
};

// What a JSON document is, from the fields at its top: an account form has
// "compte"; a deposit request has the fields of the soumettre call.
JsonKind detect_json_kind(const json::Value& root);

}  // namespace cprokit
