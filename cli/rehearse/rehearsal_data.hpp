// What a rehearsal needs where no fixture folder is (an installed binary):
// the demo directory its private mock serves and the invoice its story
// deposits, compiled in from fixtures/ by scripts/embed_text.cmake.
#pragma once

#include <span>
#include <string_view>

#include "validators/directory/directory_file.hpp"

namespace cprokit::cli::rehearse {

struct Asset {
  std::string_view name;  // the fixture's file name
  std::string_view text;
};

std::span<const Asset> rehearsal_data();  // generated

// fixtures/directory/matheysine.json: the structures, the PISTE client.
std::string_view demo_directory();
// Its PISTE application, which the story's API calls use unless told another.
directory::PisteClient demo_client();
// fixtures/invoices/chorus/eng-03-other-budget.xml: Menuiserie Alpine's
// invoice to the transport budget (20004065700054) with an engagement of
// the main budget (BC2026-000123).
std::string_view invoice_template();

}  // namespace cprokit::cli::rehearse
