#include "flowdriver.h"
#include "liveserver.h"

#include <QJsonArray>
#include <QListView>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/syncui/conflictinbox.h>
#include <lectern/client/syncui/syncindicator.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;
using namespace Lectern::ClientTest::FlowDriver;
using namespace Qt::StringLiterals;

// Issue 4's end-to-end proof: two real desktop sessions (the instructor's and the TA's, each with
// its own data folder and offline store) edit the same lesson while the server is away. Edits of
// different paragraphs merge; the same sentence edited twice is a conflict that both inboxes show,
// and resolving it on one clears it on the other after sync.
class tst_TwoDesktops : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void differentParagraphsMerge();
    void sameSentenceIsAConflictBothSee();
    void cleanupTestCase();

private:
    struct Desktop
    {
        QTemporaryDir dir;
        std::unique_ptr<AppController> app;
        SyncController *sync() const { return app->syncController(); }
        QString body(const QString &lessonId) const
        {
            auto record = sync()->store()->record(u"content"_s, lessonId);
            return record ? record->fields.value(u"body").toString() : QString();
        }
    };
    bool openDesktop(Desktop &desktop, const QString &email);
    // What a person does: press "Sync now" in the status bar.
    static void pressSyncNow(Desktop &desktop);
    static bool settled(const Desktop &desktop);
    QString serverBody();

    RestartableServer m_server;
    Desktop m_instructor;
    Desktop m_ta;
    QString m_lessonId;
};

bool tst_TwoDesktops::openDesktop(Desktop &desktop, const QString &email)
{
    desktop.app = startApp(desktop.dir.path(), m_server.url());
    if (!typeAndLogIn(*desktop.app, email, demoPassword))
        return false;
    return QTest::qWaitFor(
        [&] {
            return desktop.app->mainWindow() && desktop.app->mainWindow()->isVisible()
                && desktop.sync() && desktop.sync()->store() && !desktop.body(m_lessonId).isEmpty();
        },
        20000);
}

void tst_TwoDesktops::pressSyncNow(Desktop &desktop)
{
    auto *button
        = desktop.app->mainWindow()->syncIndicator()->findChild<QToolButton *>(u"syncNowButton"_s);
    if (button && button->isEnabled() && button->isVisible())
        QTest::mouseClick(button, Qt::LeftButton);
    else
        desktop.sync()->syncNow();
}

bool tst_TwoDesktops::settled(const Desktop &desktop)
{
    const SyncStatus s = desktop.sync()->status();
    return s.online && !s.syncing && s.queued == 0;
}

QString tst_TwoDesktops::serverBody()
{
    Test::HttpClient client(m_server.url());
    client.login(u"instructor@demo.lectern"_s, demoPassword);
    return client.get(u"/api/v1/contents/%1"_s.arg(m_lessonId)).data()[u"body"].toString();
}

void tst_TwoDesktops::initTestCase()
{
    LECTERN_START_RESTARTABLE(m_server);
    Test::HttpClient instructor(m_server.url());
    QCOMPARE(instructor.login(u"instructor@demo.lectern"_s, demoPassword).status, 200);
    const Test::HttpResult course = instructor.post(
        u"/api/v1/courses"_s, QJsonObject {{u"code"_s, u"E2E-1"_s}, {u"title"_s, u"Chemistry"_s}});
    QCOMPARE(course.status, 201);
    const QString courseId = course.data()[u"id"].toString();
    Test::HttpClient ta(m_server.url());
    const QString taId
        = ta.login(u"ta@demo.lectern"_s, demoPassword).data()[u"user"][u"id"].toString();
    QCOMPARE(
        instructor
            .post(u"/api/v1/courses/%1/enroll"_s.arg(courseId),
                  QJsonObject {{u"userId"_s, taId}, {u"role"_s, u"ta"_s}, {u"override"_s, true}})
            .status,
        201);
    const Test::HttpResult module = instructor.post(u"/api/v1/courses/%1/modules"_s.arg(courseId),
                                                    QJsonObject {{u"title"_s, u"Acids"_s}});
    QCOMPARE(module.status, 201);
    const Test::HttpResult lesson = instructor.post(
        u"/api/v1/modules/%1/contents"_s.arg(module.data()[u"id"].toString()),
        QJsonObject {
            {u"type"_s, u"lesson"_s},
            {u"title"_s, u"Lab safety"_s},
            {u"body"_s, u"Wear goggles.\n\nNever taste an acid.\n\nWash your hands.\n"_s}});
    QCOMPARE(lesson.status, 201);
    m_lessonId = lesson.data()[u"id"].toString();

    QVERIFY(openDesktop(m_instructor, u"instructor@demo.lectern"_s));
    QVERIFY(openDesktop(m_ta, u"ta@demo.lectern"_s));
    QTRY_VERIFY_WITH_TIMEOUT(settled(m_instructor) && settled(m_ta), 20000);
}

void tst_TwoDesktops::differentParagraphsMerge()
{
    // The cable is pulled: both keep working.
    m_server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!m_instructor.sync()->status().online, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_ta.sync()->status().online, 20000);
    QVERIFY(m_instructor.sync()->update(
        u"content"_s, m_lessonId,
        {{u"body"_s,
          u"Wear goggles and gloves.\n\nNever taste an acid.\n\nWash your hands.\n"_s}}));
    QVERIFY(m_ta.sync()->update(
        u"content"_s, m_lessonId,
        {{u"body"_s, u"Wear goggles.\n\nNever taste an acid.\n\nWash your hands with soap.\n"_s}}));
    QTRY_COMPARE(m_instructor.sync()->status().queued, 1);
    QTRY_COMPARE(m_ta.sync()->status().queued, 1);

    QVERIFY(m_server.start());
    const QString merged
        = u"Wear goggles and gloves.\n\nNever taste an acid.\n\nWash your hands with soap.\n"_s;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            pressSyncNow(m_instructor);
            pressSyncNow(m_ta);
            return m_instructor.body(m_lessonId) == merged && m_ta.body(m_lessonId) == merged
                && settled(m_instructor) && settled(m_ta);
        }(),
        30000);
    QCOMPARE(serverBody(), merged);
    QCOMPARE(m_instructor.sync()->status().openConflicts, 0);
    QCOMPARE(m_ta.sync()->status().openConflicts, 0);
}

void tst_TwoDesktops::sameSentenceIsAConflictBothSee()
{
    const QString before = serverBody();
    m_server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!m_instructor.sync()->status().online, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_ta.sync()->status().online, 20000);
    const QString instructorText
        = QString(before).replace(u"Never taste an acid."_s, u"Never taste or smell an acid."_s);
    const QString taText
        = QString(before).replace(u"Never taste an acid."_s, u"Do not taste any acid, ever."_s);
    QVERIFY(m_instructor.sync()->update(u"content"_s, m_lessonId, {{u"body"_s, instructorText}}));
    QVERIFY(m_ta.sync()->update(u"content"_s, m_lessonId, {{u"body"_s, taText}}));

    QVERIFY(m_server.start());
    // The instructor reaches the server first: theirs is applied, the TA's becomes the conflict.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            pressSyncNow(m_instructor);
            return settled(m_instructor);
        }(),
        30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            pressSyncNow(m_ta);
            pressSyncNow(m_instructor);
            return settled(m_ta) && m_ta.sync()->status().openConflicts == 1
                && m_instructor.sync()->status().openConflicts == 1;
        }(),
        30000);
    // Nothing is lost: the record shows the provisional winner, the conflict holds the other.
    QCOMPARE(serverBody(), instructorText);
    QCOMPARE(m_ta.body(m_lessonId), instructorText);

    // Both inboxes list it, with both versions side by side.
    for (Desktop *desktop : {&m_instructor, &m_ta}) {
        MainWindow *window = desktop->app->mainWindow();
        window->showConflictInbox();
        ConflictInbox *inbox = window->conflictInbox();
        QVERIFY(inbox);
        QTRY_VERIFY(inbox->isVisible());
        QCOMPARE(inbox->model()->rowCount(), 1);
        QVERIFY(!inbox->isEmptyStateShown());
        const auto conflict = inbox->model()->conflict(0);
        QCOMPARE(conflict.mine.toString(), taText);
        QCOMPARE(conflict.theirs.toString(), instructorText);
    }

    // The instructor decides on their desktop: keep the TA's sentence ("mine" is the TA's side).
    ConflictInbox *inbox = m_instructor.app->mainWindow()->conflictInbox();
    inbox->setCurrentRow(0);
    auto *keepMine = inbox->findChild<QPushButton *>(u"keepMineButton"_s);
    QVERIFY(keepMine);
    QTest::mouseClick(keepMine, Qt::LeftButton);
    QTRY_VERIFY(inbox->isEmptyStateShown());

    // After sync the TA's inbox is empty too, and everyone has the chosen text.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            pressSyncNow(m_instructor);
            pressSyncNow(m_ta);
            return settled(m_instructor) && settled(m_ta)
                && m_ta.sync()->status().openConflicts == 0 && m_ta.body(m_lessonId) == taText;
        }(),
        30000);
    QCOMPARE(serverBody(), taText);
    QTRY_VERIFY(m_ta.app->mainWindow()->conflictInbox()->isEmptyStateShown());
}

void tst_TwoDesktops::cleanupTestCase()
{
    m_instructor.app.reset();
    m_ta.app.reset();
}

QTEST_MAIN(tst_TwoDesktops)
#include "tst_twodesktops.moc"
