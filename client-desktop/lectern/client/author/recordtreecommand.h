#pragma once

#include "authorcommand.h"
#include "recordtree.h"

namespace Lectern::Client {

// Makes or removes records together with everything under them: a new module or item, a
// duplicated course, a removed module with its items. Undo of a removal makes the records again
// with the fields and order keys they had when they were removed.
class RecordTreeCommand : public AuthorCommand
{
public:
    enum Kind {
        Create, // `records`: what to make, parents first (ids made by the caller)
        Remove, // `records`: the roots to remove (only entity and id count)
    };

    RecordTreeCommand(CourseUndoStack *stack, Kind kind, QList<RecordState> records,
                      const QString &text);

    Result<void> apply(bool forward) override;
    QString focusId(bool forward) const override;

    // The records as last made or removed (parents first, ids as they were then).
    const QList<RecordState> &records() const { return m_records; }

private:
    Result<void> createAll();
    Result<void> removeAll();

    Kind m_kind;
    QList<RecordState> m_roots;
    QList<RecordState> m_records;
};

} // namespace Lectern::Client
