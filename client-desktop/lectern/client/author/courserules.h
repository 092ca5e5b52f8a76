#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <lectern/validation.h>

namespace Lectern::Client {

struct LocalRecord;

// What a course's settings must satisfy before the Author workspace writes them: the entity's
// own checks (EntitySpec::validate: types, lengths, required code and title) and the rules
// people expect of a course: the end after the start, an enrollment window that closes after it
// opens and before the course ends, and a code that no other course uses in the same term (the
// server refuses that too, later and with less to go on). Messages are keyed by field name and
// read after the field's label ("is required").
class CourseRules
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::CourseRules)

public:
    // `course`: every field as it would be saved (absent or null: not set). `courses`: the
    // courses in the store; `selfId`: the course being edited (empty for a new one).
    static ValidationErrors validate(const QJsonObject &course, const QList<LocalRecord> &courses,
                                     const QString &selfId = {});
};

} // namespace Lectern::Client
