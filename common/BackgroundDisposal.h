#pragma once

#include <QThreadPool>

#include <memory>
#include <tuple>
#include <type_traits>

namespace anycast {

// Frees large values on a pool thread instead of the caller's. An agent's hour of history is
// a JSON tree and a list of samples of thousands of small blocks each; freeing them on the
// console's UI thread, once read, made 100-200 ms event-loop stalls while a connecting
// fleet's hours came in (anycast-bench-console, "rest of the hour": perf put 44 % of the UI
// thread's time in the JSON's destructor). The values must own what they hold, or share it
// through Qt's thread-safe implicit sharing.
template <typename... Values> void disposeInBackground(Values &&...values)
{
    auto held =
        std::make_shared<std::tuple<std::decay_t<Values>...>>(std::forward<Values>(values)...);
    // The task holds the only reference: the last release, and so the free, is in the pool.
    QThreadPool::globalInstance()->start([held = std::move(held)]() mutable { held.reset(); });
}

} // namespace anycast
