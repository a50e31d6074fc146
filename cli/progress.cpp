#include "cli/progress.hpp"

#include <unistd.h>

#include <cmath>
#include <string>

#include <fmt/format.h>

namespace cprokit::cli {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr std::size_t kBarWidth = 24;

std::string duration_text(double seconds) {
  const long long s = std::llround(seconds);
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, s % 3600 / 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

}  // namespace

Progress::Progress(std::size_t total, bool shown) : total_(total), shown_(shown) {}

Progress::~Progress() {
  erase();
}

void Progress::erase() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  drawn_ = false;
  last_draw_ = {};
}

bool Progress::terminal() {
  return isatty(STDERR_FILENO) != 0;
}

void Progress::done_one() {
  ++done_;
  if (!shown_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done_ != total_ && now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  draw();
}

void Progress::draw() {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
  const std::size_t filled = total_ == 0 ? kBarWidth : kBarWidth * done_ / total_;
  std::string eta = rate > 0 ? duration_text(static_cast<double>(total_ - done_) / rate) : "?";
  fmt::print(stderr, "\r\033[K[{}{}] {}/{}  {:.0f}/s  ~{}", std::string(filled, '#'),
             std::string(kBarWidth - filled, ' '), done_, total_, rate, eta);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace cprokit::cli
