#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QTest>
#include <lectern/client/errormessages.h>
#include <lectern/client/logindialog.h>
#include <lectern/client/mainwindow.h>
#include <lectern/client/translationloader.h>
#include <lectern/client/workspace.h>
#include <lectern/role.h>

using namespace Lectern;
using namespace Lectern::Client;

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void embedded();
    void french();
    void frenchWindows();
    void englishPlurals();
    void unknownLanguageFallsBackToEnglish();
};

void tst_Translations::cleanup()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_Translations::embedded()
{
    const QStringList languages = TranslationLoader::availableLanguages();
    QVERIFY2(languages.contains(QStringLiteral("en")), qPrintable(languages.join(u',')));
    QVERIFY2(languages.contains(QStringLiteral("fr")), qPrintable(languages.join(u',')));
}

void tst_Translations::french()
{
    QCOMPARE(TranslationLoader::install(QLocale(QLocale::French, QLocale::France)),
             QStringLiteral("fr"));
    QCOMPARE(Workspaces::title(Workspace::Learn), QStringLiteral("Apprendre"));
    QCOMPARE(Workspaces::title(Workspace::Admin), QStringLiteral("Console d’administration"));
    // Strings from the shared library are in the same file.
    QCOMPARE(roleDisplayName(Role::Instructor), QStringLiteral("Enseignant"));
    const QUrl server(QStringLiteral("http://127.0.0.1:8080"));
    QCOMPARE(ErrorMessages::forLogin(Error(QStringLiteral("invalid_credentials"), {}), server),
             QStringLiteral("L’adresse e-mail ou le mot de passe est incorrect."));
    QCOMPARE(ErrorMessages::forLogin(Error(QStringLiteral("too_many_requests"), {},
                                           {{QStringLiteral("retryAfter"), 61}}),
                                     server),
             QStringLiteral("Trop de tentatives infructueuses. Réessayez dans 2 minutes."));
    QCOMPARE(ErrorMessages::forLogin(Error(QStringLiteral("too_many_requests"), {},
                                           {{QStringLiteral("retryAfter"), 30}}),
                                     server),
             QStringLiteral("Trop de tentatives infructueuses. Réessayez dans 30 secondes."));
    // Qt's own words too: the standard buttons of every dialog (qt6-translations-l10n).
    QDialogButtonBox buttons(QDialogButtonBox::Cancel | QDialogButtonBox::Yes);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(u'&'),
             QStringLiteral("Annuler"));
    QCOMPARE(buttons.button(QDialogButtonBox::Yes)->text().remove(u'&'), QStringLiteral("Oui"));
}

void tst_Translations::frenchWindows()
{
    TranslationLoader::install(QLocale(QLocale::French, QLocale::Canada));
    LoginDialog dialog;
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Connexion à Lectern"));
    QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("loginButton"))->text(),
             QStringLiteral("Se &connecter"));

    MainWindow window;
    User user;
    user.name = QStringLiteral("Ian Instructor");
    user.roles = {Role::Instructor, Role::Admin};
    Organization org;
    org.name = QStringLiteral("Demo Academy");
    window.setProfile(user, org);
    window.setConnectionState(ConnectionMonitor::State::Offline);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("rolesLabel"))->text(),
             QStringLiteral("Enseignant, Administrateur"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("connectionLabel"))->text(),
             QStringLiteral("Hors ligne"));
    auto *status = window.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QCOMPARE(status->text(), QStringLiteral("Travail hors ligne"));
    window.setLastConnected(QDateTime::currentDateTime());
    QVERIFY2(
        status->text().startsWith(QStringLiteral("Travail hors ligne — dernière connexion à ")),
        qPrintable(status->text()));
    window.showSessionEnded(ErrorMessages::sessionEndedWhileWorking());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("sessionBarText"))->text(),
             QStringLiteral("Votre session a expiré — reconnectez-vous pour synchroniser."));
    QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("sessionLoginButton"))->text(),
             QStringLiteral("Se &connecter…"));
    const auto *list = window.findChild<QListWidget *>(QStringLiteral("workspaceList"));
    QCOMPARE(list->item(0)->text(), QStringLiteral("Apprendre"));
    QCOMPARE(window.menuBar()->actions().constFirst()->text(), QStringLiteral("&Fichier"));

    const QString dir = qEnvironmentVariable("LECTERN_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.grab().save(dir + QStringLiteral("/mainwindow-fr.png"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.showError(
            Error(QStringLiteral("too_many_requests"), {}, {{QStringLiteral("retryAfter"), 900}}));
        dialog.grab().save(dir + QStringLiteral("/login-fr.png"));
    }
}

void tst_Translations::englishPlurals()
{
    QCOMPARE(TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedKingdom)),
             QStringLiteral("en"));
    const QUrl server(QStringLiteral("http://127.0.0.1:8080"));
    QCOMPARE(ErrorMessages::forLogin(Error(QStringLiteral("too_many_requests"), {},
                                           {{QStringLiteral("retryAfter"), 60}}),
                                     server),
             QStringLiteral("Too many failed attempts. Try again in 1 minute."));
}

void tst_Translations::unknownLanguageFallsBackToEnglish()
{
    QCOMPARE(TranslationLoader::install(QLocale(QLocale::Japanese, QLocale::Japan)),
             QStringLiteral("en"));
    QCOMPARE(Workspaces::title(Workspace::Learn), QStringLiteral("Learn"));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
