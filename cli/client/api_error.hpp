// What failed in a call to the Chorus Pro API, said in French and in
// English: the transport (no answer), the HTTP status, or Chorus Pro's own
// refusal (codeRetour and libelle). Credentials never appear in it.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "cli/client/transport.hpp"
#include "rules/finding.hpp"

namespace cprokit::client {

enum class ApiFailure {
  Transport,       // no answer (not reached, timed out, dropped, certificate)
  Authentication,  // PISTE or the cpro-account refused (401, 403, token refused)
  Server,          // the server failed (5xx, 429) after every attempt
  Refused,         // Chorus Pro said no (4xx with codeRetour/libelle): the request is at fault
  BadAnswer,       // an answer that is not the JSON the API sends
};

class ApiError : public std::runtime_error {
 public:
  ApiError(ApiFailure failure, std::string path, Message message, int status = 0,
           std::optional<int> code_retour = std::nullopt, std::string libelle = {});

  ApiFailure failure() const { return failure_; }
  const std::string& path() const { return path_; }  // "structures/v1/rechercher"
  int status() const { return status_; }             // 0: no HTTP answer
  const std::optional<int>& code_retour() const { return code_retour_; }
  const std::string& libelle() const { return libelle_; }
  const Message& message() const { return message_; }

 private:
  ApiFailure failure_;
  std::string path_;
  Message message_;
  int status_;
  std::optional<int> code_retour_;
  std::string libelle_;
};

// "HTTP 503", "pas de connexion" / "no connection"…: what an answer was,
// for messages.
Message describe(const HttpResponse& response);

}  // namespace cprokit::client
