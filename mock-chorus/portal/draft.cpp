#include "mock-chorus/portal/draft.hpp"

#include <string>

#include <nlohmann/json.hpp>

namespace cprokit::mock::portal {
namespace {

Data whole_draft(const PortalCall& call) {
  Data draft = Data::parse(call.session.record.draft_json, nullptr, false);
  return draft.is_object() ? draft : Data::object();
}

}  // namespace

Data draft_of(const PortalCall& call, std::string_view key) {
  const Data draft = whole_draft(call);
  const auto it = draft.find(std::string(key));
  return it == draft.end() ? Data() : *it;
}

Data form_draft(const PortalCall& call, std::string_view key) {
  Data draft = draft_of(call, key);
  return draft.is_object() ? draft : Data::object();
}

void keep_draft(PortalCall& call, std::string_view key, Data value) {
  Data draft = whole_draft(call);
  if (value.is_null()) {
    draft.erase(std::string(key));
  } else {
    draft[std::string(key)] = std::move(value);
  }
  // Typed text may hold invalid UTF-8: kept with U+FFFD rather than refused.
  call.session.record.draft_json = draft.dump(-1, ' ', false, Data::error_handler_t::replace);
  call.mock.portal_store().save_draft(call.session.record.token_digest,
                                      call.session.record.draft_json);
}

}  // namespace cprokit::mock::portal
