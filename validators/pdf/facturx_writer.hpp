// Builds a Factur-X PDF from a CII invoice and a PDF, with qpdf, from bytes
// alone: the XML embedded as factur-x.xml (name tree and catalog /AF), the
// XMP metadata with the PDF/A and Factur-X schemas, an sRGB output intent
// when the PDF has none. The PDF/A conformance of the PDF itself (fonts,
// colour spaces) is not checked: that is a PDF/A validator's job.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "validators/pdf/facturx_profile.hpp"

namespace cprokit::pdf {

struct ProfileNames {
  std::string_view option;     // as --profile spells it: "basicwl"
  std::string_view level;      // XMP fx:ConformanceLevel: "BASIC WL"
  std::string_view guideline;  // BT-24: "urn:factur-x.eu:1p0:basicwl"
};

// EXTENDED-CTC-FR is an EXTENDED for the PDF: its names are EXTENDED's.
ProfileNames names_of(FacturXProfile profile);

// The profile --profile names ("minimum", "basicwl", "basic", "en16931",
// "extended"), none for another word.
std::optional<FacturXProfile> profile_from_option(std::string_view option);

// The profile a BT-24 names (fr-mapping.md §3), none for another id. The
// French EXTENDED-CTC-FR is an EXTENDED for the PDF (its XMP level).
std::optional<FacturXProfile> profile_from_guideline(std::string_view guideline);

// The /AFRelationship of the invoice's file specification: "Data" or
// "Alternative" (see the source in facturx_writer.cpp).
std::string_view af_relationship(FacturXProfile profile);

struct MakeOptions {
  std::optional<FacturXProfile> profile;   // none: the one BT-24 names
  bool replace = false;                    // replace an invoice XML the PDF embeds already
  std::optional<std::string> icc_profile;  // sRGB ICC bytes; none: no output intent is added
  // Reproducible output: the dates of the attachment and the XMP from
  // these seconds since 1970 (UTC), and an /ID computed from the content.
  // None: now, and a random /ID.
  std::optional<std::int64_t> fixed_time;
};

enum class MakeProblem {
  PdfUnreadable,     // detail: qpdf's message
  PdfEncrypted,      // with or without a password: Chorus Pro refuses them
  AlreadyFacturX,    // detail: the invoice XML's name in the PDF (see MakeOptions::replace)
  NotXml,            // detail: the parser's message
  NotCii,            // detail: the root element's name and namespace
  NoGuideline,       // no BT-24
  UnknownGuideline,  // detail: BT-24
  ProfileMismatch,   // detail: BT-24 (the option's profile is in MakeOptions)
};

struct MakeError {
  MakeProblem problem;
  std::string detail;
};

struct MadeFacturX {
  std::string pdf;
  FacturXProfile profile;
  bool output_intent_added = false;  // false: the PDF had one, or no ICC profile was given
  bool had_output_intent = false;
  bool metadata_kept = false;      // the PDF's XMP was read and its other properties kept
  bool metadata_replaced = false;  // the PDF had an XMP that is not XML: replaced whole
  std::string replaced_name;       // the invoice XML replaced (MakeOptions::replace), if any
};

// `description` names the PDF in qpdf's messages.
std::variant<MadeFacturX, MakeError> make_facturx(std::string_view xml, std::string_view pdf,
                                                  const std::string& description,
                                                  const MakeOptions& options);

}  // namespace cprokit::pdf
