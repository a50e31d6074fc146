// Errors a user can act on — a bad option, a path that cannot be read —
// said in both languages the tool speaks; the command prints the one its
// --lang asks for.
#pragma once

#include <stdexcept>
#include <string_view>

#include "rules/finding.hpp"

namespace cprokit::cli {

class UserError : public std::runtime_error {
 public:
  // what() is the English text.
  explicit UserError(Message message);
  const Message& message() const { return message_; }

 private:
  Message message_;
};

// Why a system call failed, for `error_number` (an errno value; 0 when the
// system did not say): our own words, with what to do, for the common ones;
// the system's text for the others.
Message system_cause(int error_number);

// "PATH : cause" ("-" is named as standard input).
UserError path_error(std::string_view path, const Message& cause);
UserError path_error(std::string_view path, int error_number);

}  // namespace cprokit::cli
