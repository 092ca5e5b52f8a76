#pragma once

#include "connectionmonitor.h"
#include "theme.h"
#include "workspace.h"

#include <QDateTime>
#include <QMainWindow>
#include <QPointer>
#include <QUrl>
#include <functional>
#include <lectern/organization.h>
#include <lectern/user.h>

class QFrame;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QUndoGroup;
class QActionGroup;
class QMenu;

namespace Lectern::Client {

class ConflictInbox;
class RefusedChangesView;
class SyncController;
class SyncIndicator;

// The window after logging in: who is logged in where, whether the server can be reached, and the
// workspaces the person's roles open. It shows what it is given and forwards what the person asks
// for (log out, quit); the AppController does the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Fills the header and rebuilds the workspace list for this person's roles.
    void setProfile(const User &user, const Organization &organization);
    // The layout the person left: the window's geometry (ignored when it no longer fits a
    // screen) and the named splitters' states, applied to the pages there are now.
    void restoreLayout(const QByteArray &geometry, const QHash<QString, QByteArray> &splitters);
    QHash<QString, QByteArray> splitterStates() const;
    void setServerUrl(const QUrl &url);
    void setConnectionState(ConnectionMonitor::State state);
    // When the server last answered (UTC), for the status line while offline.
    void setLastConnected(const QDateTime &when);

    // A bar above the workspaces saying that the session is over, with a "Log in" button
    // (loginRequested()); the window and everything in it stay as they are.
    void showSessionEnded(const QString &message);
    void hideSessionEnded();
    bool isSessionEndedShown() const;

    // "Working offline — last connected at 14:05" (yesterday at, on <date>).
    static QString offlineStatus(const QDateTime &lastConnected,
                                 const QDateTime &now = QDateTime::currentDateTime());

    // Makes the page of a workspace (the AppController's real workspaces); without one, or when
    // it answers null, the workspace gets a placeholder page. Pages are made when the profile is
    // first set and again only when the account or the workspaces it allows change.
    using PageFactory = std::function<QWidget *(Workspace, QWidget *parent)>;
    void setPageFactory(PageFactory factory) { m_pageFactory = std::move(factory); }
    // Edit → Undo / Redo act on this group's active stack (the Author workspace's open course).
    void setUndoGroup(QUndoGroup *group);
    // Checks the View → Appearance entry of the theme in use.
    void setThemeMode(Theme::Mode mode);

    // Drops the workspace pages (after a logout); the next setProfile() makes new ones.
    void clearWorkspaces();
    // The page shown for a workspace (null when the profile does not allow it).
    QWidget *workspacePage(Workspace workspace) const;

    QList<Workspace> workspaces() const { return m_workspaces; }
    Workspace currentWorkspace() const;
    void showWorkspace(Workspace workspace);

    // Two letters for the avatar: "Ada Lovelace" -> "AL".
    static QString initials(const QString &name);

    // The sync state in the status bar; with a controller set it follows it, and its buttons
    // open the conflict inbox and the refused changes (windows of their own, made when first
    // asked for).
    SyncIndicator *syncIndicator() const { return m_syncIndicator; }
    void setSyncController(SyncController *controller);
    // Opens (or raises) the inbox, at the given conflict when there is one.
    void showConflictInbox(const QString &conflictId = {});
    void showRefusedChanges();
    ConflictInbox *conflictInbox() const;
    RefusedChangesView *refusedChangesView() const;

Q_SIGNALS:
    void logoutRequested();
    void quitRequested();
    void loginRequested();
    void themeRequested(Lectern::Client::Theme::Mode mode);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateSidebarStyle();
    void createMenus();
    QWidget *createHeader();
    QWidget *createSessionBar();
    void updateStatusLine();
    void showAbout();

    QLabel *m_avatarLabel;
    QLabel *m_userNameLabel;
    QLabel *m_rolesLabel;
    QLabel *m_organizationLabel;
    QFrame *m_connectionPill = nullptr;
    QLabel *m_connectionIcon;
    QLabel *m_connectionLabel;
    QLabel *m_statusLabel;
    QLabel *m_serverLabel;
    QFrame *m_sessionBar = nullptr;
    QLabel *m_sessionBarText = nullptr;
    QListWidget *m_workspaceList;
    QStackedWidget *m_pages;
    SyncIndicator *m_syncIndicator;
    QPointer<SyncController> m_sync;
    QPointer<ConflictInbox> m_conflictInbox;
    QPointer<RefusedChangesView> m_refusedChanges;
    QMenu *m_editMenu = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QActionGroup *m_themeActions = nullptr;
    QList<Workspace> m_workspaces;
    QString m_pagesUserId; // whose pages m_pages holds
    PageFactory m_pageFactory;
    QUrl m_serverUrl;
    QDateTime m_lastConnected;
    ConnectionMonitor::State m_connectionState = ConnectionMonitor::State::Unknown;
};

} // namespace Lectern::Client
