#include "localstore.h"

#include "../apiclient.h"
#include "synclogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>
#include <algorithm>
#include <atomic>
#include <lectern/entityspec.h>
#include <lectern/hlc.h>
#include <lectern/jsonutil.h>
#include <lectern/merge.h>
#include <lectern/uuidv7.h>
#include <unordered_map>

namespace Lectern::Client {

Q_LOGGING_CATEGORY(lcSync, "lectern.client.sync", QtInfoMsg)

namespace {

constexpr int schemaVersion = 5;
const QString storageErrorCode = QStringLiteral("storage_error");

const char *const schema[] = {
    // What the user sees (fields) next to what the server last sent (server_fields, NULL until
    // the server has sent the record); parent_id and order_key are copied out of the fields for
    // outline queries.
    "CREATE TABLE IF NOT EXISTS records ("
    " entity TEXT NOT NULL, id TEXT NOT NULL, parent_id TEXT, order_key TEXT,"
    " server_rev INTEGER NOT NULL DEFAULT 0, server_hlc TEXT, server_fields TEXT,"
    " fields TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
    " server_deleted INTEGER NOT NULL DEFAULT 0, pending INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (entity, id)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS records_parent ON records (entity, parent_id, order_key)",
    // AUTOINCREMENT: device_seq must keep increasing even when the outbox empties.
    "CREATE TABLE IF NOT EXISTS outbox ("
    " device_seq INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL UNIQUE,"
    " entity TEXT NOT NULL, entity_id TEXT NOT NULL, kind TEXT NOT NULL, base_rev INTEGER,"
    " hlc TEXT NOT NULL, patch TEXT NOT NULL, in_flight INTEGER NOT NULL DEFAULT 0,"
    // Once an op has gone out it may have been applied (its answer lost): it is frozen, so later
    // edits never fold into it (the server would answer the first outcome and drop them).
    " sent INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS outbox_record ON outbox (entity, entity_id)",
    "CREATE TABLE IF NOT EXISTS sync_state ("
    " id INTEGER PRIMARY KEY CHECK (id = 1), device_id TEXT NOT NULL,"
    " cursor INTEGER NOT NULL DEFAULT 0, last_success INTEGER, last_error TEXT,"
    " last_hlc TEXT)",
    "CREATE TABLE IF NOT EXISTS rejected ("
    " op_id TEXT PRIMARY KEY, device_seq INTEGER NOT NULL, entity TEXT NOT NULL,"
    " entity_id TEXT NOT NULL, kind TEXT NOT NULL, base_rev INTEGER, hlc TEXT NOT NULL,"
    " patch TEXT NOT NULL, reason TEXT NOT NULL, message TEXT, content TEXT NOT NULL,"
    " rejected_at INTEGER NOT NULL)",
};

const char recordColumns[] = "entity, id, parent_id, server_rev, server_hlc, server_fields, "
                             "fields, deleted, server_deleted, pending";
// The same columns from record_summaries: server_fields is only said to exist, and fields come
// without their long texts.
const char summaryColumns[] = "entity, id, parent_id, server_rev, server_hlc, has_server, "
                              "summary, deleted, server_deleted, pending";

// JSON paths of every long-text field of the registry ("$.body", "$.description"): what a
// summary leaves out.
QString longTextPaths()
{
    QStringList paths;
    for (const EntitySpec &spec : EntityRegistry::all()) {
        for (const FieldSpec &field : spec.fields) {
            const QString path = QStringLiteral("'$.%1'").arg(field.name);
            if (field.type == FieldType::LongText && !paths.contains(path))
                paths.append(path);
        }
    }
    return paths.join(u", ");
}

// Schema 3: outlines and lists read short copies of the records, kept by triggers on every
// write, so a 5,000-lesson course opens without reading (or parsing) its lesson bodies.
// Schema 4: every summary that really changes (not a write of a lesson body alone) takes the next
// number of summary_clock, and records that leave the store for good leave the number in
// summary_removals, so a view asks what changed since it last read instead of reading
// everything again (LocalStore::summaryChangesSince()). Statements for a database at `version`.
QStringList summarySchema(int version)
{
    const QString paths = longTextPaths();
    const QString summary = QStringLiteral("json_remove(NEW.fields, %1)").arg(paths);
    const QString tick = QStringLiteral("UPDATE summary_clock SET seq = seq + 1 WHERE id = 1;");
    const QString now = QStringLiteral("(SELECT seq FROM summary_clock WHERE id = 1)");
    // Plain statements only: an upsert on records would override an OR REPLACE in here.
    const QString insert
        = QStringLiteral(
              "DELETE FROM record_summaries WHERE entity = NEW.entity AND id = NEW.id;"
              " INSERT INTO record_summaries (entity, id, parent_id, order_key, server_rev,"
              " server_hlc, has_server, summary, deleted, server_deleted, pending, change_seq)"
              " VALUES (NEW.entity, NEW.id, NEW.parent_id, NEW.order_key, NEW.server_rev,"
              " NEW.server_hlc, NEW.server_fields IS NOT NULL, %1, NEW.deleted,"
              " NEW.server_deleted, NEW.pending, %2);")
              .arg(summary, now);
    const QString update
        = QStringLiteral(
              "UPDATE record_summaries SET parent_id = NEW.parent_id, order_key = NEW.order_key,"
              " server_rev = NEW.server_rev, server_hlc = NEW.server_hlc,"
              " has_server = NEW.server_fields IS NOT NULL,"
              " summary = CASE WHEN OLD.fields IS NEW.fields THEN summary ELSE %1 END,"
              " deleted = NEW.deleted,"
              " server_deleted = NEW.server_deleted, pending = NEW.pending, change_seq = %2"
              " WHERE entity = OLD.entity AND id = OLD.id;")
              .arg(summary, now);
    // Every column a summary is made of; the long texts are taken out of both sides.
    const QString changed
        = QStringLiteral(
              "OLD.entity IS NOT NEW.entity OR OLD.id IS NOT NEW.id"
              " OR OLD.parent_id IS NOT NEW.parent_id OR OLD.order_key IS NOT NEW.order_key"
              " OR OLD.server_rev IS NOT NEW.server_rev OR OLD.server_hlc IS NOT NEW.server_hlc"
              " OR (OLD.server_fields IS NULL) IS NOT (NEW.server_fields IS NULL)"
              " OR OLD.deleted IS NOT NEW.deleted OR OLD.server_deleted IS NOT NEW.server_deleted"
              " OR OLD.pending IS NOT NEW.pending"
              // Parsing the fields only when they changed: a push's answers and pending
              // counts rewrite rows without touching them.
              " OR (OLD.fields IS NOT NEW.fields"
              " AND json_remove(OLD.fields, %1) IS NOT json_remove(NEW.fields, %1))")
              .arg(paths);
    QStringList statements {
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS record_summaries ("
            " entity TEXT NOT NULL, id TEXT NOT NULL, parent_id TEXT, order_key TEXT,"
            " server_rev INTEGER NOT NULL DEFAULT 0, server_hlc TEXT, has_server INTEGER NOT NULL,"
            " summary TEXT NOT NULL, deleted INTEGER NOT NULL, server_deleted INTEGER NOT NULL,"
            " pending INTEGER NOT NULL, change_seq INTEGER NOT NULL DEFAULT 0,"
            " PRIMARY KEY (entity, id)) WITHOUT ROWID"),
    };
    if (version == 3)
        statements.append(QStringLiteral(
            "ALTER TABLE record_summaries ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0"));
    // Older triggers give way to these (schema 5: the same, parsing fields only when changed).
    if (version < 5) {
        for (const char *trigger : {"insert", "update", "delete"})
            statements.append(QStringLiteral("DROP TRIGGER IF EXISTS records_summary_%1")
                                  .arg(QLatin1StringView(trigger)));
    }
    statements += {
        QStringLiteral("CREATE TABLE IF NOT EXISTS summary_clock ("
                       " id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL)"),
        QStringLiteral("INSERT OR IGNORE INTO summary_clock (id, seq) VALUES (1, 0)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS summary_removals ("
                       " entity TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS record_summaries_parent ON record_summaries"
                       " (entity, parent_id, order_key)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS record_summaries_change ON record_summaries"
                       " (entity, change_seq)"),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS records_summary_insert AFTER INSERT ON records"
                       " BEGIN %1 %2 END")
            .arg(tick, insert),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS records_summary_update AFTER UPDATE ON records"
                       " WHEN %1 BEGIN %2 %3 END")
            .arg(changed, tick, update),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS records_summary_delete AFTER DELETE ON records"
                       " BEGIN %1 DELETE FROM record_summaries WHERE entity = OLD.entity AND"
                       " id = OLD.id; DELETE FROM summary_removals WHERE entity = OLD.entity;"
                       " INSERT INTO summary_removals (entity, seq) VALUES (OLD.entity, %2); END")
            .arg(tick, now),
    };
    return statements;
}
const char opColumns[] = "device_seq, op_id, entity, entity_id, kind, base_rev, hlc, patch, "
                         "in_flight, sent";

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QJsonValue defined(const QJsonValue &value)
{
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

QJsonObject encodePatch(const QMap<QString, Sync::FieldChange> &patch)
{
    QJsonObject out;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        QJsonObject change {{QStringLiteral("new"), defined(it->newValue)}};
        if (it->hasOld)
            change.insert(QStringLiteral("old"), defined(it->oldValue));
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

// Where a record hangs in the outline, per entity (from the registry).
struct EntityLayout
{
    QString parentField;
    QString orderField;
};

EntityLayout layoutOf(const QString &entity)
{
    static const QHash<QString, EntityLayout> layouts = [] {
        QHash<QString, EntityLayout> result;
        for (const EntitySpec &spec : EntityRegistry::all()) {
            EntityLayout layout;
            layout.parentField = spec.parentField;
            for (const FieldSpec &field : spec.fields) {
                if (field.type == FieldType::OrderKey) {
                    layout.orderField = field.name;
                    break;
                }
            }
            result.insert(spec.name, layout);
        }
        return result;
    }();
    return layouts.value(entity);
}

QVariant textOrNull(const QJsonValue &value)
{
    return value.isString() && !value.toString().isEmpty() ? QVariant(value.toString())
                                                           : QVariant();
}

struct StoredOp
{
    Sync::Op op;
    bool inFlight = false;
    bool sent = false; // went out at least once: the server may hold it already

    // Later edits may fold into it, or drop it, only while the server cannot have seen it.
    bool frozen() const { return inFlight || sent; }
};

struct Row
{
    QString entity;
    QString id;
    qint64 serverRev = 0;
    QString serverHlc;
    std::optional<QJsonObject> serverFields;
    QJsonObject fields;
    bool deleted = false;
    bool serverDeleted = false;
    int pending = 0;
};

// The user's view of a record: the server's state with each pending op replayed on top, merged
// field by field as the server will (on a conflict the local value stays: the server decides).
QJsonObject replay(const QString &entity, QJsonObject fields, const QList<StoredOp> &ops)
{
    const EntitySpec *spec = EntityRegistry::find(entity);
    for (const StoredOp &stored : ops) {
        const Sync::Op &op = stored.op;
        if (op.kind == Sync::OpKind::Delete || op.kind == Sync::OpKind::Purge)
            continue;
        for (auto it = op.patch.begin(); it != op.patch.end(); ++it) {
            const QString &name = it.key();
            const QJsonValue theirs = defined(fields.value(name));
            const QJsonValue mine = defined(it->newValue);
            const FieldSpec *field = spec ? spec->field(name) : nullptr;
            if (op.kind == Sync::OpKind::Create || !it->hasOld || !field) {
                fields.insert(name, mine);
                continue;
            }
            const QJsonValue base = defined(it->oldValue);
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

bool hasPendingDelete(const QList<StoredOp> &ops)
{
    return std::any_of(ops.begin(), ops.end(), [](const StoredOp &stored) {
        return stored.op.kind == Sync::OpKind::Delete || stored.op.kind == Sync::OpKind::Purge;
    });
}

std::atomic<int> connectionCounter {0};

} // namespace

struct LocalStore::Private
{
    QString connectionName;
    QString path;
    QString deviceId;
    QSqlDatabase db;
    std::unique_ptr<HlcClock> clock;
    // Prepared statements by their SQL text (always a string literal, so its address will do).
    std::unordered_map<const char *, std::unique_ptr<QSqlQuery>> statements;
    QString lastSqlError;

    QSqlQuery &statement(const char *sql)
    {
        auto it = statements.find(sql);
        if (it != statements.end())
            return *it->second;
        auto query = std::make_unique<QSqlQuery>(db);
        query->setForwardOnly(true);
        if (!query->prepare(QString::fromLatin1(sql)))
            qCWarning(lcSync) << "cannot prepare" << sql << query->lastError().text();
        return *statements.emplace(sql, std::move(query)).first->second;
    }

    // Runs a prepared statement with positional values. A SELECT's rows are read by the caller,
    // who then calls finish() so that no statement keeps a read snapshot open.
    bool run(QSqlQuery &query, std::initializer_list<QVariant> values)
    {
        int i = 0;
        for (const QVariant &value : values)
            query.bindValue(i++, value);
        if (query.exec())
            return true;
        lastSqlError = query.lastError().text();
        qCWarning(lcSync).noquote() << "SQL failed:" << query.lastQuery() << lastSqlError;
        return false;
    }
    bool run(const char *sql, std::initializer_list<QVariant> values = {})
    {
        QSqlQuery &query = statement(sql);
        const bool ok = run(query, values);
        query.finish();
        return ok;
    }

    Error storageError() const
    {
        return Error(storageErrorCode,
                     LocalStore::tr("The offline copy on this computer could not be updated: %1")
                         .arg(lastSqlError));
    }

    bool begin()
    {
        // IMMEDIATE: take the write lock at once, so that two connections never both read and
        // then both try to upgrade (which SQLite answers with "database is locked").
        QSqlQuery query(db);
        if (query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return true;
        lastSqlError = query.lastError().text();
        qCWarning(lcSync) << "cannot begin a transaction:" << lastSqlError;
        return false;
    }
    bool commit()
    {
        QSqlQuery query(db);
        if (query.exec(QStringLiteral("COMMIT")))
            return true;
        lastSqlError = query.lastError().text();
        qCWarning(lcSync) << "cannot commit:" << lastSqlError;
        return false;
    }
    void rollback()
    {
        QSqlQuery query(db);
        query.exec(QStringLiteral("ROLLBACK"));
    }

    std::optional<Row> loadRow(const QString &entity, const QString &id)
    {
        static const QByteArray sql = QByteArrayLiteral("SELECT ") + recordColumns
            + " FROM records WHERE entity = ? AND id = ?";
        QSqlQuery &query = statement(sql.constData());
        std::optional<Row> row;
        if (run(query, {entity, id}) && query.next())
            row = rowFrom(query);
        query.finish();
        return row;
    }

    static Row rowFrom(const QSqlQuery &query)
    {
        Row row;
        row.entity = query.value(0).toString();
        row.id = query.value(1).toString();
        row.serverRev = query.value(3).toLongLong();
        row.serverHlc = query.value(4).toString();
        if (!query.value(5).isNull())
            row.serverFields = jsonObject(query.value(5));
        row.fields = jsonObject(query.value(6));
        row.deleted = query.value(7).toBool();
        row.serverDeleted = query.value(8).toBool();
        row.pending = query.value(9).toInt();
        return row;
    }

    static LocalRecord recordFrom(const QSqlQuery &query)
    {
        LocalRecord record;
        record.entity = query.value(0).toString();
        record.id = query.value(1).toString();
        record.parentId = query.value(2).toString();
        record.serverRev = query.value(3).toLongLong();
        record.serverHlc = query.value(4).toString();
        record.hasServerState = !query.value(5).isNull();
        if (record.hasServerState)
            record.serverFields = jsonObject(query.value(5));
        record.fields = jsonObject(query.value(6));
        record.deleted = query.value(7).toBool();
        record.deletedOnServer = query.value(8).toBool();
        record.pending = query.value(9).toInt();
        return record;
    }

    static LocalRecord summaryFrom(const QSqlQuery &query)
    {
        LocalRecord record;
        record.entity = query.value(0).toString();
        record.id = query.value(1).toString();
        record.parentId = query.value(2).toString();
        record.serverRev = query.value(3).toLongLong();
        record.serverHlc = query.value(4).toString();
        record.hasServerState = query.value(5).toBool();
        record.fields = jsonObject(query.value(6));
        record.deleted = query.value(7).toBool();
        record.deletedOnServer = query.value(8).toBool();
        record.pending = query.value(9).toInt();
        return record;
    }

    // Writes the whole row; parent and order key are read off the fields, pending is counted.
    bool saveRow(const Row &row)
    {
        const EntityLayout layout = layoutOf(row.entity);
        const QVariant parent = layout.parentField.isEmpty()
            ? QVariant()
            : textOrNull(row.fields.value(layout.parentField));
        const QVariant order = layout.orderField.isEmpty()
            ? QVariant()
            : textOrNull(row.fields.value(layout.orderField));
        return run(
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
             row.serverFields ? QVariant(jsonText(*row.serverFields)) : QVariant(),
             jsonText(row.fields), row.deleted, row.serverDeleted, row.entity, row.id});
    }

    bool refreshPending(const QString &entity, const QString &id)
    {
        return run("UPDATE records SET pending = (SELECT count(*) FROM outbox WHERE entity = ?"
                   " AND entity_id = ?) WHERE entity = ? AND id = ?",
                   {entity, id, entity, id});
    }

    StoredOp opFrom(const QSqlQuery &query) const
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
        op.patch = decodePatch(jsonObject(query.value(7)));
        op.deviceId = deviceId;
        stored.inFlight = query.value(8).toBool();
        stored.sent = query.value(9).toBool();
        return stored;
    }

    QList<StoredOp> loadOps(const QString &entity, const QString &id)
    {
        static const QByteArray sql = QByteArrayLiteral("SELECT ") + opColumns
            + " FROM outbox WHERE entity = ? AND entity_id = ? ORDER BY device_seq";
        QSqlQuery &query = statement(sql.constData());
        QList<StoredOp> ops;
        if (run(query, {entity, id})) {
            while (query.next())
                ops.append(opFrom(query));
        }
        query.finish();
        return ops;
    }

    bool insertOp(Sync::Op &op)
    {
        QSqlQuery &query = statement(
            "INSERT INTO outbox (op_id, entity, entity_id, kind, base_rev, hlc, patch, in_flight)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 0)");
        const bool ok = run(query,
                            {op.opId, op.entity, op.entityId, Sync::toString(op.kind),
                             op.baseRev ? QVariant(*op.baseRev) : QVariant(), op.hlc,
                             jsonText(encodePatch(op.patch))});
        if (ok)
            op.deviceSeq = query.lastInsertId().toLongLong();
        query.finish();
        return ok;
    }

    // A timestamp later than any this database has handed out, whichever connection made it.
    std::optional<QString> nextHlc()
    {
        QSqlQuery &query = statement("SELECT last_hlc FROM sync_state WHERE id = 1");
        Hlc last;
        if (!run(query, {}))
            return std::nullopt;
        if (query.next())
            last = Hlc::fromString(query.value(0).toString());
        query.finish();
        Hlc next = clock->now();
        if (!last.isNull() && !(next > last))
            next = clock->receive(last);
        const QString text = next.toString();
        if (!run("UPDATE sync_state SET last_hlc = ? WHERE id = 1", {text}))
            return std::nullopt;
        return text;
    }

    bool removeOp(qint64 deviceSeq)
    {
        return run("DELETE FROM outbox WHERE device_seq = ?", {deviceSeq});
    }

    bool saveOpPatch(const Sync::Op &op)
    {
        return run("UPDATE outbox SET patch = ?, hlc = ? WHERE device_seq = ?",
                   {jsonText(encodePatch(op.patch)), op.hlc, op.deviceSeq});
    }

    // Recomputes a record from the server's state and its remaining pending ops.
    bool rebuild(const QString &entity, const QString &id)
    {
        std::optional<Row> row = loadRow(entity, id);
        if (!row)
            return true;
        const QList<StoredOp> ops = loadOps(entity, id);
        if (ops.isEmpty() && !row->serverFields) {
            // Never accepted by the server and nothing left to send: the user's content is kept
            // with the refused op.
            return run("DELETE FROM records WHERE entity = ? AND id = ?", {entity, id});
        }
        row->fields = replay(entity, row->serverFields.value_or(QJsonObject()), ops);
        row->deleted = ops.isEmpty() ? row->serverDeleted : hasPendingDelete(ops);
        return saveRow(*row);
    }

    QList<LocalRecord> selectRecords(const char *sql, std::initializer_list<QVariant> values,
                                     LocalStore::Read read = LocalStore::Read::Full)
    {
        QSqlQuery &query = statement(sql);
        QList<LocalRecord> records;
        if (run(query, values)) {
            while (query.next())
                records.append(read == LocalStore::Read::Summary ? summaryFrom(query)
                                                                 : recordFrom(query));
        }
        query.finish();
        return records;
    }

    qint64 scalar(const char *sql, std::initializer_list<QVariant> values = {})
    {
        QSqlQuery &query = statement(sql);
        qint64 value = 0;
        if (run(query, values) && query.next())
            value = query.value(0).toLongLong();
        query.finish();
        return value;
    }
};

LocalStore::LocalStore()
    : d(std::make_unique<Private>())
{ }

LocalStore::~LocalStore()
{
    close();
}

QString LocalStore::pathFor(const QUrl &server, const QString &userId, const QString &dataDir)
{
    const QString base = dataDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : dataDir;
    // The server's address in a form safe on every file system; the user id is a UUID.
    const QString url = ApiClient::normalizedServerUrl(server).toString(QUrl::FullyEncoded);
    const QByteArray digest = QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha256);
    QString user = userId;
    user.remove(QLatin1Char('/')).remove(QLatin1Char('\\')).remove(QLatin1Char('.'));
    return QDir(base).filePath(QStringLiteral("accounts/")
                               + QString::fromLatin1(digest.toHex().left(16)) + u'/' + user
                               + QStringLiteral("/lectern.sqlite"));
}

Result<void> LocalStore::open(const QString &path)
{
    close();
    QDir().mkpath(QFileInfo(path).absolutePath());
    d->connectionName = QStringLiteral("lectern-localstore-%1").arg(++connectionCounter);
    d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connectionName);
    d->db.setDatabaseName(path);
    d->db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!d->db.open()) {
        d->lastSqlError = d->db.lastError().text();
        const Error error = d->storageError();
        close();
        return error;
    }
    d->path = path;

    QSqlQuery query(d->db);
    for (const char *pragma :
         {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"}) {
        if (!query.exec(QString::fromLatin1(pragma)))
            qCWarning(lcSync) << pragma << "failed:" << query.lastError().text();
    }
    if (!d->begin()) {
        const Error error = d->storageError();
        close();
        return error;
    }
    bool ok = true;
    // Version 1 outboxes had no `sent` column.
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()
        && query.value(0).toInt() == 1) {
        query.finish();
        query.exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN sent INTEGER NOT NULL DEFAULT 0"));
    }
    query.finish();
    int version = 0;
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        version = query.value(0).toInt();
    query.finish();
    QStringList statements;
    for (const char *statement : schema)
        statements.append(QString::fromLatin1(statement));
    statements += summarySchema(version);
    // Databases made before schema 3 fill their summaries once.
    if (version < 3)
        statements.append(
            QStringLiteral(
                "INSERT OR REPLACE INTO record_summaries (entity, id, parent_id, order_key,"
                " server_rev, server_hlc, has_server, summary, deleted, server_deleted, pending)"
                " SELECT entity, id, parent_id, order_key, server_rev, server_hlc,"
                " server_fields IS NOT NULL, json_remove(fields, %1), deleted, server_deleted,"
                " pending FROM records")
                .arg(longTextPaths()));
    for (const QString &statement : std::as_const(statements)) {
        if (!query.exec(statement)) {
            d->lastSqlError = query.lastError().text();
            ok = false;
            break;
        }
    }
    if (ok) {
        ok = query.exec(QStringLiteral("INSERT OR IGNORE INTO sync_state (id, device_id, cursor)"
                                       " VALUES (1, '%1', 0)")
                            .arg(createUuidV7String()))
            && query.exec(QStringLiteral("PRAGMA user_version = %1").arg(schemaVersion))
            && query.exec(QStringLiteral("SELECT device_id FROM sync_state WHERE id = 1"))
            && query.next();
        if (ok)
            d->deviceId = query.value(0).toString();
        else
            d->lastSqlError = query.lastError().text();
        query.finish();
    }
    if (!ok || !d->commit()) {
        d->rollback();
        const Error error = d->storageError();
        close();
        return error;
    }
    d->clock = std::make_unique<HlcClock>(d->deviceId);
    qCDebug(lcSync) << "opened" << path << "device" << d->deviceId;
    return {};
}

void LocalStore::close()
{
    d->statements.clear();
    if (d->connectionName.isEmpty())
        return;
    d->db.close();
    d->db = QSqlDatabase();
    QSqlDatabase::removeDatabase(d->connectionName);
    d->connectionName.clear();
    d->path.clear();
    d->deviceId.clear();
    d->clock.reset();
}

bool LocalStore::isOpen() const
{
    return !d->connectionName.isEmpty() && d->db.isOpen();
}

QString LocalStore::path() const
{
    return d->path;
}

QString LocalStore::deviceId() const
{
    return d->deviceId;
}

Result<QString> LocalStore::create(const QString &entity, const QJsonObject &fields)
{
    return add(entity, fields, Sync::OpKind::Create);
}

Result<QString> LocalStore::append(const QString &entity, const QJsonObject &fields)
{
    return add(entity, fields, Sync::OpKind::Append);
}

namespace {
// The refusals every edit gives alike: an unknown entity, one only the server changes, and the
// wrong kind of edit for append-only records (or an append of an editable one).
std::optional<Error> refuseEdit(const EntitySpec *spec, const QString &entity, Sync::OpKind kind)
{
    if (!spec)
        return Error(
            QString::fromLatin1(Sync::Reason::UnknownEntity),
            LocalStore::tr("Lectern does not know records of the kind \"%1\".").arg(entity));
    if (!spec->syncWritable)
        return Error(QString::fromLatin1(Sync::Reason::ServerDecides),
                     LocalStore::tr("This can only be changed while connected to the server."));
    if (spec->isAppendOnly() && kind != Sync::OpKind::Append)
        return Error(QString::fromLatin1(Sync::Reason::AppendOnly),
                     LocalStore::tr("These records are kept as they were made and cannot be "
                                    "changed or deleted."));
    if (!spec->isAppendOnly() && kind == Sync::OpKind::Append)
        return Error(
            QString::fromLatin1(Sync::Reason::ValidationFailed),
            LocalStore::tr("Records of the kind \"%1\" are created, not appended.").arg(entity));
    return std::nullopt;
}
} // namespace

Result<QString> LocalStore::add(const QString &entity, const QJsonObject &fields, Sync::OpKind kind)
{
    const EntitySpec *spec = EntityRegistry::find(entity);
    if (const std::optional<Error> refused = refuseEdit(spec, entity, kind))
        return *refused;
    ValidationErrors errors = spec->validate(fields, EntitySpec::Mode::Create);
    QString id = fields.value(u"id").toString().toLower();
    if (id.isEmpty())
        id = createUuidV7String();
    else if (!isUuidString(id))
        errors.add(QStringLiteral("id"), tr("must be a UUID"));
    if (!errors.isEmpty())
        return errors.toError();
    if (!isOpen())
        return Error(storageErrorCode, tr("The offline copy on this computer is not open."));

    const QJsonObject values = spec->normalize(fields, EntitySpec::Mode::Create);
    if (!d->begin())
        return d->storageError();
    if (d->loadRow(entity, id)) {
        d->rollback();
        // An append-only record is made once: the same one again is not a second one.
        if (kind == Sync::OpKind::Append)
            return id;
        return Error(QString::fromLatin1(ErrorCode::AlreadyExists),
                     tr("A record with this id exists already."));
    }
    const std::optional<QString> hlc = d->nextHlc();
    Sync::Op op;
    op.opId = createUuidV7String();
    op.deviceId = d->deviceId;
    op.hlc = hlc.value_or(QString());
    op.entity = entity;
    op.entityId = id;
    op.kind = kind;
    for (auto it = values.begin(); it != values.end(); ++it)
        op.patch.insert(it.key(), Sync::FieldChange {{}, it.value(), false});

    Row row;
    row.entity = entity;
    row.id = id;
    row.fields = values;
    row.fields.insert(QStringLiteral("id"), id);
    if (!hlc || !d->insertOp(op) || !d->saveRow(row) || !d->commit()) {
        d->rollback();
        return d->storageError();
    }
    return id;
}

Result<void> LocalStore::update(const QString &entity, const QString &id,
                                const QJsonObject &changes, const QJsonObject &bases)
{
    const EntitySpec *spec = EntityRegistry::find(entity);
    if (const std::optional<Error> refused = refuseEdit(spec, entity, Sync::OpKind::Update))
        return *refused;
    const ValidationErrors errors = spec->validate(changes, EntitySpec::Mode::Update);
    if (!errors.isEmpty())
        return errors.toError();
    if (!isOpen())
        return Error(storageErrorCode, tr("The offline copy on this computer is not open."));
    const QJsonObject values = spec->normalize(changes, EntitySpec::Mode::Update);

    if (!d->begin())
        return d->storageError();
    std::optional<Row> row = d->loadRow(entity, id);
    if (!row || row->deleted) {
        d->rollback();
        return Error(QString::fromLatin1(ErrorCode::NotFound), tr("This record no longer exists."));
    }

    QJsonObject merged = values;
    // Fields whose edit overlaps what arrived meanwhile: the op says what the editor started
    // from, so the server sees both edits and keeps them in a conflict instead of taking this
    // one over the other.
    QJsonObject overlapping;
    for (auto it = bases.begin(); it != bases.end(); ++it) {
        const FieldSpec *field = spec->field(it.key());
        const QJsonValue current = row->fields.value(it.key());
        if (!field || field->merge != MergeRule::Text || !merged.contains(it.key())
            || current == it.value())
            continue;
        const Merge::TextMerge text = Merge::mergeText(
            it.value().toString(), merged.value(it.key()).toString(), current.toString());
        if (text.clean)
            merged.insert(it.key(), text.merged);
        else
            overlapping.insert(it.key(), it.value());
    }

    QMap<QString, QJsonValue> changed;
    for (auto it = merged.begin(); it != merged.end(); ++it) {
        if (defined(row->fields.value(it.key())) != defined(it.value()))
            changed.insert(it.key(), defined(it.value()));
    }
    if (changed.isEmpty()) {
        d->rollback();
        return {};
    }

    const std::optional<QString> hlc = d->nextHlc();
    if (!hlc) {
        d->rollback();
        return d->storageError();
    }
    QList<StoredOp> ops = d->loadOps(entity, id);
    QSet<int> touched; // indexes into ops
    QMap<QString, Sync::FieldChange> rest;
    for (auto it = changed.begin(); it != changed.end(); ++it) {
        const QString &name = it.key();
        // In-flight ops always precede queued ones (a batch is the head of the outbox), so the
        // newest op holding this field is the one to fold into, if it is not on its way yet.
        int holder = -1;
        for (int i = ops.size() - 1; i >= 0 && !ops[i].frozen(); --i) {
            if (ops[i].op.patch.contains(name)) {
                holder = i;
                break;
            }
        }
        if (holder >= 0) {
            Sync::FieldChange &change = ops[holder].op.patch[name];
            change.newValue = it.value();
            // Back to where it started: the old value, or for a field the record never had,
            // what such a record holds (an undone first publish is `false`, not null).
            const FieldSpec *field = spec->field(name);
            const QJsonValue started = change.oldValue.isNull() && field ? field->absentValue()
                                                                         : defined(change.oldValue);
            if (change.hasOld && (defined(change.oldValue) == it.value() || started == it.value()))
                ops[holder].op.patch.remove(name);
            touched.insert(holder);
        } else {
            const QJsonValue old
                = overlapping.contains(name) ? overlapping.value(name) : row->fields.value(name);
            rest.insert(name, Sync::FieldChange {defined(old), it.value(), true});
        }
    }
    bool ok = true;
    if (!rest.isEmpty()) {
        const int last = int(ops.size()) - 1;
        if (last >= 0 && !ops[last].frozen()
            && (ops[last].op.kind == Sync::OpKind::Update
                || ops[last].op.kind == Sync::OpKind::Create)) {
            const bool isCreate = ops[last].op.kind == Sync::OpKind::Create;
            for (auto it = rest.begin(); it != rest.end(); ++it) {
                Sync::FieldChange change = it.value();
                if (isCreate)
                    change = Sync::FieldChange {{}, change.newValue, false};
                ops[last].op.patch.insert(it.key(), change);
            }
            touched.insert(last);
        } else {
            Sync::Op op;
            op.opId = createUuidV7String();
            op.deviceId = d->deviceId;
            op.hlc = *hlc;
            op.entity = entity;
            op.entityId = id;
            op.kind = Sync::OpKind::Update;
            if (row->serverFields)
                op.baseRev = row->serverRev;
            op.patch = rest;
            ok = d->insertOp(op);
        }
    }
    for (int index : std::as_const(touched)) {
        if (!ok)
            break;
        Sync::Op &op = ops[index].op;
        op.hlc = *hlc;
        if (op.patch.isEmpty() && op.kind == Sync::OpKind::Update)
            ok = d->removeOp(op.deviceSeq);
        else
            ok = d->saveOpPatch(op);
    }
    for (auto it = changed.begin(); it != changed.end(); ++it)
        row->fields.insert(it.key(), it.value());
    if (!ok || !d->saveRow(*row) || !d->commit()) {
        d->rollback();
        return d->storageError();
    }
    return {};
}

Result<void> LocalStore::remove(const QString &entity, const QString &id)
{
    const EntitySpec *spec = EntityRegistry::find(entity);
    if (spec) {
        if (const std::optional<Error> refused = refuseEdit(spec, entity, Sync::OpKind::Delete))
            return *refused;
    }
    if (!isOpen())
        return Error(storageErrorCode, tr("The offline copy on this computer is not open."));
    if (!d->begin())
        return d->storageError();
    std::optional<Row> row = d->loadRow(entity, id);
    if (!row || row->deleted) {
        d->rollback();
        return Error(QString::fromLatin1(ErrorCode::NotFound), tr("This record no longer exists."));
    }
    const QList<StoredOp> ops = d->loadOps(entity, id);
    const bool neverPushed = !row->serverFields && !ops.isEmpty()
        && ops.first().op.kind == Sync::OpKind::Create
        && std::none_of(ops.begin(), ops.end(), [](const StoredOp &op) { return op.frozen(); });
    bool ok = true;
    if (neverPushed) {
        // The server never heard of it: forgetting it here is the whole delete.
        ok = d->run("DELETE FROM outbox WHERE entity = ? AND entity_id = ?", {entity, id})
            && d->run("DELETE FROM records WHERE entity = ? AND id = ?", {entity, id});
    } else {
        const std::optional<QString> hlc = d->nextHlc();
        Sync::Op op;
        op.opId = createUuidV7String();
        op.deviceId = d->deviceId;
        op.hlc = hlc.value_or(QString());
        op.entity = entity;
        op.entityId = id;
        op.kind = Sync::OpKind::Delete;
        if (row->serverFields)
            op.baseRev = row->serverRev;
        row->deleted = true;
        ok = hlc && d->insertOp(op) && d->saveRow(*row);
    }
    if (!ok || !d->commit()) {
        d->rollback();
        return d->storageError();
    }
    return {};
}

std::optional<LocalRecord> LocalStore::record(const QString &entity, const QString &id) const
{
    static const QByteArray sql = QByteArrayLiteral("SELECT ") + recordColumns
        + " FROM records WHERE entity = ? AND id = ? AND deleted = 0";
    const QList<LocalRecord> records = d->selectRecords(sql.constData(), {entity, id});
    if (records.isEmpty())
        return std::nullopt;
    return records.first();
}

QList<LocalRecord> LocalStore::children(const QString &entity, const QString &parentId,
                                        Read read) const
{
    static const QByteArray full = QByteArrayLiteral("SELECT ") + recordColumns
        + " FROM records WHERE entity = ? AND parent_id = ? AND deleted = 0"
          " ORDER BY order_key, id";
    static const QByteArray summary = QByteArrayLiteral("SELECT ") + summaryColumns
        + " FROM record_summaries WHERE entity = ? AND parent_id = ? AND deleted = 0"
          " ORDER BY order_key, id";
    return d->selectRecords(read == Read::Summary ? summary.constData() : full.constData(),
                            {entity, parentId}, read);
}

QList<LocalRecord> LocalStore::list(const QString &entity, Read read) const
{
    static const QByteArray full = QByteArrayLiteral("SELECT ") + recordColumns
        + " FROM records WHERE entity = ? AND deleted = 0 ORDER BY order_key, id";
    static const QByteArray summary = QByteArrayLiteral("SELECT ") + summaryColumns
        + " FROM record_summaries WHERE entity = ? AND deleted = 0 ORDER BY order_key, id";
    return d->selectRecords(read == Read::Summary ? summary.constData() : full.constData(),
                            {entity}, read);
}

qint64 LocalStore::summaryVersion() const
{
    return d->scalar("SELECT seq FROM summary_clock WHERE id = 1");
}

LocalStore::SummaryChanges
LocalStore::summaryChangesSince(qint64 version, const QStringList &entities, int limit) const
{
    SummaryChanges changes;
    QSqlQuery &clock = d->statement("SELECT seq FROM summary_clock WHERE id = 1");
    const bool read = d->run(clock, {}) && clock.next();
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
        QSqlQuery &removed
            = d->statement("SELECT count(*) FROM summary_removals WHERE entity = ? AND seq > ?");
        const bool ok = d->run(removed, {entity, version}) && removed.next()
            && removed.value(0).toLongLong() == 0;
        removed.finish();
        if (!ok) {
            changes.complete = false;
            return changes;
        }
        QSqlQuery &query = d->statement(changed.constData());
        if (!d->run(query,
                    {entity, version, changes.version, limit + 1 - changes.records.size()})) {
            changes.complete = false;
            return changes;
        }
        while (query.next())
            changes.records.append(Private::summaryFrom(query));
        query.finish();
        if (changes.records.size() > limit) {
            changes.complete = false;
            return changes;
        }
    }
    return changes;
}

int LocalStore::pendingCount() const
{
    return int(d->scalar("SELECT count(*) FROM outbox"));
}

bool LocalStore::hasPending(const QString &entity, const QString &id) const
{
    return d->scalar("SELECT count(*) FROM outbox WHERE entity = ? AND entity_id = ?", {entity, id})
        > 0;
}

QList<LocalRecord> LocalStore::openConflicts() const
{
    QList<LocalRecord> open;
    for (const LocalRecord &conflict : list(Entities::conflict().name)) {
        if (conflict.fields.value(u"status").toString() == u"open")
            open.append(conflict);
    }
    return open;
}

int LocalStore::openConflictCount() const
{
    return int(d->scalar("SELECT count(*) FROM records WHERE entity = 'conflict' AND deleted = 0"
                         " AND json_extract(fields, '$.status') = 'open'"));
}

QList<RejectedOp> LocalStore::rejectedOps() const
{
    QSqlQuery &query = d->statement(
        "SELECT device_seq, op_id, entity, entity_id, kind, base_rev, hlc, patch, 0, reason,"
        " message, content, rejected_at FROM rejected ORDER BY device_seq");
    QList<RejectedOp> rejected;
    if (d->run(query, {})) {
        while (query.next()) {
            RejectedOp op;
            op.op = d->opFrom(query).op;
            op.reason = query.value(9).toString();
            op.message = query.value(10).toString();
            op.content = jsonObject(query.value(11));
            op.rejectedAt = QDateTime::fromMSecsSinceEpoch(query.value(12).toLongLong(), Qt::UTC);
            rejected.append(op);
        }
    }
    query.finish();
    return rejected;
}

int LocalStore::rejectedCount() const
{
    return int(d->scalar("SELECT count(*) FROM rejected"));
}

Result<void> LocalStore::dismissRejected(const QString &opId)
{
    if (!d->run("DELETE FROM rejected WHERE op_id = ?", {opId}))
        return d->storageError();
    return {};
}

QList<Sync::Op> LocalStore::outbox() const
{
    static const QByteArray sql
        = QByteArrayLiteral("SELECT ") + opColumns + " FROM outbox ORDER BY device_seq";
    QSqlQuery &query = d->statement(sql.constData());
    QList<Sync::Op> ops;
    if (d->run(query, {})) {
        while (query.next())
            ops.append(d->opFrom(query).op);
    }
    query.finish();
    return ops;
}

int LocalStore::inFlightCount() const
{
    return int(d->scalar("SELECT count(*) FROM outbox WHERE in_flight = 1"));
}

qint64 LocalStore::cursor() const
{
    return d->scalar("SELECT cursor FROM sync_state WHERE id = 1");
}

Result<void> LocalStore::applyPulled(const Sync::PullPage &page, QStringList *entities)
{
    if (!isOpen())
        return Error(storageErrorCode, tr("The offline copy on this computer is not open."));
    if (!d->begin())
        return d->storageError();
    // Records with nothing pending simply take the server's state; the WHERE leaves the others
    // alone (no row changed), and those are rebased below.
    QSqlQuery &upsert = d->statement(
        "INSERT INTO records (entity, id, parent_id, order_key, server_rev, server_hlc,"
        " server_fields, fields, deleted, server_deleted, pending)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"
        " ON CONFLICT (entity, id) DO UPDATE SET parent_id = excluded.parent_id,"
        " order_key = excluded.order_key, server_rev = excluded.server_rev,"
        " server_hlc = excluded.server_hlc, server_fields = excluded.server_fields,"
        " fields = excluded.fields, deleted = excluded.deleted,"
        " server_deleted = excluded.server_deleted WHERE records.pending = 0");
    QString newestHlc;
    QSet<QString> changedEntities;
    bool ok = true;
    for (const Sync::Change &change : page.changes) {
        changedEntities.insert(change.entity);
        if (change.hlc > newestHlc)
            newestHlc = change.hlc;
        const EntityLayout layout = layoutOf(change.entity);
        const QJsonObject fields = change.deleted ? QJsonObject() : change.fields;
        const QString text = jsonText(fields);
        const QVariant parent = layout.parentField.isEmpty()
            ? QVariant()
            : textOrNull(fields.value(layout.parentField));
        const QVariant order = layout.orderField.isEmpty()
            ? QVariant()
            : textOrNull(fields.value(layout.orderField));
        ok = d->run(upsert,
                    {change.entity, change.entityId, parent, order, change.rev,
                     change.hlc.isEmpty() ? QVariant() : QVariant(change.hlc), text, text,
                     change.deleted, change.deleted});
        if (!ok)
            break;
        if (upsert.numRowsAffected() > 0)
            continue;

        // Pending local edits: the server's state becomes the base they are replayed on.
        std::optional<Row> row = d->loadRow(change.entity, change.entityId);
        if (!row) {
            ok = false;
            break;
        }
        const QList<StoredOp> ops = d->loadOps(change.entity, change.entityId);
        row->serverRev = change.rev;
        row->serverHlc = change.hlc;
        if (change.deleted) {
            // Deleted on the server while edited here: the record stays visible until the server
            // hears the edits (it keeps a delete-vs-edit conflict); the last known state stays
            // the base.
            row->serverDeleted = true;
            if (!row->serverFields)
                row->serverFields = QJsonObject();
        } else {
            row->serverDeleted = false;
            row->serverFields = change.fields;
        }
        row->fields = replay(change.entity, *row->serverFields, ops);
        row->deleted = ops.isEmpty() ? row->serverDeleted : hasPendingDelete(ops);
        ok = d->saveRow(*row);
        if (!ok)
            break;
    }
    upsert.finish();
    if (ok)
        ok = d->run("UPDATE sync_state SET cursor = ? WHERE id = 1", {page.cursor});
    if (!ok || !d->commit()) {
        d->rollback();
        return d->storageError();
    }
    // Keep this device's clock ahead of every change it has seen.
    if (const Hlc newest = Hlc::fromString(newestHlc); !newest.isNull())
        d->clock->receive(newest);
    if (entities) {
        for (const QString &entity : std::as_const(changedEntities)) {
            if (!entities->contains(entity))
                entities->append(entity);
        }
    }
    return {};
}

QList<Sync::Op> LocalStore::takeBatch(int maxOps, qint64 maxBytes)
{
    QList<Sync::Op> batch;
    if (!isOpen() || !d->begin())
        return batch;
    static const QByteArray sql = QByteArrayLiteral("SELECT ") + opColumns
        + " FROM outbox WHERE in_flight = 0 ORDER BY device_seq LIMIT ?";
    QSqlQuery &query = d->statement(sql.constData());
    qint64 bytes = 0;
    if (d->run(query, {qMax(1, maxOps)})) {
        while (query.next()) {
            Sync::Op op = d->opFrom(query).op;
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
        ok = d->run("UPDATE outbox SET in_flight = 1, sent = 1 WHERE in_flight = 0"
                    " AND device_seq <= ?",
                    {batch.last().deviceSeq});
    if (!ok || !d->commit()) {
        d->rollback();
        return {};
    }
    return batch;
}

Result<void> LocalStore::applyPushResults(const QList<Sync::OpResult> &results,
                                          QStringList *entities, qint64 batchEnd)
{
    if (!isOpen())
        return Error(storageErrorCode, tr("The offline copy on this computer is not open."));
    if (!d->begin())
        return d->storageError();
    static const QByteArray sql
        = QByteArrayLiteral("SELECT ") + opColumns + " FROM outbox WHERE op_id = ?";
    QSqlQuery &find = d->statement(sql.constData());
    bool ok = true;
    QList<QPair<QString, QString>> settled; // records whose pending count changed
    QList<QPair<QString, QString>> revert;  // records to rebuild from the server's state
    for (const Sync::OpResult &result : results) {
        std::optional<StoredOp> stored;
        ok = d->run(find, {result.opId});
        if (ok && find.next())
            stored = d->opFrom(find);
        find.finish();
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
            const std::optional<Row> row = d->loadRow(op.entity, op.entityId);
            ok = d->run("INSERT OR REPLACE INTO rejected (op_id, device_seq, entity, entity_id,"
                        " kind, base_rev, hlc, patch, reason, message, content, rejected_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        {op.opId, op.deviceSeq, op.entity, op.entityId, Sync::toString(op.kind),
                         op.baseRev ? QVariant(*op.baseRev) : QVariant(), op.hlc,
                         jsonText(encodePatch(op.patch)), result.reason, result.message,
                         jsonText(row ? row->fields : op.newValues()),
                         QDateTime::currentMSecsSinceEpoch()});
            if (!revert.contains(key))
                revert.append(key);
        } else if (result.outcome == Sync::Outcome::Conflict) {
            // The server keeps its value as the provisional winner until someone resolves the
            // conflict: show that, not the local value.
            if (!revert.contains(key))
                revert.append(key);
        } else if (d->scalar("SELECT server_rev FROM records WHERE entity = ? AND id = ?"
                             " AND server_fields IS NOT NULL",
                             {op.entity, op.entityId})
                   >= qMax<qint64>(1, result.rev)) {
            // A pull already brought the server's state at or after this op (its answer came
            // late, e.g. after a crash): that state includes the op, so it is what to show.
            if (!revert.contains(key))
                revert.append(key);
        }
        if (ok)
            ok = d->removeOp(op.deviceSeq);
        if (!ok)
            break;
        if (!settled.contains(key))
            settled.append(key);
        if (entities && !entities->contains(op.entity))
            entities->append(op.entity);
    }
    // Ops of the batch without an answer go out again with the next push.
    if (ok)
        ok = batchEnd < 0
            ? d->run("UPDATE outbox SET in_flight = 0 WHERE in_flight = 1")
            : d->run("UPDATE outbox SET in_flight = 0 WHERE in_flight = 1 AND device_seq <= ?",
                     {batchEnd});
    for (const auto &key : std::as_const(settled)) {
        if (!ok)
            break;
        ok = revert.contains(key) ? d->rebuild(key.first, key.second)
                                  : d->refreshPending(key.first, key.second);
    }
    if (!ok || !d->commit()) {
        d->rollback();
        return d->storageError();
    }
    return {};
}

Result<void> LocalStore::requeueInFlight()
{
    if (!d->run("UPDATE outbox SET in_flight = 0 WHERE in_flight = 1"))
        return d->storageError();
    return {};
}

QDateTime LocalStore::lastSuccess() const
{
    const qint64 ms = d->scalar("SELECT coalesce(last_success, 0) FROM sync_state WHERE id = 1");
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

QString LocalStore::lastError() const
{
    QSqlQuery &query = d->statement("SELECT last_error FROM sync_state WHERE id = 1");
    QString error;
    if (d->run(query, {}) && query.next())
        error = query.value(0).toString();
    query.finish();
    return error;
}

Result<void> LocalStore::setLastSuccess(const QDateTime &when)
{
    if (!d->run("UPDATE sync_state SET last_success = ?, last_error = NULL WHERE id = 1",
                {when.toMSecsSinceEpoch()}))
        return d->storageError();
    return {};
}

Result<void> LocalStore::setLastError(const QString &error)
{
    if (!d->run("UPDATE sync_state SET last_error = ? WHERE id = 1",
                {error.isEmpty() ? QVariant() : QVariant(error)}))
        return d->storageError();
    return {};
}

} // namespace Lectern::Client
