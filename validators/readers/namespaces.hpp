// Namespace URIs of the syntaxes cprokit reads.
#pragma once

#include "validators/xml/names.hpp"

namespace cprokit::ns {

inline constexpr xml::NamespaceUri kUblInvoice{
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"};
inline constexpr xml::NamespaceUri kUblCreditNote{
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"};
inline constexpr xml::NamespaceUri kCac{
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"};
inline constexpr xml::NamespaceUri kCbc{
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"};

inline constexpr xml::NamespaceUri kRsm{
    "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"};
inline constexpr xml::NamespaceUri kRam{
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"};
inline constexpr xml::NamespaceUri kUdt{
    "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"};

inline constexpr xml::NamespaceUri kQdt{
    "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"};

}  // namespace cprokit::ns
