// Read with the JSON reader that keeps every member in file order, repeated
// ones included, so that a key given twice is an error too. Each check adds
// its error and the reading goes on: the caller gets them all at once.
#include "mock-chorus/scenario/reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <span>

#include <fmt/core.h>

#include "validators/json/json_tree.hpp"

namespace cprokit::mock::scenario {
namespace {

using json::Type;
using json::Value;

constexpr unsigned kMaxDepth = 16;                // the format nests 5 levels
constexpr double kMaxInteger = 9007199254740991;  // 2^53 − 1: exact in a double, as in JSON Schema
constexpr double kMaxLatencyMs = 60'000;
constexpr double kMaxAfterSeconds = 31'536'000;  // a year
constexpr double kMaxLifetimeSeconds = 86'400;
constexpr std::size_t kMaxPattern = 200;
constexpr std::size_t kShownChars = 40;

constexpr std::array<std::string_view, 2> kFluxEtats{"IN_REJETE", "IN_INCIDENTE"};
constexpr std::array<std::string_view, 3> kStatuts{"REJETEE", "SUSPENDUE", "MISE_EN_PAIEMENT"};
constexpr std::array<std::string_view, 5> kKinds{"latency", "status", "drop", "truncate",
                                                 "tokenExpiry"};
constexpr std::array<FaultKind, 5> kKindValues{FaultKind::Latency, FaultKind::Status,
                                               FaultKind::Drop, FaultKind::Truncate,
                                               FaultKind::TokenExpiry};
constexpr std::string_view kTokenPath = "/api/oauth/token";

struct Node {
  const Value& value;
  std::string pointer;
};

Node member_node(const Node& object, const json::Member& m) {
  return {m.value, object.pointer + "/" + json::pointer_token(m.key)};
}

// A value as "trouvé …" / "got …" shows it: scalars as written, strings
// quoted (and cut when long), containers by their type.
std::string shown(const Value& v, Lang lang) {
  switch (v.type) {
    case Type::String: {
      std::string text = v.text.size() > kShownChars ? v.text.substr(0, kShownChars) + "…" : v.text;
      return "\"" + text + "\"";
    }
    case Type::Number:
    case Type::Boolean:
      return v.text;
    case Type::Null:
      return "null";
    default:
      return std::string(lang == Lang::Fr ? json::type_name_fr(v.type)
                                          : json::type_name_en(v.type));
  }
}

std::string joined(std::span<const std::string_view> names) {
  std::string out;
  for (const auto name : names)
    out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

std::optional<double> number_of(const Value& v) {
  if (v.type != Type::Number) return std::nullopt;
  double out = 0;
  const auto* end = v.text.data() + v.text.size();
  if (std::from_chars(v.text.data(), end, out).ptr != end) return std::nullopt;
  return out;
}

// Characters, not bytes, as JSON Schema's maxLength counts them: UTF-8
// continuation bytes are not counted.
std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::count_if(
      text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

std::string without_spaces(std::string text) {
  std::erase(text, ' ');
  return text;
}

bool is_siret(const std::string& text) {
  const std::string digits = without_spaces(text);
  return digits.size() == 14 &&
         std::ranges::all_of(digits, [](char c) { return c >= '0' && c <= '9'; });
}

bool is_syntaxe(const std::string& text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// `*`, the token path, or a path under /cpro/ (a prefix when it ends in *):
// never /_mock/… nor the portal's pages.
bool is_endpoint(std::string_view e) {
  if (e == "*" || e == kTokenPath) return true;
  if (!e.starts_with("/cpro/")) return false;
  const auto star = e.find('*');
  return star == std::string_view::npos || star == e.size() - 1;
}

class Reader {
 public:
  std::vector<ScenarioError> errors;

  Scenario root(const Node& n) {
    Scenario out;
    const auto members = object(n, {"name", "seed", "rules", "faults"});
    if (!members) return out;
    if (const auto* m = find(*members, "name")) out.name = text(*m).value_or("");
    if (const auto* m = find(*members, "seed")) {
      if (auto seed =
              integer(*m, 0, "un entier de 0 à 2^53 − 1", "a whole number from 0 to 2^53 − 1")) {
        out.seed = static_cast<std::uint64_t>(*seed);
      }
    }
    if (const auto* m = find(*members, "rules")) {
      for (const Node& rule_node : array(*m))
        if (auto r = rule(rule_node)) out.rules.push_back(std::move(*r));
    }
    if (const auto* m = find(*members, "faults")) {
      for (const Node& fault_node : array(*m))
        if (auto f = fault(fault_node)) out.faults.push_back(std::move(*f));
    }
    return out;
  }

 private:
  using Members = std::map<std::string, Node, std::less<>>;

  void fail(const std::string& pointer, std::string fr, std::string en) {
    errors.push_back({pointer, {std::move(fr), std::move(en)}});
  }
  void expected(const Node& n, std::string_view fr, std::string_view en) {
    fail(n.pointer, fmt::format("attendu {}, trouvé {}", fr, shown(n.value, Lang::Fr)),
         fmt::format("expected {}, got {}", en, shown(n.value, Lang::En)));
  }
  void missing(const Node& object, std::string_view name, std::string_view fr,
               std::string_view en) {
    fail(object.pointer + "/" + std::string(name), fmt::format("manquant ; attendu {}", fr),
         fmt::format("missing; expected {}", en));
  }
  void only_with(const Node& n, std::string_view what_fr, std::string_view what_en) {
    fail(n.pointer, fmt::format("permis seulement {}", what_fr),
         fmt::format("allowed only {}", what_en));
  }

  static const Node* find(const Members& members, std::string_view name) {
    const auto it = members.find(name);
    return it == members.end() ? nullptr : &it->second;
  }

  // The members of an object by name; an unknown or repeated one is an
  // error (and left out). Nullopt when `n` is not an object.
  std::optional<Members> object(const Node& n, std::initializer_list<std::string_view> allowed) {
    if (n.value.type != Type::Object) {
      expected(n, "un objet", "an object");
      return std::nullopt;
    }
    const std::vector<std::string_view> names(allowed);
    Members out;
    for (const json::Member& m : n.value.members) {
      Node child = member_node(n, m);
      if (std::ranges::find(names, m.key) == names.end()) {
        fail(child.pointer, fmt::format("champ inconnu ; champs admis ici : {}", joined(names)),
             fmt::format("unknown field; the fields allowed here are: {}", joined(names)));
      } else if (out.contains(m.key)) {
        fail(child.pointer, "champ donné deux fois dans le même objet ; gardez-en un",
             "field given twice in the same object; keep one");
      } else {
        out.emplace(m.key, std::move(child));
      }
    }
    return out;
  }

  std::vector<Node> array(const Node& n) {
    std::vector<Node> out;
    if (n.value.type != Type::Array) {
      expected(n, "un tableau", "an array");
      return out;
    }
    for (std::size_t i = 0; i < n.value.elements.size(); ++i)
      out.push_back({n.value.elements[i], fmt::format("{}/{}", n.pointer, i)});
    return out;
  }

  std::optional<std::string> text(const Node& n) {
    if (n.value.type != Type::String) {
      expected(n, "une chaîne", "a string");
      return std::nullopt;
    }
    return n.value.text;
  }

  std::optional<std::string> non_empty_text(const Node& n) {
    if (n.value.type != Type::String || n.value.text.empty()) {
      expected(n, "une chaîne non vide", "a non-empty string");
      return std::nullopt;
    }
    return n.value.text;
  }

  std::optional<std::string> one_of(const Node& n, std::span<const std::string_view> values) {
    if (n.value.type == Type::String && std::ranges::find(values, n.value.text) != values.end()) {
      return n.value.text;
    }
    expected(n, fmt::format("l'un de {}", joined(values)),
             fmt::format("one of {}", joined(values)));
    return std::nullopt;
  }

  std::optional<double> number(const Node& n, double min, double max, std::string_view fr,
                               std::string_view en) {
    const auto value = number_of(n.value);
    if (!value || *value < min || *value > max) {
      expected(n, fr, en);
      return std::nullopt;
    }
    return value;
  }

  // A whole number from `min` to 2^53 − 1 (2.0 is one, as JSON Schema says).
  std::optional<std::int64_t> integer(const Node& n, std::int64_t min, std::string_view fr,
                                      std::string_view en) {
    const auto value = number_of(n.value);
    if (!value || *value != std::floor(*value) || *value < static_cast<double>(min) ||
        *value > kMaxInteger) {
      expected(n, fr, en);
      return std::nullopt;
    }
    return static_cast<std::int64_t>(*value);
  }

  std::optional<Rule> rule(const Node& n) {
    const auto members = object(n, {"name", "match", "outcome"});
    if (!members) return std::nullopt;
    Rule out;
    bool good = true;
    if (const auto* m = find(*members, "name")) {
      auto name = text(*m);
      if (name) out.name = std::move(*name);
      good = name.has_value() && good;
    }
    if (const auto* m = find(*members, "match")) {
      auto match_read = match(*m);
      good = match_read.has_value() && good;
      if (match_read) out.match = std::move(*match_read);
    }
    const auto* o = find(*members, "outcome");
    if (o == nullptr) {
      missing(n, "outcome", "un objet avec flux ou status", "an object with flux or status");
      return std::nullopt;
    }
    auto outcome_read = outcome(*o);
    if (!outcome_read || !good) return std::nullopt;
    out.outcome = std::move(*outcome_read);
    return out;
  }

  std::optional<Match> match(const Node& n) {
    const auto members = object(n, {"supplierSiret", "buyerSiret", "invoiceNumber", "syntaxeFlux"});
    if (!members) return std::nullopt;
    Match out;
    bool good = true;
    auto siret = [&](std::string_view name, std::optional<std::string>& into) {
      const auto* m = find(*members, name);
      if (m == nullptr) return;
      if (m->value.type == Type::String && is_siret(m->value.text)) {
        into = without_spaces(m->value.text);
      } else {
        expected(*m, "un SIRET (14 chiffres, espaces permis)",
                 "a SIRET (14 digits, spaces allowed)");
        good = false;
      }
    };
    siret("supplierSiret", out.supplier_siret);
    siret("buyerSiret", out.buyer_siret);
    if (const auto* m = find(*members, "invoiceNumber")) {
      if (m->value.type == Type::String && !m->value.text.empty() &&
          characters(m->value.text) <= kMaxPattern) {
        out.invoice_number = m->value.text;
      } else {
        expected(*m, "un numéro de facture de 1 à 200 caractères (* et ? permis)",
                 "an invoice number of 1 to 200 characters (* and ? allowed)");
        good = false;
      }
    }
    if (const auto* m = find(*members, "syntaxeFlux")) {
      if (m->value.type == Type::String && is_syntaxe(m->value.text)) {
        out.syntaxe_flux = m->value.text;
      } else {
        expected(*m, "une syntaxeFlux (majuscules, chiffres, _ : IN_DP_E1_UBL_INVOICE)",
                 "a syntaxeFlux (capitals, digits, _: IN_DP_E1_UBL_INVOICE)");
        good = false;
      }
    }
    if (!good) return std::nullopt;
    return out;
  }

  std::optional<Outcome> outcome(const Node& n) {
    const auto members = object(n, {"flux", "errors", "status", "motive", "afterSeconds"});
    if (!members) return std::nullopt;
    const auto* flux = find(*members, "flux");
    const auto* status = find(*members, "status");
    if ((flux == nullptr) == (status == nullptr)) {
      fail(n.pointer,
           flux != nullptr ? "flux et status s'excluent : gardez-en un"
                           : "attendu flux (IN_REJETE, IN_INCIDENTE) ou status (REJETEE, "
                             "SUSPENDUE, MISE_EN_PAIEMENT), trouvé aucun des deux",
           flux != nullptr ? "flux and status exclude each other: keep one"
                           : "expected flux (IN_REJETE, IN_INCIDENTE) or status (REJETEE, "
                             "SUSPENDUE, MISE_EN_PAIEMENT), got neither");
      return std::nullopt;
    }
    if (flux != nullptr) return flux_outcome(n, *members, *flux);
    return status_outcome(n, *members, *status);
  }

  std::optional<Outcome> flux_outcome(const Node& n, const Members& members, const Node& flux) {
    const auto etat = one_of(flux, kFluxEtats);
    bool good = etat.has_value();
    for (const std::string_view name : {"motive", "afterSeconds"}) {
      if (const auto* m = find(members, name)) {
        only_with(*m, "avec status", "with status");
        good = false;
      }
    }
    const auto* errors_node = find(members, "errors");
    FluxOutcome out;
    if (etat == "IN_INCIDENTE" && errors_node != nullptr) {
      only_with(*errors_node, "avec flux IN_REJETE", "with flux IN_REJETE");
      good = false;
    } else if (etat == "IN_REJETE" && errors_node == nullptr) {
      missing(n, "errors", "les erreurs du rejet, [{\"libelleErreurDP\": \"…\"}]",
              "the rejection's errors, [{\"libelleErreurDP\": \"…\"}]");
      good = false;
    } else if (errors_node != nullptr) {
      const auto list = array(*errors_node);
      if (errors_node->value.type == Type::Array && list.empty()) {
        expected(*errors_node, "au moins une erreur", "at least one error");
        good = false;
      }
      for (const Node& e : list) {
        const auto fields = object(e, {"libelleErreurDP"});
        const Node* libelle = fields ? find(*fields, "libelleErreurDP") : nullptr;
        if (fields && libelle == nullptr) {
          missing(e, "libelleErreurDP", "une chaîne non vide", "a non-empty string");
        }
        auto value = libelle != nullptr ? non_empty_text(*libelle) : std::nullopt;
        if (value) {
          out.errors.push_back(std::move(*value));
        } else {
          good = false;
        }
      }
    }
    if (!good) return std::nullopt;
    out.etat = *etat;
    return out;
  }

  std::optional<Outcome> status_outcome(const Node& n, const Members& members, const Node& status) {
    bool good = true;
    if (const auto* m = find(members, "errors")) {
      only_with(*m, "avec flux IN_REJETE", "with flux IN_REJETE");
      good = false;
    }
    StatusOutcome out;
    const auto statut = one_of(status, kStatuts);
    good = statut.has_value() && good;
    if (const auto* m = find(members, "motive")) {
      out.motive = non_empty_text(*m);
      good = out.motive.has_value() && good;
    } else if (statut && *statut != "MISE_EN_PAIEMENT") {
      missing(n, "motive", fmt::format("le motif que le statut {} exige", *statut),
              fmt::format("the motive status {} needs", *statut));
      good = false;
    }
    if (const auto* m = find(members, "afterSeconds")) {
      const auto after = number(*m, 0, kMaxAfterSeconds, "un nombre de secondes de 0 à 31536000",
                                "a number of seconds from 0 to 31536000");
      if (after) out.after = std::llround(*after * 1000);
      good = after.has_value() && good;
    }
    if (!good) return std::nullopt;
    out.statut = *statut;
    return out;
  }

  std::optional<Fault> fault(const Node& n) {
    const auto members = object(n, {"endpoint", "kind", "rate", "count", "status",
                                    "retryAfterSeconds", "latencyMs", "tokenLifetimeSeconds"});
    if (!members) return std::nullopt;
    Fault out;
    bool good = true;
    if (const auto* m = find(*members, "endpoint")) {
      if (m->value.type == Type::String && is_endpoint(m->value.text)) {
        out.endpoint = m->value.text;
      } else {
        expected(*m, "*, /api/oauth/token ou un chemin /cpro/… (un préfixe s'il finit par *)",
                 "*, /api/oauth/token or a /cpro/… path (a prefix when it ends in *)");
        good = false;
      }
    } else {
      missing(n, "endpoint", "le chemin des appels visés", "the path of the calls it is for");
      good = false;
    }
    std::optional<FaultKind> kind;
    if (const auto* m = find(*members, "kind")) {
      if (const auto name = one_of(*m, kKinds)) {
        kind = kKindValues[static_cast<std::size_t>(std::ranges::find(kKinds, *name) -
                                                    kKinds.begin())];
      }
    } else {
      missing(n, "kind", fmt::format("l'un de {}", joined(kKinds)),
              fmt::format("one of {}", joined(kKinds)));
    }
    good = kind.has_value() && good;
    if (const auto* m = find(*members, "rate")) {
      const auto rate = number(*m, 0, 1, "un nombre entre 0 et 1", "a number between 0 and 1");
      if (rate) out.rate = *rate;
      good = rate.has_value() && good;
    }
    if (const auto* m = find(*members, "count")) {
      out.count = integer(*m, 1, "un entier ≥ 1", "a whole number ≥ 1");
      good = out.count.has_value() && good;
    }
    if (kind) {
      out.kind = *kind;
      good = kind_members(n, *members, out) && good;
    }
    if (!good) return std::nullopt;
    return out;
  }

  // The members that belong to one kind: required for it, refused for the others.
  bool kind_members(const Node& n, const Members& members, Fault& out) {
    struct Owned {
      std::string_view name;
      FaultKind kind;
    };
    static constexpr std::array<Owned, 4> kOwned{
        {{"status", FaultKind::Status},
         {"retryAfterSeconds", FaultKind::Status},
         {"latencyMs", FaultKind::Latency},
         {"tokenLifetimeSeconds", FaultKind::TokenExpiry}}};
    bool good = true;
    for (const auto& [name, kind] : kOwned) {
      const auto* m = find(members, name);
      if (m != nullptr && kind != out.kind) {
        only_with(*m, fmt::format("avec kind {}", kind_name(kind)),
                  fmt::format("with kind {}", kind_name(kind)));
        good = false;
      }
    }
    switch (out.kind) {
      case FaultKind::Status:
        return status_fault(n, members, out) && good;
      case FaultKind::Latency:
        return latency_fault(n, members, out) && good;
      case FaultKind::TokenExpiry:
        return token_fault(n, members, out) && good;
      case FaultKind::Drop:
      case FaultKind::Truncate:
        break;
    }
    return good;
  }

  bool status_fault(const Node& n, const Members& members, Fault& out) {
    const auto* status = find(members, "status");
    if (status == nullptr) {
      missing(n, "status", "500, 502, 503 ou 429", "500, 502, 503 or 429");
      return false;
    }
    const auto code = number_of(status->value);
    if (!code || (*code != 500 && *code != 502 && *code != 503 && *code != 429)) {
      expected(*status, "500, 502, 503 ou 429", "500, 502, 503 or 429");
      return false;
    }
    out.status = static_cast<int>(*code);
    if (const auto* m = find(members, "retryAfterSeconds")) {
      if (out.status != 429 && out.status != 503) {
        only_with(*m, "avec status 429 ou 503", "with status 429 or 503");
        return false;
      }
      const auto seconds = number(*m, 0, kMaxLifetimeSeconds, "un entier de 0 à 86400",
                                  "a whole number from 0 to 86400");
      if (!seconds || *seconds != std::floor(*seconds)) {
        if (seconds) expected(*m, "un entier de 0 à 86400", "a whole number from 0 to 86400");
        return false;
      }
      out.retry_after_seconds = static_cast<std::int64_t>(*seconds);
    }
    return true;
  }

  bool latency_fault(const Node& n, const Members& members, Fault& out) {
    const auto* latency = find(members, "latencyMs");
    constexpr std::string_view kFr = "un nombre de millisecondes de 0 à 60000, ou {min, max}";
    constexpr std::string_view kEn = "a number of milliseconds from 0 to 60000, or {min, max}";
    if (latency == nullptr) {
      missing(n, "latencyMs", kFr, kEn);
      return false;
    }
    if (latency->value.type != Type::Object) {
      const auto ms = number(*latency, 0, kMaxLatencyMs, kFr, kEn);
      if (!ms) return false;
      out.latency_min_ms = out.latency_max_ms = std::llround(*ms);
      return true;
    }
    const auto bounds = object(*latency, {"min", "max"});
    if (!bounds) return false;
    std::optional<double> min;
    std::optional<double> max;
    for (const auto& [name, into] : {std::pair{"min", &min}, std::pair{"max", &max}}) {
      if (const auto* m = find(*bounds, name)) {
        *into = number(*m, 0, kMaxLatencyMs, "un nombre de millisecondes de 0 à 60000",
                       "a number of milliseconds from 0 to 60000");
      } else {
        missing(*latency, name, "un nombre de millisecondes de 0 à 60000",
                "a number of milliseconds from 0 to 60000");
      }
    }
    if (!min || !max) return false;
    if (*min > *max) {
      expected(*find(*bounds, "max"), fmt::format("un nombre ≥ min ({})", *min),
               fmt::format("a number ≥ min ({})", *min));
      return false;
    }
    out.latency_min_ms = std::llround(*min);
    out.latency_max_ms = std::llround(*max);
    return true;
  }

  bool token_fault(const Node& n, const Members& members, Fault& out) {
    bool good = true;
    if (!out.endpoint.empty() && out.endpoint != kTokenPath) {
      expected(*find(members, "endpoint"), "/api/oauth/token (seul chemin de tokenExpiry)",
               "/api/oauth/token (tokenExpiry's only path)");
      good = false;
    }
    const auto* lifetime = find(members, "tokenLifetimeSeconds");
    if (lifetime == nullptr) {
      missing(n, "tokenLifetimeSeconds", "un nombre de secondes de 0 à 86400",
              "a number of seconds from 0 to 86400");
      return false;
    }
    const auto seconds =
        number(*lifetime, 0, kMaxLifetimeSeconds, "un nombre de secondes de 0 à 86400",
               "a number of seconds from 0 to 86400");
    if (seconds) out.token_lifetime = std::llround(*seconds * 1000);
    return seconds.has_value() && good;
  }
};

}  // namespace

std::string ScenarioError::text(Lang lang) const {
  const std::string& where = pointer.empty() ? (lang == Lang::Fr ? "(racine)" : "(root)") : pointer;
  return fmt::format("{}{} {}", where, lang == Lang::Fr ? " :" : ":", message.in(lang));
}

ReadScenario read_scenario(std::string_view json_text) {
  ReadScenario out;
  const json::ParseResult parsed = json::parse(json_text, kMaxDepth);
  if (const auto* e = std::get_if<json::SyntaxError>(&parsed)) {
    out.errors.push_back(
        {"",
         {fmt::format("JSON invalide ligne {}, colonne {} : {}", e->line, e->column, e->detail),
          fmt::format("invalid JSON at line {}, column {}: {}", e->line, e->column, e->detail)}});
    return out;
  }
  if (const auto* e = std::get_if<json::TooDeep>(&parsed)) {
    out.errors.push_back(
        {"",
         {fmt::format("imbriqué sur plus de {} niveaux (ligne {})", e->limit, e->line),
          fmt::format("nested over {} levels deep (line {})", e->limit, e->line)}});
    return out;
  }
  Reader reader;
  out.scenario = reader.root({std::get<Value>(parsed), ""});
  out.errors = std::move(reader.errors);
  return out;
}

std::string error_lines(const std::vector<ScenarioError>& errors, Lang lang) {
  std::string out;
  for (const auto& e : errors)
    out += e.text(lang) + "\n";
  return out;
}

}  // namespace cprokit::mock::scenario
