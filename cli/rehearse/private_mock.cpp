#include "cli/rehearse/private_mock.hpp"

#include <httplib.h>

#include <chrono>
#include <stdexcept>

#include <fmt/core.h>

#include "cli/rehearse/rehearsal_data.hpp"
#include "mock-chorus/auth/secret_hash.hpp"

namespace cprokit::cli::rehearse {
namespace {

constexpr int kAdminTokenBytes = 24;

std::filesystem::path fresh_folder() {
  auto folder =
      std::filesystem::temp_directory_path() / ("cprokit-rehearse-" + mock::random_hex(8));
  std::filesystem::create_directories(folder);
  std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
  return folder;
}

}  // namespace

PrivateMock::PrivateMock(mock::MockOptions options) : data_(fresh_folder()) {
  mock::init_crypto();
  admin_token_ = mock::random_hex(kAdminTokenBytes);
  options.data_dir = data_;
  options.admin_token = admin_token_;
  mock_ = std::make_unique<mock::Mock>(std::move(options), mock::wall_clock);
  mock_->load_directory(demo_directory());
  server_ = std::make_unique<mock::MockServer>(*mock_);
  const int port = server_->bind("127.0.0.1", 0);
  url_ = fmt::format("http://127.0.0.1:{}", port);
  thread_ = std::thread([this] { server_->run(); });
  httplib::Client probe(url_);
  for (int i = 0; i < 500; ++i) {
    if (probe.Get("/")) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  server_->stop();
  thread_.join();
  throw std::runtime_error("le mock privé ne répond pas / the private mock does not answer");
}

PrivateMock::~PrivateMock() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
  mock_.reset();
  std::error_code ignored;  // a folder left in /tmp is no reason to fail the rehearsal
  std::filesystem::remove_all(data_, ignored);
}

}  // namespace cprokit::cli::rehearse
