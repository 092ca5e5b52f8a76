#pragma once

#include "../sync/syncstatus.h"
#include "enrolldialog.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <lectern/result.h>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace Lectern::Client {

class ClassListModel;
struct ClassListEntry;
class Session;
class SyncController;

// The "Class list" tab of an Author course page: who takes part in the course (name, email,
// role, status, type) and how far each student got. Enrollments are the server's to decide, so
// the list comes from the REST API and changes go there (enroll, unenroll, change role); the last
// list of each course is kept in the account's data folder, so the pane still shows it offline,
// with its date, while the actions wait for a connection.
class ClassListPane : public QWidget
{
    Q_OBJECT

public:
    ClassListPane(Session *session, SyncController *sync, QWidget *parent = nullptr);
    ~ClassListPane() override;

    void setCourseId(const QString &courseId);
    QString courseId() const { return m_courseId; }

    ClassListModel *model() const { return m_model; }
    // The view's model: m_model filtered by the filter box and sorted.
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    // Showing the copy kept on this computer because the server cannot be reached.
    bool isOffline() const { return m_offline; }
    // When the list shown was read from the server (invalid before the first answer).
    QDateTime listedAt() const { return m_listedAt; }
    // The line above the table: offline note, what the last action did, or what went wrong.
    QString noteText() const;
    // The enroll dialog while it is open.
    EnrollDialog *enrollDialog() const { return m_dialog; }

    // Where the copy of a course's class list is kept for `sync`'s account.
    static QString cachePath(const SyncController *sync, const QString &courseId);

public Q_SLOTS:
    // Reads the class list and the students' progress from the server again.
    void refresh();
    void openEnrollDialog();
    // The selected people leave the course (their enrollments become "dropped").
    void unenrollSelected();
    // The selected people take `role` ("student", "ta", "instructor") in the course.
    void changeRoleOfSelected(const QString &role);

Q_SIGNALS:
    // A read finished: from the server, or from the offline copy when it cannot be reached.
    void loaded();
    // An action (enroll, unenroll, change role) finished; `message` is what the note says.
    void actionFinished(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fetchPage(quint64 generation, int page, const QJsonArray &sofar);
    void fetchProgress(quint64 generation, const QJsonArray &classList);
    void showList(const QList<ClassListEntry> &entries, const QDateTime &listedAt);
    void goOffline(const Error &error);
    bool loadCache();
    void saveCache() const;
    void onSyncStatus(const SyncStatus &status);
    enum class NoteKind { None, Offline, Action, Problem };
    void showNote(const QString &text, NoteKind kind);
    QString offlineNote() const;
    void updateActions();
    bool canManage() const;
    QList<ClassListEntry> selectedEntries() const;
    // Sends `body` to `path` for each selected person, then refreshes and says `done`.
    void forEachSelected(const QString &path, const QJsonObject &body, const QString &doneOne,
                         const QString &doneMany);

    Session *m_session;
    QPointer<SyncController> m_sync;
    QString m_courseId;
    ClassListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_offline = false;
    bool m_busy = false;
    bool m_syncWasOnline = false;
    NoteKind m_noteKind = NoteKind::None;
    bool m_stale = false; // sync brought enrollments or progress while hidden
    QTimer m_staleTimer;
    QDateTime m_listedAt;
    QPointer<EnrollDialog> m_dialog;

    QLabel *m_note;
    QLineEdit *m_filter;
    QPushButton *m_enrollButton;
    QToolButton *m_roleButton;
    QPushButton *m_unenrollButton;
    QToolButton *m_refreshButton;
    QStackedWidget *m_stack;
    QTableView *m_view;
    QLabel *m_empty;
};

} // namespace Lectern::Client
