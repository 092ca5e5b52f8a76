#pragma once

#include "connectionmonitor.h"
#include "tokenstore.h"
#include "workspace.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <lectern/result.h>
#include <memory>

namespace Lectern::Client {

class ApiClient;
class ClientSettings;
class FileTransfers;
class LoginDialog;
class MainWindow;
class ProfileCache;
class Session;
class SyncController;

// How the program was started (main.cpp fills this from the command line; tests set it directly).
struct AppOptions
{
    QUrl serverUrl;  // --server: overrides the last server used
    QString dataDir; // --data-dir: settings and token file go here instead of the platform places
    TokenStore::Mode tokenStoreMode = TokenStore::Mode::KeychainWithFileFallback;
    bool useSystemNetworkHint = true;  // QNetworkInformation as a hint for the connection monitor
    int connectionCheckIntervalMs = 0; // 0: ConnectionMonitor's default
};

// Runs the client: owns the session and its services, shows the login dialog, then the main window,
// and goes back to the login dialog on logout. Offline first: a start without the server opens the
// main window from the cached profile, and a session that ends while the window is open says so in
// the window (with a way to log in again) instead of taking the window away. Exposes its parts so
// that a test can drive the whole flow.
class AppController : public QObject
{
    Q_OBJECT

public:
    static QUrl defaultServerUrl() { return QUrl(QStringLiteral("http://127.0.0.1:8080")); }

    explicit AppController(const AppOptions &options, QObject *parent = nullptr);
    ~AppController() override;

    // Resumes the last session when a refresh token is kept for it, else shows the login dialog.
    // When the server does not answer and the account's profile is cached, opens the main window
    // offline at once.
    void start();

    ApiClient *api() const { return m_api; }
    TokenStore *tokenStore() const { return m_tokens; }
    Session *session() const { return m_session; }
    ConnectionMonitor *connectionMonitor() const { return m_monitor; }
    ClientSettings *settings() const { return m_settings.get(); }
    ProfileCache *profileCache() const { return m_profiles.get(); }
    LoginDialog *loginDialog() const { return m_loginDialog.get(); }
    MainWindow *mainWindow() const { return m_mainWindow.get(); }
    // The logged-in account's offline store and sync (running while someone is logged in).
    SyncController *syncController() const { return m_sync; }
    // Uploads, downloads and offline copies of course files for the logged-in account.
    FileTransfers *fileTransfers() const { return m_files; }
    QString dataDir() const { return m_dataDir; }

Q_SIGNALS:
    void quitRequested();

private:
    void showLogin(const QString &message = {});
    void showMainWindow();
    void onLoggedIn();
    void onResumeFailed(const Error &error);
    void onResumedOffline(const Error &error);
    void onSessionExpired(const Error &error);
    void onConnectionChanged(ConnectionMonitor::State state);
    void showSessionEnded(const Error &error);
    void logInAgain();
    void logout();
    // Keeps the main window's size, place and splitters for the next run (on logout and quit).
    void saveLayout();
    void startSync();
    // The page of a workspace for the main window (MainWindow::setPageFactory).
    QWidget *makeWorkspacePage(Workspace workspace, QWidget *parent);

    AppOptions m_options;
    QString m_dataDir;
    std::unique_ptr<ClientSettings> m_settings;
    std::unique_ptr<ProfileCache> m_profiles;
    ApiClient *m_api;
    TokenStore *m_tokens;
    Session *m_session;
    ConnectionMonitor *m_monitor;
    std::unique_ptr<LoginDialog> m_loginDialog;
    std::unique_ptr<MainWindow> m_mainWindow;
    SyncController *m_sync = nullptr;
    bool m_mainWindowShown = false; // since the last login: its layout is the person's

    FileTransfers *m_files = nullptr;
    // Resuming waits this long for the server before showing something: the main window from the
    // cached profile, or else the login dialog with a spinner.
    QTimer m_resumeGrace;
    bool m_resuming = false;
};

} // namespace Lectern::Client
