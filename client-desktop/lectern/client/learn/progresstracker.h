#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <functional>
#include <lectern/progress.h>

namespace Lectern::Client {

class SyncController;

// Records what a learner does in the course player as progress events
// (SyncController::append("progress", ...)): they land in the offline store and its outbox at
// once, online or not, and sync later.
//
//  - open(): an "opened" event (after closing the previous item);
//  - time counts only while setActive(true) (the item is on screen and the window is active),
//    and goes out as a "time" event when the item is closed and every flushInterval() while
//    open, so a crash loses at most that much;
//  - setPosition() follows the reader; a "position" event goes out when the item is closed or
//    at a flush, and only when it moved since the last one;
//  - markComplete(): one "completed" event per item (none when it is completed already, on this
//    device or another).
// With recording off (a staff member previewing the course as a student) nothing is written.
class ProgressTracker : public QObject
{
    Q_OBJECT

public:
    explicit ProgressTracker(SyncController *sync, QObject *parent = nullptr);
    ~ProgressTracker() override;

    void setRecording(bool recording);
    bool isRecording() const { return m_recording; }

    // Milliseconds of a monotonic clock (tests pass their own); QElapsedTimer by default.
    void setClock(std::function<qint64()> clock);
    void setFlushInterval(int ms);
    int flushInterval() const { return m_flushTimer.interval(); }

    // Opens an item of a course; closes the one open before.
    void open(const QString &courseId, const QString &contentId);
    // Leaves the open item (time and position go out).
    void close();
    QString courseId() const { return m_courseId; }
    QString contentId() const { return m_contentId; }

    void setActive(bool active);
    bool isActive() const { return m_activeSince >= 0; }
    // How far the reader got in the open item (0..1).
    void setPosition(double fraction);

    // Appends "completed" for the open item; false when it was completed already (or nothing
    // is open, or recording is off).
    bool markComplete();
    // Whether the open item is completed (by any device whose events this one has).
    bool isCompleted() const { return m_completed; }

    // Appends the time counted so far and a moved position.
    void flush();
    // Seconds counted in the open item and not yet appended.
    qint64 unsavedSeconds() const;

    // The learner's progress in an item, from the store (what every device will agree on).
    ItemProgress progress(const QString &contentId) const;

    // Why the last write failed, in words (empty when it worked).
    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    // An event was written (kind: Progress::Opened, Time, Position or Completed).
    void recorded(const QString &contentId, const QString &kind);
    void failed(const QString &message);

private:
    bool append(const char *kind, double position = -1, qint64 seconds = 0);
    qint64 now() const;
    void count();

    QPointer<SyncController> m_sync;
    std::function<qint64()> m_clock;
    QTimer m_flushTimer;
    bool m_recording = true;
    QString m_courseId;
    QString m_contentId;
    bool m_completed = false;
    qint64 m_activeSince = -1; // clock time since when time counts; -1 when inactive
    qint64 m_countedMs = 0;    // counted and not yet appended
    double m_position = -1;    // the reader's position; -1 when not known
    double m_savedPosition = -1;
    QString m_errorString;
};

} // namespace Lectern::Client
