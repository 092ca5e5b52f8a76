#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <lectern/client/appcontroller.h>
#include <lectern/client/logindialog.h>
#include <lectern/client/mainwindow.h>

namespace Lectern::ClientTest {

// Drives the real login dialog and main window the way a person does, for the flow suites.
namespace FlowDriver {

inline Client::AppOptions appOptions(const QString &dataDir, const QUrl &server = {})
{
    Client::AppOptions options;
    options.serverUrl = server;
    options.dataDir = dataDir;
    options.tokenStoreMode = Client::TokenStore::Mode::FileOnly; // never the developer's keychain
    options.useSystemNetworkHint = false;
    return options;
}

inline std::unique_ptr<Client::AppController> startApp(const Client::AppOptions &options)
{
    auto app = std::make_unique<Client::AppController>(options);
    app->start();
    return app;
}

inline std::unique_ptr<Client::AppController> startApp(const QString &dataDir,
                                                       const QUrl &server = {})
{
    return startApp(appOptions(dataDir, server));
}

// Types into the dialog's fields and clicks "Log in". Returns false when the dialog was not there
// to type into.
[[nodiscard]] inline bool typeAndLogIn(Client::AppController &app, const QString &email,
                                       const QString &password)
{
    Client::LoginDialog *dialog = app.loginDialog();
    if (!QTest::qWaitFor([&] { return dialog->isVisible() && !dialog->isBusy(); }, 10000))
        return false;
    auto *emailEdit = dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"));
    auto *passwordEdit = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("loginButton"));
    emailEdit->clear();
    QTest::keyClicks(emailEdit, email);
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    if (!button->isEnabled())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

inline QString labelText(QWidget *window, const char *name)
{
    const auto *label = window->findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
}

inline QString buttonText(QWidget *window, const char *name)
{
    const auto *button = window->findChild<QPushButton *>(QString::fromLatin1(name));
    return button ? button->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
}

inline QStringList workspaceTitles(Client::MainWindow *window)
{
    const auto *list = window->findChild<QListWidget *>(QStringLiteral("workspaceList"));
    QStringList titles;
    for (int row = 0; list && row < list->count(); ++row)
        titles.append(list->item(row)->text());
    return titles;
}

} // namespace FlowDriver
} // namespace Lectern::ClientTest
