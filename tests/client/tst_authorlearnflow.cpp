// Issue 5 end to end, in two real lectern-desktop sessions against a real server: an instructor
// builds a course in the Author workspace (dialog, outline by keyboard, a move, a lesson typed in
// the editor, a rename undone from the Edit menu, publish), with the server gone half-way
// through; it all reaches the server when it comes back. A student then opens the course in the
// Learn workspace, completes its lessons, and the server's course progress says so.
#include "flowdriver.h"
#include "liveserver.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <lectern/client/appcontroller.h>
#include <lectern/client/author/authorworkspace.h>
#include <lectern/client/author/courseform.h>
#include <lectern/client/author/courseoutlinepage.h>
#include <lectern/client/author/emptystate.h>
#include <lectern/client/author/lessoneditor.h>
#include <lectern/client/author/newcoursedialog.h>
#include <lectern/client/author/outlinemodel.h>
#include <lectern/client/author/outlineview.h>
#include <lectern/client/learn/courseplayer.h>
#include <lectern/client/learn/learnworkspace.h>
#include <lectern/client/mainwindow.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;
using namespace Lectern::ClientTest::FlowDriver;
using namespace Qt::StringLiterals;

class tst_AuthorLearnFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void instructorBuildsACourseOffline();
    void studentCompletesItAndTheServerKnows();
    void cleanupTestCase();

private:
    static void typeInPlace(const QString &text);
    static bool settled(AppController &app);
    QJsonObject serverOutline();

    RestartableServer m_server;
    QTemporaryDir m_instructorDir;
    QTemporaryDir m_studentDir;
    std::unique_ptr<AppController> m_instructor;
    std::unique_ptr<AppController> m_student;
    QString m_courseId;
};

void tst_AuthorLearnFlow::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
    LECTERN_START_RESTARTABLE(m_server);
}

void tst_AuthorLearnFlow::typeInPlace(const QString &text)
{
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())));
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!qobject_cast<QLineEdit *>(QApplication::focusWidget()));
}

bool tst_AuthorLearnFlow::settled(AppController &app)
{
    const SyncStatus status = app.syncController()->status();
    return status.online && !status.syncing && status.queued == 0 && status.lastError.isEmpty();
}

QJsonObject tst_AuthorLearnFlow::serverOutline()
{
    Test::HttpClient client(m_server.url());
    client.login(u"instructor@demo.lectern"_s, demoPassword);
    return client.get(u"/api/v1/courses/%1"_s.arg(m_courseId)).data().toObject();
}

void tst_AuthorLearnFlow::instructorBuildsACourseOffline()
{
    m_instructor = startApp(m_instructorDir.path(), m_server.url());
    QVERIFY(typeAndLogIn(*m_instructor, u"instructor@demo.lectern"_s, demoPassword));
    MainWindow *window = m_instructor->mainWindow();
    QTRY_VERIFY(window->isVisible());
    window->resize(1280, 720);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    window->showWorkspace(Workspace::Author);
    auto *author = qobject_cast<AuthorWorkspace *>(window->workspacePage(Workspace::Author));
    QVERIFY(author);
    QTRY_VERIFY(settled(*m_instructor));

    // A new course, through its dialog.
    QTest::mouseClick(author->findChild<QPushButton *>(u"newCourseButton"_s), Qt::LeftButton);
    NewCourseDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<NewCourseDialog *>(QApplication::activeModalWidget())));
    QTest::keyClicks(dialog->form()->editor(u"code"_s), u"BIO-101"_s);
    QTest::keyClicks(dialog->form()->editor(u"title"_s), u"Biology"_s);
    QTest::keyClicks(dialog->form()->editor(u"term"_s), u"2026-fall"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"createCourseButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    window->activateWindow(); // offscreen, nothing gives the window back its focus
    QVERIFY(QTest::qWaitForWindowActive(window));
    m_courseId = author->currentCourseId();
    QVERIFY(!m_courseId.isEmpty());

    // The cable is pulled: the rest is written offline.
    m_server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!m_instructor->syncController()->status().online, 20000);

    OutlineView *tree = author->outlinePage()->view();
    OutlineModel *outline = author->outlinePage()->model();
    // The empty outline's own button adds the first module.
    QTest::mouseClick(author->findChild<EmptyState *>(u"emptyOutline"_s)->button(), Qt::LeftButton);
    typeInPlace(u"Cells"_s);
    QTest::keyClick(tree, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    typeInPlace(u"Membranes"_s);
    QTest::keyClick(tree, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    typeInPlace(u"What is a cell"_s);
    // The introduction belongs first: Ctrl+Up.
    QCOMPARE(tree->currentIndex().data().toString(), u"What is a cell"_s);
    QTest::keyClick(tree, Qt::Key_Up, Qt::ControlModifier);
    const QModelIndex module = outline->index(0, 0);
    QCOMPARE(outline->rowCount(module), 2);
    QCOMPARE(outline->index(0, 0, module).data().toString(), u"What is a cell"_s);
    QCOMPARE(outline->index(1, 0, module).data().toString(), u"Membranes"_s);

    // A rename, taken back from the window's Edit menu.
    tree->setCurrentIndex(outline->index(1, 0, module));
    QTest::keyClick(tree, Qt::Key_F2);
    typeInPlace(u"Membranse"_s);
    QCOMPARE(outline->index(1, 0, module).data().toString(), u"Membranse"_s);
    window->findChild<QAction *>(u"undoAction"_s)->trigger();
    QCOMPARE(outline->index(1, 0, module).data().toString(), u"Membranes"_s);

    // The lesson text, typed in the editor beside the outline.
    tree->setCurrentIndex(outline->index(0, 0, module));
    LessonEditor *editor = author->lessonEditor();
    QTRY_COMPARE(editor->contentId(), outline->idOf(outline->index(0, 0, module)));
    editor->sourceEdit()->setFocus();
    QTest::keyClicks(editor->sourceEdit(), u"# Cells"_s);
    QTest::keyClick(editor->sourceEdit(), Qt::Key_Return);
    QTest::keyClick(editor->sourceEdit(), Qt::Key_Return);
    QTest::keyClicks(editor->sourceEdit(), u"Every living thing is made of cells."_s);
    QVERIFY(editor->flush());

    // Everything published: the module, its lessons, the course.
    for (const QModelIndex &row :
         {module, outline->index(0, 0, module), outline->index(1, 0, module)}) {
        tree->setCurrentIndex(row);
        author->outlinePage()->findChild<QAction *>(u"publishAction"_s)->trigger();
        QTRY_VERIFY(row.data(OutlineModel::PublishedRole).toBool());
    }
    author->findChild<QAction *>(u"publishCourseAction"_s)->trigger();
    QTRY_COMPARE(m_instructor->syncController()
                     ->store()
                     ->record(u"course"_s, m_courseId)
                     ->fields.value(u"status"),
                 u"published"_s);
    QVERIFY(m_instructor->syncController()->status().queued > 0);

    // The cable is back: all of it reaches the server, in order.
    QVERIFY(m_server.start());
    QTRY_VERIFY_WITH_TIMEOUT(settled(*m_instructor), 30000);
    const QJsonObject course = serverOutline();
    QCOMPARE(course[u"status"].toString(), u"published"_s);
    const QJsonArray modules = course[u"modules"].toArray();
    QCOMPARE(modules.size(), 1);
    const QJsonArray items = modules[0][u"items"].toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items[0][u"title"].toString(), u"What is a cell"_s);
    QCOMPARE(items[1][u"title"].toString(), u"Membranes"_s);
    Test::HttpClient reader(m_server.url());
    reader.login(u"instructor@demo.lectern"_s, demoPassword);
    QVERIFY(reader.get(u"/api/v1/contents/%1"_s.arg(items[0][u"id"].toString()))
                .data()[u"body"]
                .toString()
                .contains(u"Every living thing is made of cells."_s));
}

void tst_AuthorLearnFlow::studentCompletesItAndTheServerKnows()
{
    QVERIFY(!m_courseId.isEmpty());
    // Enrollments are the server's to decide (the class list pane has its own test).
    Test::HttpClient instructor(m_server.url());
    instructor.login(u"instructor@demo.lectern"_s, demoPassword);
    Test::HttpClient probe(m_server.url());
    const QString studentId
        = probe.login(u"student1@demo.lectern"_s, demoPassword).data()[u"user"][u"id"].toString();
    QCOMPARE(instructor
                 .post(u"/api/v1/courses/%1/enroll"_s.arg(m_courseId),
                       QJsonObject {{u"userId"_s, studentId}})
                 .status,
             201);

    m_student = startApp(m_studentDir.path(), m_server.url());
    QVERIFY(typeAndLogIn(*m_student, u"student1@demo.lectern"_s, demoPassword));
    MainWindow *window = m_student->mainWindow();
    QTRY_VERIFY(window->isVisible());
    auto *learn = qobject_cast<LearnWorkspace *>(window->workspacePage(Workspace::Learn));
    QVERIFY(learn);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_student->syncController()->store()
            && m_student->syncController()->store()->record(u"course"_s, m_courseId),
        20000);
    QTRY_VERIFY(settled(*m_student));

    learn->openCourse(m_courseId);
    CoursePlayer *player = learn->player();
    QTRY_VERIFY(learn->isPlayerShown());
    auto *complete = player->findChild<QPushButton *>(u"markCompleteButton"_s);
    auto *next = player->findChild<QPushButton *>(u"nextButton"_s);
    QTRY_VERIFY(complete->isEnabled());
    QTest::mouseClick(complete, Qt::LeftButton);
    QTRY_VERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_VERIFY(complete->isEnabled());
    QTest::mouseClick(complete, Qt::LeftButton);
    QTRY_VERIFY(!complete->isEnabled()); // "Completed"

    // After sync, the instructor's class progress says the student finished the course.
    QTRY_VERIFY_WITH_TIMEOUT(settled(*m_student), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QJsonArray rows = instructor.get(u"/api/v1/courses/%1/progress"_s.arg(m_courseId))
                                        .data()[u"students"]
                                        .toArray();
            for (const QJsonValue &row : rows) {
                if (row[u"userId"].toString() == studentId)
                    return row[u"completed"].toInt() == 2 && row[u"percent"].toInt() == 100;
            }
            return false;
        }(),
        20000);
}

void tst_AuthorLearnFlow::cleanupTestCase()
{
    m_student.reset();
    m_instructor.reset();
}

QTEST_MAIN(tst_AuthorLearnFlow)
#include "tst_authorlearnflow.moc"
