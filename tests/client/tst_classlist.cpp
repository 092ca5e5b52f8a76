#include "liveserver.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <lectern/client/apiclient.h>
#include <lectern/client/author/classlistmodel.h>
#include <lectern/client/author/classlistpane.h>
#include <lectern/client/author/enrolldialog.h>
#include <lectern/client/session.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/theme.h>
#include <lectern/client/tokenstore.h>
#include <lectern/client/translationloader.h>
#include <lectern/progress.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;
using namespace Qt::StringLiterals;

namespace {
QJsonObject enrollment(const QString &userId, const QString &name, const QString &role,
                       const QString &status = u"enrolled"_s, const QString &type = u"regular"_s)
{
    const QString email = name.section(u' ', 0, 0).toLower() + u"@example.org"_s;
    const QJsonObject user {{u"id"_s, userId}, {u"name"_s, name}, {u"email"_s, email}};
    return {{u"id"_s, QString(u"e-"_s + userId)},
            {u"userId"_s, userId},
            {u"role"_s, role},
            {u"status"_s, status},
            {u"type"_s, type},
            {u"cohortId"_s, QJsonValue()},
            {u"user"_s, user}};
}

constexpr int serverTimeout = 15000;
} // namespace

// The Author workspace's class list: the model without a window, and the pane driven offscreen
// against a real server — listing with progress, filtering, enrolling (the waitlist and a closed
// window explained), changing roles, unenrolling, and the copy it shows offline.
class tst_ClassList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // Model.
    void modelFromServerAnswers();
    void modelKeepsItsCopy();
    void errorWords_data();
    void errorWords();
    void enrolledWords();

    // Pane against the server.
    void listsEveryoneWithProgress();
    void filterNarrowsTheList();
    void enrollDialogExplainsTheWaitlist();
    void enrollDialogExplainsAClosedWindow();
    void changeRoleAndUnenroll();
    void progressRecordedOfflineReachesTheClassList();
    void emptyCourseSaysSo();
    void screenshots();
    void offlineShowsTheCopyAndWaits();

private:
    Test::HttpClient &admin() { return *m_admin; }
    Test::HttpClient &instructor() { return *m_instructor; }
    // A published course of the instructor with one module and two required lessons.
    QString makeCourse(const QString &code, QStringList *lessons = nullptr);
    void enroll(const QString &courseId, const QString &userKey, const QJsonObject &extra = {});
    std::unique_ptr<ClassListPane> openPane(const QString &courseId);
    static int rowOf(const ClassListPane &pane, const QString &name);
    static QString cell(const ClassListPane &pane, const QString &name, int column);
    static bool selectRow(ClassListPane &pane, const QString &name);

    RestartableServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Test::HttpClient> m_admin;
    std::unique_ptr<Test::HttpClient> m_instructor;
    QHash<QString, QString> m_ids;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SyncController> m_sync;
    QString m_course;
    QStringList m_lessons;
};

void tst_ClassList::initTestCase()
{
    LECTERN_START_RESTARTABLE(m_server);
    m_admin = std::make_unique<Test::HttpClient>(m_server.url());
    QCOMPARE(m_admin->login(u"admin@demo.lectern"_s, demoPassword).status, 200);
    m_instructor = std::make_unique<Test::HttpClient>(m_server.url());
    for (const QString &key :
         {u"instructor"_s, u"ta"_s, u"student1"_s, u"student2"_s, u"student3"_s}) {
        Test::HttpClient client(m_server.url());
        const Test::HttpResult login = client.login(key + u"@demo.lectern"_s, demoPassword);
        QCOMPARE(login.status, 200);
        m_ids.insert(key, login.data()[u"user"][u"id"].toString());
    }
    QCOMPARE(m_instructor->login(u"instructor@demo.lectern"_s, demoPassword).status, 200);
    // Someone who joins late, for the closed enrollment window.
    const Test::HttpResult late = admin().post(u"/api/v1/users"_s,
                                               {{u"email"_s, u"una.late@demo.lectern"_s},
                                                {u"name"_s, u"Una Late"_s},
                                                {u"roles"_s, QJsonArray {u"student"_s}}});
    QVERIFY2(late.status == 201, late.body.constData());
    m_ids.insert(u"una"_s, late.data()[u"id"].toString());

    m_course = makeCourse(u"CL-1"_s, &m_lessons);
    enroll(m_course, u"student1"_s);
    enroll(m_course, u"student2"_s);
    // Student 1 finished the first of the two required lessons.
    Test::HttpClient student(m_server.url());
    QCOMPARE(student.login(u"student1@demo.lectern"_s, demoPassword).status, 200);
    QCOMPARE(student
                 .post(u"/api/v1/contents/%1/progress"_s.arg(m_lessons[0]),
                       {{u"kind"_s, u"completed"_s}, {u"seconds"_s, 600}})
                 .status,
             201);

    // The instructor's desktop: a session and its offline store (where the copy is kept).
    m_api = std::make_unique<ApiClient>();
    m_tokens = std::make_unique<TokenStore>(m_dir.path(), TokenStore::Mode::FileOnly);
    m_session = std::make_unique<Session>(m_api.get(), m_tokens.get());
    QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
    m_session->login(m_server.url(), u"instructor@demo.lectern"_s, demoPassword);
    QVERIFY(loggedIn.wait(serverTimeout));
    m_sync = std::make_unique<SyncController>();
    QVERIFY(m_sync->start(m_server.url(), m_session->user().id, m_session->accessToken(),
                          m_dir.path()));
}

void tst_ClassList::cleanupTestCase()
{
    if (m_sync)
        m_sync->stop();
}

QString tst_ClassList::makeCourse(const QString &code, QStringList *lessons)
{
    const Test::HttpResult course
        = instructor().post(u"/api/v1/courses"_s, {{u"code"_s, code}, {u"title"_s, code}});
    if (course.status != 201)
        return {};
    const QString id = course.data()[u"id"].toString();
    const Test::HttpResult module
        = instructor().post(u"/api/v1/courses/%1/modules"_s.arg(id),
                            {{u"title"_s, u"Week 1"_s}, {u"published"_s, true}});
    for (const QString &title : {u"Reading"_s, u"Exercise"_s}) {
        const Test::HttpResult lesson = instructor().post(
            u"/api/v1/modules/%1/contents"_s.arg(module.data()[u"id"].toString()),
            {{u"type"_s, u"lesson"_s},
             {u"title"_s, title},
             {u"required"_s, true},
             {u"published"_s, true}});
        if (lessons)
            lessons->append(lesson.data()[u"id"].toString());
    }
    instructor().post(u"/api/v1/courses/%1/publish"_s.arg(id));
    return id;
}

void tst_ClassList::enroll(const QString &courseId, const QString &userKey,
                           const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(u"userId"_s, m_ids[userKey]);
    const Test::HttpResult r
        = instructor().post(u"/api/v1/courses/%1/enroll"_s.arg(courseId), body);
    QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
}

std::unique_ptr<ClassListPane> tst_ClassList::openPane(const QString &courseId)
{
    auto pane = std::make_unique<ClassListPane>(m_session.get(), m_sync.get());
    pane->resize(1100, 600);
    pane->show();
    QSignalSpy loaded(pane.get(), &ClassListPane::loaded);
    pane->setCourseId(courseId);
    if (!loaded.wait(serverTimeout))
        qWarning() << "the class list did not load";
    return pane;
}

int tst_ClassList::rowOf(const ClassListPane &pane, const QString &name)
{
    const QSortFilterProxyModel *proxy = pane.proxy();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        if (proxy->index(row, ClassListModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

QString tst_ClassList::cell(const ClassListPane &pane, const QString &name, int column)
{
    const int row = rowOf(pane, name);
    return row < 0 ? QString() : pane.proxy()->index(row, column).data().toString();
}

bool tst_ClassList::selectRow(ClassListPane &pane, const QString &name)
{
    const int row = rowOf(pane, name);
    auto *view = pane.findChild<QTableView *>(u"classListView"_s);
    if (row < 0 || !view)
        return false;
    const QRect rect = view->visualRect(pane.proxy()->index(row, ClassListModel::NameColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    return view->selectionModel()->isRowSelected(row, {});
}

void tst_ClassList::modelFromServerAnswers()
{
    ClassListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QJsonArray classList {
        enrollment(u"u1"_s, u"Ann Archer"_s, u"student"_s),
        enrollment(u"u2"_s, u"Ben Baker"_s, u"student"_s, u"dropped"_s),
        enrollment(u"u3"_s, u"Cy Crane"_s, u"student"_s, u"enrolled"_s, u"waitlist"_s),
        enrollment(u"u4"_s, u"Dee Dean"_s, u"ta"_s)};
    const QJsonArray progress {QJsonObject {{u"userId"_s, u"u1"_s},
                                            {u"completed"_s, 3},
                                            {u"total"_s, 4},
                                            {u"percent"_s, 75},
                                            {u"secondsSpent"_s, 3900},
                                            {u"lastActivityAt"_s, u"2026-11-21T09:30:00Z"_s}},
                               QJsonObject {{u"userId"_s, u"u2"_s},
                                            {u"completed"_s, 0},
                                            {u"total"_s, 4},
                                            {u"percent"_s, 0},
                                            {u"secondsSpent"_s, 0},
                                            {u"lastActivityAt"_s, QJsonValue()}}};
    model.setEntries(ClassListModel::entriesFrom(classList, progress));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(ClassListModel::ColumnCount));
    QCOMPARE(model.studentCount(), 3);
    QCOMPARE(model.headerData(ClassListModel::ProgressColumn, Qt::Horizontal).toString(),
             u"Progress"_s);

    auto at = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(at(0, ClassListModel::NameColumn).toString(), u"Ann Archer"_s);
    QCOMPARE(at(0, ClassListModel::EmailColumn).toString(), u"ann@example.org"_s);
    QCOMPARE(at(0, ClassListModel::RoleColumn).toString(), u"Student"_s);
    QCOMPARE(at(0, ClassListModel::StatusColumn).toString(), u"Enrolled"_s);
    QCOMPARE(at(0, ClassListModel::TypeColumn).toString(), u"Regular"_s);
    QCOMPARE(at(0, ClassListModel::ProgressColumn).toString(), u"75 % · 3 of 4 done"_s);
    QCOMPARE(at(0, ClassListModel::ProgressColumn, ClassListModel::PercentRole).toInt(), 75);
    QVERIFY(
        at(0, ClassListModel::ProgressColumn, Qt::ToolTipRole).toString().contains(u"1 h 5 min"_s));
    QCOMPARE(at(0, 0, ClassListModel::UserIdRole).toString(), u"u1"_s);
    QCOMPARE(at(0, 0, ClassListModel::EnrollmentIdRole).toString(), u"e-u1"_s);
    QCOMPARE(at(1, ClassListModel::StatusColumn).toString(), u"Dropped"_s);
    QCOMPARE(at(1, ClassListModel::ProgressColumn).toString(), u"0 % · 0 of 4 done"_s);
    QVERIFY(at(1, ClassListModel::ProgressColumn, Qt::ToolTipRole)
                .toString()
                .contains(u"No activity yet"_s));
    // Waiting for a seat, said in words; no progress reported: nothing shown rather than 0.
    QCOMPARE(at(2, ClassListModel::TypeColumn).toString(), u"Waitlist"_s);
    QVERIFY(!at(2, ClassListModel::TypeColumn, Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(at(2, ClassListModel::ProgressColumn).toString(), QString());
    QCOMPARE(at(2, ClassListModel::ProgressColumn, ClassListModel::PercentRole).toInt(), -1);
    // Staff have no progress.
    QCOMPARE(at(3, ClassListModel::RoleColumn).toString(), u"Teaching assistant"_s);
    QCOMPARE(at(3, ClassListModel::ProgressColumn).toString(), u"—"_s);
    QCOMPARE(model.rowOfUser(u"u4"_s), 3);
    QCOMPARE(model.rowOfUser(u"nobody"_s), -1);

    // Progress sorts by number, names without regard to case.
    QCOMPARE(at(0, ClassListModel::ProgressColumn, ClassListModel::SortRole).toInt(), 75);
    QCOMPARE(at(0, ClassListModel::NameColumn, ClassListModel::SortRole).toString(),
             u"ann archer"_s);

    model.setEntries({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.studentCount(), 0);
}

void tst_ClassList::modelKeepsItsCopy()
{
    const QList<ClassListEntry> entries = ClassListModel::entriesFrom(
        {enrollment(u"u1"_s, u"Ann Archer"_s, u"student"_s)},
        {QJsonObject {{u"userId"_s, u"u1"_s},
                      {u"completed"_s, 1},
                      {u"total"_s, 2},
                      {u"percent"_s, 50},
                      {u"secondsSpent"_s, 120},
                      {u"lastActivityAt"_s, u"2026-11-21T09:30:00Z"_s}}});
    QCOMPARE(entries.size(), 1);
    QVERIFY(entries[0].hasProgress);
    QCOMPARE(ClassListEntry::fromJson(entries[0].toJson()), entries[0]);
    ClassListEntry staff = entries[0];
    staff.role = u"instructor"_s;
    staff.hasProgress = false;
    staff.completed = staff.total = staff.percent = 0;
    staff.secondsSpent = 0;
    staff.lastActivityAt = {};
    QCOMPARE(ClassListEntry::fromJson(staff.toJson()), staff);
}

void tst_ClassList::errorWords_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QJsonObject>("details");
    QTest::addColumn<QString>("expected");

    QTest::newRow("closed") << u"enrollment_closed"_s
                            << QJsonObject {{u"enrollmentClosesAt"_s, u"2026-09-15T00:00:00Z"_s},
                                            {u"status"_s, u"published"_s}}
                            << u"closed on"_s;
    QTest::newRow("not open yet")
        << u"enrollment_closed"_s
        << QJsonObject {{u"enrollmentOpensAt"_s,
                         QDateTime::currentDateTimeUtc().addDays(30).toString(Qt::ISODate)}}
        << u"opens on"_s;
    QTest::newRow("archived") << u"enrollment_closed"_s
                              << QJsonObject {{u"status"_s, u"archived"_s}} << u"archived"_s;
    QTest::newRow("full") << u"course_full"_s << QJsonObject {{u"maxEnrollment"_s, 30}}
                          << u"at most 30 students"_s;
    QTest::newRow("forbidden") << u"forbidden"_s << QJsonObject() << u"instructors"_s;
    QTest::newRow("offline") << u"network_unreachable"_s << QJsonObject() << u"Connect"_s;
    QTest::newRow("fields") << u"validation_failed"_s
                            << QJsonObject {{u"fields"_s,
                                             QJsonObject {{u"userIds[0]"_s,
                                                           u"is not a person in this "
                                                           u"organisation"_s}}}}
                            << u"is not a person in this organisation"_s;
}

void tst_ClassList::errorWords()
{
    QFETCH(QString, code);
    QFETCH(QJsonObject, details);
    QFETCH(QString, expected);
    const QString words = EnrollDialog::explain(Error(code, u"server words"_s, details));
    QVERIFY2(words.contains(expected), qPrintable(words));
}

void tst_ClassList::enrolledWords()
{
    const QJsonObject seat {
        {u"role"_s, u"student"_s}, {u"status"_s, u"enrolled"_s}, {u"type"_s, u"regular"_s}};
    QJsonObject waiting = seat;
    waiting.insert(u"type"_s, u"waitlist"_s);
    QCOMPARE(EnrollDialog::describeEnrolled({seat}), u"Enrolled one person."_s);
    QCOMPARE(EnrollDialog::describeEnrolled({seat, seat}), u"Enrolled 2 people."_s);
    QVERIFY(EnrollDialog::describeEnrolled({waiting}).contains(u"waitlist"_s));
    const QString some = EnrollDialog::describeEnrolled({seat, waiting, waiting});
    QVERIFY2(some.contains(u"3 people"_s) && some.contains(u"2 of them"_s), qPrintable(some));
    QVERIFY(EnrollDialog::describeEnrolled({}).contains(u"no members"_s));
}

void tst_ClassList::listsEveryoneWithProgress()
{
    auto pane = openPane(m_course);
    QAbstractItemModelTester tester(pane->proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!pane->isOffline());
    QCOMPARE(pane->model()->rowCount(), 3);
    QCOMPARE(cell(*pane, u"Ian Instructor"_s, ClassListModel::RoleColumn), u"Instructor"_s);
    QCOMPARE(cell(*pane, u"Ian Instructor"_s, ClassListModel::ProgressColumn), u"—"_s);
    QCOMPARE(cell(*pane, u"Sam Student"_s, ClassListModel::EmailColumn),
             u"student1@demo.lectern"_s);
    QCOMPARE(cell(*pane, u"Sam Student"_s, ClassListModel::StatusColumn), u"Enrolled"_s);
    QCOMPARE(cell(*pane, u"Sam Student"_s, ClassListModel::TypeColumn), u"Regular"_s);
    QCOMPARE(cell(*pane, u"Sam Student"_s, ClassListModel::ProgressColumn),
             u"50 % · 1 of 2 required done"_s);
    QCOMPARE(cell(*pane, u"Sasha Student"_s, ClassListModel::ProgressColumn),
             u"0 % · 0 of 2 required done"_s);
    // Sorted by name; the table is what shows, with the actions an instructor has.
    QCOMPARE(pane->proxy()->index(0, 0).data().toString(), u"Ian Instructor"_s);
    auto *stack = pane->findChild<QStackedWidget *>();
    QCOMPARE(stack->currentWidget(), pane->findChild<QTableView *>(u"classListView"_s));
    QVERIFY(pane->findChild<QPushButton *>(u"enrollButton"_s)->isEnabled());
    // Unenroll and role changes wait for a selection.
    QVERIFY(!pane->findChild<QPushButton *>(u"unenrollButton"_s)->isEnabled());
    QVERIFY(selectRow(*pane, u"Sasha Student"_s));
    QVERIFY(pane->findChild<QPushButton *>(u"unenrollButton"_s)->isEnabled());
    QVERIFY(pane->findChild<QToolButton *>(u"changeRoleButton"_s)->isEnabled());
    QVERIFY(pane->listedAt().isValid());
    QVERIFY(QFile::exists(ClassListPane::cachePath(m_sync.get(), m_course)));
}

void tst_ClassList::filterNarrowsTheList()
{
    auto pane = openPane(m_course);
    auto *filter = pane->findChild<QLineEdit *>(u"classListFilter"_s);
    QTest::keyClicks(filter, u"sasha"_s);
    QCOMPARE(pane->proxy()->rowCount(), 1);
    QCOMPARE(pane->proxy()->index(0, 0).data().toString(), u"Sasha Student"_s);
    filter->clear();
    QTest::keyClicks(filter, u"instructor"_s); // the role's words match too
    QCOMPARE(pane->proxy()->rowCount(), 1);
    filter->clear();
    QCOMPARE(pane->proxy()->rowCount(), 3);
}

void tst_ClassList::enrollDialogExplainsTheWaitlist()
{
    const QString course = makeCourse(u"CL-FULL"_s);
    enroll(course, u"student1"_s);
    QCOMPARE(instructor().put(u"/api/v1/courses/"_s + course, {{u"maxEnrollment"_s, 1}}).status,
             200);
    auto pane = openPane(course);
    QTest::mouseClick(pane->findChild<QPushButton *>(u"enrollButton"_s), Qt::LeftButton);
    QPointer<EnrollDialog> dialog = pane->enrollDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *search = dialog->findChild<QLineEdit *>(u"peopleSearch"_s);
    auto *people = dialog->findChild<QListWidget *>(u"peopleList"_s);
    auto *submit = dialog->findChild<QPushButton *>(u"enrollSubmit"_s);
    QVERIFY(!submit->isEnabled()); // nobody picked yet
    QTest::keyClicks(search, u"Sol"_s);
    QTRY_COMPARE_WITH_TIMEOUT(people->count(), 1, serverTimeout);
    QVERIFY(people->item(0)->text().contains(u"student3@demo.lectern"_s));
    people->item(0)->setCheckState(Qt::Checked);
    QVERIFY(submit->isEnabled());
    QSignalSpy finished(pane.get(), &ClassListPane::actionFinished);
    QSignalSpy loaded(pane.get(), &ClassListPane::loaded);
    QTest::mouseClick(submit, Qt::LeftButton);
    QVERIFY(finished.wait(serverTimeout));
    QTRY_VERIFY(!dialog); // closed (and deleted)
    QVERIFY2(pane->noteText().contains(u"waitlist"_s), qPrintable(pane->noteText()));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), serverTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(cell(*pane, u"Sol Student"_s, ClassListModel::TypeColumn),
                              u"Waitlist"_s, serverTimeout);
    // The note stays after the list is read again: it says what the action did.
    QVERIFY(pane->noteText().contains(u"waitlist"_s));
}

void tst_ClassList::enrollDialogExplainsAClosedWindow()
{
    const QString course = makeCourse(u"CL-CLOSED"_s);
    QCOMPARE(instructor()
                 .put(u"/api/v1/courses/"_s + course,
                      {{u"enrollmentClosesAt"_s, u"2026-01-15T00:00:00Z"_s}})
                 .status,
             200);
    auto pane = openPane(course);
    pane->openEnrollDialog();
    QPointer<EnrollDialog> dialog = pane->enrollDialog();
    QVERIFY(dialog);
    auto *search = dialog->findChild<QLineEdit *>(u"peopleSearch"_s);
    auto *people = dialog->findChild<QListWidget *>(u"peopleList"_s);
    auto *submit = dialog->findChild<QPushButton *>(u"enrollSubmit"_s);
    QTest::keyClicks(search, u"una"_s);
    QTRY_COMPARE_WITH_TIMEOUT(people->count(), 1, serverTimeout);
    people->item(0)->setCheckState(Qt::Checked);
    QTest::mouseClick(submit, Qt::LeftButton);
    // Refused: the dialog stays open and says why, and how to go on.
    QTRY_VERIFY_WITH_TIMEOUT(dialog->message().contains(u"closed on"_s), serverTimeout);
    QVERIFY(dialog->message().contains(u"Enroll even if"_s));
    QVERIFY(dialog->isVisible());
    QCOMPARE(rowOf(*pane, u"Una Late"_s), -1);

    dialog->findChild<QCheckBox *>(u"enrollOverride"_s)->setChecked(true);
    QSignalSpy finished(pane.get(), &ClassListPane::actionFinished);
    QTest::mouseClick(submit, Qt::LeftButton);
    QVERIFY(finished.wait(serverTimeout));
    QCOMPARE(finished.first().first().toString(), u"Enrolled one person."_s);
    QTRY_COMPARE_WITH_TIMEOUT(cell(*pane, u"Una Late"_s, ClassListModel::StatusColumn),
                              u"Enrolled"_s, serverTimeout);
}

void tst_ClassList::changeRoleAndUnenroll()
{
    const QString course = makeCourse(u"CL-ROLES"_s);
    enroll(course, u"student1"_s);
    enroll(course, u"student2"_s);
    auto pane = openPane(course);
    QVERIFY(selectRow(*pane, u"Sasha Student"_s));
    QSignalSpy finished(pane.get(), &ClassListPane::actionFinished);
    auto *roleButton = pane->findChild<QToolButton *>(u"changeRoleButton"_s);
    QAction *makeTa = roleButton->menu()->findChild<QAction *>(u"makeRole_ta"_s);
    QVERIFY(makeTa);
    makeTa->trigger();
    QVERIFY(finished.wait(serverTimeout));
    QTRY_COMPARE_WITH_TIMEOUT(cell(*pane, u"Sasha Student"_s, ClassListModel::RoleColumn),
                              u"Teaching assistant"_s, serverTimeout);
    QVERIFY(pane->noteText().contains(u"Sasha Student"_s));
    // The server has it too.
    const QJsonArray list
        = instructor().get(u"/api/v1/courses/%1/students?role=ta"_s.arg(course)).data().toArray();
    QCOMPARE(list.size(), 1);

    // The selection follows the person across the reload; unenroll them.
    QTRY_VERIFY(pane->findChild<QPushButton *>(u"unenrollButton"_s)->isEnabled());
    QVERIFY(selectRow(*pane, u"Sam Student"_s));
    QTest::mouseClick(pane->findChild<QPushButton *>(u"unenrollButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(serverTimeout));
    QTRY_COMPARE_WITH_TIMEOUT(cell(*pane, u"Sam Student"_s, ClassListModel::StatusColumn),
                              u"Dropped"_s, serverTimeout);
    QVERIFY2(pane->noteText().contains(u"left the course"_s), qPrintable(pane->noteText()));
}

void tst_ClassList::progressRecordedOfflineReachesTheClassList()
{
    // Student 2's desktop records progress in its offline store; once it syncs, the instructor's
    // open class list shows it: their device pulls the events and the pane reads the list again.
    auto pane = openPane(m_course);
    QCOMPARE(cell(*pane, u"Sasha Student"_s, ClassListModel::ProgressColumn),
             u"0 % · 0 of 2 required done"_s);
    Test::HttpClient student(m_server.url());
    const Test::HttpResult login = student.login(u"student2@demo.lectern"_s, demoPassword);
    QCOMPARE(login.status, 200);
    QTemporaryDir studentDir;
    SyncController studentSync;
    QVERIFY(studentSync.start(m_server.url(), m_ids[u"student2"_s],
                              login.data()[u"accessToken"].toString(), studentDir.path()));
    for (const QString &lesson : std::as_const(m_lessons)) {
        const Result<QString> appended = studentSync.append(
            u"progress"_s, Progress::event(lesson, m_course, Progress::Completed, 1.0, 300));
        QVERIFY2(appended, qPrintable(appended ? QString() : appended.error().message));
    }
    QTRY_VERIFY_WITH_TIMEOUT(studentSync.status().online && studentSync.status().queued == 0,
                             serverTimeout);
    QCOMPARE(studentSync.store()->rejectedCount(), 0);
    // The events came back from the server as synced records of their owner.
    const QList<LocalRecord> events = studentSync.store()->list(u"progress"_s);
    QCOMPARE(events.size(), 2);
    for (const LocalRecord &event : events) {
        QVERIFY(event.isSynced());
        QCOMPARE(event.fields.value(u"userId").toString(), m_ids[u"student2"_s]);
    }
    studentSync.stop();

    QTRY_COMPARE_WITH_TIMEOUT(cell(*pane, u"Sasha Student"_s, ClassListModel::ProgressColumn),
                              u"100 % · 2 of 2 required done"_s, serverTimeout);
}

void tst_ClassList::emptyCourseSaysSo()
{
    const QString course = makeCourse(u"CL-EMPTY"_s);
    auto pane = openPane(course);
    auto *empty = pane->findChild<QLabel *>(u"classListEmpty"_s);
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(u"Nobody is enrolled yet. Enroll students or a cohort."_s));
    QVERIFY(empty->text().contains(u"Ian Instructor"_s)); // who teaches it
    QVERIFY(pane->findChild<QPushButton *>(u"enrollButton"_s)->isEnabled());
}

void tst_ClassList::screenshots()
{
    // For the user guide: LECTERN_SCREENSHOT_DIR=/tmp/shots ctest -R tst_classlist. To look at
    // the other sides: LECTERN_SCREENSHOT_LANGUAGE=fr, LECTERN_THEME=dark (switched after the
    // pane is shown, as a person would), QT_SCALE_FACTOR=2.
    const QString dir = qEnvironmentVariable("LECTERN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("LECTERN_SCREENSHOT_DIR is not set");
    if (qEnvironmentVariableIsSet("LECTERN_SCREENSHOT_LANGUAGE"))
        TranslationLoader::install(QLocale(qEnvironmentVariable("LECTERN_SCREENSHOT_LANGUAGE")));
    auto pane = openPane(m_course);
    pane->resize(1000, 360);
    if (qEnvironmentVariableIsSet("LECTERN_THEME")) {
        pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
        Theme::apply(Theme::fromId(qEnvironmentVariable("LECTERN_THEME")));
    }
    QVERIFY(selectRow(*pane, u"Sam Student"_s));
    QTest::qWait(100);
    QVERIFY(pane->grab().save(dir + u"/class-list.png"_s));
    pane->openEnrollDialog();
    EnrollDialog *dialog = pane->enrollDialog();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"peopleSearch"_s), u"student"_s);
    auto *people = dialog->findChild<QListWidget *>(u"peopleList"_s);
    QTRY_COMPARE_WITH_TIMEOUT(people->count(), 3, serverTimeout);
    people->item(people->count() - 1)->setCheckState(Qt::Checked);
    QTest::qWait(100);
    QVERIFY(dialog->grab().save(dir + u"/enroll-dialog.png"_s));
    dialog->reject();
}

void tst_ClassList::offlineShowsTheCopyAndWaits()
{
    auto pane = openPane(m_course);
    QVERIFY(!pane->isOffline());
    const int rows = pane->model()->rowCount();
    QVERIFY(rows >= 3);

    m_server.stop();
    QSignalSpy loaded(pane.get(), &ClassListPane::loaded);
    QTest::mouseClick(pane->findChild<QToolButton *>(u"refreshButton"_s), Qt::LeftButton);
    QVERIFY(loaded.wait(serverTimeout));
    QVERIFY(pane->isOffline());
    QCOMPARE(pane->model()->rowCount(), rows);
    QVERIFY2(pane->noteText().startsWith(u"Class list as of "_s), qPrintable(pane->noteText()));
    QVERIFY(pane->noteText().contains(u"connect to change enrollments"_s));
    for (const char *name : {"enrollButton", "unenrollButton"})
        QVERIFY(!pane->findChild<QPushButton *>(QString::fromLatin1(name))->isEnabled());
    QVERIFY(selectRow(*pane, u"Sam Student"_s));
    QVERIFY(!pane->findChild<QPushButton *>(u"unenrollButton"_s)->isEnabled());
    QVERIFY(!pane->findChild<QToolButton *>(u"changeRoleButton"_s)->isEnabled());
    QVERIFY(pane->findChild<QPushButton *>(u"enrollButton"_s)->toolTip().contains(u"Connect"_s));

    // Another pane (the app started offline) shows the copy it kept, with its date.
    auto again = openPane(m_course);
    QVERIFY(again->isOffline());
    QCOMPARE(again->model()->rowCount(), rows);
    QCOMPARE(cell(*again, u"Sam Student"_s, ClassListModel::ProgressColumn),
             cell(*pane, u"Sam Student"_s, ClassListModel::ProgressColumn));
    QVERIFY(again->noteText().startsWith(u"Class list as of "_s));
    // A course never opened before has no copy: said so, nothing invented.
    auto never = openPane(u"01a20000-0000-7000-8000-00000000dead"_s);
    QCOMPARE(never->model()->rowCount(), 0);
    QVERIFY(never->findChild<QLabel *>(u"classListEmpty"_s)->text().contains(u"no copy"_s));

    // Back online: the list is read again and the actions come back.
    QVERIFY(m_server.start());
    QTest::mouseClick(pane->findChild<QToolButton *>(u"refreshButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isOffline(), serverTimeout);
    QVERIFY(pane->noteText().isEmpty());
    QVERIFY(pane->findChild<QPushButton *>(u"enrollButton"_s)->isEnabled());
}

QTEST_MAIN(tst_ClassList)
#include "tst_classlist.moc"
