// Namespace URIs of the syntaxes cprokit reads.
#pragma once

#include <string_view>

namespace cprokit::ns {

inline constexpr std::string_view kUblInvoice =
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
inline constexpr std::string_view kUblCreditNote =
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
inline constexpr std::string_view kCac =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
inline constexpr std::string_view kCbc =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

inline constexpr std::string_view kRsm =
    "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
inline constexpr std::string_view kRam =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
inline constexpr std::string_view kUdt =
    "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

inline constexpr std::string_view kQdt =
    "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

}  // namespace cprokit::ns
