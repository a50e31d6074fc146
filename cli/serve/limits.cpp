#include "cli/serve/limits.hpp"

#include <utility>

namespace cprokit::cli::serve {

LintSlots::LintSlots(std::size_t workers, std::size_t queue) : workers_(workers), queue_(queue) {
  threads_.reserve(workers_);
  for (std::size_t i = 0; i < workers_; ++i)
    threads_.emplace_back([this] { work(); });
}

LintSlots::~LintSlots() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_)
    t.join();
}

bool LintSlots::submit(Job job, Clock::time_point deadline) {
  {
    const std::lock_guard lock(mutex_);
    if (stopping_ || running_ + tasks_.size() >= workers_ + queue_) return false;
    tasks_.push_back(Task{std::move(job), deadline});
  }
  wake_.notify_one();
  return true;
}

std::size_t LintSlots::busy() const {
  const std::lock_guard lock(mutex_);
  return running_ + tasks_.size();
}

void LintSlots::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
    if (tasks_.empty()) return;  // stopping, nothing left
    Task task = std::move(tasks_.front());
    tasks_.pop_front();
    ++running_;
    lock.unlock();
    task.job(Clock::now() >= task.deadline);
    lock.lock();
    --running_;
  }
}

}  // namespace cprokit::cli::serve
