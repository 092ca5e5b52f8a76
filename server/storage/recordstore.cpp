#include "recordstore.h"

#include "changelog.h"
#include "recordobserver.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <lectern/jsonutil.h>
#include <lectern/textsearch.h>
#include <lectern/uuidv7.h>

namespace Lectern::Server {

namespace {
const QString bookkeepingColumns
    = QStringLiteral("id, org_id, rev, hlc, created_at, updated_at, deleted");

QVariant toColumn(const FieldSpec &f, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    switch (f.type) {
    case FieldType::Boolean:
        return value.toBool() ? 1 : 0;
    case FieldType::Integer:
        return value.toInteger();
    case FieldType::Number:
        return value.toDouble();
    case FieldType::Time:
        return timeValue(Json::toDateTime(value));
    case FieldType::Json:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case FieldType::Any: {
        // A JSON value as text: the one-element array keeps scalars valid JSON documents.
        const QByteArray text = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(text.mid(1, text.size() - 2));
    }
    default:
        return value.toString();
    }
}

QJsonValue fromColumn(const FieldSpec &f, const QVariant &value)
{
    if (value.isNull())
        return f.type == FieldType::LongText ? QJsonValue(QString()) : QJsonValue();
    switch (f.type) {
    case FieldType::Boolean:
        return value.toLongLong() != 0;
    case FieldType::Integer:
        return value.toLongLong();
    case FieldType::Number:
        return value.toDouble();
    case FieldType::Time:
        return Json::fromDateTime(QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC));
    case FieldType::Json:
        return QJsonDocument::fromJson(value.toString().toUtf8()).object();
    case FieldType::Any:
        return QJsonDocument::fromJson('[' + value.toString().toUtf8() + ']').array().at(0);
    default:
        return value.toString();
    }
}

QString selectList(const EntitySpec &spec)
{
    QStringList columns {bookkeepingColumns};
    for (const FieldSpec &f : spec.fields)
        columns.append(f.column);
    return columns.join(u", ");
}

Record readRecord(const EntitySpec &spec, const SqlQuery &q)
{
    Record record;
    record.insert(QStringLiteral("id"), q.text(0));
    record.insert(QStringLiteral("orgId"), q.text(1));
    record.insert(QStringLiteral("rev"), q.int64(2));
    record.insert(QStringLiteral("hlc"), q.text(3));
    record.insert(QStringLiteral("createdAt"), Json::fromDateTime(q.time(4)));
    record.insert(QStringLiteral("updatedAt"), Json::fromDateTime(q.time(5)));
    record.insert(QStringLiteral("deleted"), q.boolean(6));
    int column = 7;
    for (const FieldSpec &f : spec.fields)
        record.insert(f.name, fromColumn(f, q.value(column++)));
    return record;
}

// The statement's clause that brings back the row a write left, where that is cheap
// (SqlDialect::returnsRowsCheaply()); storedRow() reads it either way.
QString returningRow(const Transaction &tx, const EntitySpec &spec)
{
    return tx.dialect().returnsRowsCheaply() ? QStringLiteral(" RETURNING ") + selectList(spec)
                                             : QString();
}

// The row the write `q` left of record `id`, as stored; none when it wrote no row.
Result<std::optional<Record>> storedRow(Transaction &tx, const EntitySpec &spec, SqlQuery &q,
                                        const QString &id)
{
    if (tx.dialect().returnsRowsCheaply())
        return q.next() ? std::optional<Record>(readRecord(spec, q)) : std::optional<Record>();
    if (q.rowsAffected() <= 0)
        return std::optional<Record>();
    return RecordStore::get(tx, spec, id, true);
}

// Tells the database's RecordObservers of a write (docs/architecture.md, "Storage and its
// observers"): the search index, and the change rows of records whose visibility it changed.
// Before the record's own change row, so that row is the newest of the write. Done here, on
// the one write path, so that no service can forget it.
Result<void> written(Transaction &tx, const EntitySpec &spec, const Record &before,
                     const Record &after)
{
    for (RecordObserver *observer : tx.database().recordObservers()) {
        if (auto r = observer->recordWritten(tx, spec, before, after); !r)
            return r;
    }
    if (tx.origin && tx.origin->is(spec.name, after.value(u"id").toString()))
        tx.origin->state = after;
    return {};
}
} // namespace

QString RecordStore::column(const EntitySpec &spec, const QString &field)
{
    if (const FieldSpec *f = spec.field(field))
        return f->column;
    if (field == u"createdAt")
        return QStringLiteral("created_at");
    if (field == u"updatedAt")
        return QStringLiteral("updated_at");
    if (field == u"id" || field == u"rev")
        return field;
    return {};
}

QString RecordStore::searchText(const EntitySpec &spec, const QJsonObject &record)
{
    QStringList parts;
    for (const FieldSpec &f : spec.fields) {
        if (f.searchable)
            parts.append(record.value(f.name).toString());
    }
    return foldForSearch(parts.join(u' '));
}

void RecordStore::addTextFilter(RecordFilter &filter, const QString &text)
{
    if (text.trimmed().isEmpty())
        return;
    filter.add(QStringLiteral("search_text LIKE :q ESCAPE '\\'"));
    filter.bind(QStringLiteral(":q"), likePattern(text.trimmed()));
}

Result<std::optional<Record>> RecordStore::get(Transaction &tx, const EntitySpec &spec,
                                               const QString &id, bool includeDeleted)
{
    RecordFilter filter;
    filter.add(QStringLiteral("id = :id")).bind(QStringLiteral(":id"), id);
    filter.includeDeleted = includeDeleted;
    auto rows = select(tx, spec, filter, QString(), 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Record>();
    return std::optional<Record>(rows->first());
}

Result<QList<Record>> RecordStore::select(Transaction &tx, const EntitySpec &spec,
                                          const RecordFilter &filter, const QString &orderBy,
                                          int limit, int offset)
{
    QString sql
        = QStringLiteral("SELECT ") + selectList(spec) + QStringLiteral(" FROM ") + spec.table;
    QStringList conditions;
    if (!filter.includeDeleted)
        conditions.append(QStringLiteral("deleted = 0"));
    if (!filter.where.isEmpty())
        conditions.append(u'(' + filter.where + u')');
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    if (!orderBy.isEmpty())
        sql += QStringLiteral(" ORDER BY ") + orderBy;
    if (limit >= 0)
        sql += QStringLiteral(" LIMIT %1 OFFSET %2").arg(limit).arg(offset);
    auto q = tx.query(sql);
    for (const auto &[placeholder, value] : filter.binds)
        q.bind(placeholder, value);
    if (auto r = q.exec(); !r)
        return r.error();
    QList<Record> records;
    while (q.next())
        records.append(readRecord(spec, q));
    return records;
}

Result<qint64> RecordStore::count(Transaction &tx, const EntitySpec &spec,
                                  const RecordFilter &filter)
{
    QString sql = QStringLiteral("SELECT COUNT(*) FROM ") + spec.table;
    QStringList conditions;
    if (!filter.includeDeleted)
        conditions.append(QStringLiteral("deleted = 0"));
    if (!filter.where.isEmpty())
        conditions.append(u'(' + filter.where + u')');
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    auto q = tx.query(sql);
    for (const auto &[placeholder, value] : filter.binds)
        q.bind(placeholder, value);
    if (auto r = q.exec(); !r)
        return r.error();
    q.next();
    return q.int64(0);
}

Result<Record> RecordStore::insert(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                   const QString &orgId, const QString &id,
                                   const QJsonObject &fields)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString hlc = clock.now().toString();
    QStringList columns {QStringLiteral("id"),         QStringLiteral("org_id"),
                         QStringLiteral("rev"),        QStringLiteral("hlc"),
                         QStringLiteral("created_at"), QStringLiteral("updated_at"),
                         QStringLiteral("search_text")};
    QStringList placeholders {QStringLiteral(":id"),    QStringLiteral(":org"),
                              QStringLiteral("1"),      QStringLiteral(":hlc"),
                              QStringLiteral(":now"),   QStringLiteral(":now"),
                              QStringLiteral(":search")};
    for (const FieldSpec &f : spec.fields) {
        if (!fields.contains(f.name))
            continue;
        columns.append(f.column);
        placeholders.append(u":f_" + f.column);
    }
    // What is answered is the stored row, defaults included.
    auto q = tx.query(QStringLiteral("INSERT INTO ") + spec.table + QStringLiteral(" (")
                      + columns.join(u", ") + QStringLiteral(") VALUES (")
                      + placeholders.join(u", ") + u')' + returningRow(tx, spec));
    q.bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":org"), orgId)
        .bind(QStringLiteral(":hlc"), hlc)
        .bind(QStringLiteral(":now"), timeValue(now))
        .bind(QStringLiteral(":search"), searchText(spec, fields));
    for (const FieldSpec &f : spec.fields) {
        if (fields.contains(f.name))
            q.bind(u":f_" + f.column, toColumn(f, fields.value(f.name)));
    }
    if (auto r = q.exec(); !r)
        return r.error();
    auto row = storedRow(tx, spec, q, id);
    if (!row)
        return row.error();
    if (!*row)
        return fail(ErrorCode::Internal, QStringLiteral("The new record did not come back."));
    const Record stored = **row;
    if (auto r = written(tx, spec, Record(), stored); !r)
        return r.error();
    if (auto seq = ChangeLog::record(tx, {orgId, spec.name, id, 1, hlc, false}); !seq)
        return seq.error();
    return stored;
}

Result<Record> RecordStore::update(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                   const Record &current, const QJsonObject &changes)
{
    return write(tx, clock, spec, current, changes, false);
}

Result<Record> RecordStore::revive(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                   const Record &current, const QJsonObject &changes)
{
    return write(tx, clock, spec, current, changes, true);
}

Result<Record> RecordStore::write(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                  const Record &current, const QJsonObject &changes, bool revive)
{
    Record merged = current;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (spec.field(it.key()))
            merged.insert(it.key(), it.value());
    }
    if (revive)
        merged.insert(QStringLiteral("deleted"), false);
    const QString hlc = clock.now().toString();
    QStringList assignments {QStringLiteral("rev = rev + 1"), QStringLiteral("hlc = :hlc"),
                             QStringLiteral("updated_at = :now"),
                             QStringLiteral("search_text = :search")};
    if (revive)
        assignments.append(QStringLiteral("deleted = 0"));
    for (const FieldSpec &f : spec.fields) {
        if (changes.contains(f.name))
            assignments.append(f.column + QStringLiteral(" = :f_") + f.column);
    }
    // What is answered is the row as stored.
    auto q = tx.query(QStringLiteral("UPDATE ") + spec.table + QStringLiteral(" SET ")
                      + assignments.join(u", ") + QStringLiteral(" WHERE id = :id")
                      + returningRow(tx, spec));
    q.bind(QStringLiteral(":hlc"), hlc)
        .bind(QStringLiteral(":now"), timeValue(QDateTime::currentDateTimeUtc()))
        .bind(QStringLiteral(":search"), searchText(spec, merged))
        .bind(QStringLiteral(":id"), current.value(u"id").toString());
    for (const FieldSpec &f : spec.fields) {
        if (changes.contains(f.name))
            q.bind(u":f_" + f.column, toColumn(f, changes.value(f.name)));
    }
    if (auto r = q.exec(); !r)
        return r.error();
    auto row = storedRow(tx, spec, q, current.value(u"id").toString());
    if (!row)
        return row.error();
    if (!*row)
        return fail(ErrorCode::NotFound, QStringLiteral("The record is gone."));
    const Record stored = **row;
    const qint64 rev = stored.value(u"rev").toInteger();
    if (auto r = written(tx, spec, current, stored); !r)
        return r.error();
    if (auto seq = ChangeLog::record(tx,
                                     {current.value(u"orgId").toString(), spec.name,
                                      current.value(u"id").toString(), rev, hlc,
                                      stored.value(u"deleted").toBool()});
        !seq)
        return seq.error();
    return stored;
}

Result<Record> RecordStore::tombstone(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                      const Record &current)
{
    const QString hlc = clock.now().toString();
    auto q
        = tx.query(QStringLiteral("UPDATE ") + spec.table
                   + QStringLiteral(" SET deleted = 1, rev = rev + 1, hlc = :hlc, updated_at = :now"
                                    " WHERE id = :id AND deleted = 0 RETURNING rev"));
    q.bind(QStringLiteral(":hlc"), hlc)
        .bind(QStringLiteral(":now"), timeValue(QDateTime::currentDateTimeUtc()))
        .bind(QStringLiteral(":id"), current.value(u"id").toString());
    if (auto r = q.exec(); !r)
        return r.error();
    if (!q.next())
        return fail(ErrorCode::NotFound, QStringLiteral("The record is gone."));
    const qint64 rev = q.int64(0);
    Record gone = current;
    gone.insert(QStringLiteral("deleted"), true);
    gone.insert(QStringLiteral("rev"), rev);
    gone.insert(QStringLiteral("hlc"), hlc);
    if (auto r = written(tx, spec, current, gone); !r)
        return r.error();
    if (auto seq = ChangeLog::record(tx,
                                     {current.value(u"orgId").toString(), spec.name,
                                      current.value(u"id").toString(), rev, hlc, true});
        !seq)
        return seq.error();
    return gone;
}

Result<void> RecordStore::checkReferences(Transaction &tx, const EntitySpec &spec,
                                          const QJsonObject &values, const QString &orgId,
                                          ValidationErrors &errors)
{
    for (const FieldSpec &f : spec.fields) {
        const QJsonValue value = values.value(f.name);
        if (f.references.isEmpty() || errors.has(f.name) || !value.isString())
            continue;
        const EntitySpec *target = EntityRegistry::find(f.references);
        if (!target)
            continue;
        const QString id = value.toString().toLower();
        auto record = isUuidString(id) ? get(tx, *target, id)
                                       : Result<std::optional<Record>>(std::optional<Record>());
        if (!record)
            return record.error();
        if (!*record || (*record)->value(u"orgId").toString() != orgId)
            errors.add(f.name,
                       QCoreApplication::translate("Lectern::Server::RecordStore",
                                                   "must be the id of a %1 of your "
                                                   "organisation")
                           .arg(target->name));
    }
    return {};
}

} // namespace Lectern::Server
