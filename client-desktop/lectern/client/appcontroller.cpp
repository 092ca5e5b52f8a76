#include "appcontroller.h"

#include "apiclient.h"
#include "clientsettings.h"
#include "connectionmonitor.h"
#include "errormessages.h"
#include "logging.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "session.h"

#include <QDir>
#include <QStandardPaths>

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
    , m_api(new ApiClient(this))
    , m_tokens(new TokenStore(m_dataDir, options.tokenStoreMode, this))
    , m_session(new Session(m_api, m_tokens, this))
    , m_monitor(new ConnectionMonitor(m_api, this))
    , m_loginDialog(std::make_unique<LoginDialog>())
    , m_mainWindow(std::make_unique<MainWindow>())
{
    qCInfo(lcUi) << "data folder:" << m_dataDir;
    if (options.connectionCheckIntervalMs > 0)
        m_monitor->setInterval(options.connectionCheckIntervalMs);

    connect(m_session, &Session::loggedIn, this, &AppController::onLoggedIn);
    connect(m_session, &Session::loginFailed, this, [this](const Error &error) {
        m_loginDialog->setBusy(false);
        m_loginDialog->showError(error);
    });
    connect(m_session, &Session::resumeFailed, this, &AppController::onResumeFailed);
    connect(m_session, &Session::sessionExpired, this, &AppController::onSessionExpired);
    connect(m_session, &Session::profileChanged, this,
            [this] { m_mainWindow->setProfile(m_session->user(), m_session->organization()); });

    connect(m_loginDialog.get(), &LoginDialog::loginRequested, this,
            [this](const QUrl &server, const QString &email, const QString &password) {
                m_resuming = false;
                m_session->login(server, email, password);
            });
    connect(m_loginDialog.get(), &LoginDialog::rejected, this, &AppController::quitRequested);

    connect(m_monitor, &ConnectionMonitor::stateChanged, m_mainWindow.get(),
            &MainWindow::setConnectionState);
    connect(m_mainWindow.get(), &MainWindow::logoutRequested, this, &AppController::logout);
    connect(m_mainWindow.get(), &MainWindow::quitRequested, this, &AppController::quitRequested);

    m_resumeGrace.setSingleShot(true);
    m_resumeGrace.setInterval(400);
    connect(&m_resumeGrace, &QTimer::timeout, this, [this] {
        if (!m_resuming)
            return;
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
    m_loginDialog->clearPassword();
    m_loginDialog->showMessage(message);
    m_loginDialog->show();
    m_loginDialog->raise();
    m_loginDialog->activateWindow();
    // Show the dialog before hiding the main window so that the application never has no window.
    m_mainWindow->hide();
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
    showMainWindow();
}

void AppController::showMainWindow()
{
    m_mainWindow->setServerUrl(m_session->serverUrl());
    m_mainWindow->setProfile(m_session->user(), m_session->organization());
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
    showLogin(error.code == u"no_stored_token"
                  ? QString()
                  : ErrorMessages::forLogin(error, m_session->serverUrl()));
}

void AppController::onSessionExpired(const Error &error)
{
    qCInfo(lcAuth) << "session ended by the server:" << error.code;
    m_monitor->stop();
    m_loginDialog->setBusy(false);
    showLogin(error.code == QLatin1StringView(ErrorCode::AccountDisabled)
                  ? ErrorMessages::forLogin(error, m_session->serverUrl())
                  : ErrorMessages::sessionEnded());
}

void AppController::logout()
{
    m_monitor->stop();
    m_session->logout();
    showLogin();
}

} // namespace Lectern::Client
