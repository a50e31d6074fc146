// What the server knows of the parties an invoice names: its buyer (the
// structure, its parametres, its services, the invoice's engagement and,
// when the buyer does not hold it, the structure that does), its supplier
// and the structure the technical account deposits for. The answers become
// the directory and the depositor of the pre-flight lint.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "cli/client/chorus_client.hpp"
#include "rules/chorus/depositor.hpp"
#include "rules/chorus/directory.hpp"

namespace cprokit::client {

// What the invoice says of its routing (BT-1, BT-47, BT-30, BT-13, BT-10);
// empty when absent.
struct InvoiceFacts {
  std::string number;
  std::string buyer_siret;
  std::string seller_siret;
  std::string engagement;
  std::string service_code;
};

struct Parties {
  std::shared_ptr<const chorus::Directory> directory;
  std::shared_ptr<const chorus::Depositor> depositor;  // null: the account has no structure
};

// Asks the server (idempotent calls, retried); throws ApiError.
Parties look_up_parties(ChorusClient& client, const InvoiceFacts& facts,
                        CallStats* stats = nullptr);

}  // namespace cprokit::client
