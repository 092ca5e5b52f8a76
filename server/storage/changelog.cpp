#include "changelog.h"

#include <QSqlError>

namespace Lectern::Server {

namespace {
Result<void> lockSequence(Transaction &tx)
{
    if (!tx.changeSequenceLocked) {
        if (const QString lock = tx.dialect().lockChangeSequence(); !lock.isEmpty()) {
            auto q = tx.query(lock);
            if (auto r = q.exec(); !r)
                return r.error();
        }
        tx.changeSequenceLocked = true;
    }
    return {};
}
} // namespace

Result<qint64> ChangeLog::record(Transaction &tx, const Change &change)
{
    if (auto r = lockSequence(tx); !r)
        return r.error();
    auto q = tx.query(
        QStringLiteral("INSERT INTO change_log (org_id, entity, entity_id, rev, hlc, deleted,"
                       " changed_at, audience_user_id, origin_device) VALUES (:org, :entity,"
                       " :id, :rev, :hlc, :deleted, :at, :audience, :origin)")
        + tx.dialect().returningId(u"seq"));
    const bool pushed = tx.origin && tx.origin->is(change.entity, change.entityId);
    q.bind(QStringLiteral(":org"), change.orgId)
        .bind(QStringLiteral(":entity"), change.entity)
        .bind(QStringLiteral(":id"), change.entityId)
        .bind(QStringLiteral(":rev"), change.rev)
        .bind(QStringLiteral(":hlc"), change.hlc)
        .bind(QStringLiteral(":deleted"), change.deleted ? 1 : 0)
        .bind(QStringLiteral(":at"), QDateTime::currentMSecsSinceEpoch())
        .bind(QStringLiteral(":audience"), textOrNull(change.audienceUserId))
        .bind(QStringLiteral(":origin"), pushed ? QVariant(tx.origin->deviceId) : QVariant());
    if (auto r = q.exec(); !r)
        return r.error();
    const std::optional<qint64> inserted = q.insertedId();
    if (!inserted)
        return fail(ErrorCode::Internal, QStringLiteral("The change sequence returned no value."));
    const qint64 seq = *inserted;
    if (!change.orgId.isEmpty()) {
        qint64 &newest = tx.writtenChanges[change.orgId];
        newest = qMax(newest, seq);
    }
    return seq;
}

Result<void> ChangeLog::touch(Transaction &tx, const QString &orgId, const TouchSet &set,
                              const QString &audienceUserId)
{
    if (auto r = lockSequence(tx); !r)
        return r.error();
    // One statement for the whole set: a course of thousands of items is touched at once.
    auto q = tx.query(
        QStringLiteral(
            "INSERT INTO change_log (org_id, entity, entity_id, rev, hlc, deleted, changed_at,"
            " audience_user_id) SELECT org_id, :entity, id, rev, hlc, deleted, :at, :audience"
            " FROM %1 WHERE org_id = :org AND deleted = 0 AND (%2) ORDER BY id")
            .arg(set.table, set.where));
    q.bind(QStringLiteral(":entity"), set.entity)
        .bind(QStringLiteral(":at"), QDateTime::currentMSecsSinceEpoch())
        .bind(QStringLiteral(":audience"), textOrNull(audienceUserId))
        .bind(QStringLiteral(":org"), orgId);
    for (const auto &[placeholder, value] : set.binds)
        q.bind(placeholder, value);
    if (auto r = q.exec(); !r)
        return r;
    // Live clients hear of touches as of any change (Transaction::commit announces them).
    if (q.rowsAffected() > 0 && !orgId.isEmpty()) {
        auto newest = latestSeq(tx, orgId);
        if (!newest)
            return newest.error();
        qint64 &known = tx.writtenChanges[orgId];
        known = qMax(known, *newest);
    }
    return {};
}

Result<qint64> ChangeLog::latestSeq(Transaction &tx)
{
    auto q = tx.query(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_log"));
    if (auto r = q.exec(); !r)
        return r.error();
    q.next();
    return q.int64(0);
}

Result<qint64> ChangeLog::latestSeq(Transaction &tx, const QString &orgId)
{
    auto q = tx.query(
        QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_log WHERE org_id = :org"));
    q.bind(QStringLiteral(":org"), orgId);
    if (auto r = q.exec(); !r)
        return r.error();
    q.next();
    return q.int64(0);
}

Result<qint64> ChangeLog::latestSeq(Database &db)
{
    auto connection = db.connection();
    if (!connection)
        return connection.error();
    const QString sql = QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_log");
    bool prepared = false;
    std::unique_ptr<QSqlQuery> q = db.acquire(*connection, sql, &prepared);
    if (!prepared || !q->exec() || !q->next())
        return databaseError(q->lastError(), sql);
    const qint64 seq = q->value(0).toLongLong();
    db.release(*connection, sql, std::move(q));
    return seq;
}

} // namespace Lectern::Server
