#include "flowdriver.h"
#include "liveserver.h"
#include "windowcheck.h"

#include <QAction>
#include <QDir>
#include <QMenu>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <lectern/client/author/authorworkspace.h>
#include <lectern/client/author/courseoutlinepage.h>
#include <lectern/client/author/outlinemodel.h>
#include <lectern/client/author/outlineview.h>
#include <lectern/client/connectionmonitor.h>
#include <lectern/client/learn/learnworkspace.h>
#include <lectern/client/session.h>
#include <lectern/client/sync/localstore.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/theme.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;
using namespace Lectern::ClientTest::FlowDriver;
using namespace Qt::StringLiterals;

// The real desktop client on a real server with the demo courses, toured as each kind of person
// would: every workspace they have, at 922×576 (the size the window opens at on a 1024×640
// screen) and 1024×640, in the system's look it starts with, then light and dark chosen from the
// View menu while running, in English and French. On every page no text may be cut off without an
// ellipsis and every text must keep a contrast of 4.5:1 (3:1 when large) against what is behind it.
//
// With LECTERN_SCREENSHOT_DIR set it also saves each page, at 1024×640 and 1400×900 (run it with
// QT_SCALE_FACTOR=2 for the 2× pictures).
class tst_WindowTour : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tour_data();
    void tour();
    // Last: it stops the server.
    void offline();

private:
    // Every page of the person's workspaces, checked (and saved) in the current theme.
    void visitAll(AppController &app, const QString &tag, QStringList &problems);
    void look(MainWindow *window, const QString &page, const QString &tag, QStringList &problems);
    void saveScreenshots(MainWindow *window, const QString &page, const QString &tag);

    std::unique_ptr<Test::TestServer> m_server;
    QString m_screenshots;
};

void tst_WindowTour::initTestCase()
{
    Test::TestServer::Options options;
    options.configure = [](Server::ServerConfig &config) {
        config.demoCourses = true;
    };
    m_server = std::make_unique<Test::TestServer>(options);
    QVERIFY2(m_server->start(), qPrintable(m_server->problem()));
    m_screenshots = qEnvironmentVariable("LECTERN_SCREENSHOT_DIR");
}

void tst_WindowTour::tour_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("language");
    for (const char *language : {"en", "fr"}) {
        for (const char *who : {"student1", "instructor", "ta", "admin"}) {
            QTest::addRow("%s %s", who, language)
                << QStringLiteral("%1@demo.lectern").arg(QLatin1StringView(who))
                << QString::fromLatin1(language);
        }
    }
}

void tst_WindowTour::tour()
{
    QFETCH(QString, email);
    QFETCH(QString, language);
    TranslationLoader::install(QLocale(language));
    Theme::apply(Theme::Mode::Light);

    QTemporaryDir dir;
    auto app = startApp(dir.path(), m_server->url());
    QVERIFY(typeAndLogIn(*app, email, demoPassword));
    QVERIFY(QTest::qWaitFor([&] { return app->mainWindow() && app->mainWindow()->isVisible(); },
                            20000));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const SyncStatus s
                = app->syncController() ? app->syncController()->status() : SyncStatus();
            return s.online && !s.syncing && s.lastSuccess.isValid();
        },
        30000));
    MainWindow *window = app->mainWindow();

    QStringList problems;
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
    // The look it starts with (the system's), at the size it opens at on a 1024x640 screen and
    // at the whole screen; then light and dark, each chosen from the menu while running.
    window->resize(922, 576);
    visitAll(*app, tag + u"-system-922"_s, problems);
    window->resize(1024, 640);
    visitAll(*app, tag + u"-system"_s, problems);
    for (const Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
        QAction *choice = nullptr;
        for (QAction *action : window->findChildren<QAction *>()) {
            if (action->text() == Theme::title(mode))
                choice = action;
        }
        QVERIFY(choice);
        choice->trigger();
        QCOMPARE(Theme::isDark(QApplication::palette()), mode == Theme::Mode::Dark);
        visitAll(*app, tag + u'-' + Theme::id(mode), problems);
    }

    problems.removeDuplicates();
    for (const QString &problem : std::as_const(problems))
        qWarning().noquote() << problem;
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 problems (listed above)"_s.arg(problems.size())));
    Theme::apply(Theme::Mode::Light);
}

template<typename T> T *pageOf(QWidget *page)
{
    if (auto *self = qobject_cast<T *>(page))
        return self;
    return page->findChild<T *>();
}

// The server goes away while the instructor works: the window says so, in words that fit.
void tst_WindowTour::offline()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
    Theme::apply(Theme::Mode::Light);
    QTemporaryDir dir;
    auto app = startApp(dir.path(), m_server->url());
    QVERIFY(typeAndLogIn(*app, u"instructor@demo.lectern"_s, demoPassword));
    QVERIFY(QTest::qWaitFor([&] { return app->mainWindow() && app->mainWindow()->isVisible(); },
                            20000));
    MainWindow *window = app->mainWindow();
    window->resize(1024, 640);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return app->syncController() && app->syncController()->status().lastSuccess.isValid();
        },
        30000));
    m_server.reset();
    QVERIFY(QTest::qWaitFor(
        [&] { return app->connectionMonitor()->state() == ConnectionMonitor::State::Offline; },
        30000));
    QStringList problems;
    look(window, u"offline"_s, u"instructor-en-light"_s, problems);
    for (const QString &problem : std::as_const(problems))
        qWarning().noquote() << problem;
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 problems (listed above)"_s.arg(problems.size())));
}

void tst_WindowTour::visitAll(AppController &app, const QString &tag, QStringList &problems)
{
    MainWindow *window = app.mainWindow();
    LocalStore *store = app.syncController()->store();
    QString chemistry;
    for (const LocalRecord &course : store->list(u"course"_s)) {
        if (course.fields.value(u"code").toString() == u"CHEM-101")
            chemistry = course.id;
    }
    QVERIFY(!chemistry.isEmpty());

    for (const Workspace workspace : window->workspaces()) {
        window->showWorkspace(workspace);
        QWidget *page = window->workspacePage(workspace);
        switch (workspace) {
        case Workspace::Learn: {
            auto *learn = pageOf<LearnWorkspace>(page);
            QVERIFY(learn);
            learn->showDashboard();
            look(window, u"learn-dashboard"_s, tag, problems);
            // Staff preview the course as a student would see it (the card's button).
            if (app.session()->user().email.startsWith(u"student"))
                learn->openCourse(chemistry);
            else
                learn->previewCourse(chemistry);
            QVERIFY(QTest::qWaitFor([&] { return learn->isPlayerShown(); }, 5000));
            look(window, u"learn-player"_s, tag, problems);
            learn->showDashboard();
            break;
        }
        case Workspace::Author: {
            auto *author = pageOf<AuthorWorkspace>(page);
            QVERIFY(author);
            QVERIFY(author->openCourse(chemistry));
            CourseOutlinePage *outline = author->outlinePage();
            OutlineView *view = outline->view();
            // The first lesson, in the editor.
            const QModelIndex module = view->model()->index(0, 0);
            view->expand(module);
            if (view->model()->rowCount(module) > 0)
                view->setCurrentIndex(view->model()->index(0, 0, module));
            author->courseTabs()->setCurrentIndex(0);
            look(window, u"author-outline"_s, tag, problems);
            for (int tab = 1; tab < author->courseTabs()->count(); ++tab) {
                author->courseTabs()->setCurrentIndex(tab);
                look(window, u"author-tab%1"_s.arg(tab), tag, problems);
            }
            author->courseTabs()->setCurrentIndex(0);
            break;
        }
        case Workspace::Grade:
            look(window, u"grade"_s, tag, problems);
            break;
        case Workspace::Admin:
            look(window, u"admin"_s, tag, problems);
            break;
        }
    }
}

void tst_WindowTour::look(MainWindow *window, const QString &page, const QString &tag,
                          QStringList &problems)
{
    QTest::qWait(50); // lay out and paint
    for (const QString &problem : WindowCheck::problems(window))
        problems.append(u"%1 (%2): %3"_s.arg(page, tag, problem));
    saveScreenshots(window, page, tag);
    // Focus looks the same in either language.
    if (QLocale().language() == QLocale::English) {
        QApplication::setActiveWindow(window);
        if (QTest::qWaitForWindowActive(window)) {
            for (const QString &problem : WindowCheck::focusProblems(window))
                problems.append(u"%1 (%2): %3"_s.arg(page, tag, problem));
        } else {
            problems.append(
                u"%1 (%2): the window is not active, focus not checked"_s.arg(page, tag));
        }
    }
}

// Pictures of the page as it is (before the focus check moves focus about).
void tst_WindowTour::saveScreenshots(MainWindow *window, const QString &page, const QString &tag)
{
    if (m_screenshots.isEmpty())
        return;
    QDir().mkpath(m_screenshots);
    const QSize size = window->size();
    for (const QSize shot : {QSize(1024, 640), QSize(1400, 900)}) {
        window->resize(shot);
        QTest::qWait(50);
        window->grab().save(u"%1/tour-%2-%3-%4x%5.png"_s.arg(m_screenshots, tag, page,
                                                             QString::number(shot.width()),
                                                             QString::number(shot.height())));
    }
    window->resize(size);
    QTest::qWait(20);
}

QTEST_MAIN(tst_WindowTour)
#include "tst_windowtour.moc"
