#pragma once

#include <QUndoCommand>
#include <lectern/result.h>

namespace Lectern::Client {

class CourseUndoStack;

// An authoring edit that undo can take back and redo write again, through its course's stack.
// Subclasses write in apply(); a failed undo or redo is reported by the stack and takes the
// command out of the history (it cannot be done any more).
class AuthorCommand : public QUndoCommand
{
public:
    AuthorCommand(CourseUndoStack *stack, const QString &text);

    // Writes the edit (forward) or takes it back.
    virtual Result<void> apply(bool forward) = 0;
    // The record the user should see after apply(forward), as its id is now.
    virtual QString focusId(bool forward) const = 0;

    void undo() override;
    void redo() override;

protected:
    CourseUndoStack *stack() const { return m_stack; }

private:
    friend class CourseUndoStack;
    void run(bool forward);

    CourseUndoStack *m_stack;
    bool m_skipRedo = false; // the edit was written before the command was pushed
};

} // namespace Lectern::Client
