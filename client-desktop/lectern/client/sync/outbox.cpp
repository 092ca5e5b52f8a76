#include "outbox.h"

#include "localconnection.h"

#include <QDateTime>
#include <QSqlQuery>
#include <lectern/jsonutil.h>

namespace Lectern::Client {

namespace {

const char opColumns[] = "device_seq, op_id, entity, entity_id, kind, base_rev, hlc, patch, "
                         "in_flight, sent";

QJsonObject encodePatch(const QMap<QString, Sync::FieldChange> &patch)
{
    QJsonObject out;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        QJsonObject change {{QStringLiteral("new"), localDefined(it->newValue)}};
        if (it->hasOld)
            change.insert(QStringLiteral("old"), localDefined(it->oldValue));
        out.insert(it.key(), change);
    }
    return out;
}

QMap<QString, Sync::FieldChange> decodePatch(const QJsonObject &json)
{
    QMap<QString, Sync::FieldChange> patch;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonObject change = it.value().toObject();
        Sync::FieldChange field;
        field.newValue = change.value(u"new");
        field.hasOld = change.contains(u"old");
        if (field.hasOld)
            field.oldValue = change.value(u"old");
        patch.insert(it.key(), field);
    }
    return patch;
}

} // namespace

Outbox::Outbox(LocalConnection &connection)
    : m_connection(connection)
{ }

StoredOp Outbox::opFrom(const QSqlQuery &query) const
{
    StoredOp stored;
    Sync::Op &op = stored.op;
    op.deviceSeq = query.value(0).toLongLong();
    op.opId = query.value(1).toString();
    op.entity = query.value(2).toString();
    op.entityId = query.value(3).toString();
    op.kind = Sync::opKindFromString(query.value(4).toString()).value_or(Sync::OpKind::Update);
    if (!query.value(5).isNull())
        op.baseRev = query.value(5).toLongLong();
    op.hlc = query.value(6).toString();
    op.patch = decodePatch(localJsonObject(query.value(7)));
    op.deviceId = m_deviceId;
    stored.inFlight = query.value(8).toBool();
    stored.sent = query.value(9).toBool();
    return stored;
}

QList<StoredOp> Outbox::ofRecord(const QString &entity, const QString &id)
{
    static const QByteArray sql = QByteArrayLiteral("SELECT ") + opColumns
        + " FROM outbox WHERE entity = ? AND entity_id = ? ORDER BY device_seq";
    QSqlQuery &query = m_connection.statement(sql.constData());
    QList<StoredOp> ops;
    if (m_connection.run(query, {entity, id})) {
        while (query.next())
            ops.append(opFrom(query));
    }
    query.finish();
    return ops;
}

bool Outbox::find(const QString &opId, std::optional<StoredOp> *found)
{
    static const QByteArray sql
        = QByteArrayLiteral("SELECT ") + opColumns + " FROM outbox WHERE op_id = ?";
    QSqlQuery &query = m_connection.statement(sql.constData());
    const bool ok = m_connection.run(query, {opId});
    if (ok && query.next())
        *found = opFrom(query);
    query.finish();
    return ok;
}

bool Outbox::insert(Sync::Op &op)
{
    QSqlQuery &query = m_connection.statement(
        "INSERT INTO outbox (op_id, entity, entity_id, kind, base_rev, hlc, patch, in_flight)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 0)");
    const bool ok = m_connection.run(query,
                                     {op.opId, op.entity, op.entityId, Sync::toString(op.kind),
                                      op.baseRev ? QVariant(*op.baseRev) : QVariant(), op.hlc,
                                      localJsonText(encodePatch(op.patch))});
    if (ok)
        op.deviceSeq = query.lastInsertId().toLongLong();
    query.finish();
    return ok;
}

bool Outbox::remove(qint64 deviceSeq)
{
    return m_connection.run("DELETE FROM outbox WHERE device_seq = ?", {deviceSeq});
}

bool Outbox::removeAllOf(const QString &entity, const QString &id)
{
    return m_connection.run("DELETE FROM outbox WHERE entity = ? AND entity_id = ?", {entity, id});
}

bool Outbox::savePatch(const Sync::Op &op)
{
    return m_connection.run("UPDATE outbox SET patch = ?, hlc = ? WHERE device_seq = ?",
                            {localJsonText(encodePatch(op.patch)), op.hlc, op.deviceSeq});
}

QList<Sync::Op> Outbox::all()
{
    static const QByteArray sql
        = QByteArrayLiteral("SELECT ") + opColumns + " FROM outbox ORDER BY device_seq";
    QSqlQuery &query = m_connection.statement(sql.constData());
    QList<Sync::Op> ops;
    if (m_connection.run(query, {})) {
        while (query.next())
            ops.append(opFrom(query).op);
    }
    query.finish();
    return ops;
}

int Outbox::count()
{
    return int(m_connection.scalar("SELECT count(*) FROM outbox"));
}

int Outbox::inFlightCount()
{
    return int(m_connection.scalar("SELECT count(*) FROM outbox WHERE in_flight = 1"));
}

bool Outbox::hasPending(const QString &entity, const QString &id)
{
    return m_connection.scalar("SELECT count(*) FROM outbox WHERE entity = ? AND entity_id = ?",
                               {entity, id})
        > 0;
}

QList<Sync::Op> Outbox::takeBatch(int maxOps, qint64 maxBytes)
{
    QList<Sync::Op> batch;
    LocalTransaction transaction(m_connection);
    if (!transaction.isOk())
        return batch;
    static const QByteArray sql = QByteArrayLiteral("SELECT ") + opColumns
        + " FROM outbox WHERE in_flight = 0 ORDER BY device_seq LIMIT ?";
    QSqlQuery &query = m_connection.statement(sql.constData());
    qint64 bytes = 0;
    if (m_connection.run(query, {qMax(1, maxOps)})) {
        while (query.next()) {
            Sync::Op op = opFrom(query).op;
            const qint64 size = Json::toBytes(op.toJson()).size() + 1;
            // One op alone goes even when it is larger: the server says whether it takes it.
            if (!batch.isEmpty() && bytes + size > maxBytes)
                break;
            bytes += size;
            batch.append(std::move(op));
        }
    }
    query.finish();
    bool ok = true;
    if (!batch.isEmpty())
        ok = m_connection.run("UPDATE outbox SET in_flight = 1, sent = 1 WHERE in_flight = 0"
                              " AND device_seq <= ?",
                              {batch.last().deviceSeq});
    if (!ok || !transaction.commit())
        return {};
    return batch;
}

bool Outbox::requeue(qint64 batchEnd)
{
    return batchEnd < 0 ? m_connection.run("UPDATE outbox SET in_flight = 0 WHERE in_flight = 1")
                        : m_connection.run("UPDATE outbox SET in_flight = 0 WHERE in_flight = 1"
                                           " AND device_seq <= ?",
                                           {batchEnd});
}

bool Outbox::reject(const Sync::Op &op, const Sync::OpResult &result, const QJsonObject &content)
{
    return m_connection.run("INSERT OR REPLACE INTO rejected (op_id, device_seq, entity, entity_id,"
                            " kind, base_rev, hlc, patch, reason, message, content, rejected_at)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            {op.opId, op.deviceSeq, op.entity, op.entityId, Sync::toString(op.kind),
                             op.baseRev ? QVariant(*op.baseRev) : QVariant(), op.hlc,
                             localJsonText(encodePatch(op.patch)), result.reason, result.message,
                             localJsonText(content), QDateTime::currentMSecsSinceEpoch()});
}

QList<RejectedOp> Outbox::rejected()
{
    QSqlQuery &query = m_connection.statement(
        "SELECT device_seq, op_id, entity, entity_id, kind, base_rev, hlc, patch, 0, reason,"
        " message, content, rejected_at FROM rejected ORDER BY device_seq");
    QList<RejectedOp> rejected;
    if (m_connection.run(query, {})) {
        while (query.next()) {
            RejectedOp op;
            op.op = opFrom(query).op;
            op.reason = query.value(9).toString();
            op.message = query.value(10).toString();
            op.content = localJsonObject(query.value(11));
            op.rejectedAt = QDateTime::fromMSecsSinceEpoch(query.value(12).toLongLong(), Qt::UTC);
            rejected.append(op);
        }
    }
    query.finish();
    return rejected;
}

int Outbox::rejectedCount()
{
    return int(m_connection.scalar("SELECT count(*) FROM rejected"));
}

bool Outbox::dismissRejected(const QString &opId)
{
    return m_connection.run("DELETE FROM rejected WHERE op_id = ?", {opId});
}

} // namespace Lectern::Client
