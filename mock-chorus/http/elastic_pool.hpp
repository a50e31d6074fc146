// httplib's task queue, one task a connection: a thread is started when a
// connection comes and none is idle, up to a cap, and a thread idle for a
// while ends. Slow or idle connections then hold threads of their own
// instead of the ones other clients need (a fixed pool of N threads is
// blocked by N slow clients); each connection's time is bounded by the
// request deadline and the keep-alive timeout.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

namespace cprokit::mock::http {

class ElasticPool : public httplib::TaskQueue {
 public:
  ElasticPool(std::size_t max_threads, std::chrono::milliseconds idle_life);
  ElasticPool(const ElasticPool&) = delete;
  ElasticPool& operator=(const ElasticPool&) = delete;
  ~ElasticPool() override;

  void enqueue(std::function<void()> task) override;
  // Runs the queued tasks, then waits for every thread to end.
  void shutdown() override;

  std::size_t threads() const;

 private:
  void work();
  // What shutdown() does; not virtual, so the destructor may call it.
  void finish();

  const std::size_t max_threads_;
  const std::chrono::milliseconds idle_life_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable ended_;
  std::deque<std::function<void()>> tasks_;
  std::size_t threads_ = 0;
  std::size_t idle_ = 0;
  bool shutting_down_ = false;
};

}  // namespace cprokit::mock::http
