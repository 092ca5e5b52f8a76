#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QStackedWidget;
class QTabWidget;
class QToolBar;
class QUndoGroup;

namespace Lectern::Client {

class CourseFilterModel;
class CourseListModel;
class CourseOutlinePage;
class CourseSettingsPage;
class CourseUndoStack;
class EmptyState;
class LessonEditor;
class LocalStore;
class SyncController;
struct RecordState;

// The Author workspace: the courses on this computer on the left (search, status and term
// filters, "New course"), the open course on the right with its tabs (Outline, Settings; the
// window adds more through courseTabs()). Everything is written to the offline store through the
// SyncController, so it works the same online and offline.
//
// Every authoring edit is an undo command on the open course's own stack; undoGroup() follows the
// open course, for the window's Edit menu. A course created, duplicated or deleted keeps its
// stack active after the change, so Undo takes it back.
class AuthorWorkspace : public QWidget
{
    Q_OBJECT

public:
    explicit AuthorWorkspace(SyncController *sync, QWidget *parent = nullptr);
    ~AuthorWorkspace() override;

    // The open course's tabs ("Outline", "Settings"), for the window to add its own.
    QTabWidget *courseTabs() const { return m_tabs; }
    // The open course's undo stack is the group's active one.
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    // The undo and redo actions of the workspace's tool bar (no shortcuts: the window's Edit
    // menu has them, made from undoGroup()).
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    // New course, Duplicate, Publish, Archive, Delete, Preview as student: for a Course menu.
    QList<QAction *> courseActions() const;

    // The open course (empty when none is).
    QString currentCourseId() const { return m_courseId; }
    // Opens a course, showing it in the list (clearing the search and filters when they hide
    // it). False when there is no such course.
    bool openCourse(const QString &courseId);
    // The undo stack of a course (null when it has none yet).
    CourseUndoStack *undoStack(const QString &courseId) const;

    CourseListModel *courseModel() const { return m_courses; }
    CourseFilterModel *filterModel() const { return m_filter; }
    QListView *courseList() const { return m_list; }
    CourseOutlinePage *outlinePage() const { return m_outline; }
    CourseSettingsPage *settingsPage() const { return m_settings; }
    LessonEditor *lessonEditor() const;

    // Narrower than this, the course list gives its room to the open course (it can still be
    // shown with the "Courses" button): the list, the outline and the lesson editor at their
    // minimum widths (220, 240 and 300 px) with the splitters' handles.
    static constexpr int narrowWidth = 780;
    bool isCourseListShown() const;

public Q_SLOTS:
    void newCourse();
    void duplicateCourse();
    // Published <-> draft.
    void togglePublished();
    // Archived <-> draft.
    void toggleArchived();
    // Asks, then deletes the open course with its modules and items.
    void deleteCourse();
    void previewCourse();

Q_SIGNALS:
    // The course whose page is shown changed (empty: none is open).
    void courseOpened(const QString &courseId);
    // "Preview as student" on the open course.
    void previewRequested(const QString &courseId);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *createCoursePanel();
    QWidget *createCoursePage();
    CourseUndoStack *stackFor(const QString &courseId, bool create);
    void showCourse(const QString &courseId);
    void onCurrentChanged(const QModelIndex &current);
    // Makes records of a new course (its fields, or a duplicate's records) on a stack of its own.
    bool createCourse(const QString &courseId, const QList<RecordState> &records,
                      const QString &text);
    bool setStatus(const QString &status, const QString &text);
    void afterUndo(CourseUndoStack *stack, const QString &focusId);
    void showMessage(const QString &message);
    void updateHeader();
    void updateActions();
    // Narrow or wide, by the workspace's width: see m_showCourses.
    void updateNarrow();
    void updateListState();
    void updateTerms(const QStringList &terms);
    void storeChanged();

    QPointer<SyncController> m_sync;
    LocalStore *m_store = nullptr;
    CourseListModel *m_courses;
    CourseFilterModel *m_filter;
    QUndoGroup *m_undoGroup;
    QHash<QString, CourseUndoStack *> m_stacks; // by the id the course had when it was opened
    QString m_courseId;
    bool m_holdSelection = false;

    QToolBar *m_toolBar;
    // Shows or hides the course list: a narrow window hides it while a course is open, so the
    // outline and the lesson editor keep their room (narrowWidth).
    QAction *m_showCourses = nullptr;
    QWidget *m_coursePanel = nullptr;
    bool m_narrow = false; // narrow with a course open, when last looked at
    QLabel *m_message;
    QLineEdit *m_search;
    QComboBox *m_statusFilter;
    QComboBox *m_termFilter;
    QListView *m_list;
    QStackedWidget *m_listStack;
    EmptyState *m_noCourses;
    EmptyState *m_noMatch;
    QStackedWidget *m_pages;
    EmptyState *m_noneOpen;
    QWidget *m_coursePage;
    QLabel *m_courseTitle;
    QLabel *m_courseSubtitle;
    QLabel *m_courseStatus;
    QLabel *m_courseUnsynced;
    QTabWidget *m_tabs;
    CourseOutlinePage *m_outline;
    CourseSettingsPage *m_settings;

    QAction *m_new;
    QAction *m_duplicate;
    QAction *m_publish;
    QAction *m_archive;
    QAction *m_delete;
    QAction *m_preview;
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_find;
};

} // namespace Lectern::Client
