#include "mock-chorus/http/elastic_pool.hpp"

#include <thread>

namespace cprokit::mock::http {

ElasticPool::ElasticPool(std::size_t max_threads, std::chrono::milliseconds idle_life)
    : max_threads_(max_threads), idle_life_(idle_life) {}

ElasticPool::~ElasticPool() {
  finish();
}

void ElasticPool::enqueue(std::function<void()> task) {
  std::lock_guard lock(mutex_);
  tasks_.push_back(std::move(task));
  if (idle_ >= tasks_.size() || threads_ >= max_threads_) {
    wake_.notify_one();
    return;
  }
  ++threads_;
  // Detached: a thread that ends counts itself out under the lock, and
  // shutdown() waits for the count to reach zero.
  std::thread([this] { work(); }).detach();
}

void ElasticPool::shutdown() {
  finish();
}

void ElasticPool::finish() {
  std::unique_lock lock(mutex_);
  shutting_down_ = true;
  wake_.notify_all();
  ended_.wait(lock, [this] { return threads_ == 0; });
}

std::size_t ElasticPool::threads() const {
  std::lock_guard lock(mutex_);
  return threads_;
}

void ElasticPool::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    ++idle_;
    const bool woken =
        wake_.wait_for(lock, idle_life_, [this] { return !tasks_.empty() || shutting_down_; });
    --idle_;
    if (tasks_.empty() && (shutting_down_ || !woken)) break;
    auto task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
  --threads_;
  ended_.notify_all();
}

}  // namespace cprokit::mock::http
