#include "authorcommand.h"

#include "courseundostack.h"

namespace Lectern::Client {

AuthorCommand::AuthorCommand(CourseUndoStack *stack, const QString &text)
    : QUndoCommand(text)
    , m_stack(stack)
{ }

void AuthorCommand::undo()
{
    run(false);
}

void AuthorCommand::redo()
{
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    run(true);
}

void AuthorCommand::run(bool forward)
{
    Q_EMIT m_stack->aboutToApply();
    const Result<void> done = apply(forward);
    if (!done) {
        // QUndoStack deletes an obsolete command once undo() or redo() returns.
        setObsolete(true);
        Q_EMIT m_stack->failed(done.error().message);
        return;
    }
    Q_EMIT m_stack->applied(focusId(forward));
}

} // namespace Lectern::Client
