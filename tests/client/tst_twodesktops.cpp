#include "flowdriver.h"
#include "liveserver.h"

#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <lectern/client/author/lessoneditor.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/syncui/conflictinbox.h>
#include <lectern/client/syncui/conflictpane.h>
#include <lectern/client/syncui/syncindicator.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;
using namespace Lectern::ClientTest::FlowDriver;
using namespace Qt::StringLiterals;

// Issues 4 and 10's end-to-end proof: two real desktop sessions (the instructor's and the TA's,
// each with its own data folder and offline store) edit the same lesson while the server is away.
// Edits of different paragraphs merge; the same sentence edited twice is a conflict that both
// inboxes show, each from its own side, while learners keep the server's version; "keep both"
// keeps both versions of that sentence only, and resolving it on one desktop clears it on the
// other after sync.
class tst_TwoDesktops : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void differentParagraphsMerge();
    void sameSentenceIsAConflictBothSee();
    void keepBothInALongPublishedLesson();
    void logoutWithChangesWaitingSaysSo();
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
    QString serverBody(const QString &lessonId = {});
    // What a student of the course reads of the lesson (GET /contents/:id).
    QString studentBody(const QString &lessonId);
    // Both go offline, each edits `lessonId` to its text; the TA's reaches the server first,
    // then the instructor's meets it: one open conflict on each desktop.
    bool editOfflineTaFirst(const QString &lessonId, const QString &taText,
                            const QString &instructorText);

    RestartableServer m_server;
    Desktop m_instructor;
    Desktop m_ta;
    QString m_lessonId;
    QString m_longLessonId;
    QString m_longBody;
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

QString tst_TwoDesktops::serverBody(const QString &lessonId)
{
    Test::HttpClient client(m_server.url());
    client.login(u"instructor@demo.lectern"_s, demoPassword);
    return client.get(u"/api/v1/contents/%1"_s.arg(lessonId.isEmpty() ? m_lessonId : lessonId))
        .data()[u"body"]
        .toString();
}

QString tst_TwoDesktops::studentBody(const QString &lessonId)
{
    Test::HttpClient client(m_server.url());
    client.login(u"student1@demo.lectern"_s, demoPassword);
    return client.get(u"/api/v1/contents/%1"_s.arg(lessonId)).data()[u"body"].toString();
}

bool tst_TwoDesktops::editOfflineTaFirst(const QString &lessonId, const QString &taText,
                                         const QString &instructorText)
{
    m_server.stop();
    if (!QTest::qWaitFor([&] { return !m_instructor.sync()->status().online; }, 20000)
        || !QTest::qWaitFor([&] { return !m_ta.sync()->status().online; }, 20000))
        return false;
    if (!m_ta.sync()->update(u"content"_s, lessonId, {{u"body"_s, taText}})
        || !m_instructor.sync()->update(u"content"_s, lessonId, {{u"body"_s, instructorText}}))
        return false;
    if (!m_server.start())
        return false;
    // The TA reaches the server first: hers is applied, the instructor's becomes the conflict.
    if (!QTest::qWaitFor(
            [&] {
                pressSyncNow(m_ta);
                return settled(m_ta) && m_ta.body(lessonId) == taText;
            },
            30000))
        return false;
    return QTest::qWaitFor(
        [&] {
            pressSyncNow(m_instructor);
            pressSyncNow(m_ta);
            return settled(m_instructor) && settled(m_ta)
                && m_instructor.sync()->status().openConflicts == 1
                && m_ta.sync()->status().openConflicts == 1;
        },
        30000);
}

void tst_TwoDesktops::initTestCase()
{
    // English as a person reads it (plural forms come from the translation).
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
    LECTERN_START_RESTARTABLE(m_server);
    Test::HttpClient instructor(m_server.url());
    QCOMPARE(instructor.login(u"instructor@demo.lectern"_s, demoPassword).status, 200);
    const Test::HttpResult course = instructor.post(
        u"/api/v1/courses"_s, QJsonObject {{u"code"_s, u"E2E-1"_s}, {u"title"_s, u"Chemistry"_s}});
    QCOMPARE(course.status, 201);
    const QString courseId = course.data()[u"id"].toString();
    QCOMPARE(instructor.post(u"/api/v1/courses/%1/publish"_s.arg(courseId), QJsonObject()).status,
             200);
    Test::HttpClient ta(m_server.url());
    const QString taId
        = ta.login(u"ta@demo.lectern"_s, demoPassword).data()[u"user"][u"id"].toString();
    QCOMPARE(
        instructor
            .post(u"/api/v1/courses/%1/enroll"_s.arg(courseId),
                  QJsonObject {{u"userId"_s, taId}, {u"role"_s, u"ta"_s}, {u"override"_s, true}})
            .status,
        201);
    Test::HttpClient student(m_server.url());
    const QString studentId
        = student.login(u"student1@demo.lectern"_s, demoPassword).data()[u"user"][u"id"].toString();
    QCOMPARE(instructor
                 .post(u"/api/v1/courses/%1/enroll"_s.arg(courseId),
                       QJsonObject {{u"userId"_s, studentId}, {u"role"_s, u"student"_s}})
                 .status,
             201);
    const Test::HttpResult module
        = instructor.post(u"/api/v1/courses/%1/modules"_s.arg(courseId),
                          QJsonObject {{u"title"_s, u"Acids"_s}, {u"published"_s, true}});
    QCOMPARE(module.status, 201);
    const Test::HttpResult lesson = instructor.post(
        u"/api/v1/modules/%1/contents"_s.arg(module.data()[u"id"].toString()),
        QJsonObject {
            {u"type"_s, u"lesson"_s},
            {u"title"_s, u"Lab safety"_s},
            {u"body"_s, u"Wear goggles.\n\nNever taste an acid.\n\nWash your hands.\n"_s}});
    QCOMPARE(lesson.status, 201);
    m_lessonId = lesson.data()[u"id"].toString();
    // A published lesson of some 220 words, with a note for the staff at its end.
    QStringList paragraphs;
    for (int i = 1; i <= 12; ++i)
        paragraphs.append(u"Step %1: acids give up protons in water, and the more they give up "
                          u"the lower the pH of the solution falls."_s.arg(i));
    paragraphs.append(u"Internal note: check the titration figures before the exam."_s);
    m_longBody = paragraphs.join(u"\n\n"_s) + u'\n';
    const Test::HttpResult longLesson
        = instructor.post(u"/api/v1/modules/%1/contents"_s.arg(module.data()[u"id"].toString()),
                          QJsonObject {{u"type"_s, u"lesson"_s},
                                       {u"title"_s, u"Acids in water"_s},
                                       {u"body"_s, m_longBody},
                                       {u"published"_s, true}});
    QCOMPARE(longLesson.status, 201);
    m_longLessonId = longLesson.data()[u"id"].toString();
    QCOMPARE(studentBody(m_longLessonId), m_longBody);

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
    const QString instructorText
        = QString(before).replace(u"Never taste an acid."_s, u"Never taste or smell an acid."_s);
    const QString taText
        = QString(before).replace(u"Never taste an acid."_s, u"Do not taste any acid, ever."_s);
    QVERIFY(editOfflineTaFirst(m_lessonId, taText, instructorText));
    // Nothing is lost: the record shows the provisional winner (the TA's, which came first), the
    // conflict holds the other.
    QCOMPARE(serverBody(), taText);
    QCOMPARE(m_instructor.body(m_lessonId), taText);

    // Each inbox speaks from its reader's side: "Mine" is what that person wrote, with both
    // names.
    const struct
    {
        Desktop *desktop;
        QString mine, theirs, myName, otherName;
    } sides[] = {{&m_ta, taText, instructorText, u"Tess Assistant"_s, u"Ian Instructor"_s},
                 {&m_instructor, instructorText, taText, u"Ian Instructor"_s, u"Tess Assistant"_s}};
    for (const auto &side : sides) {
        MainWindow *window = side.desktop->app->mainWindow();
        window->showConflictInbox();
        ConflictInbox *inbox = window->conflictInbox();
        QVERIFY(inbox);
        QTRY_VERIFY(inbox->isVisible());
        QCOMPARE(inbox->model()->rowCount(), 1);
        QVERIFY(!inbox->isEmptyStateShown());
        inbox->setCurrentRow(0);
        const auto conflict = inbox->model()->conflict(0);
        QCOMPARE(conflict.mine.toString(), side.mine);
        QCOMPARE(conflict.theirs.toString(), side.theirs);
        QCOMPARE(conflict.mineName, side.myName);
        QCOMPARE(conflict.theirsName, side.otherName);
        QVERIFY2(conflict.whoWhen.startsWith(u"You changed it"_s), qPrintable(conflict.whoWhen));
        QVERIFY2(conflict.whoWhen.contains(side.otherName + u" changed it"_s),
                 qPrintable(conflict.whoWhen));
        auto *minePane = inbox->findChild<ConflictPane *>(u"minePane"_s);
        auto *theirsPane = inbox->findChild<ConflictPane *>(u"theirsPane"_s);
        QCOMPARE(minePane->heading(), u"Mine"_s);
        QVERIFY(minePane->plainText().contains(side.mine.section(u"\n\n"_s, 1, 1)));
        QVERIFY2(theirsPane->detail().startsWith(u"By "_s + side.otherName),
                 qPrintable(theirsPane->detail()));
    }

    // The TA decides on her desktop: keep mine keeps what she wrote.
    ConflictInbox *inbox = m_ta.app->mainWindow()->conflictInbox();
    inbox->setCurrentRow(0);
    auto *keepMine = inbox->findChild<QPushButton *>(u"keepMineButton"_s);
    QVERIFY(keepMine);
    QTest::mouseClick(keepMine, Qt::LeftButton);
    QTRY_VERIFY(inbox->isEmptyStateShown());

    // After sync the instructor's inbox is empty too, and everyone has the TA's text.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            pressSyncNow(m_ta);
            pressSyncNow(m_instructor);
            return settled(m_instructor) && settled(m_ta)
                && m_instructor.sync()->status().openConflicts == 0
                && m_instructor.body(m_lessonId) == taText;
        }(),
        30000);
    QCOMPARE(serverBody(), taText);
    QTRY_VERIFY(m_instructor.app->mainWindow()->conflictInbox()->isEmptyStateShown());
}

void tst_TwoDesktops::keepBothInALongPublishedLesson()
{
    const QString sentence = u"Step 7: acids give up protons in water, and the more they give up "
                             u"the lower the pH of the solution falls."_s;
    const QString taSentence = u"Step 7: an acid gives protons away in water; the pH drops."_s;
    const QString instructorSentence
        = u"Step 7: acids donate protons in water, so the pH of the solution falls."_s;
    const QString taText = QString(m_longBody).replace(sentence, taSentence);
    const QString instructorText = QString(m_longBody).replace(sentence, instructorSentence);
    QVERIFY(editOfflineTaFirst(m_longLessonId, taText, instructorText));

    // A student reading meanwhile sees the provisional winner: the server's (the TA's) text.
    QCOMPARE(studentBody(m_longLessonId), taText);

    // The instructor's status bar says what became of the change sent.
    const SyncStatus status = m_instructor.sync()->status();
    QCOMPARE(status.lastSent.sent, 1);
    QCOMPARE(status.lastSent.conflicts, 1);
    QCOMPARE(SyncIndicator::reportText(status.lastSent), u"1 change sent, 1 conflict"_s);
    auto *report = m_instructor.app->mainWindow()->syncIndicator()->findChild<QLabel *>(
        u"syncReportLabel"_s);
    QVERIFY(report);
    if (report->isVisible())
        QVERIFY2(report->text().contains(u"Resolve…"_s), qPrintable(report->text()));

    // The lesson editor says so above the text, and "Resolve…" opens the inbox at it.
    LessonEditor editor(m_instructor.sync());
    editor.resize(900, 600);
    editor.show();
    editor.setContentId(m_longLessonId);
    QTRY_VERIFY(editor.conflictBanner()->isVisible());
    const QString bannerText = editor.findChild<QLabel *>(u"conflictBannerLabel"_s)->text();
    QVERIFY2(bannerText.contains(u"Tess Assistant"_s), qPrintable(bannerText));
    QCOMPARE(editor.markdown(), taText);
    MainWindow *window = m_instructor.app->mainWindow();
    QTest::mouseClick(editor.findChild<QPushButton *>(u"resolveConflictButton"_s), Qt::LeftButton);
    ConflictInbox *inbox = window->conflictInbox();
    QVERIFY(inbox);
    QTRY_VERIFY(inbox->isVisible());
    QCOMPARE(inbox->model()->conflict(inbox->currentRow()).id, editor.shownConflictId());

    // Keep both: a preview first, then only that passage twice, each labelled with its author.
    QTest::mouseClick(inbox->findChild<QPushButton *>(u"keepBothButton"_s), Qt::LeftButton);
    QVERIFY(inbox->isBothPreviewShown());
    const QString preview = inbox->editor()->toPlainText();
    QCOMPARE(studentBody(m_longLessonId), taText); // nothing saved yet
    if (const QString dir = qEnvironmentVariable("LECTERN_SCREENSHOT_DIR"); !dir.isEmpty()) {
        inbox->resize(1100, 640);
        QTest::qWait(50);
        inbox->grab().save(dir + u"/conflict-inbox-both-live.png"_s);
    }
    QTest::mouseClick(inbox->findChild<QPushButton *>(u"saveEditButton"_s), Qt::LeftButton);
    QTRY_VERIFY(inbox->isEmptyStateShown());
    QTRY_VERIFY(!editor.conflictBanner()->isVisible());

    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            pressSyncNow(m_instructor);
            pressSyncNow(m_ta);
            return settled(m_instructor) && settled(m_ta)
                && m_ta.sync()->status().openConflicts == 0 && m_ta.body(m_longLessonId) == preview;
        }(),
        30000);
    const QString body = serverBody(m_longLessonId);
    QCOMPARE(body, preview);
    QCOMPARE(studentBody(m_longLessonId), preview);
    // Every other paragraph once, the staff note once; the sentence both changed in both
    // versions, the instructor's (the one who chose) first.
    for (const QString &paragraph : m_longBody.split(u"\n\n"_s)) {
        if (!paragraph.startsWith(u"Step 7:"_s))
            QCOMPARE(body.count(paragraph.trimmed()), 1);
    }
    QVERIFY(!body.contains(sentence));
    const qsizetype mine = body.indexOf(instructorSentence);
    const qsizetype theirs = body.indexOf(taSentence);
    QVERIFY(mine > 0 && theirs > mine);
    QVERIFY(body.contains(u"[[ Version by Ian Instructor, "_s));
    QVERIFY(body.contains(u"[[ Version by Tess Assistant, "_s));
    const int wordsBefore = LessonEditor::countWords(m_longBody);
    const int wordsAfter = LessonEditor::countWords(body);
    qInfo("keep both: %d words before, %d after", wordsBefore, wordsAfter);
    QVERIFY(wordsAfter < wordsBefore + 60);
}

// Logging out offline with an edit not sent: the login window says so and what becomes of it.
void tst_TwoDesktops::logoutWithChangesWaitingSaysSo()
{
    m_server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!m_ta.sync()->status().online, 20000);
    QVERIFY(m_ta.sync()->update(u"content"_s, m_lessonId, {{u"title"_s, u"Lab safety, v2"_s}}));
    QTRY_COMPARE(m_ta.sync()->status().queued, 1);
    m_ta.app->mainWindow()->findChild<QAction *>(u"logoutAction"_s)->trigger();
    QTRY_VERIFY(m_ta.app->loginDialog()->isVisible());
    const QString message = m_ta.app->loginDialog()->message();
    QVERIFY2(message.contains(u"1 change not sent to the server yet"_s), qPrintable(message));
    QVERIFY2(message.contains(u"sent when you next log in"_s), qPrintable(message));
}

void tst_TwoDesktops::cleanupTestCase()
{
    m_instructor.app.reset();
    m_ta.app.reset();
}

QTEST_MAIN(tst_TwoDesktops)
#include "tst_twodesktops.moc"
