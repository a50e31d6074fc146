// The notice's story, walked against a Chorus Pro mock as a new supplier
// walks it: an account made on the portal, its workspaces, its activation
// by mail, the sign-in, a technical account for the API, then through the
// API a valid invoice deposited and followed to MISE_EN_PAIEMENT, and an
// invoice with the engagement of another budget, which must be rejected.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli/rehearse/steps.hpp"

namespace cprokit::cli::rehearse {

struct StoryOptions {
  std::string server;       // "http://127.0.0.1:8080"
  std::string token_url;    // empty: server + "/api/oauth/token"
  std::string admin_token;  // the mock's X-Mock-Admin: its outbox, its scenarios
  std::string client_id;    // the PISTE application the API steps use
  std::string client_secret;
  std::filesystem::path work_dir;  // where the story's invoices are written
  int payment_seconds = 1;         // MISE_EN_PAIEMENT this long after MISE_A_DISPOSITION
  int wait_seconds = 60;           // the longest wait for a state or status
};

// The steps, in order; they share what the earlier ones made (the account,
// the technical account's credentials, the invoices' ids) through state the
// returned steps own.
std::vector<Step> story_steps(const StoryOptions& options);

}  // namespace cprokit::cli::rehearse
