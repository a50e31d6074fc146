#include "cli/client/api_error.hpp"

#include <fmt/core.h>

namespace cprokit::client {

ApiError::ApiError(ApiFailure failure, std::string path, Message message, int status,
                   std::optional<int> code_retour, std::string libelle)
    : std::runtime_error(message.en),
      failure_(failure),
      path_(std::move(path)),
      message_(std::move(message)),
      status_(status),
      code_retour_(code_retour),
      libelle_(std::move(libelle)) {}

Message describe(const HttpResponse& response) {
  switch (response.failure) {
    case TransportFailure::None:
      return {fmt::format("HTTP {}", response.status), fmt::format("HTTP {}", response.status)};
    case TransportFailure::NotSent:
      return {fmt::format("pas de connexion ({})", response.detail),
              fmt::format("no connection ({})", response.detail)};
    case TransportFailure::Certificate:
      return {fmt::format("certificat du serveur refusé ({})", response.detail),
              fmt::format("server certificate refused ({})", response.detail)};
    case TransportFailure::Timeout:
      return {"pas de réponse dans le délai", "no answer in time"};
    case TransportFailure::Dropped:
      return {fmt::format("connexion coupée avant la fin de la réponse ({})", response.detail),
              fmt::format("connection closed before the whole answer ({})", response.detail)};
    case TransportFailure::Truncated:
      return {"réponse tronquée (pas un JSON entier)", "truncated answer (not whole JSON)"};
  }
  return {"?", "?"};
}

}  // namespace cprokit::client
