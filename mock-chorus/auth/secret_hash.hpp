// Secrets at rest: PISTE client secrets and technical-account passwords are
// kept only as Argon2id hashes (libsodium's encoded form, which carries its
// salt and cost), never in clear.
#pragma once

#include <string>
#include <string_view>

namespace cprokit::mock {

// Initialises libsodium; call once before anything below. Throws when the
// library cannot start (no entropy source).
void init_crypto();

// The Argon2id hash of `secret` in libsodium's encoded form ("$argon2id$v=19$…").
std::string hash_secret(std::string_view secret);

// Whether `secret` matches `encoded`; false for a malformed hash.
bool verify_secret(std::string_view secret, const std::string& encoded);

// `bytes` random bytes as lower-case hex.
std::string random_hex(std::size_t bytes);

}  // namespace cprokit::mock
