// The sizes and lengths Chorus Pro imposes on what is deposited
// (../shared/chorus-pro/API.md §3 and §6), in one place: the rules check them
// (CPRO-SIZE-01, CPRO-NUM-01, CPRO-ENG-02) and the mock enforces them
// (deposer/flux, deposer/pdf, ajouter/fichier, the files of a lot).
#pragma once

#include <cstddef>

namespace cprokit::chorus {

// "Mo" in Chorus Pro's texts: 1 Mo is 1024 × 1024 bytes.
inline constexpr std::size_t kBytesPerMegabyte = std::size_t{1024} * 1024;

// One deposited file: a flux, a PDF, an attachment, a file of a lot.
inline constexpr std::size_t kMaxFileMegabytes = 10;
inline constexpr std::size_t kMaxFileBytes = kMaxFileMegabytes * kBytesPerMegabyte;

// A flux deposited as a compressed lot (.tar.gz), as it is sent.
inline constexpr std::size_t kMaxLotMegabytes = 30;
inline constexpr std::size_t kMaxLotBytes = kMaxLotMegabytes * kBytesPerMegabyte;

// The invoice number (BT-1): the 2026 reform's BR-FR-01 limit, the only
// published one (fr-mapping.md §1); Chorus Pro's older 20 characters is
// unconfirmed.
inline constexpr std::size_t kMaxInvoiceNumberLength = 35;

// The engagement number (BT-13, numeroBonCommande).
inline constexpr std::size_t kMaxEngagementLength = 50;

// An attachment's name, its extension included (ajouter/fichier).
inline constexpr std::size_t kMaxAttachmentNameLength = 50;

}  // namespace cprokit::chorus
