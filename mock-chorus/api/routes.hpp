// The mock's API as a list of routes: each group of the real API (factures,
// transverses, structures, utilisateurs, engagementsJuridiques) gives its
// own; the server puts the gate (token and cpro-account) in front of them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "mock-chorus/api/criteria.hpp"
#include "mock-chorus/mock.hpp"
#include "mock-chorus/wire/body.hpp"
#include "mock-chorus/wire/dates.hpp"
#include "mock-chorus/wire/reply.hpp"

namespace cprokit::mock {

class Worker;

// One admitted call: its body, the technical account it acts as, the mock.
struct Call {
  Fields fields;
  const AccountRecord& account;
  Mock& mock;
  Worker& worker;
  std::string_view raw_body;  // the request body as received
};

struct Route {
  std::string path;  // "/cpro/structures/v1/rechercher"
  std::function<Reply(const Call&)> handler;
};

std::vector<Route> structures_routes();
std::vector<Route> utilisateurs_routes();  // with engagementsJuridiques
std::vector<Route> transverses_routes();
std::vector<Route> factures_routes();

// Pagination shared by the search operations: the request's page and size
// (within 1..max; 0 or absent: the first page, the default size), and the
// answer's parametresRetour.
struct Page {
  std::int64_t number = 1;
  std::int64_t size = 100;
};
Page page_of(const Criteria& parametres, std::int64_t default_size, std::int64_t max_size);
Json parametres_retour(const Page& page, std::int64_t total);

}  // namespace cprokit::mock
