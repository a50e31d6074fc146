#include "mock-chorus/auth/secret_hash.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <vector>

namespace cprokit::mock {

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start (no entropy source)");
}

std::string hash_secret(std::string_view secret) {
  // libsodium's "interactive" cost: about 64 MiB and tens of milliseconds, as
  // advised for secrets checked online. A verified secret is cached (Gatekeeper).
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), secret.data(), secret.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("Argon2id: out of memory");
  }
  return out.data();
}

bool verify_secret(std::string_view secret, const std::string& encoded) {
  return crypto_pwhash_str_verify(encoded.c_str(), secret.data(), secret.size()) == 0;
}

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
  hex.pop_back();
  return hex;
}

}  // namespace cprokit::mock
