#pragma once

#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

namespace Lectern::Server {

// Copies an SQLite database's write-ahead log back into the database file on a thread of its
// own, so that no request waits for it.
//
// SQLite's own checkpoint runs inside the COMMIT of whichever writer pushed the log past 1,000
// pages: that writer's request then wrote the pages twice and waited for two fsyncs, a tenth of a
// long sync push. Here writers only nudge() at the end of each write; the checkpointer copies what
// has gathered, at most every `interval`, with a PASSIVE checkpoint (it never blocks a reader or a
// writer). Writers keep SQLite's own checkpoint as a backstop at a much larger log
// (Database::configure), for a checkpointer that cannot keep up.
class WalCheckpointer final : public QThread
{
public:
    WalCheckpointer(QString sqlitePath, int busyTimeoutMs, int intervalMs = 200);
    ~WalCheckpointer() override; // finishes the checkpoint under way, if any
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

    // Something was committed: checkpoint soon. Cheap; starts the thread on first use.
    void nudge();

private:
    void run() override;

    const QString m_path;
    const int m_busyTimeoutMs;
    const int m_intervalMs;
    QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_pending = false;
    bool m_stopping = false;
};

} // namespace Lectern::Server
