#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Lectern::Client {

class LocalStore;
struct LocalRecord;

// One record as the author tools keep it to make it again: its kind, id and the fields a
// create takes (no bookkeeping such as rev or timestamps).
struct RecordState
{
    QString entity;
    QString id;
    QJsonObject fields;

    bool operator==(const RecordState &other) const = default;
};

// Copies of a course's records as the Author workspace duplicates, removes and brings them back:
// a course with its modules and their items, a module with its items, or one item.
class RecordTree
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::RecordTree)

public:
    // The record and everything under it, parents before their children and siblings in
    // outline order. Empty when the store does not have the record.
    static QList<RecordState> snapshot(const LocalStore *store, const QString &entity,
                                       const QString &id);

    // A copy of a course's snapshot (course first) with new ids throughout: a draft whose code
    // takes the suffix "-copy" (made unique in its term among `courses`) and whose title says it
    // is a copy. Modules and items keep their order keys, so the outline reads the same.
    static QList<RecordState> duplicateCourse(const QList<RecordState> &course,
                                              const QList<LocalRecord> &courses);
    // "CS101-copy", or "CS101-copy2", ... when that code is taken in `term`.
    static QString copyCode(const QString &code, const QString &term,
                            const QList<LocalRecord> &courses);

    // The fields of `fields` that a create of `entity` takes.
    static QJsonObject creatable(const QString &entity, const QJsonObject &fields);
};

} // namespace Lectern::Client
