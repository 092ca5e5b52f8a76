#include "changenotifier.h"

#include "storage/transaction.h"

namespace Lectern::Server {

ChangeNotifier::ChangeNotifier(QObject *parent)
    : QObject(parent)
{ }

void ChangeNotifier::committed(const Changes &changes)
{
    // Queued even on the notifier's own thread: listeners never run inside a commit.
    QMetaObject::invokeMethod(
        this,
        [this, changes] {
            for (auto it = changes.cbegin(); it != changes.cend(); ++it)
                Q_EMIT changed(it.key(), it.value());
        },
        Qt::QueuedConnection);
}

Result<void> ChangeNotifier::beforeCommit(Transaction &tx, const Changes &changes)
{
    return announce(tx, changes);
}

Result<void> ChangeNotifier::announce(Transaction &tx, const Changes &changes)
{
    if (tx.dialect().backend() != Backend::Postgres)
        return {};
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        auto q = tx.query(QStringLiteral("SELECT pg_notify(:channel, :payload)"));
        q.bind(QStringLiteral(":channel"), QString::fromLatin1(channel))
            .bind(QStringLiteral(":payload"), payload(it.key(), it.value()));
        if (auto r = q.exec(); !r)
            return r.error();
    }
    return {};
}

QString ChangeNotifier::payload(const QString &orgId, qint64 seq)
{
    return orgId + u':' + QString::number(seq);
}

bool ChangeNotifier::parsePayload(const QString &payload, QString *orgId, qint64 *seq)
{
    const qsizetype colon = payload.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    bool ok = false;
    const qint64 value = payload.mid(colon + 1).toLongLong(&ok);
    if (!ok || value <= 0)
        return false;
    *orgId = payload.left(colon);
    *seq = value;
    return true;
}

} // namespace Lectern::Server
