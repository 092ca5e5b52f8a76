#include "filesfixture.h"
#include "learnfixture.h"
#include "liveserver.h"

#include <QAbstractItemView>
#include <QDesktopServices>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QTreeView>
#include <lectern/client/learn/coursecarddelegate.h>
#include <lectern/client/learn/courseplayer.h>
#include <lectern/client/learn/dashboardmodel.h>
#include <lectern/client/learn/dashboardpage.h>
#include <lectern/client/learn/learnformat.h>
#include <lectern/client/learn/learnworkspace.h>
#include <lectern/client/learn/lessonbrowser.h>
#include <lectern/client/learn/playeroutlinemodel.h>
#include <lectern/client/learn/progresstracker.h>
#include <lectern/client/theme.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;

namespace {

// Catches what the player would open in the browser.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

QStringList progressKinds(const LocalStore &store, const QString &contentId)
{
    QStringList kinds;
    for (const Sync::Op &op : store.outbox()) {
        const QJsonObject values = op.newValues();
        if (op.entity == u"progress" && values.value(u"contentId").toString() == contentId)
            kinds.append(values.value(u"kind").toString());
    }
    return kinds;
}

QString longLesson(const QString &title)
{
    QString text = QStringLiteral("# %1\n\n").arg(title);
    for (int i = 0; i < 80; ++i)
        text += QStringLiteral("Paragraph %1 of a long lesson about ownership and borrowing.\n\n")
                    .arg(i);
    return text;
}

} // namespace

// The Learn workspace in a real window (offscreen): a student opens a course from the dashboard,
// reads, completes, moves on, meets a locked item; progress lands in the outbox, and with a real
// server, on the server.
class tst_LearnWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void lessonWordsAreNotBroken();

    void studentStudiesACourse();
    void lessonCompletesAtItsEnd();
    void shortLessonCompletesAfterAWhile();
    void lessonReopensWhereLeft();
    void previewRecordsNothing();
    void emptyStates();
    void imagesNotCachedShowPlaceholder();
    void progressReachesTheServer();
    void courseDownloadForOfflineUse();
    void screenshots();

private:
    // Course "Rust": Basics (Intro, Ownership locked for a week, Borrowing: a link, Lifetimes),
    // enrolled as a student.
    void fillRust();
    void showWorkspace();
    CoursePlayer *player() const { return m_workspace->player(); }
    template<typename T> T *find(const char *name) const
    {
        return m_workspace->findChild<T *>(QString::fromLatin1(name));
    }
    void clickItem(const QString &title);

    std::unique_ptr<LearnFixture> f;
    std::unique_ptr<LearnWorkspace> m_workspace;
    UrlCatcher m_urls;
};

void tst_LearnWorkspace::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_urls, "open");
}

void tst_LearnWorkspace::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

void tst_LearnWorkspace::init()
{
    f = std::make_unique<LearnFixture>();
    QVERIFY(f->store());
    m_urls.urls.clear();
}

void tst_LearnWorkspace::cleanup()
{
    m_workspace.reset();
    f.reset();
}

void tst_LearnWorkspace::fillRust()
{
    f->course(QStringLiteral("Rust"));
    f->enroll(QStringLiteral("Rust"));
    f->module(QStringLiteral("Rust"), QStringLiteral("Basics"));
    f->item(QStringLiteral("Basics"), QStringLiteral("Intro"));
    f->item(QStringLiteral("Basics"), QStringLiteral("Ownership"), QStringLiteral("lesson"),
            {{QStringLiteral("unlockAt"), Json::fromDateTime(LearnFixture::inDays(7))}});
    f->item(QStringLiteral("Basics"), QStringLiteral("Borrowing"), QStringLiteral("link"),
            {{QStringLiteral("url"), QStringLiteral("https://doc.rust-lang.org/book/ch04.html")},
             {QStringLiteral("body"), QStringLiteral("Read chapter 4.")}});
    f->item(QStringLiteral("Basics"), QStringLiteral("Lifetimes"), QStringLiteral("lesson"),
            {{QStringLiteral("body"), longLesson(QStringLiteral("Lifetimes"))}});
    QVERIFY(f->pull());
}

void tst_LearnWorkspace::showWorkspace()
{
    m_workspace = std::make_unique<LearnWorkspace>(&f->sync);
    m_workspace->resize(1280, 720);
    m_workspace->show();
    m_workspace->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_workspace.get()));
}

void tst_LearnWorkspace::clickItem(const QString &title)
{
    QTreeView *outline = player()->outlineView();
    const QModelIndex index = player()->outline()->indexOf(f->id(title));
    QVERIFY(index.isValid());
    outline->scrollTo(index);
    QTest::mouseClick(outline->viewport(), Qt::LeftButton, {}, outline->visualRect(index).center());
}

void tst_LearnWorkspace::studentStudiesACourse()
{
    fillRust();
    showWorkspace();
    const QString intro = f->id(QStringLiteral("Intro"));
    const QString borrowing = f->id(QStringLiteral("Borrowing"));
    const QString ownership = f->id(QStringLiteral("Ownership"));

    // The dashboard: one card, nothing done yet.
    DashboardPage *dashboard = m_workspace->dashboard();
    QVERIFY(!dashboard->isEmptyStateShown());
    QListView *cards = dashboard->courseList();
    QCOMPARE(cards->model()->rowCount(), 1);
    const QModelIndex card = cards->model()->index(0, 0);
    QCOMPARE(card.data().toString(), QStringLiteral("Rust"));
    QCOMPARE(card.data(DashboardModel::ContinueTextRole).toString(),
             QStringLiteral("Start: Intro"));
    QVERIFY(!find<QLabel>("announcementsEmpty")->isHidden());
    QCOMPARE(find<QLabel>("announcementsEmpty")->text(), QStringLiteral("No announcements yet"));
    // A narrow window gives the announcements' column to the cards.
    const QSize wide = m_workspace->size();
    m_workspace->resize(820, 600);
    QTRY_VERIFY(find<QWidget>("announcementsColumn")->isHidden());
    m_workspace->resize(wide.expandedTo(QSize(1280, 720)));
    QTRY_VERIFY(!find<QWidget>("announcementsColumn")->isHidden());

    // A click on the card opens the course where to start.
    QTest::mouseClick(cards->viewport(), Qt::LeftButton, {}, cards->visualRect(card).center());
    QVERIFY(m_workspace->isPlayerShown());
    QCOMPARE(player()->courseId(), f->id(QStringLiteral("Rust")));
    QCOMPARE(player()->currentItem(), intro);
    QCOMPARE(player()->page(), CoursePlayer::Page::Item);
    QCOMPARE(find<QLabel>("itemTitle")->text(), QStringLiteral("Intro"));
    QVERIFY(player()->lessonBrowser()->toPlainText().contains(QStringLiteral("Some text.")));
    // The lesson's own "# Intro" heading is not shown twice.
    QVERIFY(!player()->lessonBrowser()->toPlainText().contains(QStringLiteral("Intro")));
    QCOMPARE(find<QLabel>("playerCourseTitle")->text(), QStringLiteral("Rust"));
    QCOMPARE(find<QLabel>("courseProgressText")->text(), QStringLiteral("0 of 4 done"));
    QVERIFY(find<QWidget>("previewBanner")->isHidden());
    QCOMPARE(progressKinds(*f->store(), intro), QStringList {QStringLiteral("opened")});
    // Without FileTransfers there is nothing to download.
    QVERIFY(find<QPushButton>("courseDownloadButton")->isHidden());

    // Mark complete: an event, a tick, the header's count.
    auto *complete = find<QPushButton>("markCompleteButton");
    QCOMPARE(complete->text(), QStringLiteral("Mark complete"));
    QTest::mouseClick(complete, Qt::LeftButton);
    QCOMPARE(progressKinds(*f->store(), intro).count(QStringLiteral("completed")), 1);
    QVERIFY(complete->isChecked());
    QVERIFY(!complete->isEnabled());
    QCOMPARE(complete->text(), QStringLiteral("Completed"));
    QVERIFY(player()->outline()->indexOf(intro).data(PlayerOutlineModel::CompletedRole).toBool());
    QCOMPARE(find<QLabel>("courseProgressText")->text(), QStringLiteral("1 of 4 done"));
    QCOMPARE(find<QProgressBar>("courseProgressBar")->value(), 25);

    // Next skips the locked item: the link's card, opened in the browser.
    QTest::mouseClick(find<QPushButton>("nextButton"), Qt::LeftButton);
    QCOMPARE(player()->currentItem(), borrowing);
    QVERIFY(find<QWidget>("resourceCard")->isVisible());
    QCOMPARE(find<QLabel>("resourceText")->text(),
             QStringLiteral("https://doc.rust-lang.org/book/ch04.html"));
    QVERIFY(!player()->isPreview());
    QTest::mouseClick(find<QPushButton>("resourceOpenButton"), Qt::LeftButton);
    QCOMPARE(m_urls.urls,
             QList<QUrl>({QUrl(QStringLiteral("https://doc.rust-lang.org/book/ch04.html"))}));
    QVERIFY(player()->outline()->isCompleted(borrowing));

    // Alt+Left goes back, Alt+Right forward again.
    QTest::keyClick(player()->outlineView(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(player()->currentItem(), intro);
    QTest::keyClick(player()->lessonBrowser(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(player()->currentItem(), borrowing);

    // A locked item shows when it opens, and is not opened.
    clickItem(QStringLiteral("Ownership"));
    QCOMPARE(player()->page(), CoursePlayer::Page::Locked);
    QCOMPARE(find<QLabel>("lockedTitle")->text(), QStringLiteral("Ownership"));
    QVERIFY(find<QLabel>("lockedText")
                ->text()
                .contains(LearnFormat::dateTime(LearnFixture::inDays(7))));
    QVERIFY(find<QPushButton>("markCompleteButton")->isHidden());
    QVERIFY(progressKinds(*f->store(), ownership).isEmpty());
    QVERIFY(!player()->openItem(ownership));
    QCOMPARE(
        player()->outline()->indexOf(ownership).data(PlayerOutlineModel::DetailRole).toString(),
        LearnFormat::opens(LearnFixture::inDays(7)));

    // Back on the dashboard, the card shows the progress and what is next.
    QTest::mouseClick(find<QPushButton>("backToDashboard"), Qt::LeftButton);
    QVERIFY(!m_workspace->isPlayerShown());
    const QModelIndex after = cards->model()->index(0, 0);
    QCOMPARE(after.data(DashboardModel::PercentRole).toInt(), 50);
    QCOMPARE(after.data(DashboardModel::ContinueTextRole).toString(),
             QStringLiteral("Continue: Lifetimes"));
    // Everything waits in the outbox for the next sync.
    QVERIFY(f->store()->pendingCount() >= 5);
}

void tst_LearnWorkspace::lessonCompletesAtItsEnd()
{
    fillRust();
    showWorkspace();
    const QString lifetimes = f->id(QStringLiteral("Lifetimes"));
    m_workspace->openCourse(f->id(QStringLiteral("Rust")), lifetimes);
    QCOMPARE(player()->currentItem(), lifetimes);
    LessonBrowser *browser = player()->lessonBrowser();
    QTRY_VERIFY(browser->verticalScrollBar()->maximum() > 0);
    QVERIFY(!browser->fitsWithoutScrolling());

    // A page down: not done.
    browser->setFocus();
    QTest::keyClick(browser, Qt::Key_PageDown);
    QVERIFY(browser->verticalScrollBar()->value() > 0);
    QVERIFY(!player()->outline()->isCompleted(lifetimes));
    // Paging on to the end: done.
    for (int i = 0; i < 50 && !player()->outline()->isCompleted(lifetimes); ++i)
        QTest::keyClick(browser, Qt::Key_PageDown);
    QTRY_VERIFY(player()->outline()->isCompleted(lifetimes));
    QCOMPARE(progressKinds(*f->store(), lifetimes).count(QStringLiteral("completed")), 1);
    QVERIFY(find<QPushButton>("markCompleteButton")->isChecked());

    // Leaving records where the reader was.
    player()->closeCourse();
    QVERIFY(progressKinds(*f->store(), lifetimes).contains(QStringLiteral("position")));
    QCOMPARE(player()->tracker()->progress(lifetimes).lastPosition, 1.0);
}

void tst_LearnWorkspace::shortLessonCompletesAfterAWhile()
{
    fillRust();
    showWorkspace();
    player()->setAutoCompleteDelay(200);
    const QString intro = f->id(QStringLiteral("Intro"));
    m_workspace->openCourse(f->id(QStringLiteral("Rust")), intro);
    QVERIFY(player()->lessonBrowser()->fitsWithoutScrolling());
    QVERIFY(!player()->outline()->isCompleted(intro));
    QTRY_VERIFY(player()->outline()->isCompleted(intro));
    QCOMPARE(progressKinds(*f->store(), intro).count(QStringLiteral("completed")), 1);
}

void tst_LearnWorkspace::lessonReopensWhereLeft()
{
    fillRust();
    // Read to 60 % on another device.
    f->event(QStringLiteral("Lifetimes"), "opened");
    f->event(QStringLiteral("Lifetimes"), "position", 0.6);
    QVERIFY(f->pull());
    showWorkspace();
    m_workspace->openCourse(f->id(QStringLiteral("Rust")), f->id(QStringLiteral("Lifetimes")));
    LessonBrowser *browser = player()->lessonBrowser();
    QTRY_VERIFY(browser->verticalScrollBar()->maximum() > 0);
    QTRY_VERIFY(std::abs(browser->scrollFraction() - 0.6) < 0.02);
    // Restoring is not reading on: no new position when leaving at once.
    player()->closeCourse();
    QCOMPARE(progressKinds(*f->store(), f->id(QStringLiteral("Lifetimes")))
                 .count(QStringLiteral("position")),
             0);
}

void tst_LearnWorkspace::previewRecordsNothing()
{
    // Staff see everything in their store; the preview shows what students see.
    f->course(QStringLiteral("Chemistry"), QStringLiteral("draft"));
    f->enroll(QStringLiteral("Chemistry"), QStringLiteral("instructor"));
    f->module(QStringLiteral("Chemistry"), QStringLiteral("Atoms"));
    f->item(QStringLiteral("Atoms"), QStringLiteral("Electrons"));
    f->item(QStringLiteral("Atoms"), QStringLiteral("Unfinished"), QStringLiteral("lesson"),
            {{QStringLiteral("published"), false}});
    f->module(QStringLiteral("Chemistry"), QStringLiteral("Draft module"),
              {{QStringLiteral("published"), false}});
    QVERIFY(f->pull());
    showWorkspace();

    // The dashboard offers it as a preview, with a word on why there is no course of mine.
    DashboardPage *dashboard = m_workspace->dashboard();
    QVERIFY(!dashboard->isEmptyStateShown());
    QVERIFY(find<QLabel>("notEnrolledLabel")->isVisible());
    const QModelIndex card = dashboard->courseList()->model()->index(0, 0);
    QCOMPARE(card.data(DashboardModel::ContinueTextRole).toString(),
             QStringLiteral("Preview as a student"));
    QTest::mouseClick(dashboard->courseList()->viewport(), Qt::LeftButton, {},
                      dashboard->courseList()->visualRect(card).center());

    QVERIFY(m_workspace->isPlayerShown());
    QVERIFY(player()->isPreview());
    QVERIFY(find<QWidget>("previewBanner")->isVisible());
    QVERIFY(find<QLabel>("previewBannerText")
                ->text()
                .startsWith(QStringLiteral("Preview — your progress is not recorded")));
    QCOMPARE(player()->outline()->rowCount(), 1);
    QCOMPARE(player()->outline()->itemIds(), QStringList {f->id(QStringLiteral("Electrons"))});
    QCOMPARE(player()->currentItem(), f->id(QStringLiteral("Electrons")));
    QVERIFY(!find<QPushButton>("markCompleteButton")->isEnabled());
    QVERIFY(find<QProgressBar>("courseProgressBar")->isHidden());
    player()->markComplete();
    player()->closeCourse();
    QCOMPARE(f->store()->pendingCount(), 0);

    // The author's workspace opens a preview directly too.
    m_workspace->previewCourse(f->id(QStringLiteral("Chemistry")));
    QVERIFY(player()->isPreview());
    QCOMPARE(f->store()->pendingCount(), 0);
    // And a course studied afterwards records again.
    f->course(QStringLiteral("Rust"));
    f->enroll(QStringLiteral("Rust"));
    f->module(QStringLiteral("Rust"), QStringLiteral("Basics"));
    f->item(QStringLiteral("Basics"), QStringLiteral("Intro"));
    QVERIFY(f->pull());
    m_workspace->openCourse(f->id(QStringLiteral("Rust")));
    QVERIFY(!player()->isPreview());
    QVERIFY(find<QWidget>("previewBanner")->isHidden());
    QCOMPARE(progressKinds(*f->store(), f->id(QStringLiteral("Intro"))),
             QStringList {QStringLiteral("opened")});
}

void tst_LearnWorkspace::emptyStates()
{
    showWorkspace();
    DashboardPage *dashboard = m_workspace->dashboard();
    QVERIFY(dashboard->isEmptyStateShown());
    QCOMPARE(find<QLabel>("emptyStateTitle")->text(),
             QStringLiteral("You are not enrolled in any course yet"));
    QVERIFY(find<QLabel>("emptyStateTitle")->isVisible());

    // Enrolled in a course with nothing in it yet: it arrives by sync.
    f->course(QStringLiteral("Empty"));
    f->enroll(QStringLiteral("Empty"));
    QVERIFY(f->pull());
    Q_EMIT f->sync.recordsChanged({QStringLiteral("course"), QStringLiteral("enrollment")});
    QVERIFY(!dashboard->isEmptyStateShown());
    dashboard->open(f->id(QStringLiteral("Empty")));
    QVERIFY(m_workspace->isPlayerShown());
    QCOMPARE(player()->page(), CoursePlayer::Page::Empty);
    QCOMPARE(find<QLabel>("playerEmptyText")->text(),
             QStringLiteral("This course has no lessons yet"));
    QVERIFY(!find<QPushButton>("nextButton")->isEnabled());
    QVERIFY(!find<QPushButton>("previousButton")->isEnabled());
}

void tst_LearnWorkspace::imagesNotCachedShowPlaceholder()
{
    f->course(QStringLiteral("Art"));
    f->enroll(QStringLiteral("Art"));
    f->module(QStringLiteral("Art"), QStringLiteral("Colour"));
    const QString fileId = createUuidV7String();
    f->item(QStringLiteral("Colour"), QStringLiteral("Wheel"), QStringLiteral("lesson"),
            {{QStringLiteral("body"),
              QStringLiteral(
                  "# Wheel\n\nPrimary colours first.\n\n![The colour wheel](lectern-file:%1)\n")
                  .arg(fileId)}});
    QVERIFY(f->pull());
    showWorkspace();
    m_workspace->openCourse(f->id(QStringLiteral("Art")));
    QCOMPARE(find<QLabel>("itemTitle")->text(), QStringLiteral("Wheel"));
    // Not on this computer and no way to fetch it: a placeholder, and the lesson still reads.
    QTRY_COMPARE(player()->lessonBrowser()->missingFiles(), QStringList {fileId});
    QVERIFY(player()->lessonBrowser()->toPlainText().contains(QStringLiteral("Primary colours")));
}

void tst_LearnWorkspace::progressReachesTheServer()
{
    Test::TestServer server(demoServer());
    LECTERN_START_SERVER(server);

    // An instructor makes a published course with one lesson and enrolls a student.
    Test::HttpClient instructor(server.url());
    QCOMPARE(instructor.login(QStringLiteral("instructor@demo.lectern"), demoPassword).status, 200);
    Test::HttpClient student(server.url());
    const Test::HttpResult login
        = student.login(QStringLiteral("student1@demo.lectern"), demoPassword);
    QCOMPARE(login.status, 200);
    const QString studentId
        = login.data().toObject().value(u"user").toObject().value(u"id").toString();
    const Test::HttpResult course
        = instructor.post(QStringLiteral("/api/v1/courses"),
                          {{QStringLiteral("code"), QStringLiteral("RUST-1")},
                           {QStringLiteral("title"), QStringLiteral("Rust")}});
    QCOMPARE(course.status, 201);
    const QString courseId = course.data().toObject().value(u"id").toString();
    const Test::HttpResult module = instructor.post(
        QStringLiteral("/api/v1/courses/%1/modules").arg(courseId),
        {{QStringLiteral("title"), QStringLiteral("Basics")}, {QStringLiteral("published"), true}});
    QCOMPARE(module.status, 201);
    const Test::HttpResult lesson
        = instructor.post(QStringLiteral("/api/v1/modules/%1/contents")
                              .arg(module.data().toObject().value(u"id").toString()),
                          {{QStringLiteral("type"), QStringLiteral("lesson")},
                           {QStringLiteral("title"), QStringLiteral("Intro")},
                           {QStringLiteral("body"), QStringLiteral("Hello")},
                           {QStringLiteral("published"), true}});
    QCOMPARE(lesson.status, 201);
    const QString lessonId = lesson.data().toObject().value(u"id").toString();
    QCOMPARE(instructor.post(QStringLiteral("/api/v1/courses/%1/publish").arg(courseId)).status,
             200);
    const int enrolled = instructor
                             .post(QStringLiteral("/api/v1/courses/%1/enroll").arg(courseId),
                                   {{QStringLiteral("userId"), studentId}})
                             .status;
    QVERIFY2(enrolled == 200 || enrolled == 201, qPrintable(QString::number(enrolled)));

    // The student's desktop syncs the course, studies it offline-first, and syncs again.
    QTemporaryDir dir;
    SyncController sync;
    SyncController::Options options;
    options.minBackoffMs = 50;
    options.maxBackoffMs = 400;
    sync.setOptions(options);
    QVERIFY(sync.start(server.url(), studentId,
                       login.data().toObject().value(u"accessToken").toString(), dir.path()));
    QTRY_VERIFY_WITH_TIMEOUT(sync.store()->record(QStringLiteral("content"), lessonId), 10000);

    LearnWorkspace workspace(&sync);
    workspace.resize(1280, 720);
    workspace.show();
    workspace.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&workspace));
    QTRY_COMPARE(workspace.dashboard()->model()->rowCount(), 1);
    workspace.dashboard()->open(courseId);
    QCOMPARE(workspace.player()->currentItem(), lessonId);
    QTest::mouseClick(workspace.findChild<QPushButton *>(QStringLiteral("markCompleteButton")),
                      Qt::LeftButton);
    workspace.showDashboard();
    QTRY_VERIFY_WITH_TIMEOUT(sync.status().queued == 0 && !sync.status().syncing, 10000);
    QCOMPARE(sync.status().rejected, 0);

    const Test::HttpResult progress
        = student.get(QStringLiteral("/api/v1/contents/%1/progress").arg(lessonId));
    QCOMPARE(progress.status, 200);
    QVERIFY2(progress.data().toObject().value(u"completed").toBool(), progress.body.constData());
    QVERIFY(progress.data().toObject().value(u"lastOpenedAt").isString());
    sync.stop();
}

void tst_LearnWorkspace::courseDownloadForOfflineUse()
{
    using namespace FilesFixture;
    RestartableServer server;
    LECTERN_START_RESTARTABLE(server);

    // The instructor attaches a file to a published course with a file item, and enrolls a
    // student.
    const QString courseId = createCourse(server.url());
    QVERIFY(!courseId.isEmpty());
    Desktop teacher;
    QVERIFY(teacher.logIn(server.url()));
    const QByteArray bytes = lessonText(300 * 1000);
    const QString fileId = teacher.uploadAndSync(courseId, QStringLiteral("safety.txt"), bytes);
    QVERIFY(!fileId.isEmpty());
    Test::HttpClient api(server.url());
    QCOMPARE(api.login(instructor, demoPassword).status, 200);
    const Test::HttpResult module = api.post(
        QStringLiteral("/api/v1/courses/%1/modules").arg(courseId),
        {{QStringLiteral("title"), QStringLiteral("Week 1")}, {QStringLiteral("published"), true}});
    QCOMPARE(module.status, 201);
    const Test::HttpResult item
        = api.post(QStringLiteral("/api/v1/modules/%1/contents")
                       .arg(module.data().toObject().value(u"id").toString()),
                   {{QStringLiteral("type"), QStringLiteral("file")},
                    {QStringLiteral("title"), QStringLiteral("Lab safety sheet")},
                    {QStringLiteral("fileId"), fileId},
                    {QStringLiteral("published"), true}});
    QCOMPARE(item.status, 201);
    QCOMPARE(api.post(QStringLiteral("/api/v1/courses/%1/publish").arg(courseId)).status, 200);
    Test::HttpClient studentApi(server.url());
    const Test::HttpResult login
        = studentApi.login(QStringLiteral("student1@demo.lectern"), demoPassword);
    const QString studentId
        = login.data().toObject().value(u"user").toObject().value(u"id").toString();
    const int enrolled = api.post(QStringLiteral("/api/v1/courses/%1/enroll").arg(courseId),
                                  {{QStringLiteral("userId"), studentId}})
                             .status;
    QVERIFY(enrolled == 200 || enrolled == 201);

    // The student's desktop has the course, not its file.
    Desktop student;
    QVERIFY(student.logIn(server.url(), QStringLiteral("student1@demo.lectern")));
    QTRY_VERIFY_WITH_TIMEOUT(student.hasFileRecord(fileId), 20000);
    LearnWorkspace workspace(student.sync.get());
    workspace.setFileTransfers(student.files.get());
    workspace.resize(1280, 720);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    DashboardModel *model = workspace.dashboard()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->indexOf(courseId).isValid(), 20000);
    QModelIndex card = model->indexOf(courseId);
    QCOMPARE(card.data(DashboardModel::DownloadRole).value<DashboardModel::Download>(),
             DashboardModel::Download::NotDownloaded);
    QCOMPARE(card.data(DashboardModel::DownloadSizeRole).toLongLong(), qint64(bytes.size()));
    QCOMPARE(card.data(DashboardModel::DownloadTextRole).toString(),
             LearnFormat::downloadOffline(bytes.size()));

    // A click on the card's download link fetches it.
    QListView *cards = workspace.dashboard()->courseList();
    QStyleOptionViewItem option;
    option.initFrom(cards->viewport());
    option.rect = cards->visualRect(card);
    const QRect link = CourseCardDelegate::layout(option, card).download;
    QVERIFY(!link.isEmpty());
    QTest::mouseClick(cards->viewport(), Qt::LeftButton, {}, link.center());
    QTRY_COMPARE_WITH_TIMEOUT(model->indexOf(courseId)
                                  .data(DashboardModel::DownloadRole)
                                  .value<DashboardModel::Download>(),
                              DashboardModel::Download::Downloaded, 20000);
    QVERIFY(student.files->isCourseDownloaded(courseId));
    QCOMPARE(model->indexOf(courseId).data(DashboardModel::DownloadTextRole).toString(),
             LearnFormat::removeDownload(bytes.size()));

    // The player says the same, opens the file from the cache, and removes the download.
    workspace.dashboard()->open(courseId);
    QVERIFY(workspace.isPlayerShown());
    auto *button = workspace.findChild<QPushButton *>(QStringLiteral("courseDownloadButton"));
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), LearnFormat::removeDownload(bytes.size()));
    QCOMPARE(workspace.findChild<QLabel *>(QStringLiteral("resourceText"))->text(),
             QStringLiteral("safety.txt (%1)").arg(LearnFormat::size(bytes.size())));
    UrlCatcher files;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &files, "open");
    QTest::mouseClick(workspace.findChild<QPushButton *>(QStringLiteral("resourceOpenButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(files.urls.size(), 1);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(files.urls.first().toLocalFile(), student.files->cachedPath(fileId));
    QVERIFY(
        workspace.player()->outline()->isCompleted(item.data().toObject().value(u"id").toString()));

    // Removing asks first.
    QTimer::singleShot(0, this, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box)
            box->button(QMessageBox::Yes)->click();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!student.files->isCourseDownloaded(courseId));
    QCOMPARE(button->text(), LearnFormat::downloadOffline(bytes.size()));
}

// In a narrow pane (the editor's preview at 1024x640) a lesson's words stay whole: lines break
// between words, never inside one ("Welcom / e").
void tst_LearnWorkspace::lessonWordsAreNotBroken()
{
    LessonBrowser browser;
    browser.setMarkdown(QStringLiteral("# Membranes\n\nParticle physics"));
    browser.resize(150, 300);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTextBlock heading = browser.document()->firstBlock();
    QTRY_VERIFY(heading.layout() && heading.layout()->lineCount() > 0);
    QCOMPARE(heading.layout()->lineCount(), 1);
    QTextBlock text = heading.next();
    QCOMPARE(text.text(), QStringLiteral("Particle physics"));
    for (int i = 0; i < text.layout()->lineCount(); ++i) {
        const QTextLine line = text.layout()->lineAt(i);
        const QString piece = text.text().mid(line.textStart(), line.textLength()).trimmed();
        QVERIFY2(piece == u"Particle" || piece == u"physics" || piece == u"Particle physics",
                 qPrintable(piece));
    }
}

void tst_LearnWorkspace::screenshots()
{
    // For the user guide: LECTERN_SCREENSHOT_DIR=/tmp/shots ctest -R tst_learnworkspace. In
    // French: LECTERN_SCREENSHOT_LANGUAGE=fr; at 2x: QT_SCALE_FACTOR=2.
    const QString dir = qEnvironmentVariable("LECTERN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("LECTERN_SCREENSHOT_DIR is not set");
    if (qEnvironmentVariableIsSet("LECTERN_SCREENSHOT_LANGUAGE"))
        TranslationLoader::install(QLocale(qEnvironmentVariable("LECTERN_SCREENSHOT_LANGUAGE")));
    fillRust();
    f->module(QStringLiteral("Rust"), QStringLiteral("Ownership in depth"));
    f->item(QStringLiteral("Ownership in depth"), QStringLiteral("Moves and copies"),
            QStringLiteral("lesson"),
            {{QStringLiteral("estimatedMinutes"), 15},
             {QStringLiteral("body"),
              QStringLiteral("# Moves and copies\n\nWhen a value is assigned to another variable, "
                             "Rust **moves** it: the first name can no longer be used.\n\n"
                             "```rust\nlet s1 = String::from(\"hello\");\nlet s2 = s1;\n"
                             "// println!(\"{s1}\"); would not compile\n```\n\n"
                             "## What is copied\n\n- integers and floats\n- `bool` and `char`\n"
                             "- tuples of those\n\n| Type | Moved | Copied |\n|---|---|---|\n"
                             "| `String` | yes | no |\n| `i32` | no | yes |\n\n"
                             "Read more in [the book](https://doc.rust-lang.org/book/).\n")}});
    f->item(QStringLiteral("Ownership in depth"), QStringLiteral("Video: the borrow checker"),
            QStringLiteral("video"),
            {{QStringLiteral("url"), QStringLiteral("https://videos.example.org/borrow-checker")}});
    f->item(QStringLiteral("Ownership in depth"), QStringLiteral("Quiz: ownership"),
            QStringLiteral("quiz"));
    for (const char *title : {"Cell biology", "Statistics for everyone", "Academic writing"}) {
        const QString t = QString::fromLatin1(title);
        f->course(t);
        f->enroll(t);
        f->module(t, t + u" — week 1");
        f->item(t + u" — week 1", t + u": welcome");
        f->item(t + u" — week 1", t + u": first steps");
    }
    f->course(QStringLiteral("Chemistry"), QStringLiteral("draft"));
    f->enroll(QStringLiteral("Chemistry"), QStringLiteral("instructor"));
    f->event(QStringLiteral("Intro"), "completed", -1, 0, LearnFixture::inDays(-1));
    f->event(QStringLiteral("Intro"), "time", -1, 1260, LearnFixture::inDays(-1));
    f->event(QStringLiteral("Borrowing"), "completed", -1, 0, LearnFixture::inDays(-1));
    f->event(QStringLiteral("Cell biology: welcome"), "completed", -1, 0, LearnFixture::inDays(-2));
    f->event(QStringLiteral("Cell biology: welcome"), "time", -1, 600, LearnFixture::inDays(-2));
    QVERIFY(f->pull());

    for (const Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
        Theme::apply(mode);
        const QString suffix = mode == Theme::Mode::Dark ? QStringLiteral("-dark") : QString();
        for (const QSize size : {QSize(1280, 720), QSize(1920, 1080), QSize(1024, 640)}) {
            const QString big = size.width() > 1280 ? QStringLiteral("-1080")
                : size.width() < 1280               ? QStringLiteral("-1024")
                                                    : QString();
            showWorkspace();
            m_workspace->resize(size);
            QTest::qWait(50);
            QVERIFY(m_workspace->grab().save(dir + u"/learn-dashboard" + suffix + big + u".png"));
            m_workspace->openCourse(f->id(QStringLiteral("Rust")),
                                    f->id(QStringLiteral("Moves and copies")));
            QTest::qWait(50);
            QVERIFY(m_workspace->grab().save(dir + u"/learn-player" + suffix + big + u".png"));
            player()->openItem(f->id(QStringLiteral("Ownership")));
            QTest::qWait(50);
            QVERIFY(m_workspace->grab().save(dir + u"/learn-locked" + suffix + big + u".png"));
            player()->openItem(f->id(QStringLiteral("Video: the borrow checker")));
            QTest::qWait(50);
            QVERIFY(m_workspace->grab().save(dir + u"/learn-link" + suffix + big + u".png"));
            m_workspace->previewCourse(f->id(QStringLiteral("Chemistry")));
            QTest::qWait(50);
            QVERIFY(m_workspace->grab().save(dir + u"/learn-preview" + suffix + big + u".png"));
            m_workspace.reset();
        }
    }
    m_workspace.reset();
    f.reset();
    LearnFixture empty;
    Theme::apply(Theme::Mode::Light);
    LearnWorkspace workspace(&empty.sync);
    workspace.resize(1280, 720);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    QVERIFY(workspace.grab().save(dir + u"/learn-dashboard-empty.png"));
}

QTEST_MAIN(tst_LearnWorkspace)
#include "tst_learnworkspace.moc"
