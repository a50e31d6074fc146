// The life of an invoice on the mock: which statuses follow which, and the
// reform's lifecycle code beside each (../shared/chorus-pro/API.md §4.2, §8).
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace cprokit::mock::lifecycle {

// Statuses the mock moves by itself after an invoice is integrated.
inline constexpr std::string_view kDeposee = "DEPOSEE";
inline constexpr std::string_view kEnCoursAcheminement = "EN_COURS_ACHEMINEMENT";
inline constexpr std::string_view kMiseADisposition = "MISE_A_DISPOSITION";
inline constexpr std::string_view kInterpreteeOcr = "INTERPRETEE_OCR";

// Every status an invoice may have, in the order of its life.
std::span<const std::string_view> statuses();

// The reform's code (200–213) for a Chorus Pro status; nullopt for a
// status without one (A_RECYCLER: a routing error the supplier fixes).
std::optional<int> reform_code(std::string_view statut);

// The statuses the buyer's side may set from `statut` (admin API).
std::span<const std::string_view> buyer_moves(std::string_view statut);

// The shortest chain of buyer moves that leads from `from` to `to` (each
// status after `from`, `to` last); empty when the lifecycle has none. A
// scenario's planned move walks it, so the history shows a believable path.
std::vector<std::string_view> buyer_path(std::string_view from, std::string_view to);

// Whether the buyer must give a motive to move to `statut`.
bool needs_motive(std::string_view statut);

}  // namespace cprokit::mock::lifecycle
