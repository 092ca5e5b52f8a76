#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <lectern/client/busyindicator.h>
#include <lectern/client/logindialog.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;

class tst_LoginDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginEnabledOnlyWhenFilled();
    void submitsWhatWasTyped();
    void invalidUrlIsShownInTheDialog();
    void busyStateLocksTheForm();
    void errorsAppearInTheDialog();
    void typingClearsTheMessage();
    void dismissButtonSaysWhatItDoes();

private:
    template<typename T> static T *child(QWidget &dialog, const char *name)
    {
        T *widget = dialog.findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
};

void tst_LoginDialog::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_LoginDialog::loginEnabledOnlyWhenFilled()
{
    LoginDialog dialog;
    auto *button = child<QPushButton>(dialog, "loginButton");
    QVERIFY(!button->isEnabled());
    child<QLineEdit>(dialog, "serverEdit")->setText(QStringLiteral("http://127.0.0.1:8080"));
    QVERIFY(!button->isEnabled());
    QTest::keyClicks(child<QLineEdit>(dialog, "emailEdit"),
                     QStringLiteral("student1@demo.lectern"));
    QVERIFY(!button->isEnabled());
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("x"));
    QVERIFY(button->isEnabled());
    child<QLineEdit>(dialog, "emailEdit")->setText(QStringLiteral("   "));
    QVERIFY(!button->isEnabled());
}

void tst_LoginDialog::submitsWhatWasTyped()
{
    LoginDialog dialog;
    dialog.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy requested(&dialog, &LoginDialog::loginRequested);
    auto *password = child<QLineEdit>(dialog, "passwordEdit");
    QCOMPARE(password->echoMode(), QLineEdit::Password);

    QTest::keyClicks(child<QLineEdit>(dialog, "emailEdit"),
                     QStringLiteral(" student1@demo.lectern "));
    QTest::keyClicks(password, QStringLiteral("lectern-demo"));
    QTest::keyClick(password, Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.constFirst().at(0).toUrl(), QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(requested.constFirst().at(1).toString(), QStringLiteral("student1@demo.lectern"));
    QCOMPARE(requested.constFirst().at(2).toString(), QStringLiteral("lectern-demo"));
    QVERIFY(dialog.isBusy());
    QVERIFY(dialog.isVisible()); // stays open until the controller says it worked
}

void tst_LoginDialog::invalidUrlIsShownInTheDialog()
{
    LoginDialog dialog;
    QSignalSpy requested(&dialog, &LoginDialog::loginRequested);
    child<QLineEdit>(dialog, "serverEdit")->setText(QStringLiteral("ftp://files.example.org"));
    child<QLineEdit>(dialog, "emailEdit")->setText(QStringLiteral("a@b.c"));
    child<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("secret"));
    QTest::mouseClick(child<QPushButton>(dialog, "loginButton"), Qt::LeftButton);
    QCOMPARE(requested.size(), 0);
    QVERIFY(!dialog.isBusy());
    QCOMPARE(child<QLabel>(dialog, "messageLabel")->text(),
             QStringLiteral("Enter a server address such as https://lectern.example.org."));
}

void tst_LoginDialog::busyStateLocksTheForm()
{
    LoginDialog dialog;
    dialog.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
    dialog.setEmail(QStringLiteral("a@b.c"));
    child<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("secret"));
    dialog.show();
    auto *button = child<QPushButton>(dialog, "loginButton");
    auto *spinner = dialog.findChild<BusyIndicator *>();
    QVERIFY(button->isEnabled());
    QVERIFY(!spinner->isVisible());

    dialog.setBusy(true);
    QVERIFY(!button->isEnabled());
    QVERIFY(spinner->isVisible());
    QVERIFY(spinner->isRunning());
    QVERIFY(child<QLineEdit>(dialog, "emailEdit")->isReadOnly());

    dialog.setBusy(false);
    QVERIFY(button->isEnabled());
    QVERIFY(!spinner->isVisible());
    QVERIFY(!child<QLineEdit>(dialog, "emailEdit")->isReadOnly());
}

void tst_LoginDialog::errorsAppearInTheDialog()
{
    LoginDialog dialog;
    dialog.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
    dialog.show();
    auto *message = child<QLabel>(dialog, "messageLabel");
    QVERIFY(!message->isVisible());

    dialog.showError(
        Error(QStringLiteral("too_many_requests"), {}, {{QStringLiteral("retryAfter"), 120}}));
    QVERIFY(message->isVisible());
    QCOMPARE(dialog.message(), QStringLiteral("Too many failed attempts. Try again in 2 minutes."));

    const QString shots = qEnvironmentVariable("LECTERN_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        dialog.setEmail(QStringLiteral("student1@demo.lectern"));
        dialog.showError(Error(QStringLiteral("invalid_credentials"), {}));
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grab().save(shots + QStringLiteral("/login.png"));
    }

    dialog.showError(Error(QStringLiteral("network_unreachable"), {}));
    QCOMPARE(dialog.message(),
             QStringLiteral("Cannot reach the server at http://127.0.0.1:8080. "
                            "Check the address and your connection."));
}

void tst_LoginDialog::typingClearsTheMessage()
{
    LoginDialog dialog;
    dialog.show();
    dialog.showMessage(QStringLiteral("The email or password is incorrect."));
    QVERIFY(child<QLabel>(dialog, "messageLabel")->isVisible());
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("a"));
    QVERIFY(!child<QLabel>(dialog, "messageLabel")->isVisible());
}

void tst_LoginDialog::dismissButtonSaysWhatItDoes()
{
    LoginDialog dialog;
    auto *button = child<QPushButton>(dialog, "quitButton");
    QVERIFY(dialog.closesApplication());
    QCOMPARE(button->text(), QStringLiteral("&Quit"));
    // Over the main window (logging in again after the session ended), it only closes the dialog.
    dialog.setClosesApplication(false);
    QCOMPARE(button->text(), QStringLiteral("&Cancel"));
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    dialog.show();
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(rejected.size(), 1);
    QVERIFY(!dialog.isVisible());
    dialog.setClosesApplication(true);
    QCOMPARE(button->text(), QStringLiteral("&Quit"));
}

QTEST_MAIN(tst_LoginDialog)
#include "tst_logindialog.moc"
