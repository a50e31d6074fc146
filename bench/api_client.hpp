// What the mock's bench programs send: one keep-alive HTTP connection per
// client, the demo directory's PISTE client and technical account
// (fixtures/directory/matheysine.json), deposit bodies made from one invoice.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cprokit::bench {

// The demo directory: its PISTE client, and the technical account of the
// supplier of fixtures/invoices/chorus/invoice-chorus-ok.xml.
inline constexpr std::string_view kClientId = "cprokit-demo-client";
inline constexpr std::string_view kClientSecret = "cprokit-demo-secret-not-a-real-one";
inline constexpr std::string_view kLogin = "TECH_25000103@cprokit.invalid";
inline constexpr std::string_view kPassword = "demo-mot-de-passe-alpine";
inline constexpr std::int64_t kSupplier = 25000103;                 // that account's structure
inline constexpr std::int64_t kConsulted = 25000001;                // a structure of that directory
inline constexpr std::string_view kFixtureNumber = "FA-2026-0042";  // replaced per deposit

inline constexpr std::string_view kConsulter = "/cpro/structures/v1/consulter";
inline constexpr std::string_view kDeposerFlux = "/cpro/factures/v1/deposer/flux";
inline constexpr std::string_view kDeposerPdf = "/cpro/factures/v1/deposer/pdf";
inline constexpr std::string_view kSoumettre = "/cpro/factures/v1/soumettre";
inline constexpr std::string_view kRechercher = "/cpro/factures/v1/rechercher/fournisseur";

struct Answer {
  int status = 0;    // 0: no HTTP answer
  std::string body;  // or, without an answer, the transport error
};
std::string describe(const Answer& a);

// One client: one keep-alive connection to the mock. With a `bearer`, every
// call carries the API headers (the token and the technical account); without
// one (the token call), none.
class Connection {
 public:
  Connection(int port, const std::string& bearer, int read_timeout_s = 60);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  Answer post(std::string_view path, const std::string& json);
  Answer post_form(std::string_view path, const std::string& form);
  Answer get(std::string_view path);

 private:
  // httplib's client and headers stay in api_client.cpp: <httplib.h> is
  // heavy (about 7 s of clang-tidy a file that reaches it).
  struct Http;
  std::unique_ptr<Http> http_;
};

// A PISTE token of the demo client; throws std::runtime_error without one.
std::string token(int port);

// The fixture invoice with its number replaced.
class Renumbered {
 public:
  explicit Renumbered(const std::string& xml);  // throws when it holds no kFixtureNumber
  std::string xml(std::string_view number) const;

 private:
  std::vector<std::string> parts_;
};

// A deposer/flux body for `xml` (UBL).
std::string flux_body(const std::string& xml);

// The nearest-rank percentile `p` of sorted values (0 when there are none).
double nearest_rank(const std::vector<double>& sorted, double p);

}  // namespace cprokit::bench
