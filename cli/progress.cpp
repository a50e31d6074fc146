#include "cli/progress.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <streambuf>
#include <string>

#include <fmt/core.h>

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

// Passes everything on to the stream's own buffer and remembers whether the
// last character was a newline: the line can be drawn only on a line of its
// own, or it would erase the start of one a report is still writing (a JSON
// report ends each document mid-line).
class Progress::LineWatch final : public std::streambuf {
 public:
  explicit LineWatch(std::ostream& stream) : stream_(stream), target_(stream.rdbuf(this)) {}
  LineWatch(const LineWatch&) = delete;
  LineWatch& operator=(const LineWatch&) = delete;
  ~LineWatch() override {
    target_->pubsync();
    stream_.rdbuf(target_);
  }

  bool at_line_start() const { return at_line_start_; }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (traits_type::eq_int_type(target_->sputc(traits_type::to_char_type(c)),
                                 traits_type::eof())) {
      return traits_type::eof();
    }
    at_line_start_ = traits_type::to_char_type(c) == '\n';
    return c;
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const std::streamsize put = target_->sputn(s, n);
    if (put > 0) at_line_start_ = s[put - 1] == '\n';
    return put;
  }

  int sync() override { return target_->pubsync(); }

 private:
  std::ostream& stream_;
  std::streambuf* target_;
  bool at_line_start_ = true;
};

Progress::Progress(std::size_t total, bool shown, std::ostream* screen)
    : total_(total), shown_(shown), screen_(shown ? screen : nullptr) {
  if (screen_ != nullptr) watch_ = std::make_unique<LineWatch>(*screen_);
}

Progress::~Progress() {
  erase();
}

void Progress::erase() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

bool Progress::terminal() {
  return isatty(STDERR_FILENO) != 0;
}

bool Progress::stdout_shares_terminal() {
  if (isatty(STDOUT_FILENO) == 0 || isatty(STDERR_FILENO) == 0) return false;
  struct stat out {};
  struct stat err {};
  if (fstat(STDOUT_FILENO, &out) != 0 || fstat(STDERR_FILENO, &err) != 0) return true;
  return out.st_rdev == err.st_rdev;
}

void Progress::before_reports() {
  if (screen_ != nullptr) erase();
}

void Progress::done_one() {
  ++done_;
  if (!shown_) return;
  if (screen_ != nullptr) {
    screen_->flush();  // the reports' text reaches the screen before the line
    if (!watch_->at_line_start()) return;
  }
  // A line erased for the reports is drawn again at once; one still shown
  // is redrawn at most every kRedrawEvery.
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && done_ != total_ && now - last_draw_ < kRedrawEvery) return;
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
