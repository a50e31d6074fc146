// SHA-256 (OpenSSL), as lower-case hex: the documents' fingerprints.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace cprokit {

std::string sha256_hex(std::string_view bytes);

// Incremental form, for inputs hashed while they stream by.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  std::string hex();  // finishes the hash

 private:
  evp_md_ctx_st* ctx_;
};

}  // namespace cprokit
