#include "localschema.h"

#include "localconnection.h"
#include "synclogging.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <lectern/entityspec.h>
#include <lectern/uuidv7.h>

namespace Lectern::Client {

namespace {

const char *const schema[] = {
    // What the user sees (fields) next to what the server last sent (server_fields, NULL until
    // the server has sent the record); parent_id and order_key are copied out of the fields for
    // outline queries. A rowid table (schema 6): see recordsColumns.
    "CREATE TABLE IF NOT EXISTS records ("
    " entity TEXT NOT NULL, id TEXT NOT NULL, parent_id TEXT, order_key TEXT,"
    " server_rev INTEGER NOT NULL DEFAULT 0, server_hlc TEXT, server_fields TEXT,"
    " fields TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
    " server_deleted INTEGER NOT NULL DEFAULT 0, pending INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (entity, id))",
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

// Schema 6: records were a WITHOUT ROWID table until schema 5. Its rows live in the primary
// key's b-tree, where anything over about 1,000 bytes (any lesson with a paragraph, whose fields
// are held twice) spills to an overflow page of its own: 4.6 KiB a record, two page writes per
// change, and a large course no longer fit the page cache. A rowid table keeps rows of up to
// 4 KiB on their leaf page. The rows are copied over once, triggers and index made anew.
const char *const recordsColumns = "entity, id, parent_id, order_key, server_rev, server_hlc,"
                                   " server_fields, fields, deleted, server_deleted, pending";

bool recordsWithoutRowid(QSqlQuery &query)
{
    const bool found
        = query.exec(QStringLiteral(
              "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'records'"))
        && query.next()
        && query.value(0).toString().contains(u"WITHOUT ROWID", Qt::CaseInsensitive);
    query.finish();
    return found;
}

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

} // namespace

namespace LocalSchema {

Result<QString> open(LocalConnection &connection)
{
    QSqlQuery query(connection.database());
    // cache_size: SQLite's default page cache (2 MiB) is smaller than a large course's records
    // and their indexes, so a push's answers and its pull-back spilled pages to the file and read
    // them back. 32 MiB is taken only as it is used.
    // temp_store: the statement journal (each upsert that fires a trigger keeps one) went to a
    // file under /var/tmp once past 64 KiB, one write per page; a push's answers spent a third
    // of their time there. It belongs in memory.
    for (const char *pragma :
         {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
          "PRAGMA cache_size = -32768", "PRAGMA temp_store = MEMORY"}) {
        if (!query.exec(QString::fromLatin1(pragma)))
            qCWarning(lcSync) << pragma << "failed:" << query.lastError().text();
    }
    LocalTransaction transaction(connection);
    if (!transaction.isOk())
        return connection.storageError();
    // Version 1 outboxes had no `sent` column.
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()
        && query.value(0).toInt() == 1) {
        query.finish();
        query.exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN sent INTEGER NOT NULL DEFAULT 0"));
    }
    query.finish();
    int current = 0;
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        current = query.value(0).toInt();
    query.finish();
    QStringList statements;
    const bool rebuildRecords = recordsWithoutRowid(query);
    if (rebuildRecords) {
        for (const char *trigger : {"insert", "update", "delete"})
            statements.append(QStringLiteral("DROP TRIGGER IF EXISTS records_summary_%1")
                                  .arg(QLatin1StringView(trigger)));
        statements += {QStringLiteral("DROP INDEX IF EXISTS records_parent"),
                       QStringLiteral("ALTER TABLE records RENAME TO records_before_6")};
    }
    for (const char *statement : schema)
        statements.append(QString::fromLatin1(statement));
    if (rebuildRecords) {
        // Before the triggers exist: the summaries stay as they are.
        statements += {QStringLiteral("INSERT INTO records (%1) SELECT %1 FROM records_before_6")
                           .arg(QLatin1StringView(recordsColumns)),
                       QStringLiteral("DROP TABLE records_before_6")};
    }
    statements += summarySchema(current);
    // Databases made before schema 3 fill their summaries once.
    if (current < 3)
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
            connection.setLastSqlError(query.lastError().text());
            query.finish();
            return connection.storageError();
        }
    }
    const bool ok = query.exec(QStringLiteral("INSERT OR IGNORE INTO sync_state (id, device_id,"
                                              " cursor) VALUES (1, '%1', 0)")
                                   .arg(createUuidV7String()))
        && query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))
        && query.exec(QStringLiteral("SELECT device_id FROM sync_state WHERE id = 1"))
        && query.next();
    if (!ok) {
        connection.setLastSqlError(query.lastError().text());
        query.finish();
        return connection.storageError();
    }
    const QString deviceId = query.value(0).toString();
    query.finish();
    if (const Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return deviceId;
}

} // namespace LocalSchema

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

} // namespace Lectern::Client
