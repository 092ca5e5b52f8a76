#include "recordstore.h"

#include "changelog.h"
#include "search/searchindex.h"

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

// How an enrolment lets its user into the course: not at all (empty), as a learner, or as staff
// (who see drafts).
QString standing(const Record &enrollment)
{
    if (enrollment.isEmpty() || enrollment.value(u"deleted").toBool()
        || enrollment.value(u"status").toString() == u"dropped"
        || enrollment.value(u"type").toString() == u"waitlist")
        return {};
    return enrollment.value(u"role").toString() == u"student" ? QStringLiteral("learner")
                                                              : QStringLiteral("staff");
}

TouchSet touchSet(const EntitySpec &spec, const QString &where, const QString &placeholder,
                  const QString &id)
{
    return {spec.name, spec.table, where, {{placeholder, id}}};
}

// Records that did not change but became visible or invisible to someone get a change row
// (ChangeLog::touch), so pulls ship them: a whole course to a person whose enrolment started,
// ended or changed role, and everything under a course or module whose release changed. Written
// before the record's own change row, so that row is the newest of the transaction. Done here,
// on the one write path, so that no service can forget it.
// Releases by time (publishAt / unlockAt passing) change nothing in the database: the
// ReleaseTicker (services/releaseticker.h) touches those records when their time has passed.
Result<void> touchVisibility(Transaction &tx, const EntitySpec &spec, const Record &before,
                             const Record &after)
{
    const QString orgId = after.value(u"orgId").toString();
    const auto changed = [&](QStringView field) {
        return before.value(field) != after.value(field);
    };
    QList<TouchSet> sets;
    QString audience;
    if (spec.name == u"enrollment") {
        const QString was = standing(before);
        const QString now = standing(after);
        if (was == now)
            return {};
        const QString course = after.value(u"courseId").toString();
        audience = after.value(u"userId").toString();
        const QString ofCourse = QStringLiteral("course_id = :course");
        const QString placeholder = QStringLiteral(":course");
        sets = {touchSet(Entities::course(), QStringLiteral("id = :course"), placeholder, course),
                touchSet(Entities::module(), ofCourse, placeholder, course),
                touchSet(Entities::content(), ofCourse, placeholder, course),
                touchSet(Entities::file(), ofCourse, placeholder, course)};
        if (was == u"staff" || now == u"staff") {
            sets.append(touchSet(Entities::conflict(), ofCourse, placeholder, course));
            sets.append(touchSet(Entities::enrollment(), ofCourse, placeholder, course));
            // Staff see every learner's progress events; a learner only ever sees their own,
            // which their own standing does not change.
            sets.append(touchSet(Entities::progress(), ofCourse, placeholder, course));
        }
    } else if (spec.name == u"course") {
        if (before.isEmpty() || !changed(u"status"))
            return {};
        const QString course = after.value(u"id").toString();
        const QString ofCourse = QStringLiteral("course_id = :course");
        const QString placeholder = QStringLiteral(":course");
        sets = {touchSet(Entities::module(), ofCourse, placeholder, course),
                touchSet(Entities::content(), ofCourse, placeholder, course),
                touchSet(Entities::file(), ofCourse, placeholder, course)};
    } else if (spec.name == u"module") {
        if (before.isEmpty()
            || !(changed(u"published") || changed(u"publishAt") || changed(u"unlockAt")
                 || changed(u"deleted")))
            return {};
        sets = {touchSet(Entities::content(), QStringLiteral("module_id = :module"),
                         QStringLiteral(":module"), after.value(u"id").toString())};
    }
    for (const TouchSet &set : std::as_const(sets)) {
        if (auto r = ChangeLog::touch(tx, orgId, set, audience); !r)
            return r;
    }
    return {};
}

// Every write of an indexed entity ends here, so the full-text index changes in the same
// transaction as the record (`before` is the record as it was, empty for a new one).
Result<Record> reindexed(Transaction &tx, const EntitySpec &spec, const Record &before,
                         const Record &record)
{
    if (auto r = SearchIndex::update(tx, spec, before, record); !r)
        return r.error();
    return record;
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
    // The stored row comes back with the statement (defaults included): no second read.
    auto q
        = tx.query(QStringLiteral("INSERT INTO ") + spec.table + QStringLiteral(" (")
                   + columns.join(u", ") + QStringLiteral(") VALUES (") + placeholders.join(u", ")
                   + QStringLiteral(") RETURNING ") + selectList(spec));
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
    if (!q.next())
        return fail(ErrorCode::Internal, QStringLiteral("The new record did not come back."));
    const Record stored = readRecord(spec, q);
    {
        Record made = fields;
        made.insert(QStringLiteral("orgId"), orgId);
        made.insert(QStringLiteral("deleted"), false);
        if (auto r = touchVisibility(tx, spec, Record(), made); !r)
            return r.error();
    }
    if (auto seq = ChangeLog::record(tx, {orgId, spec.name, id, 1, hlc, false}); !seq)
        return seq.error();
    return reindexed(tx, spec, Record(), stored);
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
    // The row as stored comes back with the statement: no second read.
    auto q = tx.query(QStringLiteral("UPDATE ") + spec.table + QStringLiteral(" SET ")
                      + assignments.join(u", ") + QStringLiteral(" WHERE id = :id RETURNING ")
                      + selectList(spec));
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
    if (!q.next())
        return fail(ErrorCode::NotFound, QStringLiteral("The record is gone."));
    const Record stored = readRecord(spec, q);
    const qint64 rev = stored.value(u"rev").toInteger();
    if (auto r = touchVisibility(tx, spec, current, merged); !r)
        return r.error();
    if (auto seq = ChangeLog::record(tx,
                                     {current.value(u"orgId").toString(), spec.name,
                                      current.value(u"id").toString(), rev, hlc,
                                      merged.value(u"deleted").toBool()});
        !seq)
        return seq.error();
    return reindexed(tx, spec, current, stored);
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
    if (auto r = touchVisibility(tx, spec, current, gone); !r)
        return r.error();
    if (auto seq = ChangeLog::record(tx,
                                     {current.value(u"orgId").toString(), spec.name,
                                      current.value(u"id").toString(), rev, hlc, true});
        !seq)
        return seq.error();
    gone.insert(QStringLiteral("rev"), rev);
    gone.insert(QStringLiteral("hlc"), hlc);
    return reindexed(tx, spec, current, gone);
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
