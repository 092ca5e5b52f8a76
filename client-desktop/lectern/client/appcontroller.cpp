#include "appcontroller.h"

#include "apiclient.h"
#include "author/authorworkspace.h"
#include "author/classlistpane.h"
#include "author/lessoneditor.h"
#include "clientsettings.h"
#include "connectionmonitor.h"
#include "errormessages.h"
#include "files/filespane.h"
#include "files/filetransfers.h"
#include "learn/learnworkspace.h"
#include "logging.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "profilecache.h"
#include "session.h"
#include "sync/synccontroller.h"
#include "theme.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTabWidget>

namespace Lectern::Client {

namespace {

QString resolveDataDir(const QString &dataDir)
{
    const QString dir = dataDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : QDir(dataDir).absolutePath();
    QDir().mkpath(dir);
    return dir;
}

} // namespace

AppController::AppController(const AppOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_dataDir(resolveDataDir(options.dataDir))
    , m_settings(
          std::make_unique<ClientSettings>(options.dataDir.isEmpty() ? QString() : m_dataDir))
    , m_profiles(std::make_unique<ProfileCache>(m_dataDir))
    , m_api(new ApiClient(this))
    , m_tokens(new TokenStore(m_dataDir, options.tokenStoreMode, this))
    , m_session(new Session(m_api, m_tokens, this))
    , m_monitor(new ConnectionMonitor(m_api, this))
    , m_loginDialog(std::make_unique<LoginDialog>())
    , m_mainWindow(std::make_unique<MainWindow>())
{
    qCInfo(lcUi) << "data folder:" << m_dataDir;
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
            &AppController::saveLayout);
    // The appearance chosen in View → Appearance (LECTERN_THEME overrides it, for screenshots).
    const Theme::Mode theme = Theme::fromId(qEnvironmentVariableIsSet("LECTERN_THEME")
                                                ? qEnvironmentVariable("LECTERN_THEME")
                                                : m_settings->theme());
    // The system's look too goes through Theme::apply: it adds the focus rings the platform's
    // style leaves out (flat buttons).
    Theme::apply(theme);
    m_mainWindow->setThemeMode(theme);
    if (options.connectionCheckIntervalMs > 0)
        m_monitor->setInterval(options.connectionCheckIntervalMs);
    m_session->setProfileCache(m_profiles.get());
    m_sync = new SyncController(this);
    m_files = new FileTransfers(m_session, m_sync, QString(), this);
    m_mainWindow->setPageFactory([this](Workspace workspace, QWidget *parent) {
        return makeWorkspacePage(workspace, parent);
    });
    // The status bar's sync indicator, the conflict inbox and the refused changes follow it.
    m_mainWindow->setSyncController(m_sync);
    // The engine found its access token refused: renew the session and hand it the new one (a
    // refresh token the server no longer takes ends the session: onSessionExpired()).
    connect(m_sync, &SyncController::accessTokenNeeded, this, [this] {
        m_session->refresh([this](const Result<void> &refreshed) {
            if (refreshed)
                m_sync->setAccessToken(m_session->accessToken());
        });
    });

    connect(m_session, &Session::loggedIn, this, &AppController::onLoggedIn);
    connect(m_session, &Session::loginFailed, this, [this](const Error &error) {
        m_loginDialog->setBusy(false);
        m_loginDialog->showError(error);
    });
    connect(m_session, &Session::resumeFailed, this, &AppController::onResumeFailed);
    connect(m_session, &Session::resumedOffline, this, &AppController::onResumedOffline);
    connect(m_session, &Session::sessionExpired, this, &AppController::onSessionExpired);
    connect(m_session, &Session::profileChanged, this, [this] {
        if (!m_session->accessToken().isEmpty())
            m_sync->setAccessToken(m_session->accessToken()); // refreshed
        m_mainWindow->setProfile(m_session->user(), m_session->organization());
        m_mainWindow->setLastConnected(m_session->lastConnected());
    });

    connect(m_loginDialog.get(), &LoginDialog::loginRequested, this,
            [this](const QUrl &server, const QString &email, const QString &password) {
                m_resuming = false;
                m_session->login(server, email, password);
            });
    connect(m_loginDialog.get(), &LoginDialog::rejected, this, [this] {
        // Over the main window, dismissing the dialog only closes it.
        if (m_loginDialog->closesApplication())
            Q_EMIT quitRequested();
    });

    connect(m_monitor, &ConnectionMonitor::stateChanged, this, &AppController::onConnectionChanged);
    connect(m_mainWindow.get(), &MainWindow::logoutRequested, this, &AppController::logout);
    connect(m_mainWindow.get(), &MainWindow::quitRequested, this, &AppController::quitRequested);
    connect(m_mainWindow.get(), &MainWindow::loginRequested, this, &AppController::logInAgain);
    connect(m_mainWindow.get(), &MainWindow::themeRequested, this, [this](Theme::Mode mode) {
        Theme::apply(mode);
        m_settings->setTheme(Theme::id(mode));
        m_settings->sync();
        m_mainWindow->setThemeMode(mode);
    });

    m_resumeGrace.setSingleShot(true);
    m_resumeGrace.setInterval(400);
    connect(&m_resumeGrace, &QTimer::timeout, this, [this] {
        if (!m_resuming)
            return;
        // Someone who can work from the cache does not wait for a slow network: the answer
        // updates the window when it comes.
        if (m_session->isProfileFromCache()) {
            startSync(); // the store opens now; the engine waits for the access token
            showMainWindow();
            return;
        }
        showLogin();
        m_loginDialog->setBusy(true, tr("Logging in as %1…").arg(m_session->email()));
    });
}

AppController::~AppController() = default;

void AppController::start()
{
    const QUrl lastServer = m_settings->lastServerUrl();
    const QString lastEmail = m_settings->lastEmail();
    const QUrl server = m_options.serverUrl.isValid()
        ? m_options.serverUrl
        : (lastServer.isValid() ? lastServer : defaultServerUrl());
    m_loginDialog->setServerUrl(server);
    m_loginDialog->setEmail(lastEmail);
    m_api->setBaseUrl(server);

    // A server given on the command line that is not the last one: that session does not apply.
    if (!lastEmail.isEmpty() && lastServer.isValid() && server == lastServer) {
        m_resuming = true;
        m_session->resume(server, lastEmail);
        m_resumeGrace.start();
        return;
    }
    showLogin();
}

void AppController::showLogin(const QString &message)
{
    m_loginDialog->setClosesApplication(true);
    m_loginDialog->clearPassword();
    m_loginDialog->showMessage(message);
    m_loginDialog->show();
    m_loginDialog->raise();
    m_loginDialog->activateWindow();
    // Show the dialog before hiding the main window so that the application never has no window.
    m_mainWindow->hide();
    m_mainWindow->hideSessionEnded();
}

void AppController::onLoggedIn()
{
    m_resuming = false;
    m_resumeGrace.stop();
    m_settings->setLastServerUrl(m_session->serverUrl());
    m_settings->setLastEmail(m_session->email());
    m_settings->sync();

    m_loginDialog->setBusy(false);
    m_loginDialog->clearPassword();
    m_loginDialog->clearMessage();
    m_loginDialog->setEmail(m_session->email());
    m_mainWindow->hideSessionEnded();
    startSync(); // first, so that the workspaces open on the account's store
    showMainWindow();
}

void AppController::startSync()
{
    const QString userId = m_session->user().id;
    if (userId.isEmpty())
        return;
    if (m_sync->isRunning() && m_sync->serverUrl() == m_session->serverUrl()
        && m_sync->userId() == userId) {
        if (!m_session->accessToken().isEmpty())
            m_sync->setAccessToken(m_session->accessToken());
        return;
    }
    // Each account (server and user) has a database of its own; the previous one keeps its
    // outbox for that account's next login.
    const Result<void> started
        = m_sync->start(m_session->serverUrl(), userId, m_session->accessToken(), m_dataDir);
    if (!started)
        qCWarning(lcUi) << "offline store unavailable:" << started.error().message;
}

QWidget *AppController::makeWorkspacePage(Workspace workspace, QWidget *parent)
{
    switch (workspace) {
    case Workspace::Learn: {
        auto *learn = new LearnWorkspace(m_sync, parent);
        learn->setFileTransfers(m_files);
        return learn;
    }
    case Workspace::Author: {
        auto *author = new AuthorWorkspace(m_sync, parent);
        if (LessonEditor *editor = author->lessonEditor())
            editor->setFileTransfers(m_files);
        auto *files = new FilesPane(m_files, m_sync, author);
        files->setObjectName(QStringLiteral("filesPane"));
        author->courseTabs()->addTab(files, QIcon(QStringLiteral(":/icons/file.svg")), tr("Files"));
        connect(author, &AuthorWorkspace::courseOpened, files, &FilesPane::setCourseId);
        auto *classList = new ClassListPane(m_session, m_sync, author);
        classList->setObjectName(QStringLiteral("classListPane"));
        author->courseTabs()->addTab(classList, QIcon(QStringLiteral(":/icons/enroll.svg")),
                                     tr("Class list"));
        connect(author, &AuthorWorkspace::courseOpened, classList, &ClassListPane::setCourseId);
        // "Preview as student": the Learn workspace shows the course as a learner sees it.
        connect(author, &AuthorWorkspace::previewRequested, this, [this](const QString &courseId) {
            m_mainWindow->showWorkspace(Workspace::Learn);
            if (auto *learn
                = qobject_cast<LearnWorkspace *>(m_mainWindow->workspacePage(Workspace::Learn)))
                learn->previewCourse(courseId);
        });
        m_mainWindow->setUndoGroup(author->undoGroup());
        return author;
    }
    case Workspace::Grade:
    case Workspace::Admin:
        break;
    }
    return nullptr; // a placeholder page until its issue lands
}

void AppController::showMainWindow()
{
    m_mainWindow->setServerUrl(m_session->serverUrl());
    m_mainWindow->setProfile(m_session->user(), m_session->organization());
    m_mainWindow->setLastConnected(m_session->lastConnected());
    if (!m_mainWindowShown)
        m_mainWindow->restoreLayout(m_settings->windowGeometry(), m_settings->splitterStates());
    m_mainWindowShown = true;
    m_mainWindow->show();
    m_mainWindow->raise();
    m_mainWindow->activateWindow();
    m_loginDialog->hide();
    m_monitor->start(m_options.useSystemNetworkHint);
}

void AppController::onResumeFailed(const Error &error)
{
    if (!m_resuming)
        return;
    m_resuming = false;
    m_resumeGrace.stop();
    qCInfo(lcAuth) << "could not resume the last session:" << error.code;
    m_loginDialog->setBusy(false);
    if (m_mainWindow->isVisible()) {
        // Opened from the cache while the server took its time: keep it open.
        showSessionEnded(error);
        return;
    }
    showLogin(error.code == u"no_stored_token"
                  ? QString()
                  : ErrorMessages::forLogin(error, m_session->serverUrl()));
}

void AppController::onResumedOffline(const Error &error)
{
    if (!m_resuming)
        return;
    m_resuming = false;
    m_resumeGrace.stop();
    m_loginDialog->setBusy(false);
    startSync(); // first, so that the workspaces open on the account's store
    showMainWindow();
    // No answer at all: say so now rather than after the monitor's first check.
    if (error.code == QLatin1StringView(ClientErrorCode::NetworkUnreachable)
        && m_monitor->state() != ConnectionMonitor::State::Online)
        m_mainWindow->setConnectionState(ConnectionMonitor::State::Offline);
}

void AppController::onSessionExpired(const Error &error)
{
    qCInfo(lcAuth) << "session ended by the server:" << error.code;
    m_sync->signOut(); // the outbox stays for the next login
    m_loginDialog->setBusy(false);
    if (m_mainWindow->isVisible()) {
        showSessionEnded(error);
        return;
    }
    m_monitor->stop();
    showLogin(error.code == QLatin1StringView(ErrorCode::AccountDisabled)
                  ? ErrorMessages::forLogin(error, m_session->serverUrl())
                  : ErrorMessages::sessionEnded());
}

void AppController::showSessionEnded(const Error &error)
{
    m_mainWindow->showSessionEnded(error.code == QLatin1StringView(ErrorCode::AccountDisabled)
                                       ? ErrorMessages::forLogin(error, m_session->serverUrl())
                                       : ErrorMessages::sessionEndedWhileWorking());
}

void AppController::onConnectionChanged(ConnectionMonitor::State state)
{
    m_mainWindow->setConnectionState(state);
    if (!m_session->isLoggedIn())
        return;
    if (state == ConnectionMonitor::State::Offline) {
        m_session->noteConnected(m_monitor->lastOnline());
        m_mainWindow->setLastConnected(m_session->lastConnected());
    } else if (state == ConnectionMonitor::State::Online) {
        m_sync->networkAvailable();
    }
    if (state == ConnectionMonitor::State::Online && !m_session->hasValidAccessToken()) {
        // Back from offline: the session becomes a full one again in the background, or ends
        // (sessionExpired) if the server no longer takes the refresh token.
        qCInfo(lcAuth) << "server is back; renewing the session";
        m_session->refresh();
    }
}

void AppController::logInAgain()
{
    m_loginDialog->setServerUrl(m_session->serverUrl());
    m_loginDialog->setEmail(m_session->email());
    m_loginDialog->setBusy(false);
    m_loginDialog->clearPassword();
    m_loginDialog->clearMessage();
    m_loginDialog->setClosesApplication(false);
    m_loginDialog->show();
    m_loginDialog->raise();
    m_loginDialog->activateWindow();
}

void AppController::saveLayout()
{
    if (!m_mainWindowShown)
        return;
    m_settings->setWindowGeometry(m_mainWindow->saveGeometry());
    m_settings->setSplitterStates(m_mainWindow->splitterStates());
    m_settings->sync();
}

void AppController::logout()
{
    saveLayout();
    m_mainWindowShown = false;
    m_resuming = false;
    m_resumeGrace.stop();
    m_monitor->stop();
    // The open lesson's reading time goes to the store while it is still open.
    if (auto *learn = qobject_cast<LearnWorkspace *>(m_mainWindow->workspacePage(Workspace::Learn)))
        learn->showDashboard();
    // Changes not sent yet stay in this account's outbox: say so, and what becomes of them.
    const int waiting = m_sync->isRunning() ? m_sync->status().queued : 0;
    m_sync->stop(); // the database and its outbox stay for this account's next login
    m_session->logout();
    showLogin(waiting > 0 ? tr("You logged out with %Ln change(s) not sent to the server yet. "
                               "They are kept on this computer and sent when you next log in "
                               "with this account.",
                               nullptr, waiting)
                          : QString());
    m_mainWindow->clearWorkspaces(); // the next login opens fresh pages on its own store
}

} // namespace Lectern::Client
