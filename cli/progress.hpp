// A progress line on standard error for long runs: done/total, rate and time
// left, redrawn at most ten times a second, and erased at the end. Shown
// only when standard error is a terminal, so logs and pipes stay clean.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>

namespace cprokit::cli {

class Progress {
 public:
  // `total` inputs; nothing is drawn when `shown` is false.
  Progress(std::size_t total, bool shown);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress();  // erases the line

  void done_one();
  // Erases the line, if drawn, so that a message can be written; the next
  // done_one() draws it again.
  void erase();

  // Whether standard error is a terminal, where a progress line can be drawn.
  static bool terminal();

 private:
  void draw();

  std::size_t total_;
  std::size_t done_ = 0;
  bool shown_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace cprokit::cli
