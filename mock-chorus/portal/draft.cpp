#include "mock-chorus/portal/draft.hpp"

namespace cprokit::mock::portal {
namespace {

Data all_drafts(const PortalCall& call) {
  Data all = Data::parse(call.session.record.draft_json, nullptr, false);
  return all.is_object() ? all : Data::object();
}

}  // namespace

Data read_draft(const PortalCall& call, std::string_view key) {
  const Data all = all_drafts(call);
  const auto it = all.find(std::string(key));
  return it != all.end() && it->is_object() ? *it : Data::object();
}

void write_draft(PortalCall& call, std::string_view key, Data draft) {
  Data all = all_drafts(call);
  if (draft.is_null()) {
    all.erase(std::string(key));
  } else {
    all[std::string(key)] = std::move(draft);
  }
  call.session.record.draft_json = all.dump(-1, ' ', false, Data::error_handler_t::replace);
  call.mock.portal_store().save_draft(call.session.record.token_digest,
                                      call.session.record.draft_json);
}

}  // namespace cprokit::mock::portal
