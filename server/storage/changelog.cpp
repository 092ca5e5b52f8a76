#include "changelog.h"

namespace Lectern::Server {

Result<qint64> ChangeLog::record(Transaction &tx, const Change &change)
{
    if (!tx.changeSequenceLocked) {
        if (const QString lock = tx.dialect().lockChangeSequence(); !lock.isEmpty()) {
            auto q = tx.query(lock);
            if (auto r = q.exec(); !r)
                return r.error();
        }
        tx.changeSequenceLocked = true;
    }
    auto q = tx.query(QStringLiteral(
        "INSERT INTO change_log (org_id, entity, entity_id, rev, hlc, deleted, changed_at) "
        "VALUES (:org, :entity, :id, :rev, :hlc, :deleted, :at) RETURNING seq"));
    q.bind(QStringLiteral(":org"), change.orgId)
        .bind(QStringLiteral(":entity"), change.entity)
        .bind(QStringLiteral(":id"), change.entityId)
        .bind(QStringLiteral(":rev"), change.rev)
        .bind(QStringLiteral(":hlc"), change.hlc)
        .bind(QStringLiteral(":deleted"), change.deleted ? 1 : 0)
        .bind(QStringLiteral(":at"), QDateTime::currentMSecsSinceEpoch());
    if (auto r = q.exec(); !r)
        return r.error();
    if (!q.next())
        return fail(ErrorCode::Internal, QStringLiteral("The change sequence returned no value."));
    return q.int64(0);
}

Result<qint64> ChangeLog::latestSeq(Transaction &tx)
{
    auto q = tx.query(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_log"));
    if (auto r = q.exec(); !r)
        return r.error();
    q.next();
    return q.int64(0);
}

} // namespace Lectern::Server
