// The documents `cprokit serve` lints at once (--max-concurrent) and those
// that may wait for their turn (--queue): a fixed set of lint threads fed
// by a bounded queue. A document over the bound is refused at once (503),
// never left to pile up; one whose deadline passed before its turn came is
// not linted (its client was already answered).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cprokit::cli::serve {

class LintSlots {
 public:
  using Clock = std::chrono::steady_clock;
  // Runs the job; `expired` says that its deadline passed while it waited.
  using Job = std::function<void(bool expired)>;

  LintSlots(std::size_t workers, std::size_t queue);
  LintSlots(const LintSlots&) = delete;
  LintSlots& operator=(const LintSlots&) = delete;
  // Runs what is queued (expired jobs are only told so), then joins.
  ~LintSlots();

  // Queues `job`; false when every worker is busy and the queue is full.
  bool submit(Job job, Clock::time_point deadline);

  // Jobs queued or running.
  std::size_t busy() const;

 private:
  struct Task {
    Job job;
    Clock::time_point deadline;
  };
  void work();

  const std::size_t workers_;
  const std::size_t queue_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Task> tasks_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace cprokit::cli::serve
