#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>
#include <lectern/client/clientsettings.h>
#include <lectern/client/mainwindow.h>
#include <lectern/client/syncui/syncindicator.h>
#include <lectern/client/theme.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void profile_data();
    void profile();
    void switchingWorkspaces();
    void instructorsLandInAuthor();
    void layoutIsRemembered();
    void connectionIndicator();
    void offlineStatus_data();
    void offlineStatus();
    void statusLineFollowsTheConnection();
    void sessionEndedBar();
    void menuActions();
    void themes();
    void switchingThemeRepaintsStyledPanels();
    void undoFollowsTheGroup();
    void initials_data();
    void initials();

private:
    static User user(const QString &name, const QList<Role> &roles);
    static Organization organization();
    static void saveScreenshot(QWidget *widget, const QString &name);
};

User tst_MainWindow::user(const QString &name, const QList<Role> &roles)
{
    User user;
    user.id = QStringLiteral("u1");
    user.email = QStringLiteral("someone@demo.lectern");
    user.name = name;
    user.roles = roles;
    return user;
}

Organization tst_MainWindow::organization()
{
    Organization org;
    org.id = QStringLiteral("o1");
    org.name = QStringLiteral("Demo Academy");
    org.slug = QStringLiteral("demo");
    return org;
}

void tst_MainWindow::saveScreenshot(QWidget *widget, const QString &name)
{
    // For looking at the window: LECTERN_SCREENSHOT_DIR=/tmp/shots ctest -R tst_mainwindow
    const QString dir = qEnvironmentVariable("LECTERN_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

void tst_MainWindow::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_MainWindow::profile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<Role>>("roles");
    QTest::addColumn<QString>("rolesText");
    QTest::addColumn<QStringList>("workspaces");

    QTest::newRow("student") << QStringLiteral("Student 1") << QList<Role> {Role::Student}
                             << QStringLiteral("Student") << QStringList {QStringLiteral("Learn")};
    QTest::newRow("instructor") << QStringLiteral("Ian Instructor")
                                << QList<Role> {Role::Instructor} << QStringLiteral("Instructor")
                                << QStringList {QStringLiteral("Learn"), QStringLiteral("Author"),
                                                QStringLiteral("Grade")};
    QTest::newRow("ta") << QStringLiteral("Theo Assistant") << QList<Role> {Role::TeachingAssistant}
                        << QStringLiteral("Teaching assistant")
                        << QStringList {QStringLiteral("Learn"), QStringLiteral("Author"),
                                        QStringLiteral("Grade")};
    QTest::newRow("admin") << QStringLiteral("Ada Admin") << QList<Role> {Role::Admin}
                           << QStringLiteral("Administrator")
                           << QStringList {QStringLiteral("Learn"), QStringLiteral("Author"),
                                           QStringLiteral("Admin console")};
    QTest::newRow("admin and instructor")
        << QStringLiteral("Ada Lovelace") << QList<Role> {Role::Admin, Role::Instructor}
        << QStringLiteral("Administrator, Instructor")
        << QStringList {QStringLiteral("Learn"), QStringLiteral("Author"), QStringLiteral("Grade"),
                        QStringLiteral("Admin console")};
}

void tst_MainWindow::profile()
{
    QFETCH(QString, name);
    QFETCH(QList<Role>, roles);
    QFETCH(QString, rolesText);
    QFETCH(QStringList, workspaces);

    MainWindow window;
    window.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
    window.setProfile(user(name, roles), organization());
    window.setConnectionState(ConnectionMonitor::State::Online);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // No sync controller, so no sync indicator to contradict the "Online" header.
    QVERIFY(!window.findChild<SyncIndicator *>()->isVisible());

    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("userNameLabel"))->text(), name);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("rolesLabel"))->text(), rolesText);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("organizationLabel"))->text(),
             QStringLiteral("Demo Academy"));
    QCOMPARE(window.windowTitle(), QStringLiteral("Demo Academy — Lectern"));

    auto *list = window.findChild<QListWidget *>(QStringLiteral("workspaceList"));
    QVERIFY(list);
    QStringList titles;
    for (int row = 0; row < list->count(); ++row)
        titles.append(list->item(row)->text());
    QCOMPARE(titles, workspaces);
    // Where they land (see instructorsLandInAuthor).
    QCOMPARE(list->currentRow(), titles.indexOf(Workspaces::title(Workspaces::landing(roles))));

    // The Learn page, with its sentence.
    window.showWorkspace(Workspace::Learn);
    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("workspacePages"));
    QCOMPARE(pages->count(), workspaces.size());
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("learnPage"));
    QCOMPARE(pages->currentWidget()->findChild<QLabel *>(QStringLiteral("pageDescription"))->text(),
             QStringLiteral("Your courses will appear here, ready to study online or offline."));

    saveScreenshot(&window,
                   QStringLiteral("mainwindow-")
                       + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
}

// Instructors and administrators start where courses are made; students and TAs in Learn.
void tst_MainWindow::instructorsLandInAuthor()
{
    const QList<std::pair<QList<Role>, Workspace>> cases = {
        {{Role::Instructor}, Workspace::Author},
        {{Role::Admin}, Workspace::Author},
        {{Role::TeachingAssistant}, Workspace::Learn},
        {{Role::Student}, Workspace::Learn},
    };
    for (const auto &[roles, landing] : cases) {
        MainWindow window;
        window.setProfile(user(QStringLiteral("Someone"), roles), organization());
        QCOMPARE(window.currentWorkspace(), landing);
    }
}

// The window opens within the screen, and as the person left it: its size and its splitters,
// through the settings file, from one run to the next.
void tst_MainWindow::layoutIsRemembered()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray geometry;
    QHash<QString, QByteArray> splitters;
    {
        MainWindow window;
        const QSize room = window.screen()->availableSize();
        QVERIFY2(window.width() <= room.width() && window.height() <= room.height(),
                 "the window opens larger than the screen");
        QVERIFY(window.minimumWidth() <= room.width() && window.minimumHeight() <= room.height());
        window.setProfile(user(QStringLiteral("Ian Instructor"), {Role::Instructor}),
                          organization());
        auto *splitter = new QSplitter(window.workspacePage(Workspace::Learn));
        splitter->setObjectName(QStringLiteral("testSplitter"));
        splitter->addWidget(new QWidget);
        splitter->addWidget(new QWidget);
        splitter->setSizes({100, 300});
        window.resize(900, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        splitter->setSizes({250, 150});
        ClientSettings settings(dir.path());
        settings.setWindowGeometry(window.saveGeometry());
        settings.setSplitterStates(window.splitterStates());
        settings.sync();
    }
    ClientSettings settings(dir.path());
    MainWindow window;
    window.setProfile(user(QStringLiteral("Ian Instructor"), {Role::Instructor}), organization());
    auto *splitter = new QSplitter(window.workspacePage(Workspace::Learn));
    splitter->setObjectName(QStringLiteral("testSplitter"));
    splitter->addWidget(new QWidget);
    splitter->addWidget(new QWidget);
    splitter->resize(400, 100);
    window.restoreLayout(settings.windowGeometry(), settings.splitterStates());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(900, 600));
    QCOMPARE(splitter->sizes().first() > splitter->sizes().last(), true);
}

void tst_MainWindow::switchingWorkspaces()
{
    MainWindow window;
    window.setProfile(user(QStringLiteral("Ian Instructor"), {Role::Instructor}), organization());
    window.show();
    auto *list = window.findChild<QListWidget *>(QStringLiteral("workspaceList"));
    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("workspacePages"));

    list->setCurrentRow(2);
    QCOMPARE(window.currentWorkspace(), Workspace::Grade);
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("gradePage"));
    QCOMPARE(pages->currentWidget()->findChild<QLabel *>(QStringLiteral("pageTitle"))->text(),
             QStringLiteral("Grade"));
    saveScreenshot(&window, QStringLiteral("mainwindow-grade"));

    // A new profile with the same workspace keeps it; one without it falls back to Learn.
    window.setProfile(user(QStringLiteral("Theo Assistant"), {Role::TeachingAssistant}),
                      organization());
    QCOMPARE(window.currentWorkspace(), Workspace::Grade);
    window.setProfile(user(QStringLiteral("Student 1"), {Role::Student}), organization());
    QCOMPARE(window.currentWorkspace(), Workspace::Learn);
    QCOMPARE(list->count(), 1);
    QCOMPARE(pages->count(), 1);
}

void tst_MainWindow::connectionIndicator()
{
    MainWindow window;
    window.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
    auto *label = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
    auto *icon = window.findChild<QLabel *>(QStringLiteral("connectionIcon"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Connecting…"));

    window.setConnectionState(ConnectionMonitor::State::Online);
    QCOMPARE(label->text(), QStringLiteral("Online"));
    QVERIFY(label->toolTip().contains(QStringLiteral("http://127.0.0.1:8080")));
    const QImage online = icon->pixmap().toImage();

    window.setConnectionState(ConnectionMonitor::State::Offline);
    QCOMPARE(label->text(), QStringLiteral("Offline"));
    const QImage offline = icon->pixmap().toImage();
    QVERIFY(!online.isNull());
    QVERIFY(online != offline); // green dot, red dot

    window.setProfile(user(QStringLiteral("Sam Student"), {Role::Student}), organization());
    window.setLastConnected(QDateTime::currentDateTime().addSecs(-2 * 3600));
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    saveScreenshot(&window, QStringLiteral("mainwindow-offline"));
}

void tst_MainWindow::offlineStatus_data()
{
    QTest::addColumn<QDateTime>("lastConnected");
    QTest::addColumn<QString>("expected");

    const QDateTime now(QDate(2026, 3, 12), QTime(16, 40));
    QTest::newRow("never") << QDateTime() << QStringLiteral("Working offline");
    QTest::newRow("today") << QDateTime(QDate(2026, 3, 12), QTime(9, 5, 31))
                           << QStringLiteral("Working offline — last connected at 9:05 AM");
    QTest::newRow("yesterday") << QDateTime(QDate(2026, 3, 11), QTime(18, 30))
                               << QStringLiteral(
                                      "Working offline — last connected yesterday at 6:30 PM");
    QTest::newRow("last week") << QDateTime(QDate(2026, 3, 4), QTime(8, 0))
                               << QStringLiteral("Working offline — last connected on 3/4/26");
}

void tst_MainWindow::offlineStatus()
{
    QFETCH(QDateTime, lastConnected);
    QFETCH(QString, expected);
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QDateTime now(QDate(2026, 3, 12), QTime(16, 40));
    const QString text = MainWindow::offlineStatus(lastConnected.toUTC(), now);
    QLocale::setDefault(previous);
    QCOMPARE(text, expected);
}

void tst_MainWindow::statusLineFollowsTheConnection()
{
    MainWindow window;
    window.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
    auto *status = window.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status);
    const QDateTime earlier = QDateTime::currentDateTimeUtc().addSecs(-60);
    window.setLastConnected(earlier);
    QCOMPARE(status->text(), QString());

    window.setConnectionState(ConnectionMonitor::State::Offline);
    QCOMPARE(status->text(), MainWindow::offlineStatus(earlier));
    QVERIFY(status->text().startsWith(QStringLiteral("Working offline — last connected ")));
    window.setConnectionState(ConnectionMonitor::State::Online);
    QCOMPARE(status->text(), QString());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("serverLabel"))->text(),
             QStringLiteral("Server: http://127.0.0.1:8080"));
}

void tst_MainWindow::sessionEndedBar()
{
    MainWindow window;
    window.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
    window.setProfile(user(QStringLiteral("Sam Student"), {Role::Student}), organization());
    window.setConnectionState(ConnectionMonitor::State::Online);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *bar = window.findChild<QWidget *>(QStringLiteral("sessionBar"));
    QVERIFY(bar);
    QVERIFY(!bar->isVisible());
    QVERIFY(!window.isSessionEndedShown());

    window.showSessionEnded(QStringLiteral("Your session has ended — log in again to sync."));
    QVERIFY(bar->isVisible());
    QVERIFY(window.isSessionEndedShown());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("sessionBarText"))->text(),
             QStringLiteral("Your session has ended — log in again to sync."));
    saveScreenshot(&window, QStringLiteral("mainwindow-session-ended"));

    QSignalSpy login(&window, &MainWindow::loginRequested);
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("sessionLoginButton")),
                      Qt::LeftButton);
    QCOMPARE(login.size(), 1);
    // The window stays as it was: same person, same workspace.
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("userNameLabel"))->text(),
             QStringLiteral("Sam Student"));
    window.hideSessionEnded();
    QVERIFY(!bar->isVisible());
}

void tst_MainWindow::menuActions()
{
    MainWindow window;
    QSignalSpy logout(&window, &MainWindow::logoutRequested);
    QSignalSpy quit(&window, &MainWindow::quitRequested);
    window.findChild<QAction *>(QStringLiteral("logoutAction"))->trigger();
    QCOMPARE(logout.size(), 1);
    auto *quitAction = window.findChild<QAction *>(QStringLiteral("quitAction"));
    QCOMPARE(quitAction->shortcut(), QKeySequence(QKeySequence::Quit));
    quitAction->trigger();
    QCOMPARE(quit.size(), 1);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("aboutAction")));
}

void tst_MainWindow::themes()
{
    MainWindow window;
    window.resize(900, 600);
    window.show();
    const QPalette before = QApplication::palette();
    QSignalSpy requested(&window, &MainWindow::themeRequested);
    auto *dark = window.findChild<QAction *>(QStringLiteral("theme-dark"));
    QVERIFY(dark);
    dark->trigger();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<Theme::Mode>(), Theme::Mode::Dark);

    Theme::apply(Theme::Mode::Dark);
    window.setThemeMode(Theme::Mode::Dark);
    QVERIFY(Theme::isDark(QApplication::palette()));
    QTRY_VERIFY(Theme::isDark(window.palette())); // the window follows without a restart
    QVERIFY(dark->isChecked());
    saveScreenshot(&window, QStringLiteral("mainwindow-dark"));

    Theme::apply(Theme::Mode::Light);
    QVERIFY(!Theme::isDark(QApplication::palette()));
    Theme::apply(Theme::Mode::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window), before.color(QPalette::Window));
    QCOMPARE(Theme::fromId(QStringLiteral("dark")), Theme::Mode::Dark);
    QCOMPARE(Theme::fromId(QStringLiteral("bogus")), Theme::Mode::System);
}

// Panels styled with palette(...) in a style sheet (the header, the session bar) took the colours
// of the theme they were created in: a white header in dark mode after switching, a black one
// after switching back.
void tst_MainWindow::switchingThemeRepaintsStyledPanels()
{
    Theme::apply(Theme::Mode::Light);
    MainWindow window;
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *header = window.findChild<QWidget *>(QStringLiteral("header"));
    QVERIFY(header);
    // A point of the header's background, away from the logo and the text.
    const auto background = [header] {
        const QImage image = header->grab().toImage();
        return image.pixelColor(image.width() / 2, 2);
    };
    QVERIFY2(background().lightness() > 160, qPrintable(background().name()));

    Theme::apply(Theme::Mode::Dark);
    QTRY_VERIFY2(background().lightness() < 100, qPrintable(background().name()));
    Theme::apply(Theme::Mode::Light);
    QTRY_VERIFY2(background().lightness() > 160, qPrintable(background().name()));
    Theme::apply(Theme::Mode::System);
}

void tst_MainWindow::undoFollowsTheGroup()
{
    MainWindow window;
    QUndoGroup group;
    window.setUndoGroup(&group);
    auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    QVERIFY(undo);
    QVERIFY(!undo->isEnabled());
    QUndoStack stack;
    group.addStack(&stack);
    group.setActiveStack(&stack);
    int value = 0;
    struct Set : QUndoCommand
    {
        Set(int &target)
            : QUndoCommand(QStringLiteral("Rename"))
            , target(target)
        { }
        void redo() override { target = 1; }
        void undo() override { target = 0; }
        int &target;
    };
    stack.push(new Set(value));
    QCOMPARE(value, 1);
    QVERIFY(undo->isEnabled());
    QVERIFY(undo->text().contains(QStringLiteral("Rename")));
    undo->trigger();
    QCOMPARE(value, 0);
    window.findChild<QAction *>(QStringLiteral("redoAction"))->trigger();
    QCOMPARE(value, 1);
}

void tst_MainWindow::initials_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("two words") << QStringLiteral("Ada Lovelace") << QStringLiteral("AL");
    QTest::newRow("three words") << QStringLiteral("ada king lovelace") << QStringLiteral("AL");
    QTest::newRow("one word") << QStringLiteral("student1@demo.lectern") << QStringLiteral("S");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("accents") << QStringLiteral("Élodie Ñúñez") << QStringLiteral("ÉÑ");
}

void tst_MainWindow::initials()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(MainWindow::initials(name), expected);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
