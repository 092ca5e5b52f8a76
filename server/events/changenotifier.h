#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <lectern/result.h>

namespace Lectern::Server {

class Transaction;

// Tells the server's thread about changes once they are committed, whichever thread committed
// them: a transaction that wrote change_log rows (ChangeLog::record) hands the newest seq of each
// organisation it touched to committed(), which emits changed() on the notifier's own thread.
// On PostgreSQL, announce() also sends them with NOTIFY on `channel` inside the transaction, so
// that every server process on the same database hears of them (ChangeListener).
class ChangeNotifier : public QObject
{
    Q_OBJECT

public:
    static constexpr char channel[] = "lectern_changes";

    explicit ChangeNotifier(QObject *parent = nullptr);

    // Changes written by one transaction: the newest seq per organisation.
    using Changes = QHash<QString, qint64>;

    // Thread-safe; call after COMMIT succeeded.
    void committed(const Changes &changes);

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
