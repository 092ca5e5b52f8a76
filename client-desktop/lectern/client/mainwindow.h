#pragma once

#include "connectionmonitor.h"
#include "workspace.h"

#include <QMainWindow>
#include <QUrl>
#include <lectern/organization.h>
#include <lectern/user.h>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace Lectern::Client {

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
    void setServerUrl(const QUrl &url);
    void setConnectionState(ConnectionMonitor::State state);

    QList<Workspace> workspaces() const { return m_workspaces; }
    Workspace currentWorkspace() const;
    void showWorkspace(Workspace workspace);

    // Two letters for the avatar: "Ada Lovelace" -> "AL".
    static QString initials(const QString &name);

Q_SIGNALS:
    void logoutRequested();
    void quitRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateSidebarStyle();
    void createMenus();
    QWidget *createHeader();
    void showAbout();

    QLabel *m_avatarLabel;
    QLabel *m_userNameLabel;
    QLabel *m_rolesLabel;
    QLabel *m_organizationLabel;
    QLabel *m_connectionIcon;
    QLabel *m_connectionLabel;
    QLabel *m_serverLabel;
    QListWidget *m_workspaceList;
    QStackedWidget *m_pages;
    QList<Workspace> m_workspaces;
    QUrl m_serverUrl;
    ConnectionMonitor::State m_connectionState = ConnectionMonitor::State::Unknown;
};

} // namespace Lectern::Client
