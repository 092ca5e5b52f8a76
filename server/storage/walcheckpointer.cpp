#include "walcheckpointer.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace Lectern::Server {

WalCheckpointer::WalCheckpointer(QString sqlitePath, int busyTimeoutMs, int intervalMs)
    : m_path(std::move(sqlitePath))
    , m_busyTimeoutMs(busyTimeoutMs)
    , m_intervalMs(intervalMs)
{
    setObjectName(QStringLiteral("wal-checkpoint"));
}

WalCheckpointer::~WalCheckpointer()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    wait();
}

void WalCheckpointer::nudge()
{
    QMutexLocker lock(&m_mutex);
    if (m_stopping)
        return;
    m_pending = true;
    if (!isRunning())
        start(QThread::LowPriority);
    m_wake.wakeAll();
}

void WalCheckpointer::run()
{
    const QString name = QStringLiteral("lectern-checkpoint-")
        + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
        if (!db.open())
            qCWarning(lcDb).noquote()
                << "the checkpointer cannot open the database:" << db.lastError().text();
        QSqlQuery query(db);
        QDeadlineTimer next(0);
        QMutexLocker lock(&m_mutex);
        while (!m_stopping) {
            if (!m_pending) {
                m_wake.wait(&m_mutex);
                continue;
            }
            // Let a burst of commits gather: one checkpoint copies each page once, however
            // often it was written since the last.
            if (!next.hasExpired()) {
                m_wake.wait(&m_mutex, next);
                continue;
            }
            m_pending = false;
            lock.unlock();
            if (db.isOpen() && !query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                qCWarning(lcDb).noquote() << "checkpoint failed:" << query.lastError().text();
            query.finish();
            next.setRemainingTime(m_intervalMs);
            lock.relock();
        }
        lock.unlock();
        query = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace Lectern::Server
