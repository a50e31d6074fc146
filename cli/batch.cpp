#include "cli/batch.hpp"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace cprokit::cli {
namespace {

BatchItem lint_one(const InputPath& input, const Linter& linter) {
  BatchItem item;
  try {
    InputContent content = read_input(input, linter.options().max_bytes);
    item.doc = content.oversized ? linter.refuse_too_large(input.path, content.size,
                                                           std::move(content.sha256_if_oversized))
                                 : linter.lint(input.path, content.bytes);
  } catch (const std::runtime_error& e) {
    item.unreadable = e.what();
  }
  return item;
}

// Results a worker may hold ahead of the one delivered next, per thread:
// enough to keep every thread busy when one document is slow, few enough
// that memory does not grow with the run.
constexpr std::size_t kAheadPerThread = 4;

// The hand-over between the workers and the delivering thread: a ring of
// slots indexed by input number modulo the window.
class Window {
 public:
  Window(std::size_t inputs, std::size_t size) : inputs_(inputs), slots_(size) {}

  // The next input to lint, once it fits in the window; nullopt when all are taken.
  std::optional<std::size_t> take() {
    std::unique_lock lock(mutex_);
    room_.wait(lock,
               [&] { return next_taken_ >= inputs_ || next_taken_ < delivered_ + slots_.size(); });
    if (next_taken_ >= inputs_) return std::nullopt;
    return next_taken_++;
  }

  void put(std::size_t index, BatchItem item, std::exception_ptr error) {
    {
      std::lock_guard lock(mutex_);
      Slot& slot = slots_[index % slots_.size()];
      slot.item = std::move(item);
      slot.error = std::move(error);
      slot.ready = true;
    }
    ready_.notify_all();
  }

  // Waits for input `index` (the next in order), frees its slot.
  BatchItem get(std::size_t index) {
    Slot slot;
    {
      std::unique_lock lock(mutex_);
      Slot& s = slots_[index % slots_.size()];
      ready_.wait(lock, [&] { return s.ready; });
      slot = std::move(s);
      s = Slot{};
      ++delivered_;
    }
    room_.notify_all();
    if (slot.error) std::rethrow_exception(slot.error);
    return std::move(slot.item);
  }

  // Lets the workers stop taking inputs (the delivering thread failed).
  void close() {
    {
      std::lock_guard lock(mutex_);
      next_taken_ = inputs_;
    }
    room_.notify_all();
  }

 private:
  struct Slot {
    bool ready = false;
    BatchItem item;
    std::exception_ptr error;
  };
  std::size_t inputs_;
  std::vector<Slot> slots_;
  std::size_t next_taken_ = 0;
  std::size_t delivered_ = 0;
  std::mutex mutex_;
  std::condition_variable room_, ready_;
};

}  // namespace

void lint_batch(const std::vector<InputPath>& inputs, const Linter& linter, unsigned jobs,
                const std::function<void(BatchItem&&)>& deliver) {
  if (jobs <= 1 || inputs.size() <= 1) {
    for (const auto& input : inputs)
      deliver(lint_one(input, linter));
    return;
  }
  Window window(inputs.size(), std::size_t{jobs} * kAheadPerThread);
  std::vector<std::jthread> workers;
  workers.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) {
    workers.emplace_back([&] {
      while (auto index = window.take()) {
        try {
          window.put(*index, lint_one(inputs[*index], linter), nullptr);
        } catch (...) {
          window.put(*index, {}, std::current_exception());
        }
      }
    });
  }
  try {
    for (std::size_t i = 0; i < inputs.size(); ++i)
      deliver(window.get(i));
  } catch (...) {
    window.close();
    throw;  // the workers finish the inputs they hold, then are joined
  }
}

}  // namespace cprokit::cli
