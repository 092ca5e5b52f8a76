#include "hlc.h"

#include <QDateTime>
#include <algorithm>

namespace Lectern {

namespace {
constexpr int wallDigits = 12;
constexpr int counterDigits = 6;
constexpr quint32 maxCounter = 0xffffff;

QString hexPadded(qint64 value, int width)
{
    return QString::number(value, 16).rightJustified(width, u'0');
}

// Only the canonical digits: a number parser would also take "0x", a sign, blanks and upper case,
// none of which sorts like the value it stands for.
bool isLowerHex(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}
} // namespace

QString Hlc::toString() const
{
    return hexPadded(wallMs, wallDigits) + u'-' + hexPadded(counter, counterDigits) + u'-' + node;
}

Hlc Hlc::fromString(QStringView text)
{
    if (text.size() < wallDigits + counterDigits + 3 || text[wallDigits] != u'-'
        || text[wallDigits + 1 + counterDigits] != u'-')
        return {};
    const QStringView wallText = text.first(wallDigits);
    const QStringView counterText = text.sliced(wallDigits + 1, counterDigits);
    if (!isLowerHex(wallText) || !isLowerHex(counterText))
        return {};
    bool okWall = false;
    bool okCounter = false;
    const qint64 wall = wallText.toLongLong(&okWall, 16);
    const uint counter = counterText.toUInt(&okCounter, 16);
    const QStringView node = text.sliced(wallDigits + counterDigits + 2);
    if (!okWall || !okCounter || wall < 0 || node.isEmpty())
        return {};
    return Hlc {wall, counter, node.toString()};
}

std::strong_ordering Hlc::operator<=>(const Hlc &other) const
{
    if (auto c = wallMs <=> other.wallMs; c != 0)
        return c;
    if (auto c = counter <=> other.counter; c != 0)
        return c;
    const int n = node.compare(other.node);
    return n < 0 ? std::strong_ordering::less
                 : (n > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

HlcClock::HlcClock(QString node, WallClock wallClock)
    : m_node(std::move(node))
    , m_wallClock(wallClock ? std::move(wallClock) : WallClock(&QDateTime::currentMSecsSinceEpoch))
{ }

Hlc HlcClock::now()
{
    QMutexLocker lock(&m_mutex);
    const qint64 physical = m_wallClock();
    if (physical > m_lastWall) {
        m_lastWall = physical;
        m_lastCounter = 0;
    } else if (++m_lastCounter > maxCounter) {
        // A burst of more than 16 million events in one millisecond: step the clock instead.
        ++m_lastWall;
        m_lastCounter = 0;
    }
    return Hlc {m_lastWall, m_lastCounter, m_node};
}

Hlc HlcClock::receive(const Hlc &remote)
{
    QMutexLocker lock(&m_mutex);
    const qint64 physical = m_wallClock();
    // A remote clock far in the future would drag every later stamp with it: cap its influence.
    const qint64 remoteWall = qMin(remote.wallMs, physical + maxDriftMs);
    const quint32 remoteCounter = remote.wallMs == remoteWall ? remote.counter : 0;

    const qint64 wall = qMax(qMax(m_lastWall, remoteWall), physical);
    quint32 counter = 0;
    if (wall == m_lastWall && wall == remoteWall)
        counter = qMax(m_lastCounter, remoteCounter) + 1;
    else if (wall == m_lastWall)
        counter = m_lastCounter + 1;
    else if (wall == remoteWall)
        counter = remoteCounter + 1;

    m_lastWall = wall;
    m_lastCounter = counter;
    if (m_lastCounter > maxCounter) {
        ++m_lastWall;
        m_lastCounter = 0;
    }
    return Hlc {m_lastWall, m_lastCounter, m_node};
}

} // namespace Lectern
