#pragma once

namespace cprokit::cli {

inline constexpr int kExitOk = 0;        // no fatal finding
inline constexpr int kExitFatal = 1;     // at least one fatal finding
inline constexpr int kExitUsage = 2;     // usage error, or a path that cannot be read
inline constexpr int kExitInternal = 3;  // a bug or a system failure (never bad input)
// cprokit deposit: a deposit whose outcome is not known (its answer lost and
// the flux not found again, or not final when --wait ran out), or a server
// that could not be reached or that refused the credentials. Apart from 1:
// the file may well be on the portal, and must not simply be sent again.
inline constexpr int kExitUnknown = 4;
// cprokit merge: a shard that is not a whole jsonl report of cprokit (a line
// that is not JSON or not a document, no summary line): apart from 2, the
// shard must be linted again.
inline constexpr int kExitBadShard = 5;
// cprokit facturx: inputs that cannot give or make a Factur-X (a PDF that is
// encrypted, damaged, without an invoice XML or with one already; an XML
// that is not a CII or whose BT-24 contradicts --profile): apart from 2,
// the files are there but are not what the command needs.
inline constexpr int kExitRefused = 6;

}  // namespace cprokit::cli
