#include "cli/batch.hpp"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "cli/user_error.hpp"

namespace cprokit::cli {
namespace {

// The next item of the walk: an input, or why a folder of it cannot be read.
struct Pulled {
  std::optional<InputPath> input;
  Message unreadable;
};

// nullopt at the end of the walk.
std::optional<Pulled> pull(InputWalk& walk) {
  try {
    std::optional<InputPath> input = walk.next();
    if (!input) return std::nullopt;
    return Pulled{std::move(input), {}};
  } catch (const UserError& e) {
    return Pulled{std::nullopt, e.message()};
  }
}

BatchItem lint_one(Pulled&& pulled, const Linter& linter) {
  BatchItem item;
  if (!pulled.input) {
    item.unreadable = std::move(pulled.unreadable);
    return item;
  }
  const InputPath& input = *pulled.input;
  const auto start = std::chrono::steady_clock::now();
  InputContent content;
  try {
    content = read_input(input, linter.options().max_bytes);
  } catch (const UserError& e) {
    item.unreadable = e.message();
    return item;
  }
  item.doc = content.oversized ? linter.refuse_too_large(input.path, content.size,
                                                         std::move(content.sha256_if_oversized))
                               : linter.lint(input.path, content.bytes);
  item.doc->lint_time = std::chrono::steady_clock::now() - start;
  return item;
}

// Results a worker may hold ahead of the one delivered next, per thread:
// enough to keep every thread busy when one document is slow, few enough
// that memory does not grow with the run.
constexpr std::size_t kAheadPerThread = 4;

// The hand-over between the walk, the workers and the delivering thread: a
// ring of slots indexed by item number modulo the window.
class Window {
 public:
  Window(InputWalk& walk, std::size_t size) : walk_(walk), slots_(size) {}

  struct Taken {
    std::size_t index;
    Pulled item;
    std::exception_ptr error;  // the walk failed for another reason (out of memory)
  };

  // The next item of the walk and its number, once it fits in the window;
  // nullopt when the walk is over.
  std::optional<Taken> take() {
    const std::lock_guard walking(walk_mutex_);  // the walk is sequential
    std::size_t index = 0;
    {
      std::unique_lock lock(mutex_);
      room_.wait(lock, [&] { return stopped_ || next_taken_ < delivered_ + slots_.size(); });
      if (stopped_) return std::nullopt;
      index = next_taken_++;
    }
    // Outside `mutex_`: listing a big folder holds up no delivery.
    Taken taken{index, {}, nullptr};
    try {
      std::optional<Pulled> item = pull(walk_);
      if (item) {
        taken.item = std::move(*item);
        return taken;
      }
    } catch (...) {
      taken.error = std::current_exception();
      return taken;
    }
    {
      const std::lock_guard lock(mutex_);
      stopped_ = true;
      items_ = index;
    }
    ready_.notify_all();
    return std::nullopt;
  }

  void put(std::size_t index, BatchItem item, std::exception_ptr error) {
    {
      const std::lock_guard lock(mutex_);
      Slot& slot = slots_[index % slots_.size()];
      slot.item = std::move(item);
      slot.error = std::move(error);
      slot.ready = true;
    }
    ready_.notify_all();
  }

  // Waits for item `index` (the next in order) and frees its slot; nullopt
  // past the last item.
  std::optional<BatchItem> get(std::size_t index) {
    Slot slot;
    {
      std::unique_lock lock(mutex_);
      Slot& s = slots_[index % slots_.size()];
      ready_.wait(lock, [&] { return s.ready || index >= items_; });
      if (!s.ready) return std::nullopt;
      slot = std::move(s);
      s = Slot{};
      ++delivered_;
    }
    room_.notify_all();
    if (slot.error) std::rethrow_exception(slot.error);
    return std::move(slot.item);
  }

  // Lets the workers stop taking items (the delivering thread failed).
  void close() {
    {
      const std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    room_.notify_all();
  }

 private:
  struct Slot {
    bool ready = false;
    BatchItem item;
    std::exception_ptr error;
  };
  InputWalk& walk_;
  std::mutex walk_mutex_;
  std::vector<Slot> slots_;
  std::size_t next_taken_ = 0;
  std::size_t delivered_ = 0;
  bool stopped_ = false;  // no more items to take: the walk is over, or close()
  std::size_t items_ = std::numeric_limits<std::size_t>::max();  // known at the walk's end
  std::mutex mutex_;
  std::condition_variable room_, ready_;
};

}  // namespace

void lint_batch(InputWalk& walk, const Linter& linter, unsigned jobs,
                const std::function<void(BatchItem&&)>& deliver) {
  if (jobs <= 1) {
    while (auto item = pull(walk))
      deliver(lint_one(std::move(*item), linter));
    return;
  }
  Window window(walk, std::size_t{jobs} * kAheadPerThread);
  std::vector<std::jthread> workers;
  workers.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) {
    workers.emplace_back([&] {
      while (auto taken = window.take()) {
        if (taken->error) {
          window.put(taken->index, {}, taken->error);
          continue;
        }
        try {
          window.put(taken->index, lint_one(std::move(taken->item), linter), nullptr);
        } catch (...) {
          window.put(taken->index, {}, std::current_exception());
        }
      }
    });
  }
  try {
    for (std::size_t i = 0;; ++i) {
      std::optional<BatchItem> item = window.get(i);
      if (!item) break;
      deliver(std::move(*item));
    }
  } catch (...) {
    window.close();
    throw;  // the workers finish the items they hold, then are joined
  }
}

}  // namespace cprokit::cli
