#pragma once

#include "authorcommand.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Lectern::Client {

class LocalStore;

// Some fields of one record, before and after an edit (a null value: the field is unset).
struct RecordChange
{
    QString entity;
    QString id;
    QJsonObject before;
    QJsonObject after;

    // The edit that sets `after` on the record as the store has it now.
    static RecordChange capture(const LocalStore *store, const QString &entity, const QString &id,
                                const QJsonObject &after);
    bool isEmpty() const { return before == after; }
};

// Field edits of existing records: a rename, a publish toggle, an unlock date, a move (order key
// and module), course settings. Undo writes the old values back; a move's old order key puts the
// record back between its old neighbours.
class UpdateRecordsCommand : public AuthorCommand
{
public:
    UpdateRecordsCommand(CourseUndoStack *stack, QList<RecordChange> changes, const QString &text);

    Result<void> apply(bool forward) override;
    QString focusId(bool forward) const override;

    const QList<RecordChange> &changes() const { return m_changes; }

private:
    QList<RecordChange> m_changes;
};

} // namespace Lectern::Client
