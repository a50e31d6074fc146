// What the mock answers: an HTTP status and a JSON body, in the Chorus Pro
// envelope ({codeRetour, libelle, …}) or, for PISTE's auth, in OAuth's
// ({error, error_description}); and the ways a call is refused. The bottom
// of the mock: the server, the handlers, the gate and the flux worker all
// speak through it.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock-chorus/wire/reply_fwd.hpp"

namespace cprokit::mock {

struct Reply {
  int status = 200;
  Json body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// codeRetour values (../shared/chorus-pro/API.md §3.9). Only 0, 20001 and
// 20003 are known from the real API; the mock uses 20001 for every
// functional error, and the libelle says which.
inline constexpr int kCodeOk = 0;
inline constexpr int kCodeFunctionalError = 20001;
inline constexpr int kCodeAttachmentTooLarge = 20003;
inline constexpr const char* kLibelleOk = "TRA_MSG_00.000";

// 200 with codeRetour 0 and libelle TRA_MSG_00.000 first, then `fields`.
Reply ok(const Json& fields = Json::object());

// A functional error, as the mock answers it: HTTP `status` (400 unless
// said otherwise) and {codeRetour, libelle}. The libelle is French, then
// " / " and English, and names the field in question.
Reply functional_error(std::string libelle_fr, const std::string& libelle_en, int status = 400,
                       int code = kCodeFunctionalError);

// Thrown by handlers to answer with `reply` at once (a bad field, a refusal).
class Refused : public std::exception {
 public:
  explicit Refused(Reply reply) : reply_(std::move(reply)) {}
  const Reply& reply() const { return reply_; }
  const char* what() const noexcept override { return "request refused"; }

 private:
  Reply reply_;
};

// Throws Refused with functional_error(...).
[[noreturn]] void refuse(std::string libelle_fr, const std::string& libelle_en, int status = 400,
                         int code = kCodeFunctionalError);

// An OAuth error as PISTE answers it (RFC 6749 §5.2, RFC 6750 §3): HTTP
// `status`, {error, error_description}, and a WWW-Authenticate challenge
// with a 401.
Reply oauth_error(int status, std::string_view error, std::string_view description);

}  // namespace cprokit::mock
