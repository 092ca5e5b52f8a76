#pragma once

#include <QMutex>
#include <QString>
#include <compare>
#include <functional>

namespace Lectern {

// A hybrid logical clock timestamp (Kulkarni et al.): physical milliseconds, a logical counter
// for events within the same millisecond or behind a skewed clock, and the node (device or server)
// that made it, which breaks ties deterministically. Its text form sorts like the timestamps do.
struct Hlc
{
    qint64 wallMs = 0;
    quint32 counter = 0;
    QString node;

    bool isNull() const { return wallMs == 0 && counter == 0 && node.isEmpty(); }

    // "0192d4c5e6f7-000001-<node>": 12 hex digits of ms, 6 of counter, then the node id.
    QString toString() const;
    // Returns a null Hlc when the text is not a valid encoding.
    static Hlc fromString(QStringView text);

    std::strong_ordering operator<=>(const Hlc &other) const;
    bool operator==(const Hlc &other) const = default;
};

// Issues monotonically increasing Hlc values for one node. Thread-safe.
class HlcClock
{
public:
    using WallClock = std::function<qint64()>;

    explicit HlcClock(QString node, WallClock wallClock = {});

    QString node() const { return m_node; }

    // A timestamp for a local event (a change made here).
    Hlc now();
    // Folds in a timestamp received from elsewhere and returns one later than both.
    Hlc receive(const Hlc &remote);
    // Remote clocks further ahead than this are not trusted to drag ours forward.
    static constexpr qint64 maxDriftMs = 24LL * 60 * 60 * 1000;

private:
    QString m_node;
    WallClock m_wallClock;
    QMutex m_mutex;
    qint64 m_lastWall = 0;
    quint32 m_lastCounter = 0;
};

} // namespace Lectern
