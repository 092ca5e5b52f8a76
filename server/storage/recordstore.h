#pragma once

#include "core/listquery.h"
#include "transaction.h"

#include <lectern/entityspec.h>
#include <lectern/hlc.h>

#include <QJsonObject>
#include <optional>

namespace Lectern::Server {

// A synced record as the API and sync see it: the entity's fields (JSON names) plus
// id, orgId, rev, hlc, createdAt, updatedAt and deleted.
using Record = QJsonObject;

// Conditions for select()/count(): SQL over the entity's columns with named placeholders.
struct RecordFilter
{
    QString where; // e.g. "course_id = :course AND published = 1"; empty: every live record
    QList<std::pair<QString, QVariant>> binds;
    bool includeDeleted = false;

    RecordFilter &add(const QString &condition)
    {
        where = where.isEmpty() ? condition : where + QStringLiteral(" AND ") + condition;
        return *this;
    }
    RecordFilter &bind(const QString &placeholder, const QVariant &value)
    {
        binds.append({placeholder, value});
        return *this;
    }
};

// The one write path for every entity of the EntityRegistry: each insert, update and tombstone
// bumps the record's revision, stamps it with the server's HLC and records the change in the
// change sequence, in the caller's transaction, and tells the database's RecordObservers what
// changed (docs/architecture.md, "Storage and its observers"). Services decide what may be
// written.
class RecordStore
{
public:
    static Result<std::optional<Record>> get(Transaction &tx, const EntitySpec &spec,
                                             const QString &id, bool includeDeleted = false);
    // `fields` must be valid and normalised for Create (EntitySpec::validate/normalize).
    static Result<Record> insert(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                 const QString &orgId, const QString &id, const QJsonObject &fields);
    // Applies `changes` (valid for Update) on top of `current`; a no-op change still bumps rev.
    static Result<Record> update(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                 const Record &current, const QJsonObject &changes);
    static Result<Record> tombstone(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                    const Record &current);
    // Brings a tombstoned record back with `changes` applied (sync: an edit that met a delete
    // keeps the record until someone decides).
    static Result<Record> revive(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                 const Record &current, const QJsonObject &changes);

    // `orderBy` is SQL over columns (never user text); limit < 0 means all.
    static Result<QList<Record>> select(Transaction &tx, const EntitySpec &spec,
                                        const RecordFilter &filter, const QString &orderBy,
                                        int limit = -1, int offset = 0);
    static Result<qint64> count(Transaction &tx, const EntitySpec &spec, const RecordFilter &filter);

    // SQL column for a JSON field name of `spec` (or a bookkeeping name); empty when unknown.
    static QString column(const EntitySpec &spec, const QString &field);
    // Adds `search_text LIKE :q` for a `q` filter (case- and accent-insensitive).
    static void addTextFilter(RecordFilter &filter, const QString &text);
    // Names in `errors` each field of `values` that references another entity
    // (FieldSpec::references) with an id that is not a live record of the organisation `orgId`:
    // another organisation's file is as absent as one that never existed. Fields `errors`
    // already names, and nulls, are left alone. Fails only when the database does.
    static Result<void> checkReferences(Transaction &tx, const EntitySpec &spec,
                                        const QJsonObject &values, const QString &orgId,
                                        ValidationErrors &errors);

private:
    static QString searchText(const EntitySpec &spec, const QJsonObject &record);
    static Result<Record> write(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                const Record &current, const QJsonObject &changes, bool revive);
};

} // namespace Lectern::Server
