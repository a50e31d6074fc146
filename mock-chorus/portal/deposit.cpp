// Factures émises → Déposer une facture: the format, the cadre de
// facturation and the file (step 1); the form, pre-filled from a structured
// file and editable (step 2), its "Valider" (the controls: the linter's rules
// on the file and on the request, each finding next to its field) and
// "Envoyer" (the deposit, by deposit/deposit.hpp as the API's deposer/pdf and
// soumettre); then the deposit certificate. The session's draft holds the
// kept file's id, never its bytes.
#include <algorithm>
#include <cctype>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/deposit/deposit.hpp"
#include "mock-chorus/portal/deposit_form.hpp"
#include "mock-chorus/portal/draft.hpp"
#include "mock-chorus/portal/portal.hpp"
#include "mock-chorus/portal/supplier.hpp"
#include "mock-chorus/records/invoice_record.hpp"
#include "mock-chorus/wire/dates.hpp"
#include "mock-chorus/wire/reply.hpp"
#include "rules/chorus/api_values.hpp"
#include "rules/chorus/limits.hpp"

namespace cprokit::mock::portal {
namespace {

constexpr std::string_view kDraft = "depot";
constexpr std::string_view kCertificate = "certificat";
constexpr const char* kStartPath = "/portail/factures/deposer";
constexpr const char* kFormPath = "/portail/factures/deposer/saisie";
constexpr const char* kDonePath = "/portail/factures/deposer/certificat";
constexpr const char* kDefaultCadre = "A1_FACTURE_FOURNISSEUR";

// ---- the page's pieces ------------------------------------------------------

// The rule id shown small beside a message; null (no tag) for the form's own.
Data rule_of(const Problem& p) {
  return p.rule.empty() ? Data() : Data(p.rule);
}

Data problems_of(const Problems& problems, std::string_view field) {
  Data list = Data::array();
  const auto it = problems.find(field);
  if (it == problems.end()) return list;
  for (const Problem& p : it->second) {
    list.push_back({{"message", p.message},
                    {"rule", rule_of(p)},
                    {"warning", !p.fatal},
                    {"in_file", p.in_file}});
  }
  return list;
}

bool fatal_in(const Problems& problems, std::string_view field) {
  const auto it = problems.find(field);
  return it != problems.end() &&
         std::ranges::any_of(it->second, [](const Problem& p) { return p.fatal; });
}

// The error summary: every fatal problem, linked to its field when it has one.
Data summary_of(const PortalCall& call, const Problems& problems) {
  Data list = Data::array();
  for (const auto& [field, entries] : problems) {
    for (const Problem& p : entries) {
      if (!p.fatal) continue;
      Data item = {{"message", p.message}, {"rule", rule_of(p)}};
      if (!field.empty()) {
        item["href"] = "#" + field;
        item["label"] = call.text("deposit_field_" + field);
      }
      list.push_back(std::move(item));
    }
  }
  return list;
}

// The warnings that belong to no field.
Data loose_warnings(const Problems& problems) {
  Data list = Data::array();
  for (const Data& p : problems_of(problems, "")) {
    if (p["warning"].get<bool>()) list.push_back(p);
  }
  return list;
}

Data option(std::string value, std::string label, bool selected) {
  return {{"value", std::move(value)}, {"label", std::move(label)}, {"selected", selected}};
}

// ---- step 1: format, cadre, file --------------------------------------------

PortalReply start_page(const PortalCall& call, const std::string& format, const std::string& cadre,
                       const Problems& problems, int status) {
  Data formats = Data::array();
  for (const char* f : {"PDF", "XML"}) {
    formats.push_back({{"value", f},
                       {"label", call.text(fmt::format("deposit_format_{}", f))},
                       {"checked", format == f}});
  }
  Data cadres = Data::array();
  for (std::string_view c : chorus::kCadres)
    cadres.push_back(option(std::string(c), std::string(c), c == cadre));
  Data summary = summary_of(call, problems);
  Data data = {{"formats", std::move(formats)},
               {"cadres", std::move(cadres)},
               {"file_hint", fmt::format(fmt::runtime(call.text("deposit_file_hint")),
                                         chorus::kMaxFileMegabytes)},
               {"has_errors", !summary.empty()},
               {"summary", std::move(summary)}};
  for (const char* field : {"format", "cadre", "fichier"}) {
    data[fmt::format("{}_problems", field)] = problems_of(problems, field);
    data[fmt::format("{}_invalid", field)] = fatal_in(problems, field);
  }
  return call.page("deposit-start", std::move(data), "deposit_title", status);
}

PortalReply start(PortalCall& call) {
  if (auto refusal = refuse_unless_supplier(call)) return *refusal;
  return start_page(call, "PDF", kDefaultCadre, {}, 200);
}

// "C:\dossier\facture.pdf" (an old browser) or "facture.pdf": "facture.pdf".
std::string base_name(const std::string& sent) {
  const auto slash = sent.find_last_of("/\\");
  return slash == std::string::npos ? sent : sent.substr(slash + 1);
}

PortalReply upload(PortalCall& call) {
  if (auto refusal = refuse_unless_supplier(call)) return *refusal;
  const std::string format = call.request.field("format");
  const std::string cadre = call.request.field("cadre");
  Problems problems;
  if (format != "PDF" && format != "XML") {
    problems["format"].push_back(form_problem(call.text("deposit_format_missing")));
  }
  if (std::ranges::find(chorus::kCadres, cadre) == chorus::kCadres.end()) {
    problems["cadre"].push_back(form_problem(call.text("deposit_cadre_missing")));
  }
  const auto sent = call.request.files.find("fichier");
  const UploadedFile* file = sent == call.request.files.end() ? nullptr : &sent->second;
  if (file == nullptr || file->content.empty()) {
    problems["fichier"].push_back(form_problem(call.text("deposit_file_missing")));
  } else if (file->content.size() > chorus::kMaxFileBytes) {
    problems["fichier"].push_back(form_problem(
        fmt::format(fmt::runtime(call.text("deposit_file_too_large")), chorus::kMaxFileMegabytes)));
  } else if (format == "PDF" && !file->content.starts_with("%PDF-")) {
    problems["fichier"].push_back(form_problem(call.text("deposit_file_not_pdf")));
  }
  if (has_fatal(problems)) return start_page(call, format, cadre, problems, 422);

  const std::string name = base_name(file->filename);
  const AccountRecord account = depositor_of(*call.user);
  const auto invoice = deposit::recognise(call.mock, name, file->content);
  if (format == "XML" && !invoice) {
    // Not an invoice the linter can read: say why, as the linter does.
    problems["fichier"].push_back(form_problem(call.text("deposit_file_not_invoice")));
    const auto check = deposit::check_file(call.mock, account, name, file->content, name);
    place(check.findings, true, call.lang, problems);
    return start_page(call, format, cadre, problems, 422);
  }
  const bool pdf = file->content.starts_with("%PDF-");
  const std::int64_t kept = deposit::keep(
      call.mock, account,
      {name, pdf ? "PDF" : "XML", pdf ? "application/pdf" : "application/xml", file->content});
  FormValues values = invoice
                          ? prefill(record_of(*invoice, account, *call.mock.catalogue()->directory,
                                              call.mock.now()),
                                    *invoice)
                          : defaults();
  values["nom"] = name;
  keep_draft(call, kDraft,
             {{"format", format},
              {"cadre", cadre},
              {"piece_jointe", kept},
              {"fichier", name},
              {"structure", invoice.has_value()},
              {"values", values},
              {"valide", false}});
  return PortalReply::see_other(kFormPath);
}

// ---- step 2: the form, Valider, Envoyer -------------------------------------

FormValues values_of(const Data& draft) {
  FormValues values;
  const Data kept = draft.value("values", Data::object());
  for (const auto& [name, value] : kept.items())
    values[name] = value.is_string() ? value.get<std::string>() : std::string();
  return values;
}

Data options_for(const PortalCall& call, std::string_view field, const std::string& value,
                 const FormValues& values) {
  Data options = Data::array();
  const auto coded = [&](auto codes) {
    for (std::string_view c : codes) {
      std::string key = fmt::format("deposit_opt_{}", c);
      std::ranges::transform(key, key.begin(), [](unsigned char ch) { return std::tolower(ch); });
      options.push_back(option(std::string(c), call.text(key), c == value));
    }
  };
  if (field == "type") coded(chorus::kTypesFacture);
  if (field == "type_tva") coded(chorus::kTypesTva);
  if (field == "mode_paiement") coded(chorus::kModesPaiement);
  if (field == "service") {
    // The active services of the recipient the SIRET names: the list follows
    // the SIRET each time the form is validated.
    options.push_back(option("", call.text("deposit_service_none"), value.empty()));
    bool listed = value.empty();
    const auto catalogue = call.mock.catalogue();
    const auto siret = values.find("siret");
    if (const auto* s =
            catalogue->directory->structure(siret == values.end() ? "" : siret->second)) {
      for (const auto& service : s->services) {
        if (!service.est_actif) continue;
        listed = listed || service.code_service == value;
        options.push_back(
            option(service.code_service,
                   fmt::format("{} — {}", service.code_service, service.libelle_service),
                   service.code_service == value));
      }
    }
    if (!listed) options.push_back(option(value, value, true));  // kept as typed in the file
  }
  return options;
}

PortalReply form_page(const PortalCall& call, const Data& draft, const FormValues& values,
                      const Problems& problems, bool validated, int status) {
  const bool structured = draft.value("structure", false);
  Data groups = Data::array();
  for (const char* group : {"destinataire", "references"}) {
    Data fields = Data::array();
    for (const FormField& f : form_fields()) {
      if (f.group != group) continue;
      const std::string name(f.name);
      const auto it = values.find(name);
      const std::string value = it == values.end() ? std::string() : it->second;
      Data options = options_for(call, name, value, values);
      Data field = {{"name", name},
                    {"label", call.text("deposit_field_" + name)},
                    {"value", value},
                    {"required", f.needed_with_file || (!structured && f.typed)},
                    {"date", name == "date"},
                    {"is_select", !options.empty()},
                    {"options", std::move(options)},
                    {"problems", problems_of(problems, name)},
                    {"has_problems", problems.contains(name)},
                    {"invalid", fatal_in(problems, name)}};
      if (name == "service") field["hint"] = call.text("deposit_service_hint");
      if (name == "nom") field["hint"] = call.text("deposit_name_hint");
      fields.push_back(std::move(field));
    }
    groups.push_back({{"legend", call.text(fmt::format("deposit_group_{}", group))},
                      {"fields", std::move(fields)}});
  }
  Data data = {{"file",
                {{"name", draft.value("fichier", "")},
                 {"format", draft.value("format", "")},
                 {"cadre", draft.value("cadre", "")},
                 {"structured", structured}}},
               {"groups", std::move(groups)},
               {"validated", validated}};
  data["summary"] = summary_of(call, problems);
  data["has_errors"] = !data["summary"].empty();
  data["warnings"] = loose_warnings(problems);
  data["has_warnings"] = !data["warnings"].empty();
  return call.page("deposit-form", std::move(data), "deposit_title", status);
}

// What the controls found and the request they checked.
struct Controls {
  Problems problems;
  std::string request;
  std::shared_ptr<const Invoice> file;  // the structured file read, else null
};

// The form's own checks, then (when they pass) the linter's rules on the
// file and, with `request_rules`, on the request. `values` come back as the
// request has them.
Controls run_controls(const PortalCall& call, const Data& draft, FormValues& values,
                      bool request_rules) {
  const bool structured = draft.value("structure", false);
  Controls c;
  c.problems = check_form(values, structured,
                          {call.text("deposit_required"), call.text("deposit_bad_amount"),
                           call.text("deposit_bad_date")});
  if (has_fatal(c.problems)) return c;
  const AccountRecord account = depositor_of(*call.user);
  const std::int64_t kept = draft.value("piece_jointe", std::int64_t{0});
  if (structured) {
    const std::string bytes = call.mock.store().attachment_file(kept);
    auto check =
        deposit::check_file(call.mock, account, draft.value("fichier", ""), bytes, values["nom"]);
    place(check.findings, true, call.lang, c.problems);
    c.file = std::move(check.invoice);
  }
  c.request = request_of(values, draft.value("cadre", kDefaultCadre), account.id_structure, kept,
                         c.file.get());
  if (request_rules) {
    place(deposit::check_request(call.mock, account, c.request, c.file), false, call.lang,
          c.problems);
  }
  return c;
}

PortalReply form(PortalCall& call) {
  if (auto refusal = refuse_unless_supplier(call)) return *refusal;
  const Data draft = draft_of(call, kDraft);
  if (!draft.is_object()) return PortalReply::see_other(kStartPath);
  FormValues values = values_of(draft);
  if (!draft.value("valide", false)) return form_page(call, draft, values, {}, false, 200);
  // Validated: shown with what the controls still say (warnings).
  const Controls c = run_controls(call, draft, values, true);
  return form_page(call, draft, values, c.problems, !has_fatal(c.problems), 200);
}

PortalReply send(PortalCall& call, Data draft, FormValues& values, Controls c) {
  deposit::Submission s;
  try {
    s = deposit::submit(call.mock, depositor_of(*call.user), c.request, c.file);
  } catch (const Refused& refused) {  // a request the API cannot read: the form's fault
    c.problems[""].push_back(form_problem(refused.reply().body.value("libelle", "")));
    return form_page(call, draft, values, c.problems, false, 422);
  }
  using Outcome = deposit::Submission::Outcome;
  switch (s.outcome) {
    case Outcome::Deposited:
      keep_draft(call, kDraft, nullptr);
      keep_draft(call, kCertificate,
                 {{"id", s.record.identifiant_facture_cpp},
                  {"numero", s.record.numero_facture},
                  {"destinataire", s.record.code_destinataire},
                  {"date", iso_datetime(s.record.date_depot)},
                  {"empreinte", s.certificate}});
      return PortalReply::see_other(kDonePath);
    case Outcome::Duplicate:
      c.problems["numero"].push_back(
          {fmt::format(fmt::runtime(call.text("deposit_duplicate")), s.duplicate_of), "REJ_UNI",
           true, false});
      break;
    case Outcome::UnknownAttachment:
      c.problems[""].push_back(form_problem(call.text("deposit_file_lost")));
      break;
    case Outcome::Refused:
    case Outcome::NotTheirs:
      place(s.findings, false, call.lang, c.problems);
      break;
  }
  draft["valide"] = false;
  keep_draft(call, kDraft, draft);
  return form_page(call, draft, values, c.problems, false, 422);
}

PortalReply validate_or_send(PortalCall& call) {
  if (auto refusal = refuse_unless_supplier(call)) return *refusal;
  Data draft = draft_of(call, kDraft);
  if (!draft.is_object()) return PortalReply::see_other(kStartPath);
  FormValues values = posted(call.request);
  const bool sending = call.request.field("action") == "envoyer";
  // Sending: deposit::submit runs the request's rules itself.
  Controls c = run_controls(call, draft, values, !sending);
  if (has_fatal(c.problems)) {
    draft["values"] = values;
    draft["valide"] = false;
    keep_draft(call, kDraft, draft);
    return form_page(call, draft, values, c.problems, false, 422);
  }
  draft["values"] = values;
  if (sending) return send(call, std::move(draft), values, std::move(c));
  draft["valide"] = true;
  keep_draft(call, kDraft, draft);
  return PortalReply::see_other(kFormPath);
}

// ---- the certificate --------------------------------------------------------

PortalReply certificate(PortalCall& call) {
  if (auto refusal = refuse_unless_supplier(call)) return *refusal;
  Data certificate = draft_of(call, kCertificate);
  if (!certificate.is_object()) return PortalReply::see_other("/portail/factures/emises");
  return call.page("deposit-done", {{"certificate", std::move(certificate)}}, "deposit_done_title");
}

}  // namespace

std::vector<PortalRoute> deposit_routes() {
  return {{"GET", "/portail/factures/deposer", start},
          {"POST", "/portail/factures/deposer", upload},
          {"GET", "/portail/factures/deposer/saisie", form},
          {"POST", "/portail/factures/deposer/saisie", validate_or_send},
          {"GET", "/portail/factures/deposer/certificat", certificate}};
}

}  // namespace cprokit::mock::portal
