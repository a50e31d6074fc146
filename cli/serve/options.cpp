#include "cli/serve/options.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string_view>
#include <thread>

#include <fmt/core.h>

#include <boost/program_options.hpp>

#include "cli/arguments.hpp"
#include "cli/user_error.hpp"

namespace cprokit::cli::serve {
namespace {

namespace po = boost::program_options;

constexpr std::string_view kExamples = R"(
Exemples / examples:
  cprokit serve                                  sur / on http://127.0.0.1:8080
  cprokit serve --bind 0.0.0.0 --schemas /srv/xsd --max-concurrent 4
  cprokit serve --port 0                         un port libre, dit sur la 1re ligne /
                                                 any free port, told on the first line
  curl --data-binary @facture.xml 'http://127.0.0.1:8080/v1/lint?lang=en'
  curl -F document=@depot.json -F invoice=@facture.xml http://127.0.0.1:8080/v1/lint

Points d'accès / endpoints:
  POST /v1/lint    le document en corps, ou multipart (document, invoice) ; paramètres
                   profile, lang, format, name ; répond le rapport de `cprokit lint`
                   pour ce document / the document as the body, or multipart
                   (document, invoice); answers `cprokit lint`'s report for it
  GET  /v1/rules   le catalogue (`cprokit rules --format json`), paramètre profile
  GET  /healthz    200 tant que le processus vit / while alive
  GET  /readyz     200 quand prêt, 503 pendant l'arrêt / when ready, 503 while stopping
  GET  /metrics    métriques Prometheus / Prometheus metrics

Limites / limits: 413 au-delà de --max-body (refusé sur Content-Length, corps non
lu) ; 503 + Retry-After quand --max-concurrent documents sont en cours et --queue
attendent, ou pendant l'arrêt ; 504 quand un document dépasse --document-timeout.
SIGTERM ou Ctrl-C : /readyz passe à 503, les documents en cours sont finis puis le
serveur s'arrête (code 0). / 413 over --max-body (refused from Content-Length, body
unread); 503 + Retry-After when the slots and the queue are full, or while stopping;
504 when a document takes over --document-timeout. SIGTERM or Ctrl-C: /readyz turns
503, the documents in progress are finished, then the server stops (exit 0).

Codes de sortie / exit codes:
  0  arrêté par Ctrl-C ou SIGTERM / stopped by Ctrl-C or SIGTERM
  2  usage incorrect, fichier illisible, port déjà utilisé / usage error, unreadable
     file, port in use
)";

std::int64_t parse_count(std::string_view option, const std::string& text, std::int64_t low,
                         std::int64_t high) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    throw UserError(
        {fmt::format("--{} : « {} » n'est pas un entier de {} à {}", option, text, low, high),
         fmt::format("--{}: \"{}\" is not an integer from {} to {}", option, text, low, high)});
  }
  return value;
}

// Seconds, decimals allowed ("0.5"), from `low` to `high`.
std::chrono::milliseconds parse_seconds(std::string_view option, const std::string& text,
                                        double low, double high) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !(value >= low && value <= high)) {
    throw UserError(
        {fmt::format("--{} : « {} » n'est pas une durée de {} à {} s", option, text, low, high),
         fmt::format("--{}: \"{}\" is not a duration from {} to {} s", option, text, low, high)});
  }
  return std::chrono::milliseconds(static_cast<std::int64_t>(value * 1000));
}

}  // namespace

std::optional<ServeOptions> parse_serve_options(const std::vector<std::string>& argv) {
  ServeOptions o;
  std::string lang = "fr";
  std::string port = "8080";
  std::string max_body = std::to_string(o.max_body);
  std::string document_timeout = "10";
  std::string max_concurrent;  // empty: one per core
  std::string queue;           // empty: 4 × max-concurrent
  std::string request_timeout = "30";
  po::options_description d("cprokit serve [options]\n\nOptions");
  d.add_options()("help,h", "cette aide / this help")(
      "lang,l", po::value(&lang)->default_value(lang),
      "langue des messages de la commande / language of the command's messages: fr | en")(
      "bind", po::value(&o.bind)->default_value(o.bind), "adresse d'écoute / address to listen on")(
      "port", po::value(&port)->default_value(port),
      "port TCP (0 : un port libre / any free port)")(
      "schemas", po::value<std::string>(), "dossier des schémas XSD / folder of the XSD schemas")(
      "no-xsd", po::bool_switch(&o.no_xsd), "sans validation XSD / skip XSD validation")(
      "codelists", po::value<std::string>(),
      "listes de codes des règles BR-CL (JSON, voir README) / code lists of the BR-CL rules")(
      "no-codelists", po::bool_switch(&o.no_codelists), "sans règles BR-CL / skip the BR-CL rules")(
      "directory,d", po::value<std::string>(),
      "annuaire des structures Chorus Pro (JSON, voir README) / Chorus Pro structure directory")(
      "max-body", po::value(&max_body)->default_value(max_body),
      "corps de requête le plus grand, en octets (--max-bytes de lint) / largest request body, "
      "bytes (lint's --max-bytes)")(
      "document-timeout", po::value(&document_timeout)->default_value(document_timeout),
      "temps maximal d'un document, attente comprise, en secondes (décimales permises) ; au-delà : "
      "504 / longest time for a document, waiting included, seconds (decimals allowed); past "
      "it: 504")("max-concurrent", po::value(&max_concurrent),
                 "documents vérifiés à la fois (défaut : un par cœur) / documents linted at once "
                 "(default: one per core)")(
      "queue", po::value(&queue),
      "documents en attente d'un fil au plus (défaut : 4 × --max-concurrent) ; au-delà : 503 / "
      "documents waiting for a thread at most (default: 4 × --max-concurrent); beyond: 503")(
      "request-timeout", po::value(&request_timeout)->default_value(request_timeout),
      "délai pour recevoir une requête entière, en secondes ; au-delà : 408 / time to receive "
      "a whole request, seconds; past it: 408");
  po::variables_map vm;
  std::vector<std::string> positionals;
  if (!parse_arguments(argv, d, positionals, kExamples, vm)) return std::nullopt;
  o.lang = parse_lang(lang);
  if (!positionals.empty()) {
    throw UserError(
        {fmt::format("argument en trop : « {} » (serve n'en prend aucun)", positionals.front()),
         fmt::format("unexpected argument \"{}\" (serve takes none)", positionals.front())});
  }
  if (vm.count("schemas") != 0) o.schemas = vm["schemas"].as<std::string>();
  if (vm.count("codelists") != 0) o.codelists = vm["codelists"].as<std::string>();
  if (vm.count("directory") != 0) o.directory = vm["directory"].as<std::string>();
  o.port = static_cast<int>(parse_count("port", port, 0, 65535));
  o.max_body =
      static_cast<std::size_t>(parse_count("max-body", max_body, 1, std::int64_t{1} << 40));
  o.document_timeout = parse_seconds("document-timeout", document_timeout, 0.001, 3600);
  o.request_timeout =
      std::chrono::seconds(parse_count("request-timeout", request_timeout, 1, 3600));
  o.max_concurrent =
      max_concurrent.empty()
          ? std::max(1U, std::thread::hardware_concurrency())
          : static_cast<std::size_t>(parse_count("max-concurrent", max_concurrent, 1, 256));
  o.queue = queue.empty() ? 4 * o.max_concurrent
                          : static_cast<std::size_t>(parse_count("queue", queue, 0, 100'000));
  return o;
}

}  // namespace cprokit::cli::serve
