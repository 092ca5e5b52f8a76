#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;
class QToolBar;
class QToolButton;

namespace Lectern::Client {

class CourseUndoStack;
class EmptyState;
class LessonEditor;
class OutlineModel;
class OutlineView;
class SyncController;

// The Outline tab of a course in the Author workspace: the tree of modules and items on the
// left with its toolbar (add, move, publish, unlock date, remove), and on the right what the
// current row opens: a lesson in the lesson editor, any other item or a module in a short
// summary with its actions.
//
// Keyboard: Ctrl+Up / Ctrl+Down move the current module or item (an item past the first or
// last of its module goes to the module above or below), F2 renames, Space publishes or
// unpublishes, Delete removes (after asking), Ctrl+Shift+M adds a module, Ctrl+Shift+L a lesson.
class CourseOutlinePage : public QWidget
{
    Q_OBJECT

public:
    explicit CourseOutlinePage(SyncController *sync, QWidget *parent = nullptr);

    // Shows a course's outline; its edits go on `stack`.
    void setCourse(const QString &courseId, CourseUndoStack *stack);
    QString courseId() const;

    OutlineModel *model() const { return m_model; }
    OutlineView *view() const { return m_view; }
    // The lesson editor (null while none can be made).
    LessonEditor *lessonEditor() const { return m_editor; }

    // Makes the record the current row (after an undo, say).
    void selectRecord(const QString &id);
    // A message over the outline, for edits that could not be done.
    void showMessage(const QString &message);
    QString message() const;

    // The page's actions, by object name ("addModuleAction", "moveUpAction", ...).
    QList<QAction *> outlineActions() const;

public Q_SLOTS:
    void addModule();
    void addLesson();
    void addLink();
    void addVideo();
    void addFile();
    void removeSelected();
    void moveUp();
    void moveDown();
    void rename();
    void setPublished(bool published);
    void editUnlockDate();
    void editAddress();

private:
    // Where a new item goes: the current item's module after it, the current module's end, or
    // the last module's end. False when the course has no module.
    bool insertionPoint(QString *moduleId, int *index) const;
    void addWithDialog(const QString &type);
    void updateActions();
    void showCurrent();
    void showContextMenu(const QPoint &pos);

    QPointer<SyncController> m_sync;
    QPointer<CourseUndoStack> m_stack;
    OutlineModel *m_model;
    OutlineView *m_view;
    QToolBar *m_toolBar;
    QLabel *m_message;
    QStackedWidget *m_outlineStack; // the tree, or the empty state
    EmptyState *m_emptyOutline;
    QStackedWidget *m_side;
    EmptyState *m_nothingSelected;
    QWidget *m_details;
    QLabel *m_detailIcon;
    QLabel *m_detailTitle;
    QLabel *m_detailMeta;
    QLabel *m_detailAddress;
    QToolButton *m_detailAddLesson;
    QToolButton *m_detailEditAddress;
    LessonEditor *m_editor = nullptr;
    QWidget *m_lessonPage = nullptr;

    QAction *m_addModule;
    QAction *m_addLesson;
    QAction *m_addLink;
    QAction *m_addVideo;
    QAction *m_addFile;
    QAction *m_moveUp;
    QAction *m_moveDown;
    QAction *m_rename;
    QAction *m_publish;
    QAction *m_unlock;
    QAction *m_editAddress;
    QAction *m_remove;
};

} // namespace Lectern::Client
