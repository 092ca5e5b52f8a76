#include "syncbookkeeping.h"

#include "localconnection.h"
#include "localrecords.h"
#include "localschema.h"
#include "outbox.h"
#include "synclogging.h"

#include <QSet>
#include <QSqlQuery>
#include <lectern/hlc.h>

namespace Lectern::Client {

SyncBookkeeping::SyncBookkeeping(LocalConnection &connection, LocalRecords &records, Outbox &outbox)
    : m_connection(connection)
    , m_records(records)
    , m_outbox(outbox)
{ }

SyncBookkeeping::~SyncBookkeeping() = default;

void SyncBookkeeping::setDeviceId(const QString &deviceId)
{
    if (deviceId.isEmpty())
        m_clock.reset();
    else
        m_clock = std::make_unique<HlcClock>(deviceId);
}

std::optional<QString> SyncBookkeeping::nextHlc()
{
    QSqlQuery &query = m_connection.statement("SELECT last_hlc FROM sync_state WHERE id = 1");
    Hlc last;
    if (!m_connection.run(query, {}))
        return std::nullopt;
    if (query.next())
        last = Hlc::fromString(query.value(0).toString());
    query.finish();
    Hlc next = m_clock->now();
    if (!last.isNull() && !(next > last))
        next = m_clock->receive(last);
    const QString text = next.toString();
    if (!m_connection.run("UPDATE sync_state SET last_hlc = ? WHERE id = 1", {text}))
        return std::nullopt;
    return text;
}

qint64 SyncBookkeeping::cursor()
{
    return m_connection.scalar("SELECT cursor FROM sync_state WHERE id = 1");
}

bool SyncBookkeeping::takeServerState(const Sync::Change &change)
{
    // Records with nothing waiting in the outbox simply take the server's state; the WHERE
    // leaves the others alone (no row changed), and those are rebased below. An older state
    // than the one held (a push's answer after a newer pull) changes nothing either.
    QSqlQuery &upsert = m_connection.statement(
        "INSERT INTO records (entity, id, parent_id, order_key, server_rev, server_hlc,"
        " server_fields, fields, deleted, server_deleted, pending)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"
        " ON CONFLICT (entity, id) DO UPDATE SET parent_id = excluded.parent_id,"
        " order_key = excluded.order_key, server_rev = excluded.server_rev,"
        " server_hlc = excluded.server_hlc, server_fields = excluded.server_fields,"
        " fields = excluded.fields, deleted = excluded.deleted,"
        " server_deleted = excluded.server_deleted, pending = 0"
        " WHERE records.server_rev <= excluded.server_rev AND NOT EXISTS (SELECT 1 FROM outbox"
        " WHERE outbox.entity = excluded.entity AND outbox.entity_id = excluded.id)");
    const EntityLayout layout = layoutOf(change.entity);
    const QJsonObject fields = change.deleted ? QJsonObject() : change.fields;
    const QString text = localJsonText(fields);
    const QVariant parent = layout.parentField.isEmpty()
        ? QVariant()
        : localTextOrNull(fields.value(layout.parentField));
    const QVariant order = layout.orderField.isEmpty()
        ? QVariant()
        : localTextOrNull(fields.value(layout.orderField));
    const bool ok = m_connection.run(upsert,
                                     {change.entity, change.entityId, parent, order, change.rev,
                                      change.hlc.isEmpty() ? QVariant() : QVariant(change.hlc),
                                      text, text, change.deleted, change.deleted});
    const bool taken = ok && upsert.numRowsAffected() > 0;
    upsert.finish();
    if (!ok)
        return false;
    if (taken)
        return true;

    std::optional<StoredRecord> row = m_records.load(change.entity, change.entityId);
    if (!row)
        return false;
    if (row->serverRev > change.rev)
        return m_records.rebuild(change.entity, change.entityId); // a newer state is here already
    // Pending local edits: the server's state becomes the base they are replayed on.
    const QList<StoredOp> ops = m_outbox.ofRecord(change.entity, change.entityId);
    row->serverRev = change.rev;
    row->serverHlc = change.hlc;
    if (change.deleted) {
        // Deleted on the server while edited here: the record stays visible until the server
        // hears the edits (it keeps a delete-vs-edit conflict); the last known state stays the
        // base.
        row->serverDeleted = true;
        if (!row->serverFields)
            row->serverFields = QJsonObject();
    } else {
        row->serverDeleted = false;
        row->serverFields = change.fields;
    }
    row->fields = LocalRecords::replay(change.entity, *row->serverFields, ops);
    row->deleted = ops.isEmpty() ? row->serverDeleted : LocalRecords::hasPendingDelete(ops);
    return m_records.save(*row);
}

void SyncBookkeeping::receive(const QString &newestHlc)
{
    // Keep this device's clock ahead of every change it has seen.
    if (const Hlc newest = Hlc::fromString(newestHlc); !newest.isNull())
        m_clock->receive(newest);
}

Result<void> SyncBookkeeping::applyPulled(const Sync::PullPage &page, QStringList *entities)
{
    LocalTransaction transaction(m_connection);
    if (!transaction.isOk())
        return m_connection.storageError();
    QString newestHlc;
    QSet<QString> changedEntities;
    bool ok = true;
    for (const Sync::Change &change : page.changes) {
        changedEntities.insert(change.entity);
        if (change.hlc > newestHlc)
            newestHlc = change.hlc;
        ok = takeServerState(change);
        if (!ok)
            break;
    }
    if (ok)
        ok = m_connection.run("UPDATE sync_state SET cursor = ? WHERE id = 1", {page.cursor});
    if (!ok || !transaction.commit())
        return m_connection.storageError();
    receive(newestHlc);
    if (entities) {
        for (const QString &entity : std::as_const(changedEntities)) {
            if (!entities->contains(entity))
                entities->append(entity);
        }
    }
    return {};
}

Result<void> SyncBookkeeping::applyPushResults(const QList<Sync::OpResult> &results,
                                               QStringList *entities, qint64 batchEnd)
{
    LocalTransaction transaction(m_connection);
    if (!transaction.isOk())
        return m_connection.storageError();
    bool ok = true;
    QList<QPair<QString, QString>> settled; // records whose pending count changed, in order
    QSet<QPair<QString, QString>> seen;
    QSet<QPair<QString, QString>> revert; // records to rebuild from the server's state
    // The newest state the answers gave of each record (which then needs no pull).
    QHash<QPair<QString, QString>, Sync::Change> states;
    QString newestHlc;
    for (const Sync::OpResult &result : results) {
        std::optional<StoredOp> stored;
        ok = m_outbox.find(result.opId, &stored);
        if (!ok)
            break;
        if (!stored) {
            qCDebug(lcSync) << "result for an op no longer in the outbox:" << result.opId;
            continue;
        }
        const Sync::Op &op = stored->op;
        const QPair<QString, QString> key {op.entity, op.entityId};
        if (result.outcome == Sync::Outcome::Rejected) {
            qCInfo(lcSync) << "op" << op.opId << "on" << op.entity << op.entityId
                           << "refused:" << result.reason << result.message;
            const std::optional<StoredRecord> row = m_records.load(op.entity, op.entityId);
            ok = m_outbox.reject(op, result, row ? row->fields : op.newValues());
            revert.insert(key);
        } else if (result.state && result.state->entity == op.entity
                   && result.state->entityId == op.entityId) {
            // The record as the op left it (a conflict's too: the server's value stands until
            // someone resolves it).
            auto it = states.find(key);
            if (it == states.end() || it->rev <= result.state->rev)
                states.insert(key, *result.state);
            if (result.state->hlc > newestHlc)
                newestHlc = result.state->hlc;
        } else if (result.outcome == Sync::Outcome::Conflict) {
            // The server keeps its value as the provisional winner until someone resolves the
            // conflict: show that, not the local value.
            revert.insert(key);
        } else if (m_records.serverRev(op.entity, op.entityId) >= qMax<qint64>(1, result.rev)) {
            // A pull already brought the server's state at or after this op (its answer came
            // late, e.g. after a crash): that state includes the op, so it is what to show.
            revert.insert(key);
        }
        if (ok)
            ok = m_outbox.remove(op.deviceSeq);
        if (!ok)
            break;
        if (!seen.contains(key)) {
            seen.insert(key);
            settled.append(key);
        }
        if (entities && !entities->contains(op.entity))
            entities->append(op.entity);
    }
    // Ops of the batch without an answer go out again with the next push.
    if (ok)
        ok = m_outbox.requeue(batchEnd);
    for (const auto &key : std::as_const(settled)) {
        if (!ok)
            break;
        if (auto state = states.constFind(key); state != states.constEnd())
            ok = takeServerState(*state);
        else if (revert.contains(key))
            ok = m_records.rebuild(key.first, key.second);
        else
            ok = m_records.refreshPending(key.first, key.second);
    }
    if (!ok || !transaction.commit())
        return m_connection.storageError();
    receive(newestHlc);
    return {};
}

QDateTime SyncBookkeeping::lastSuccess()
{
    const qint64 ms
        = m_connection.scalar("SELECT coalesce(last_success, 0) FROM sync_state WHERE id = 1");
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

QString SyncBookkeeping::lastError()
{
    QSqlQuery &query = m_connection.statement("SELECT last_error FROM sync_state WHERE id = 1");
    QString error;
    if (m_connection.run(query, {}) && query.next())
        error = query.value(0).toString();
    query.finish();
    return error;
}

Result<void> SyncBookkeeping::setLastSuccess(const QDateTime &when)
{
    if (!m_connection.run("UPDATE sync_state SET last_success = ?, last_error = NULL WHERE id = 1",
                          {when.toMSecsSinceEpoch()}))
        return m_connection.storageError();
    return {};
}

Result<void> SyncBookkeeping::setLastError(const QString &error)
{
    if (!m_connection.run("UPDATE sync_state SET last_error = ? WHERE id = 1",
                          {error.isEmpty() ? QVariant() : QVariant(error)}))
        return m_connection.storageError();
    return {};
}

} // namespace Lectern::Client
