#include "cli/serve/handlers.hpp"

#include <httplib.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <exception>
#include <future>
#include <iostream>
#include <optional>
#include <sstream>
#include <utility>

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "cli/report/catalogue.hpp"
#include "cli/run_info.hpp"
#include "mock-chorus/http/guarded_server.hpp"
#include "mock-chorus/listen.hpp"
#include "rules/catalogue/catalogue.hpp"

namespace cprokit::cli::serve {
namespace {

using Clock = std::chrono::steady_clock;

// When the request being answered on this thread began (its head read);
// zero between requests.
thread_local Clock::time_point request_start;

constexpr std::array<std::string_view, 4> kLintParameters{"profile", "lang", "format", "name"};

// The error answer: {"error": {"status", "fr", "en"}}, both languages, as
// the client's language is not known when its parameters are wrong.
void send_error(httplib::Response& res, int status, const Message& message) {
  res.status = status;
  const nlohmann::ordered_json body = {
      {"error", {{"status", status}, {"fr", message.fr}, {"en", message.en}}}};
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                  "application/json; charset=utf-8");
}

void send_unavailable(httplib::Response& res, const Message& message) {
  send_error(res, 503, message);
  res.set_header("Retry-After", "1");
}

const Message kDraining{"Service en cours d'arrêt : renvoyez le document (à une autre instance).",
                        "Service shutting down: send the document again (to another instance)."};

std::string_view content_type(std::string_view format) {
  if (format == "json") return "application/json; charset=utf-8";
  if (format == "jsonl") return "application/x-ndjson; charset=utf-8";
  if (format == "sarif") return "application/sarif+json; charset=utf-8";
  if (format == "junit" || format == "svrl") return "application/xml; charset=utf-8";
  if (format == "html") return "text/html; charset=utf-8";
  return "text/plain; charset=utf-8";
}

// The size the head announces; a chunked body announces none.
std::optional<std::uint64_t> announced_size(const httplib::Request& req) {
  if (!req.has_header("Content-Length")) return std::nullopt;
  return req.get_header_value<std::uint64_t>("Content-Length");
}

// The lint parameters, checked: the first problem, if any.
std::optional<Message> parameter_problem(const httplib::Request& req) {
  for (const auto& [key, value] : req.params) {
    if (std::find(kLintParameters.begin(), kLintParameters.end(), key) == kLintParameters.end()) {
      return Message{fmt::format("Paramètre inconnu « {} » : profile, lang, format et name "
                                 "sont acceptés.",
                                 key),
                     fmt::format("Unknown parameter \"{}\": profile, lang, format and name are "
                                 "accepted.",
                                 key)};
    }
  }
  if (req.has_param("lang")) {
    const std::string lang = req.get_param_value("lang");
    if (lang != "fr" && lang != "en") {
      return Message{fmt::format("lang : « {} » inconnu, attendu fr ou en.", lang),
                     fmt::format("lang: unknown \"{}\", expected fr or en.", lang)};
    }
  }
  if (req.has_param("format")) {
    const std::string format = req.get_param_value("format");
    const auto known = report::format_names();
    if (std::find(known.begin(), known.end(), format) == known.end()) {
      std::string names;
      for (const auto name : known)
        names += (names.empty() ? "" : ", ") + std::string(name);
      return Message{fmt::format("format : « {} » inconnu, attendu l'un de : {}.", format, names),
                     fmt::format("format: unknown \"{}\", expected one of: {}.", format, names)};
    }
  }
  return std::nullopt;
}

Message unknown_profile(const std::string& name) {
  std::string names;
  for (const auto& p : catalogue::builtin().profiles())
    names += (names.empty() ? "" : ", ") + p.name;
  return {fmt::format("profile : « {} » inconnu, attendu l'un de : {}.", name, names),
          fmt::format("profile: unknown \"{}\", expected one of: {}.", name, names)};
}

// GET /v1/rules: the catalogue as `cprokit rules --format json` writes it;
// without a profile, every rule (BR-FR included, which `all` leaves out).
void answer_rules(const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.has_param("profile") ? req.get_param_value("profile") : "";
  const Registry& registry = catalogue::builtin();
  const Profile* profile = name.empty() ? nullptr : registry.profile(name);
  if (!name.empty() && profile == nullptr) {
    send_error(res, 400, unknown_profile(name));
    return;
  }
  std::vector<const Rule*> selected;
  for (const Rule& rule : registry.rules()) {
    if (profile == nullptr || profile->includes(rule)) selected.push_back(&rule);
  }
  std::ostringstream out;
  report::write_catalogue_json(out, selected, CPROKIT_VERSION, name);
  res.set_content(out.str(), "application/json; charset=utf-8");
}

// A lint request in flight, counted for as long as it lives.
class InFlight {
 public:
  explicit InFlight(Metrics& metrics) : metrics_(metrics) { metrics_.enter(); }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;
  ~InFlight() { metrics_.leave(); }

 private:
  Metrics& metrics_;
};

mock::http::ServerLimits server_limits(const ServeOptions& options) {
  mock::http::ServerLimits limits;
  limits.request_timeout = options.request_timeout;
  return limits;
}

}  // namespace

Service::Service(const ServeOptions& options, Judging judging)
    : options_(options),
      judging_(std::move(judging)),
      slots_(options.max_concurrent, options.queue),
      http_(std::make_unique<mock::http::GuardedServer>(server_limits(options))) {
  judging_.lint.max_bytes = options_.max_body;
  for (const auto& profile : catalogue::builtin().profiles()) {
    LintOptions lint = judging_.lint;
    lint.profile = profile.name;
    RunChoices choices;
    choices.profile = profile.name;
    choices.code_lists = bool(lint.code_lists);
    choices.no_codelists = judging_.no_codelists;
    choices.directory = judging_.directory;
    choices.max_bytes = options_.max_body;
    Profiled p{std::make_unique<Linter>(lint, judging_.xsd),
               make_run_info(choices, judging_.xsd, judging_.references, Lang::Fr)};
    profiles_.emplace(profile.name, std::move(p));
  }
  http_->set_keep_alive_max_count(1000);
  // httplib writes head and body in two sends: without this, each answer
  // waits for the client's delayed ACK (about 40 ms).
  http_->set_tcp_nodelay(true);
  http_->set_socket_options(mock::set_listen_options);  // a port in use is refused
  // Bounds a chunked body too, whose size no head announces.
  http_->set_payload_max_length(options_.max_body);
  http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    request_start = Clock::now();
    return refused_before_body(req, res) ? httplib::Server::HandlerResponse::Handled
                                         : httplib::Server::HandlerResponse::Unhandled;
  });
  // A client that asks before sending its body (curl does above 1 MB) gets
  // the refusal instead of "100 Continue".
  http_->set_expect_100_continue_handler(
      [this](const httplib::Request& req, httplib::Response& res) {
        request_start = Clock::now();
        return refused_before_body(req, res) ? res.status : 100;
      });
  http_->set_error_handler([max_body = options_.max_body](const httplib::Request& req,
                                                          httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404) {
      send_error(res, 404,
                 {fmt::format("Chemin inconnu : {} (POST /v1/lint, GET /v1/rules, /healthz, "
                              "/readyz, /metrics).",
                              req.path),
                  fmt::format("Unknown path: {} (POST /v1/lint, GET /v1/rules, /healthz, "
                              "/readyz, /metrics).",
                              req.path)});
    } else if (res.status == 413) {
      send_error(res, 413,
                 {fmt::format("Corps de requête trop volumineux : {} octets au plus (--max-body "
                              "du service).",
                              max_body),
                  fmt::format("Request body too large: {} bytes at most (the service's "
                              "--max-body).",
                              max_body)});
    } else {
      send_error(res, res.status, {"Requête HTTP invalide.", "Invalid HTTP request."});
    }
  });
  http_->set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, const std::exception_ptr& e) {
        std::cerr << "cprokit serve: " << req.path << ": " << mock::http::GuardedServer::describe(e)
                  << '\n';
        send_error(res, 500, {"Erreur interne du service.", "Internal service error."});
      });
  http_->set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    // A request httplib refused before routing it (a bad request line) had
    // no start noted: it took no time worth a bucket.
    const double seconds =
        request_start == Clock::time_point{}
            ? 0.0
            : std::chrono::duration<double>(Clock::now() - request_start).count();
    request_start = {};
    metrics_.request(req.path, res.status, seconds);
    mock::http::GuardedServer::honour_connection_close(res);
  });
  add_routes();
}

Service::~Service() {
  stop();
}

int Service::bind(const std::string& host, int port) {
  const int bound =
      port == 0 ? http_->bind_to_any_port(host) : (http_->bind_to_port(host, port) ? port : -1);
  if (bound < 0) throw mock::listen_error(host, port);
  mock::widen_backlog(bound);
  return bound;
}

void Service::run() {
  http_->listen_after_bind();
}

void Service::stop() {
  if (http_) http_->stop();
}

bool Service::refused_before_body(const httplib::Request& req, httplib::Response& res) {
  if (req.path != "/v1/lint" || req.method != "POST") return false;
  if (draining_) {
    send_unavailable(res, kDraining);
  } else if (const auto size = announced_size(req); size && *size > options_.max_body) {
    send_error(res, 413,
               {fmt::format("Document trop volumineux : {} octets annoncés, {} au plus "
                            "(--max-body du service).",
                            *size, options_.max_body),
                fmt::format("Document too large: {} bytes announced, {} at most (the service's "
                            "--max-body).",
                            *size, options_.max_body)});
  } else {
    return false;
  }
  res.set_header("Connection", "close");  // its body is not read
  return true;
}

void Service::add_routes() {
  http_->Post("/v1/lint",
              [this](const httplib::Request& req, httplib::Response& res,
                     const httplib::ContentReader& read_body) { lint(req, res, read_body); });
  http_->Get("/v1/rules", answer_rules);
  http_->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok\n", "text/plain; charset=utf-8");
  });
  http_->Get("/readyz", [this](const httplib::Request&, httplib::Response& res) {
    if (draining_) {
      res.status = 503;
      res.set_content("draining\n", "text/plain; charset=utf-8");
    } else {
      res.set_content("ready\n", "text/plain; charset=utf-8");
    }
  });
  http_->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(metrics_.text(slots_.busy()), "text/plain; version=0.0.4; charset=utf-8");
  });
}

void Service::lint(const httplib::Request& req, httplib::Response& res,
                   const httplib::ContentReader& read_body) {
  if (auto problem = parameter_problem(req)) {
    send_error(res, 400, *problem);
    return;
  }
  const std::string profile_name =
      req.has_param("profile") ? req.get_param_value("profile") : "all";
  const auto found = profiles_.find(profile_name);
  if (found == profiles_.end()) {
    send_error(res, 400, unknown_profile(profile_name));
    return;
  }
  const Profiled& profiled = found->second;
  const Lang lang = req.get_param_value("lang") == "en" ? Lang::En : Lang::Fr;
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
  const std::string name = req.get_param_value("name");

  // The document: the body, or the multipart's "document" part. Read here
  // rather than by httplib, which would take a form-encoded body (curl's
  // default type) for parameters, and refuse it over 8 kB.
  std::string body;
  std::map<std::string, httplib::MultipartFormData, std::less<>> parts;
  std::string part_name;  // of the part being read
  const bool multipart = req.is_multipart_form_data();
  const bool complete = multipart ? read_body(
                                        [&](const httplib::MultipartFormData& part) {
                                          part_name = part.name;
                                          parts[part_name] = part;
                                          return true;
                                        },
                                        [&](const char* data, std::size_t size) {
                                          parts[part_name].content.append(data, size);
                                          return true;
                                        })
                                  : read_body([&](const char* data, std::size_t size) {
                                      body.append(data, size);
                                      return true;
                                    });
  if (!complete) {
    if (res.status < 400) res.status = 400;  // httplib set 413 for a body over the limit
    return;
  }
  std::string path = "-";  // as `cprokit lint -` names standard input
  std::shared_ptr<const Invoice> invoice;
  std::string with;  // the invoice part's file name, for the reports' options
  if (multipart) {
    const auto document = parts.find("document");
    if (document == parts.end()) {
      send_error(res, 415,
                 {"Formulaire multipart sans partie « document » : envoyez le document dans "
                  "une partie nommée document (et, pour une demande de dépôt, sa facture dans "
                  "une partie invoice).",
                  "Multipart form without a \"document\" part: send the document in a part "
                  "named document (and, for a deposit request, its invoice in a part named "
                  "invoice)."});
      return;
    }
    if (!document->second.filename.empty()) path = document->second.filename;
    if (const auto part = parts.find("invoice"); part != parts.end()) {
      LintedDocument reading;
      std::optional<Invoice> read = profiled.linter->read_invoice(part->second.content, reading);
      if (!read) {
        const Finding* why = reading.findings.empty() ? nullptr : &reading.findings.front();
        const std::string rule = why != nullptr ? why->rule : "";
        send_error(res, 400,
                   {fmt::format("Partie « invoice » : pas une facture lisible : {} {}", rule,
                                why != nullptr ? why->message.fr : ""),
                    fmt::format("Part \"invoice\": not a readable invoice: {} {}", rule,
                                why != nullptr ? why->message.en : "")});
        return;
      }
      invoice = std::make_shared<const Invoice>(std::move(*read));
      with = part->second.filename;
      if (with.empty()) with = "invoice";
    }
  }
  // Counted before draining_ is read: the drain, which sets draining_ then
  // waits for no request in flight, either sees this one or is seen by it.
  const InFlight in_flight(metrics_);
  if (draining_) {
    send_unavailable(res, kDraining);
    return;
  }

  // Linted on a slot; this thread waits no longer than the deadline, and a
  // lint past it ends on its own (linear in --max-body) and frees its slot.
  const auto deadline = Clock::now() + options_.document_timeout;
  auto outcome = std::make_shared<std::promise<std::optional<LintedDocument>>>();
  std::future<std::optional<LintedDocument>> done = outcome->get_future();
  std::string document =
      multipart ? std::move(parts.find("document")->second.content) : std::move(body);
  const bool accepted = slots_.submit(
      [this, outcome, &profiled, bytes = std::move(document), path, name, invoice](bool expired) {
        if (expired) {
          outcome->set_value(std::nullopt);
          return;
        }
        try {
          LintedDocument doc = (name.empty() && !invoice)
                                   ? profiled.linter->lint(path, bytes)
                                   : profiled.linter->for_deposit(name, invoice).lint(path, bytes);
          metrics_.document(doc);
          outcome->set_value(std::move(doc));
        } catch (...) {
          outcome->set_exception(std::current_exception());
        }
      },
      deadline);
  if (!accepted) {
    metrics_.queue_rejection();
    send_unavailable(
        res, {fmt::format("Service occupé : {} documents en cours et {} en attente ; "
                          "renvoyez-le dans un instant.",
                          options_.max_concurrent, options_.queue),
              fmt::format("Service busy: {} documents in progress and {} waiting; send it again "
                          "in a moment.",
                          options_.max_concurrent, options_.queue)});
    return;
  }
  std::optional<LintedDocument> doc;
  if (done.wait_until(deadline) == std::future_status::ready) doc = done.get();
  if (!doc) {
    const double seconds = std::chrono::duration<double>(options_.document_timeout).count();
    send_error(res, 504,
               {fmt::format("Document non vérifié en {} s (--document-timeout du service, "
                            "attente comprise) : renvoyez-le plus tard ou à une instance moins "
                            "chargée.",
                            seconds),
                fmt::format("Document not checked within {} s (the service's "
                            "--document-timeout, waiting included): send it again later or to "
                            "a less busy instance.",
                            seconds)});
    return;
  }

  report::RunInfo run = profiled.run;
  run.started = utc_now();
  run.lang = lang;
  for (auto& [key, value] : run.options) {
    if (key == "name") value = name;
    if (key == "with" && invoice) value = with;
  }
  std::ostringstream out;
  const auto writer = report::make_writer(format, out, false);
  writer->begin(run);
  writer->document(*doc);
  report::Summary summary;
  summary.add(*doc);
  writer->end(summary);
  res.set_content(out.str(), std::string(content_type(format)));
}

}  // namespace cprokit::cli::serve
