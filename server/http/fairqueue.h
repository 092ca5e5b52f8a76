#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <deque>
#include <functional>
#include <optional>

namespace Lectern::Server {

// Work waiting for the worker pool (password checks above all), served in turn per client
// address instead of first come, first served: an address with many requests waiting gets one
// served per round like everyone else, and when the queue is full a newcomer pushes out the
// newest request of the address holding the most, so a flood from some addresses cannot take
// every place from the rest. Thread-safe: pushed on the server's thread, taken by workers.
class FairQueue
{
public:
    struct Job
    {
        QString key; // ClientAddress::limitKey of the client
        std::function<void()> run;
        std::function<void()> refuse; // when pushed out by a newcomer (on the pushing thread)
    };

    enum class Refusal {
        None,
        OwnShare, // this address already holds more than its share: 429
        Full,     // every place is held by a different address: 503
    };

    struct Admission
    {
        Refusal refusal = Refusal::None; // for the new job
        std::optional<Job> evicted;      // someone else's job that gave up its place: 429
    };

    explicit FairQueue(int capacity)
        : m_capacity(capacity)
    { }

    Admission push(Job job);
    // The next job in turn; nothing when the queue is empty.
    std::optional<Job> take();
    int size() const;
    int queuedFor(const QString &key) const;

private:
    mutable QMutex m_mutex;
    QHash<QString, std::deque<Job>> m_byKey;
    std::deque<QString> m_turns; // addresses with waiting work, in the order they are served
    int m_size = 0;
    const int m_capacity;
};

} // namespace Lectern::Server
