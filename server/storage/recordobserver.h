#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <lectern/result.h>

namespace Lectern {
struct EntitySpec;
}

namespace Lectern::Server {

class Transaction;

// Storage is the floor: it calls nothing above it. What must follow a write (the search index,
// the change rows of records someone may now see or no longer see, the live-event hub, the HTTP
// response cache) registers with the Database as an observer at start-up, and storage tells the
// observers what changed. docs/architecture.md, "Storage and its observers".

// Told of every write of a registry record (RecordStore: insert, update, revive, tombstone), inside
// the write's transaction, after the row changed and before the record's own change row is
// written (so that row is the newest the write makes). `before` is the record as it was (empty
// for a new one), `after` as stored (a tombstone has `deleted` true). A failure fails the write,
// and the caller's transaction (or savepoint) undoes what the observer did too.
class RecordObserver
{
public:
    virtual ~RecordObserver() = default;
    virtual Result<void> recordWritten(Transaction &tx, const EntitySpec &spec,
                                       const QJsonObject &before, const QJsonObject &after)
        = 0;
};

// Told of the commit of every transaction that wrote change rows (ChangeLog).
class CommitObserver
{
public:
    // The newest change_log seq each organisation got in the transaction.
    using Changes = QHash<QString, qint64>;

    virtual ~CommitObserver() = default;
    // Inside the transaction, just before COMMIT; a failure rolls the transaction back.
    virtual Result<void> beforeCommit(Transaction &tx, const Changes &changes)
    {
        Q_UNUSED(tx);
        Q_UNUSED(changes);
        return {};
    }
    // After COMMIT succeeded, on the thread that committed: quick, thread-safe, cannot fail.
    virtual void committed(const Changes &changes) = 0;
};

} // namespace Lectern::Server
