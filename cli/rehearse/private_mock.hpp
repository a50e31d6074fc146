// The mock a rehearsal starts for itself when it is given no server: in
// this process, on a free loopback port, serving the demo directory, its
// data in a temporary folder that is removed when it stops.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "mock-chorus/mock.hpp"
#include "mock-chorus/server.hpp"

namespace cprokit::cli::rehearse {

class PrivateMock {
 public:
  // `options`: the deposit controls (XSD, code lists); the rest is the mock's own.
  explicit PrivateMock(mock::MockOptions options);
  PrivateMock(const PrivateMock&) = delete;
  PrivateMock& operator=(const PrivateMock&) = delete;
  ~PrivateMock();

  const std::string& url() const { return url_; }
  const std::string& admin_token() const { return admin_token_; }

 private:
  std::filesystem::path data_;
  std::string admin_token_;
  std::unique_ptr<mock::Mock> mock_;
  std::unique_ptr<mock::MockServer> server_;
  std::thread thread_;
  std::string url_;
};

}  // namespace cprokit::cli::rehearse
