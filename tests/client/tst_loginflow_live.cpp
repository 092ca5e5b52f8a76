#include "flowdriver.h"
#include "testserver.h"

#include <QAction>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <lectern/client/filetokenstore.h>
#include <lectern/client/session.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest::FlowDriver;

// The login flow through the real widgets against a real lectern-server (in-process, demo data,
// fresh database per test function: the server's lockout counts failures per client address).
class tst_LoginFlowLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void logInAs_data();
    void logInAs();
    void wrongPassword();
    void lockedOut();
    void nextStartResumesThenLogout();

private:
    static inline const QString demoPassword = QStringLiteral("lectern-demo");
    std::unique_ptr<Test::TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_LoginFlowLive::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_LoginFlowLive::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<Test::TestServer>();
    LECTERN_START_SERVER(*m_server);
}

void tst_LoginFlowLive::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

void tst_LoginFlowLive::logInAs_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("roles");
    QTest::addColumn<QStringList>("workspaces");

    QTest::newRow("student1") << QStringLiteral("student1@demo.lectern")
                              << QStringLiteral("Sam Student") << QStringLiteral("Student")
                              << QStringList {QStringLiteral("Learn")};
    QTest::newRow("instructor") << QStringLiteral("instructor@demo.lectern")
                                << QStringLiteral("Ian Instructor") << QStringLiteral("Instructor")
                                << QStringList {QStringLiteral("Learn"), QStringLiteral("Author"),
                                                QStringLiteral("Grade")};
    QTest::newRow("admin") << QStringLiteral("admin@demo.lectern") << QStringLiteral("Ada Admin")
                           << QStringLiteral("Administrator")
                           << QStringList {QStringLiteral("Learn"), QStringLiteral("Author"),
                                           QStringLiteral("Admin console")};
}

void tst_LoginFlowLive::logInAs()
{
    QFETCH(QString, email);
    QFETCH(QString, name);
    QFETCH(QString, roles);
    QFETCH(QStringList, workspaces);

    auto app = startApp(m_dir->path(), m_server->url());
    QVERIFY(typeAndLogIn(*app, email, demoPassword));
    MainWindow *window = app->mainWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 15000);
    QVERIFY(!app->loginDialog()->isVisible());
    QCOMPARE(labelText(window, "userNameLabel"), name);
    QCOMPARE(labelText(window, "rolesLabel"), roles);
    QCOMPARE(labelText(window, "organizationLabel"), QStringLiteral("Demo Academy"));
    QCOMPARE(workspaceTitles(window), workspaces);
    QTRY_COMPARE(labelText(window, "connectionLabel"), QStringLiteral("Online"));
}

void tst_LoginFlowLive::wrongPassword()
{
    auto app = startApp(m_dir->path(), m_server->url());
    QVERIFY(typeAndLogIn(*app, QStringLiteral("student1@demo.lectern"),
                         QStringLiteral("wrong-password")));
    QTRY_COMPARE_WITH_TIMEOUT(labelText(app->loginDialog(), "messageLabel"),
                              QStringLiteral("The email or password is incorrect."), 15000);
    QVERIFY(!app->mainWindow()->isVisible());
    QVERIFY(!app->loginDialog()->isBusy());
}

void tst_LoginFlowLive::lockedOut()
{
    auto app = startApp(m_dir->path(), m_server->url());
    const QRegularExpression lockedMessage(
        QStringLiteral("^Too many failed attempts\\. Try again in (\\d+) minutes\\.$"));
    QRegularExpressionMatch match;
    // The server locks an account after 5 failures within 15 minutes.
    for (int attempt = 0; attempt < 8 && !match.hasMatch(); ++attempt) {
        QVERIFY(typeAndLogIn(*app, QStringLiteral("ta@demo.lectern"),
                             QStringLiteral("guess-%1").arg(attempt)));
        QTRY_VERIFY_WITH_TIMEOUT(!app->loginDialog()->isBusy(), 15000);
        const QString message = labelText(app->loginDialog(), "messageLabel");
        match = lockedMessage.match(message);
        if (!match.hasMatch())
            QCOMPARE(message, QStringLiteral("The email or password is incorrect."));
    }
    QVERIFY2(match.hasMatch(), "no lockout after 8 failed attempts");
    const int minutes = match.captured(1).toInt();
    QVERIFY2(minutes >= 15 && minutes <= 16, qPrintable(match.captured(0)));

    // Still locked with the right password.
    QVERIFY(typeAndLogIn(*app, QStringLiteral("ta@demo.lectern"), demoPassword));
    QTRY_VERIFY_WITH_TIMEOUT(!app->loginDialog()->isBusy(), 15000);
    QVERIFY(lockedMessage.match(labelText(app->loginDialog(), "messageLabel")).hasMatch());
    QVERIFY(!app->mainWindow()->isVisible());
}

void tst_LoginFlowLive::nextStartResumesThenLogout()
{
    const QString key
        = TokenStore::keyFor(m_server->url(), QStringLiteral("student2@demo.lectern"));
    {
        auto first = startApp(m_dir->path(), m_server->url());
        QVERIFY(typeAndLogIn(*first, QStringLiteral("student2@demo.lectern"), demoPassword));
        QTRY_VERIFY_WITH_TIMEOUT(first->mainWindow()->isVisible(), 15000);
        QTRY_VERIFY(FileTokenStore(first->tokenStore()->filePath()).read(key).has_value());
    }

    // The next start goes straight to the main window with the kept (and now rotated) token.
    auto app = startApp(m_dir->path());
    QTRY_VERIFY_WITH_TIMEOUT(app->mainWindow()->isVisible(), 15000);
    QCOMPARE(labelText(app->mainWindow(), "userNameLabel"), QStringLiteral("Sasha Student"));
    QTRY_COMPARE(FileTokenStore(app->tokenStore()->filePath()).read(key),
                 std::optional<QString>(app->session()->refreshToken()));

    app->mainWindow()->findChild<QAction *>(QStringLiteral("logoutAction"))->trigger();
    QVERIFY(app->loginDialog()->isVisible());
    QCOMPARE(app->loginDialog()->email(), QStringLiteral("student2@demo.lectern"));
    QTRY_VERIFY(!FileTokenStore(app->tokenStore()->filePath()).read(key).has_value());
    app.reset();

    // Logged out: the next start asks for the password.
    auto after = startApp(m_dir->path());
    QTRY_VERIFY(after->loginDialog()->isVisible());
    QTRY_VERIFY(!after->loginDialog()->isBusy());
    QVERIFY(!after->mainWindow()->isVisible());
    QCOMPARE(after->loginDialog()->message(), QString());
}

QTEST_MAIN(tst_LoginFlowLive)
#include "tst_loginflow_live.moc"
