#include "mock-chorus/lifecycle.hpp"

#include <array>
#include <deque>
#include <map>
#include <utility>

namespace cprokit::mock::lifecycle {
namespace {

// The mapping one public client uses (API.md §8, S7), which is the only one
// published; Chorus Pro's own is not.
constexpr std::array<std::pair<std::string_view, int>, 14> kReformCodes{{
    {"DEPOSEE", 200},
    {"EN_COURS_ACHEMINEMENT", 201},
    {"MISE_A_DISPOSITION", 203},
    {"PRISE_EN_COMPTE_DESTINATAIRE", 204},
    {"SERVICE_FAIT", 205},
    {"MANDATEE", 205},
    {"SUSPENDUE", 208},
    {"A_COMPLETER", 208},
    {"COMPLETEE", 209},
    {"REJETEE", 210},
    {"MISE_EN_PAIEMENT", 211},
    {"MISE_A_DISPOSITION_COMPTABLE", 205},
    {"COMPTABILISEE", 205},
    {"INTERPRETEE_OCR", 200},
}};

constexpr std::array<std::string_view, 15> kStatuses{"INTERPRETEE_OCR",
                                                     "DEPOSEE",
                                                     "EN_COURS_ACHEMINEMENT",
                                                     "MISE_A_DISPOSITION",
                                                     "A_RECYCLER",
                                                     "PRISE_EN_COMPTE_DESTINATAIRE",
                                                     "SERVICE_FAIT",
                                                     "SUSPENDUE",
                                                     "A_COMPLETER",
                                                     "COMPLETEE",
                                                     "REJETEE",
                                                     "MANDATEE",
                                                     "MISE_EN_PAIEMENT",
                                                     "MISE_A_DISPOSITION_COMPTABLE",
                                                     "COMPTABILISEE"};

constexpr std::array<std::string_view, 5> kFromAvailable{
    "PRISE_EN_COMPTE_DESTINATAIRE", "SERVICE_FAIT", "SUSPENDUE", "REJETEE", "A_RECYCLER"};
constexpr std::array<std::string_view, 5> kFromTakenIn{"SERVICE_FAIT", "MANDATEE", "SUSPENDUE",
                                                       "REJETEE", "A_RECYCLER"};
constexpr std::array<std::string_view, 3> kFromServiceDone{"MANDATEE", "SUSPENDUE", "REJETEE"};
constexpr std::array<std::string_view, 1> kFromMandated{"MISE_EN_PAIEMENT"};

}  // namespace

std::span<const std::string_view> statuses() {
  return kStatuses;
}

std::optional<int> reform_code(std::string_view statut) {
  for (const auto& [name, code] : kReformCodes) {
    if (name == statut) return code;
  }
  return std::nullopt;
}

std::span<const std::string_view> buyer_moves(std::string_view statut) {
  if (statut == "MISE_A_DISPOSITION") return kFromAvailable;
  if (statut == "PRISE_EN_COMPTE_DESTINATAIRE" || statut == "COMPLETEE") return kFromTakenIn;
  if (statut == "SERVICE_FAIT") return kFromServiceDone;
  if (statut == "MANDATEE") return kFromMandated;
  return {};
}

std::vector<std::string_view> buyer_path(std::string_view from, std::string_view to) {
  // Breadth first over the buyer's moves: the first time `to` is reached is
  // by a shortest chain. `previous` maps each status reached to the one before.
  std::map<std::string_view, std::string_view> previous{{from, {}}};
  std::deque<std::string_view> queue{from};
  while (!queue.empty() && !previous.contains(to)) {
    const std::string_view at = queue.front();
    queue.pop_front();
    for (const std::string_view next : buyer_moves(at)) {
      if (previous.emplace(next, at).second) queue.push_back(next);
    }
  }
  std::vector<std::string_view> path;
  if (from == to || !previous.contains(to)) return path;
  for (std::string_view at = to; at != from; at = previous.at(at))
    path.insert(path.begin(), at);
  return path;
}

bool needs_motive(std::string_view statut) {
  return statut == "SUSPENDUE" || statut == "REJETEE" || statut == "A_RECYCLER";
}

}  // namespace cprokit::mock::lifecycle
