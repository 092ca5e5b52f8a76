#pragma once

// The offline store's side of a sync round (the SyncEngine's calls): storing a pulled page with
// its cursor, settling the answers to a push, and what the store keeps about syncing itself (the
// pull cursor, this device's hybrid logical clock, the last success and the last error).
// Internal to LocalStore (docs/architecture.md, "The sync model" and "The offline store").

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <lectern/result.h>
#include <lectern/syncop.h>
#include <memory>
#include <optional>

namespace Lectern {
class HlcClock;
}

namespace Lectern::Client {

class LocalConnection;
class LocalRecords;
class Outbox;

class SyncBookkeeping
{
public:
    SyncBookkeeping(LocalConnection &connection, LocalRecords &records, Outbox &outbox);
    ~SyncBookkeeping();

    // The database is open as device `deviceId` (empty: closed).
    void setDeviceId(const QString &deviceId);

    // A timestamp later than any this database has handed out, whichever connection made it
    // (inside the caller's LocalTransaction).
    std::optional<QString> nextHlc();

    qint64 cursor();
    // LocalStore::applyPulled() and applyPushResults(), each in one transaction.
    Result<void> applyPulled(const Sync::PullPage &page, QStringList *entities);
    Result<void> applyPushResults(const QList<Sync::OpResult> &results, QStringList *entities,
                                  qint64 batchEnd);

    QDateTime lastSuccess();
    QString lastError();
    Result<void> setLastSuccess(const QDateTime &when);
    Result<void> setLastError(const QString &error);

private:
    // Takes the server's state of one record (a pulled change, or the state a push answer
    // gave): a record with nothing pending becomes it; one with edits still to send has them
    // replayed on it. A state older than the one held is passed over. Inside a transaction.
    bool takeServerState(const Sync::Change &change);
    // The device's clock moves past the newest server timestamp it saw.
    void receive(const QString &newestHlc);

    LocalConnection &m_connection;
    LocalRecords &m_records;
    Outbox &m_outbox;
    std::unique_ptr<HlcClock> m_clock;
};

} // namespace Lectern::Client
