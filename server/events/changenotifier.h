#pragma once

#include "storage/recordobserver.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <lectern/result.h>

namespace Lectern::Server {

// Tells the server's thread about changes once they are committed, whichever thread committed
// them: a transaction that wrote change_log rows (ChangeLog::record) hands the newest seq of each
// organisation it touched to committed(), which emits changed() on the notifier's own thread.
// On PostgreSQL, announce() also sends them with NOTIFY on `channel` inside the transaction, so
// that every server process on the same database hears of them (ChangeListener). A
// CommitObserver of the database, registered at start-up (docs/architecture.md, "Storage and its
// observers").
class ChangeNotifier : public QObject, public CommitObserver
{
    Q_OBJECT

public:
    static constexpr char channel[] = "lectern_changes";

    explicit ChangeNotifier(QObject *parent = nullptr);

    // Changes written by one transaction: the newest seq per organisation.
    using Changes = CommitObserver::Changes;

    // announce().
    Result<void> beforeCommit(Transaction &tx, const Changes &changes) override;
    // Thread-safe; call after COMMIT succeeded.
    void committed(const Changes &changes) override;

    // Runs inside `tx`, just before COMMIT: NOTIFY channel, '<orgId>:<seq>' on PostgreSQL (the
    // database delivers it at commit and drops it on rollback); nothing on SQLite.
    static Result<void> announce(Transaction &tx, const Changes &changes);
    // The payload announce() sends, and its reading: false for anything else.
    static QString payload(const QString &orgId, qint64 seq);
    static bool parsePayload(const QString &payload, QString *orgId, qint64 *seq);

Q_SIGNALS:
    void changed(const QString &orgId, qint64 seq);
};

} // namespace Lectern::Server
