#pragma once

#include <QHash>
#include <QPointer>
#include <QUndoStack>
#include <lectern/result.h>

namespace Lectern::Client {

class AuthorCommand;
class SyncController;

// The undo history of one course in the Author workspace: every authoring edit is an undo
// command. Its commands write through the SyncController, the offline store's one door for
// edits, so an undo is an ordinary edit that syncs like any other (docs/architecture.md, "The
// offline store").
//
// A record that an undo brings back after the server has heard of its removal cannot take its
// old id again (the store keeps the tombstone), so it gets a new one; the stack remembers the
// replacement and every command looks its records up through resolve().
class CourseUndoStack : public QUndoStack
{
    Q_OBJECT

public:
    CourseUndoStack(SyncController *sync, const QString &courseId, QObject *parent = nullptr);

    SyncController *sync() const;
    // The course's id now (it changes when an undo brings the course back under a new id).
    QString courseId() const { return resolve(m_courseId); }
    // Whether `id` is this course's id, now or before it came back under a new one.
    bool isCourse(const QString &id) const;

    // The id the record `id` has now.
    QString resolve(const QString &id) const;
    // The record `from` was made again as `to`.
    void remap(const QString &from, const QString &to);

    // Does the command's edit now. When it worked the command goes on the stack as done (undo
    // takes it back); when it did not, the command is deleted and the store's error returned.
    Result<void> perform(AuthorCommand *command);
    // Puts a command whose edit its caller has already written on the stack.
    void pushDone(AuthorCommand *command);

Q_SIGNALS:
    // An undo or a redo is about to change the store (views may hold their selection).
    void aboutToApply();
    // An undo or a redo changed the store; `focusId` is the record to show the user.
    void applied(const QString &focusId);
    // An undo or a redo could not be done (say the record was deleted on another computer):
    // the command left the history.
    void failed(const QString &message);

private:
    friend class AuthorCommand;

    QPointer<SyncController> m_sync;
    QString m_courseId;
    QHash<QString, QString> m_replacements;
};

} // namespace Lectern::Client
