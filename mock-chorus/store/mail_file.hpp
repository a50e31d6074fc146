// The portal's outbox on disk: each mail also written as an RFC 5322
// message (<data>/mails/NNNNNN.eml), which any mail reader opens.
#pragma once

#include <filesystem>
#include <string>

#include "mock-chorus/store/portal_store.hpp"

namespace cprokit::mock {

// "mails/000042.eml": the mail's file, relative to the data folder.
std::filesystem::path mail_file(const MailRecord& mail);

// The mail as an RFC 5322 message: CRLF lines, the subject in an RFC 2047
// encoded word, a UTF-8 plain-text body (8bit, no line over 998 octets).
std::string eml_text(const MailRecord& mail);

// Writes eml_text() to <data_dir>/mail_file(); throws std::runtime_error
// when the file cannot be written.
void write_eml(const std::filesystem::path& data_dir, const MailRecord& mail);

}  // namespace cprokit::mock
