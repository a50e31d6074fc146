#include "cli/client/deposit.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/core.h>

#include "cli/client/parties_lookup.hpp"
#include "rules/chorus/parties.hpp"
#include "rules/chorus/syntaxe_flux.hpp"
#include "validators/base64.hpp"
#include "validators/sha256.hpp"

namespace cprokit::client {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;

bool is_final(std::string_view etat) {
  return etat == "IN_INTEGRE" || etat == "IN_INTEGRE_PARTIEL" || etat == "IN_REJETE" ||
         etat == "IN_INCIDENTE";
}

// A flux that went in, or may have: the journal keeps it from going again.
bool still_there(const JournalEntry& e) {
  return e.event == "deposited" && e.etat != "IN_REJETE" && e.etat != "IN_INCIDENTE";
}

std::string text_of(const json& object, const char* name) {
  if (!object.is_object()) return {};
  const auto it = object.find(name);
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return {};
}

// "[CPRO-ENG-03] message" names the rule the mock applied.
std::string rule_named(std::string_view libelle) {
  if (!libelle.starts_with('[')) return {};
  const auto end = libelle.find(']');
  if (end == std::string_view::npos || end < 2) return {};
  return std::string(libelle.substr(1, end - 1));
}

const Linter& default_linter() {
  static const Linter linter = [] {
    LintOptions options;
    options.profile = "chorus";
    XsdSetup xsd;
    xsd.disabled = true;
    return Linter(options, xsd);
  }();
  return linter;
}

InvoiceFacts facts_of(const Invoice& invoice) {
  InvoiceFacts f;
  auto value = [](const std::optional<Text>& t) { return t ? t->value : std::string(); };
  f.number = value(invoice.number);
  f.engagement = value(invoice.purchase_order_reference);
  f.service_code = value(invoice.buyer_reference);
  if (const Identifier* s = chorus::siret_of(invoice.buyer)) f.buyer_siret = s->value;
  if (const Identifier* s = chorus::siret_of(invoice.seller)) f.seller_siret = s->value;
  return f;
}

class Deposit {
 public:
  Deposit(ChorusClient& client, const std::filesystem::path& file, const DepositOptions& options)
      : client_(client), options_(options), file_(file) {
    report_.file = file.string();
  }

  DepositReport run() {
    try {
      steps();
    } catch (const ApiError& e) {
      report_.outcome = Outcome::Failed;
      report_.failure = e.failure();
      report_.message = e.message();
    } catch (const nlohmann::json::exception& e) {
      report_.outcome = Outcome::Failed;
      report_.failure = ApiFailure::BadAnswer;
      report_.message = {fmt::format("réponse inattendue du serveur : {}", e.what()),
                         fmt::format("unexpected answer from the server: {}", e.what())};
    } catch (const std::system_error& e) {
      report_.outcome = Outcome::Failed;
      report_.message = {fmt::format("journal : {}", e.what()),
                         fmt::format("journal: {}", e.what())};
    }
    report_.retries = stats_.retries;
    return std::move(report_);
  }

 private:
  void steps() {
    if (!read_file()) return;
    report_.sha256 = sha256_hex(bytes_);
    key_ = {client_.endpoints().api, client_.login(), report_.sha256};
    const JournalSays journal = journal_says();
    if (journal == JournalSays::Stop) return;

    const Linter& base = options_.linter ? *options_.linter : default_linter();
    std::optional<Invoice> invoice;
    const LintedDocument read = base.lint(name_, bytes_, invoice);
    report_.syntaxe_flux = options_.syntaxe_flux;
    if (report_.syntaxe_flux.empty()) {
      if (auto syntaxe = chorus::syntaxe_for(read.syntax)) report_.syntaxe_flux = *syntaxe;
    }
    if (report_.syntaxe_flux.empty() || !invoice) {
      report_.findings = read.findings;
      report_.outcome = Outcome::RefusedByPreflight;
      report_.message = {"pas une facture UBL, CII ou Factur-X lisible : rien n'est déposé",
                         "not a readable UBL, CII or Factur-X invoice: nothing is deposited"};
      return;
    }
    facts_ = facts_of(*invoice);
    const Parties parties = look_up_parties(client_, facts_, &stats_);
    depositor_id_ = parties.depositor ? parties.depositor->id_structure_cpp : 0;
    // An earlier run sent it and never knew what became of it: look for it
    // before anything else, so that it never goes twice.
    if (journal == JournalSays::MaybeSent && !go_on_after_earlier_run()) return;
    const LintedDocument checked =
        base.for_directory(parties.directory).for_depositor(parties.depositor).lint(name_, bytes_);
    report_.findings = checked.findings;
    if (!checked.valid() && !options_.force) {
      report_.outcome = Outcome::RefusedByPreflight;
      report_.message = {
          "constat bloquant : rien n'est déposé ; corrigez la facture, ou "
          "--force pour la déposer quand même",
          "fatal finding: nothing is deposited; fix the invoice, or --force to "
          "deposit it anyway"};
      return;
    }
    if (!send()) return;
    follow();
  }

  bool read_file() {
    name_ = options_.deposit_name.empty() ? file_.filename().string() : options_.deposit_name;
    std::ifstream in(file_, std::ios::binary);
    std::ostringstream out;
    if (in) out << in.rdbuf();
    if (!in || in.bad()) {
      const std::string why = std::strerror(errno);
      report_.outcome = Outcome::Unreadable;
      report_.message = {fmt::format("illisible : {}", why),
                         fmt::format("cannot be read: {}", why)};
      return false;
    }
    bytes_ = std::move(out).str();
    return true;
  }

  // What the journal says of this file on this server and account.
  enum class JournalSays { Nothing, Stop, MaybeSent };

  JournalSays journal_says() {
    if (options_.journal == nullptr || options_.again) return JournalSays::Nothing;
    const auto last = options_.journal->last(key_);
    if (!last) return JournalSays::Nothing;
    if (still_there(*last)) {
      report_.outcome = Outcome::AlreadyDeposited;
      report_.numero_flux_depot = last->numero_flux_depot;
      report_.etat = last->etat;
      report_.message = {
          fmt::format("déjà déposé sur ce serveur avec ce compte le {} (flux {}) : rien n'est "
                      "renvoyé ; --again pour le déposer une seconde fois",
                      last->time, last->numero_flux_depot),
          fmt::format("already deposited on this server with this account on {} (flux {}): "
                      "nothing is sent; --again to deposit it a second time",
                      last->time, last->numero_flux_depot)};
      return JournalSays::Stop;
    }
    if (last->event == "sending" || last->event == "lost") {
      sent_before_ = last->time;
      return JournalSays::MaybeSent;
    }
    return JournalSays::Nothing;
  }

  // An earlier run's deposit whose answer was lost, looked for once (it had
  // time to be integrated): found, it is followed as if just sent; not
  // found, it is Lost, unless --resend-lost. Returns whether to go on and
  // send it.
  bool go_on_after_earlier_run() {
    client_.log({fmt::format("{} : envoyé le {} sans réponse connue ; recherche du dépôt",
                             report_.file, sent_before_),
                 fmt::format("{}: sent on {} with no known answer; looking for the deposit",
                             report_.file, sent_before_)});
    if (find_again(milliseconds{0})) {
      report_.recovered = true;
      record("deposited");
      follow();
      return false;
    }
    if (options_.resend_lost) return true;
    report_.outcome = Outcome::Lost;
    report_.message = {
        fmt::format("envoyé le {} sans réponse connue, et introuvable par "
                    "factures/v1/rechercher/fournisseur (facture {}) : il n'est PAS renvoyé. "
                    "Vérifiez sur le portail (Factures émises) ou par "
                    "transverses/v1/consulterCRDetaille, puis --resend-lost pour le renvoyer "
                    "délibérément",
                    sent_before_, facts_.number),
        fmt::format("sent on {} with no known answer, and not found by "
                    "factures/v1/rechercher/fournisseur (invoice {}): it is NOT sent again. "
                    "Check on the portal (Factures émises) or with "
                    "transverses/v1/consulterCRDetaille, then --resend-lost to send it again "
                    "deliberately",
                    sent_before_, facts_.number)};
    return false;
  }

  void record(std::string event) {
    if (options_.journal == nullptr) return;
    options_.journal->record(
        key_, {std::move(event), report_.file, report_.numero_flux_depot, report_.etat, {}});
  }

  // deposer/flux; false when there is nothing more to follow.
  bool send() {
    record("sending");
    const json body = {{"fichierFlux", encode_base64(bytes_)},
                       {"nomFichier", name_},
                       {"syntaxeFlux", report_.syntaxe_flux},
                       {"avecSignature", false}};
    FluxSent sent;
    try {
      sent = client_.deposer_flux(body, &stats_);
    } catch (const ApiError& e) {
      // Refused or never taken: nothing is on the server.
      record("not-sent");
      report_.failure = e.failure();
      report_.message = e.message();
      if (e.failure() == ApiFailure::Refused) {
        report_.outcome = Outcome::Rejected;
        report_.errors.push_back({"depot", e.code_retour() ? std::to_string(*e.code_retour()) : "",
                                  e.libelle(), rule_named(e.libelle())});
      } else {
        report_.outcome = Outcome::Failed;
      }
      return false;
    }
    if (sent.answer) {
      report_.numero_flux_depot = text_of(*sent.answer, "numeroFluxDepot");
      record("deposited");
      return true;
    }
    client_.log({fmt::format("{} : réponse de deposer/flux perdue ({}) ; recherche du dépôt",
                             report_.file, sent.lost.fr),
                 fmt::format("{}: deposer/flux's answer lost ({}); looking for the deposit",
                             report_.file, sent.lost.en)});
    if (find_again(options_.recovery_window)) {
      report_.recovered = true;
      record("deposited");
      return true;
    }
    record("lost");
    report_.outcome = Outcome::Lost;
    report_.message = {
        fmt::format("réponse de deposer/flux perdue ({}) et dépôt introuvable par "
                    "factures/v1/rechercher/fournisseur (facture {}) : il n'est PAS renvoyé. "
                    "Vérifiez sur le portail (Factures émises) ou par "
                    "transverses/v1/consulterCRDetaille, puis --resend-lost pour le renvoyer "
                    "délibérément",
                    sent.lost.fr, facts_.number),
        fmt::format("deposer/flux's answer lost ({}) and the deposit not found by "
                    "factures/v1/rechercher/fournisseur (invoice {}): it is NOT sent again. "
                    "Check on the portal (Factures émises) or with "
                    "transverses/v1/consulterCRDetaille, then --resend-lost to send it again "
                    "deliberately",
                    sent.lost.en, facts_.number)};
    return false;
  }

  // The lost deposit looked for by its invoice number and supplier, until
  // `window` has passed (the flux may still be being integrated).
  bool find_again(milliseconds window) {
    if (facts_.number.empty()) return false;
    json query = {{"numeroFacture", facts_.number}};
    if (depositor_id_ != 0) query["idFournisseur"] = depositor_id_;
    const auto deadline = client_.now() + window;
    milliseconds wait = options_.poll_first;
    for (;;) {
      const json found = client_.call("factures/v1/rechercher/fournisseur", query, &stats_);
      for (const json& invoice : found.value("listeFactures", json::array())) {
        const std::string numero = text_of(invoice, "numeroFluxDepot");
        if (numero.empty()) continue;
        report_.numero_flux_depot = numero;
        return true;
      }
      if (client_.now() + wait > deadline) return false;
      client_.pause(wait);
      wait = std::min(wait * 2, options_.poll_cap);
    }
  }

  // consulterCRDetaille until a final state, then the flux's invoices.
  void follow() {
    const auto deadline = client_.now() + options_.wait;
    milliseconds wait = options_.poll_first;
    json cr;
    for (;;) {
      cr = client_.call("transverses/v1/consulterCRDetaille",
                        {{"numeroFluxDepot", report_.numero_flux_depot}}, &stats_);
      report_.etat = text_of(cr, "etatCourantDepotFlux");
      if (is_final(report_.etat)) break;
      if (client_.now() + wait > deadline) {
        report_.outcome = Outcome::Pending;
        report_.message = {
            fmt::format("déposé (flux {}), encore à l'état {} à la fin de l'attente : suivez-le "
                        "par transverses/v1/consulterCRDetaille ou relancez avec un --wait "
                        "plus long (le journal empêche un second dépôt)",
                        report_.numero_flux_depot, report_.etat),
            fmt::format("deposited (flux {}), still {} when the wait ran out: follow it with "
                        "transverses/v1/consulterCRDetaille or run again with a longer --wait "
                        "(the journal prevents a second deposit)",
                        report_.numero_flux_depot, report_.etat)};
        return;
      }
      client_.pause(wait);
      wait = std::min(wait * 2, options_.poll_cap);
    }
    record("deposited");
    for (const json& e : cr.value("listeErreurTechnique", json::array())) {
      const std::string libelle = text_of(e, "libelleErreur");
      report_.errors.push_back(
          {"technique", text_of(e, "codeErreur"), libelle, rule_named(libelle)});
    }
    for (const json& e : cr.value("listeErreurDP", json::array())) {
      const std::string libelle = text_of(e, "libelleErreurDP");
      report_.errors.push_back({"dp", text_of(e, "numeroDP"), libelle, rule_named(libelle)});
    }
    if (report_.etat == "IN_INTEGRE" || report_.etat == "IN_INTEGRE_PARTIEL") {
      const json found = client_.call("factures/v1/rechercher/fournisseur",
                                      {{"numeroFluxDepot", report_.numero_flux_depot}}, &stats_);
      for (const json& i : found.value("listeFactures", json::array())) {
        report_.invoices.push_back({i.value("identifiantFactureCPP", std::int64_t{0}),
                                    text_of(i, "numeroFacture"), text_of(i, "statut")});
      }
    }
    report_.outcome = report_.etat == "IN_INTEGRE"           ? Outcome::Integrated
                      : report_.etat == "IN_INTEGRE_PARTIEL" ? Outcome::PartlyIntegrated
                                                             : Outcome::Rejected;
  }

  ChorusClient& client_;
  const DepositOptions& options_;
  std::filesystem::path file_;
  std::string name_;
  std::string bytes_;
  JournalKey key_;
  InvoiceFacts facts_;
  std::int64_t depositor_id_ = 0;
  std::string sent_before_;  // when the journal says an earlier run sent it
  CallStats stats_;
  DepositReport report_;
};

}  // namespace

std::string_view name(Outcome outcome) {
  switch (outcome) {
    case Outcome::Integrated:
      return "integrated";
    case Outcome::PartlyIntegrated:
      return "partly-integrated";
    case Outcome::Rejected:
      return "rejected";
    case Outcome::RefusedByPreflight:
      return "refused-by-preflight";
    case Outcome::Lost:
      return "lost";
    case Outcome::Failed:
      return "failed";
    case Outcome::Pending:
      return "pending";
    case Outcome::AlreadyDeposited:
      return "already-deposited";
    case Outcome::Unreadable:
      return "unreadable";
  }
  return "failed";
}

DepositReport deposit_file(ChorusClient& client, const std::filesystem::path& file,
                           const DepositOptions& options) {
  return Deposit(client, file, options).run();
}

}  // namespace cprokit::client
