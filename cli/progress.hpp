// A progress line on standard error for long runs: done/total, rate and time
// left, redrawn at most ten times a second, and erased at the end. Shown
// only when standard error is a terminal, so logs and pipes stay clean.
//
// A report written to that same terminal (standard output on the screen the
// line is drawn on) scrolls above the line: the line is erased before each
// input's reports are written and drawn again below them at once, never over
// a line a report left unfinished (there it waits for the line's end).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <memory>
#include <ostream>

namespace cprokit::cli {

class Progress {
 public:
  // `total` inputs; nothing is drawn when `shown` is false. `screen`: the
  // stream of the reports written to the terminal the line is drawn on, or
  // null; it is watched until the end.
  Progress(std::size_t total, bool shown, std::ostream* screen = nullptr);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress();  // erases the line, stops watching `screen`

  // Before one input's reports are written: erases the line if they may
  // land on it.
  void before_reports();
  // After: one more input done; the line is drawn again (below what the
  // reports wrote on the screen, flushed first).
  void done_one();
  // Erases the line, if drawn, so that a message can be written; the next
  // done_one() draws it again.
  void erase();

  // Whether standard error is a terminal, where a progress line can be drawn.
  static bool terminal();
  // Whether standard output is the terminal standard error is.
  static bool stdout_shares_terminal();

 private:
  class LineWatch;  // what the screen's last character was

  void draw();

  std::size_t total_;
  std::size_t done_ = 0;
  bool shown_;
  bool drawn_ = false;
  std::ostream* screen_;
  std::unique_ptr<LineWatch> watch_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace cprokit::cli
