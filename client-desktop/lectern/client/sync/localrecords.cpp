#include "localrecords.h"

#include "localconnection.h"
#include "localschema.h"
#include "outbox.h"

#include <QSqlQuery>
#include <algorithm>
#include <lectern/entityspec.h>
#include <lectern/merge.h>

namespace Lectern::Client {

namespace {

const char recordColumns[] = "entity, id, parent_id, server_rev, server_hlc, server_fields, "
                             "fields, deleted, server_deleted, pending";
// The same columns from record_summaries: server_fields is only said to exist, and fields come
// without their long texts.
const char summaryColumns[] = "entity, id, parent_id, server_rev, server_hlc, has_server, "
                              "summary, deleted, server_deleted, pending";

} // namespace

LocalRecords::LocalRecords(LocalConnection &connection, Outbox &outbox)
    : m_connection(connection)
    , m_outbox(outbox)
{ }

std::optional<StoredRecord> LocalRecords::load(const QString &entity, const QString &id)
{
    static const QByteArray sql = QByteArrayLiteral("SELECT ") + recordColumns
        + " FROM records WHERE entity = ? AND id = ?";
    QSqlQuery &query = m_connection.statement(sql.constData());
    std::optional<StoredRecord> row;
    if (m_connection.run(query, {entity, id}) && query.next())
        row = rowFrom(query);
    query.finish();
    return row;
}

StoredRecord LocalRecords::rowFrom(const QSqlQuery &query)
{
    StoredRecord row;
    row.entity = query.value(0).toString();
    row.id = query.value(1).toString();
    row.serverRev = query.value(3).toLongLong();
    row.serverHlc = query.value(4).toString();
    if (!query.value(5).isNull())
        row.serverFields = localJsonObject(query.value(5));
    row.fields = localJsonObject(query.value(6));
    row.deleted = query.value(7).toBool();
    row.serverDeleted = query.value(8).toBool();
    row.pending = query.value(9).toInt();
    return row;
}

namespace {
// What a record row and a summary row hold alike (columns 0-4 and 6-9); column 5 differs.
LocalRecord commonFrom(const QSqlQuery &query)
{
    LocalRecord record;
    record.entity = query.value(0).toString();
    record.id = query.value(1).toString();
    record.parentId = query.value(2).toString();
    record.serverRev = query.value(3).toLongLong();
    record.serverHlc = query.value(4).toString();
    record.fields = localJsonObject(query.value(6));
    record.deleted = query.value(7).toBool();
    record.deletedOnServer = query.value(8).toBool();
    record.pending = query.value(9).toInt();
    return record;
}
} // namespace

LocalRecord LocalRecords::recordFrom(const QSqlQuery &query)
{
    LocalRecord record = commonFrom(query);
    record.hasServerState = !query.value(5).isNull();
    if (record.hasServerState)
        record.serverFields = localJsonObject(query.value(5));
    return record;
}

LocalRecord LocalRecords::summaryFrom(const QSqlQuery &query)
{
    LocalRecord record = commonFrom(query);
    record.hasServerState = query.value(5).toBool(); // a summary keeps only whether there is one
    return record;
}

bool LocalRecords::save(const StoredRecord &row)
{
    const EntityLayout layout = layoutOf(row.entity);
    const QVariant parent = layout.parentField.isEmpty()
        ? QVariant()
        : localTextOrNull(row.fields.value(layout.parentField));
    const QVariant order = layout.orderField.isEmpty()
        ? QVariant()
        : localTextOrNull(row.fields.value(layout.orderField));
    return m_connection.run(
        "INSERT INTO records (entity, id, parent_id, order_key, server_rev, server_hlc,"
        " server_fields, fields, deleted, server_deleted, pending) VALUES (?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, (SELECT count(*) FROM outbox WHERE entity = ? AND entity_id = ?))"
        " ON CONFLICT (entity, id) DO UPDATE SET parent_id = excluded.parent_id,"
        " order_key = excluded.order_key, server_rev = excluded.server_rev,"
        " server_hlc = excluded.server_hlc, server_fields = excluded.server_fields,"
        " fields = excluded.fields, deleted = excluded.deleted,"
        " server_deleted = excluded.server_deleted, pending = excluded.pending",
        {row.entity, row.id, parent, order, row.serverRev,
         row.serverHlc.isEmpty() ? QVariant() : QVariant(row.serverHlc),
         row.serverFields ? QVariant(localJsonText(*row.serverFields)) : QVariant(),
         localJsonText(row.fields), row.deleted, row.serverDeleted, row.entity, row.id});
}

bool LocalRecords::erase(const QString &entity, const QString &id)
{
    return m_connection.run("DELETE FROM records WHERE entity = ? AND id = ?", {entity, id});
}

bool LocalRecords::refreshPending(const QString &entity, const QString &id)
{
    return m_connection.run("UPDATE records SET pending = (SELECT count(*) FROM outbox WHERE"
                            " entity = ? AND entity_id = ?) WHERE entity = ? AND id = ?",
                            {entity, id, entity, id});
}

bool LocalRecords::rebuild(const QString &entity, const QString &id)
{
    std::optional<StoredRecord> row = load(entity, id);
    if (!row)
        return true;
    const QList<StoredOp> ops = m_outbox.ofRecord(entity, id);
    if (ops.isEmpty() && !row->serverFields) {
        // Never accepted by the server and nothing left to send: the user's content is kept
        // with the refused op.
        return erase(entity, id);
    }
    row->fields = replay(entity, row->serverFields.value_or(QJsonObject()), ops);
    row->deleted = ops.isEmpty() ? row->serverDeleted : hasPendingDelete(ops);
    return save(*row);
}

QJsonObject LocalRecords::replay(const QString &entity, QJsonObject fields,
                                 const QList<StoredOp> &ops)
{
    const EntitySpec *spec = EntityRegistry::find(entity);
    for (const StoredOp &stored : ops) {
        const Sync::Op &op = stored.op;
        if (op.kind == Sync::OpKind::Delete || op.kind == Sync::OpKind::Purge)
            continue;
        for (auto it = op.patch.begin(); it != op.patch.end(); ++it) {
            const QString &name = it.key();
            const QJsonValue theirs = localDefined(fields.value(name));
            const QJsonValue mine = localDefined(it->newValue);
            const FieldSpec *field = spec ? spec->field(name) : nullptr;
            if (op.kind == Sync::OpKind::Create || !it->hasOld || !field) {
                fields.insert(name, mine);
                continue;
            }
            const QJsonValue base = localDefined(it->oldValue);
            if (theirs == mine)
                continue;
            if (theirs == base) {
                fields.insert(name, mine);
                continue;
            }
            const Merge::FieldMerge merged = Merge::mergeField(*field, base, mine, theirs);
            switch (merged.outcome) {
            case Merge::FieldMerge::Outcome::KeepTheirs:
                break;
            case Merge::FieldMerge::Outcome::TakeMine:
                fields.insert(name, mine);
                break;
            case Merge::FieldMerge::Outcome::Merged:
                fields.insert(name, merged.value);
                break;
            case Merge::FieldMerge::Outcome::Conflict:
                fields.insert(name, mine);
                break;
            }
        }
    }
    return fields;
}

bool LocalRecords::hasPendingDelete(const QList<StoredOp> &ops)
{
    return std::any_of(ops.begin(), ops.end(), [](const StoredOp &stored) {
        return stored.op.kind == Sync::OpKind::Delete || stored.op.kind == Sync::OpKind::Purge;
    });
}

QList<LocalRecord> LocalRecords::select(const char *sql, std::initializer_list<QVariant> values,
                                        LocalStore::Read read)
{
    QSqlQuery &query = m_connection.statement(sql);
    QList<LocalRecord> records;
    if (m_connection.run(query, values)) {
        while (query.next())
            records.append(read == LocalStore::Read::Summary ? summaryFrom(query)
                                                             : recordFrom(query));
    }
    query.finish();
    return records;
}

std::optional<LocalRecord> LocalRecords::record(const QString &entity, const QString &id)
{
    static const QByteArray sql = QByteArrayLiteral("SELECT ") + recordColumns
        + " FROM records WHERE entity = ? AND id = ? AND deleted = 0";
    const QList<LocalRecord> records = select(sql.constData(), {entity, id});
    if (records.isEmpty())
        return std::nullopt;
    return records.first();
}

QList<LocalRecord> LocalRecords::children(const QString &entity, const QString &parentId,
                                          LocalStore::Read read)
{
    static const QByteArray full = QByteArrayLiteral("SELECT ") + recordColumns
        + " FROM records WHERE entity = ? AND parent_id = ? AND deleted = 0"
          " ORDER BY order_key, id";
    static const QByteArray summary = QByteArrayLiteral("SELECT ") + summaryColumns
        + " FROM record_summaries WHERE entity = ? AND parent_id = ? AND deleted = 0"
          " ORDER BY order_key, id";
    return select(read == LocalStore::Read::Summary ? summary.constData() : full.constData(),
                  {entity, parentId}, read);
}

QList<LocalRecord> LocalRecords::list(const QString &entity, LocalStore::Read read)
{
    static const QByteArray full = QByteArrayLiteral("SELECT ") + recordColumns
        + " FROM records WHERE entity = ? AND deleted = 0 ORDER BY order_key, id";
    static const QByteArray summary = QByteArrayLiteral("SELECT ") + summaryColumns
        + " FROM record_summaries WHERE entity = ? AND deleted = 0 ORDER BY order_key, id";
    return select(read == LocalStore::Read::Summary ? summary.constData() : full.constData(),
                  {entity}, read);
}

qint64 LocalRecords::summaryVersion()
{
    return m_connection.scalar("SELECT seq FROM summary_clock WHERE id = 1");
}

LocalStore::SummaryChanges LocalRecords::summaryChangesSince(qint64 version,
                                                             const QStringList &entities, int limit)
{
    LocalStore::SummaryChanges changes;
    QSqlQuery &clock = m_connection.statement("SELECT seq FROM summary_clock WHERE id = 1");
    const bool read = m_connection.run(clock, {}) && clock.next();
    changes.version = read ? clock.value(0).toLongLong() : 0;
    clock.finish();
    if (!read || version > changes.version) {
        changes.complete = false;
        return changes;
    }
    if (version == changes.version)
        return changes;
    // Changes made after the clock was read come next time: they carry later numbers (a record
    // changed twice meanwhile carries its later one).
    static const QByteArray changed = QByteArrayLiteral("SELECT ") + summaryColumns
        + " FROM record_summaries WHERE entity = ? AND change_seq > ? AND change_seq <= ?"
          " ORDER BY change_seq LIMIT ?";
    for (const QString &entity : entities) {
        QSqlQuery &removed = m_connection.statement(
            "SELECT count(*) FROM summary_removals WHERE entity = ? AND seq > ?");
        const bool ok = m_connection.run(removed, {entity, version}) && removed.next()
            && removed.value(0).toLongLong() == 0;
        removed.finish();
        if (!ok) {
            changes.complete = false;
            return changes;
        }
        QSqlQuery &query = m_connection.statement(changed.constData());
        if (!m_connection.run(
                query, {entity, version, changes.version, limit + 1 - changes.records.size()})) {
            changes.complete = false;
            return changes;
        }
        while (query.next())
            changes.records.append(summaryFrom(query));
        query.finish();
        if (changes.records.size() > limit) {
            changes.complete = false;
            return changes;
        }
    }
    return changes;
}

int LocalRecords::openConflictCount()
{
    return int(m_connection.scalar("SELECT count(*) FROM records WHERE entity = ? AND deleted = 0"
                                   " AND json_extract(fields, '$.status') = 'open'",
                                   {Entities::conflict().name}));
}

qint64 LocalRecords::serverRev(const QString &entity, const QString &id)
{
    return m_connection.scalar("SELECT server_rev FROM records WHERE entity = ? AND id = ?"
                               " AND server_fields IS NOT NULL",
                               {entity, id});
}

} // namespace Lectern::Client
