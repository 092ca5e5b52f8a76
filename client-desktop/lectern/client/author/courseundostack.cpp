#include "courseundostack.h"

#include "authorcommand.h"

#include <lectern/client/sync/synccontroller.h>

namespace Lectern::Client {

CourseUndoStack::CourseUndoStack(SyncController *sync, const QString &courseId, QObject *parent)
    : QUndoStack(parent)
    , m_sync(sync)
    , m_courseId(courseId)
{ }

SyncController *CourseUndoStack::sync() const
{
    return m_sync;
}

bool CourseUndoStack::isCourse(const QString &id) const
{
    if (id.isEmpty())
        return false;
    for (QString current = m_courseId;;) {
        if (current == id)
            return true;
        const auto it = m_replacements.constFind(current);
        if (it == m_replacements.constEnd())
            return false;
        current = *it;
    }
}

QString CourseUndoStack::resolve(const QString &id) const
{
    QString current = id;
    for (auto it = m_replacements.constFind(current); it != m_replacements.constEnd();
         it = m_replacements.constFind(current))
        current = *it;
    return current;
}

void CourseUndoStack::remap(const QString &from, const QString &to)
{
    if (from != to)
        m_replacements.insert(from, to);
}

Result<void> CourseUndoStack::perform(AuthorCommand *command)
{
    const Result<void> done = command->apply(true);
    if (!done) {
        delete command;
        return done;
    }
    pushDone(command);
    return done;
}

void CourseUndoStack::pushDone(AuthorCommand *command)
{
    command->m_skipRedo = true;
    push(command);
}

} // namespace Lectern::Client
