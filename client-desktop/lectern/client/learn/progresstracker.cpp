#include "progresstracker.h"

#include "learnprogress.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cmath>
#include <lectern/client/logging.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

namespace {

// A scroll smaller than this is not worth an event.
constexpr double positionStep = 0.01;

} // namespace

ProgressTracker::ProgressTracker(SyncController *sync, QObject *parent)
    : QObject(parent)
    , m_sync(sync)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_clock = [timer] {
        return timer->elapsed();
    };
    m_flushTimer.setInterval(60 * 1000);
    connect(&m_flushTimer, &QTimer::timeout, this, &ProgressTracker::flush);
    // Quitting with a lesson open keeps what was counted since the last flush.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &ProgressTracker::flush);
}

ProgressTracker::~ProgressTracker()
{
    close();
}

void ProgressTracker::setRecording(bool recording)
{
    if (recording == m_recording)
        return;
    close();
    m_recording = recording;
}

void ProgressTracker::setClock(std::function<qint64()> clock)
{
    count();
    m_clock = std::move(clock);
    if (m_activeSince >= 0)
        m_activeSince = now();
}

void ProgressTracker::setFlushInterval(int ms)
{
    m_flushTimer.setInterval(ms);
}

qint64 ProgressTracker::now() const
{
    return m_clock();
}

void ProgressTracker::open(const QString &courseId, const QString &contentId)
{
    if (contentId == m_contentId && courseId == m_courseId)
        return;
    close();
    if (!m_recording || contentId.isEmpty())
        return;
    m_courseId = courseId;
    m_contentId = contentId;
    const ItemProgress before = progress(contentId);
    m_completed = before.completed;
    m_savedPosition = before.events > 0 ? before.lastPosition : -1;
    m_position = m_savedPosition;
    m_countedMs = 0;
    append(Progress::Opened);
    m_flushTimer.start();
}

void ProgressTracker::close()
{
    if (m_contentId.isEmpty())
        return;
    flush();
    m_flushTimer.stop();
    m_courseId.clear();
    m_contentId.clear();
    m_completed = false;
    m_countedMs = 0;
    m_position = m_savedPosition = -1;
    if (m_activeSince >= 0)
        m_activeSince = now(); // stays active for the next item
}

void ProgressTracker::setActive(bool active)
{
    if (active == isActive())
        return;
    if (active) {
        m_activeSince = now();
    } else {
        count();
        m_activeSince = -1;
    }
}

void ProgressTracker::count()
{
    if (m_activeSince < 0)
        return;
    const qint64 t = now();
    if (!m_contentId.isEmpty())
        m_countedMs += std::max<qint64>(0, t - m_activeSince);
    m_activeSince = t;
}

qint64 ProgressTracker::unsavedSeconds() const
{
    qint64 ms = m_countedMs;
    if (m_activeSince >= 0 && !m_contentId.isEmpty())
        ms += std::max<qint64>(0, now() - m_activeSince);
    return ms / 1000;
}

void ProgressTracker::setPosition(double fraction)
{
    if (m_contentId.isEmpty() || !std::isfinite(fraction))
        return;
    m_position = std::clamp(fraction, 0.0, 1.0);
}

void ProgressTracker::flush()
{
    if (m_contentId.isEmpty())
        return;
    count();
    // Whole seconds go out; the rest waits for the next flush.
    const qint64 seconds = m_countedMs / 1000;
    if (seconds > 0 && append(Progress::Time, -1, seconds))
        m_countedMs -= seconds * 1000;
    if (m_position >= 0
        && (m_savedPosition < 0 || std::abs(m_position - m_savedPosition) >= positionStep)) {
        if (append(Progress::Position, m_position))
            m_savedPosition = m_position;
    }
}

bool ProgressTracker::markComplete()
{
    if (m_contentId.isEmpty() || m_completed)
        return false;
    // Another device may have completed it since the item was opened.
    if (progress(m_contentId).completed) {
        m_completed = true;
        return false;
    }
    if (!append(Progress::Completed))
        return false;
    m_completed = true;
    return true;
}

ItemProgress ProgressTracker::progress(const QString &contentId) const
{
    if (!m_sync || !m_sync->store())
        return {};
    return LearnProgress::readItem(*m_sync->store(), m_sync->userId(), contentId);
}

bool ProgressTracker::append(const char *kind, double position, qint64 seconds)
{
    if (!m_recording || !m_sync || !m_sync->store())
        return false;
    const Result<QString> made
        = m_sync->append(Entities::progress().name,
                         Progress::event(m_contentId, m_courseId, kind, position, seconds));
    if (!made) {
        m_errorString = made.error().message;
        qCWarning(lcUi) << "progress event not recorded:" << kind << m_errorString;
        Q_EMIT failed(m_errorString);
        return false;
    }
    m_errorString.clear();
    Q_EMIT recorded(m_contentId, QString::fromLatin1(kind));
    return true;
}

} // namespace Lectern::Client
