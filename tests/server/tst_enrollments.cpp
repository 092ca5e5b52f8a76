#include "httpclient.h"
#include "storage/transaction.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <lectern/uuidv7.h>
#include <memory>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;

// Enrollments and cohorts over real HTTP: the class list, idempotent enrollment, dropping, the seat
// limit with its waitlist (the oldest moves up), the enrollment window, cohorts that enroll their
// members (also those who join later), organisations that never see each other, who may do what
// (endpoint × role), what a student sees because of an enrollment, and the change log behind it
// all.
class TestEnrollments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void enrollAndClassList();
    void classListFiltersAndSorts_data();
    void classListFiltersAndSorts();
    void reenrollIsIdempotent();
    void clientMadeIdIsIdempotent();
    void unenrollDropsAndKeepsTheRow();
    void waitlistAndPromotion();
    void raisingTheLimitPromotesTheWaitlist();
    void updateRespectsSeats();
    void waitlistKeepsItsOrder();
    void waitlistOnlyWhenFull_data();
    void waitlistOnlyWhenFull();
    void updateFollowsEnrollRules_data();
    void updateFollowsEnrollRules();
    void reenrollKeepsTheRole_data();
    void reenrollKeepsTheRole();
    void cohortRoleReachesItsMembers();
    void enrollmentWindow_data();
    void enrollmentWindow();
    void cohortEnrollsMembers();
    void cohortEnrollmentRespectsSeats();
    void crossOrganisationRefused();
    void badBodies_data();
    void badBodies();
    void enrollmentListScopes();
    void studentSeesCourseWhileEnrolled();
    void roleMatrix_data();
    void roleMatrix();
    void changeLogFollowsEveryWrite();

private:
    HttpResult call(const QString &token, const QByteArray &method, const QString &path,
                    const QJsonObject &body = {});
    bool addAccount(const QString &slug, const QString &key, const QList<Role> &roles);
    QString addPerson(const QString &name, const QString &slug = u"enroll"_s);
    // A course made by the instructor (who teaches it), with `fields` on top of code and title.
    QString makeCourse(const QJsonObject &fields = {}, bool publish = false);
    QJsonObject enroll(const QString &courseId, const QJsonObject &body, int expectedStatus = -1);
    QJsonArray classList(const QString &courseId, const QString &query = QString());
    QStringList changeLog(const QString &entityId);
    QString makeCohort(const QString &name);
    HttpResult putEnrollment(const QString &id, const QJsonObject &body);
    HttpResult unenroll(const QString &courseId, const QString &userId);
    // enrollments.waitlisted_at of each enrollment of the course by user id ("" for NULL).
    QHash<QString, QString> waitlistedAt(const QString &courseId);

    TestServer m_server {serverOptions()};
    std::unique_ptr<HttpClient> m_http;
    int m_counter = 0;
    QHash<QString, QString> m_tokens; // admin, instructor, ta, student, stranger, outsider
    QHash<QString, QString> m_ids;    // the same, plus outsiderStudent
    QString m_matrixCourse;
    QString m_matrixTarget; // enrolled in the matrix course by initTestCase
    QString m_matrixCohort;

    static TestServer::Options serverOptions()
    {
        TestServer::Options options;
        options.demo = false;
        return options;
    }
};

namespace {
const QString password = u"enroll-password"_s;

QStringList valuesOf(const QJsonArray &items, const QString &name)
{
    QStringList values;
    for (const QJsonValue &item : items)
        values.append(item.toObject().value(name).toString());
    return values;
}

QJsonObject byUser(const QJsonArray &items, const QString &userId)
{
    for (const QJsonValue &item : items) {
        if (item.toObject().value(u"userId").toString() == userId)
            return item.toObject();
    }
    return {};
}

QString typeOf(const QJsonArray &items, const QString &userId)
{
    const QJsonObject e = byUser(items, userId);
    return e.isEmpty() ? u"none"_s
                       : e.value(u"status").toString() + u'/' + e.value(u"type").toString();
}
} // namespace

HttpResult TestEnrollments::call(const QString &token, const QByteArray &method,
                                 const QString &path, const QJsonObject &body)
{
    m_http->setToken(token);
    const bool hasBody = method != "GET" && method != "DELETE";
    return m_http->send(
        method, path, hasBody ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray());
}

bool TestEnrollments::addAccount(const QString &slug, const QString &key, const QList<Role> &roles)
{
    const QString email = key + u'@' + slug + u".example"_s;
    auto user = m_server.server().users().createInOrganization(slug, email, u"Account "_s + key,
                                                               roles, password);
    if (!user) {
        qWarning().noquote() << "cannot add" << email << user.error().message;
        return false;
    }
    HttpClient client(m_server.url());
    const HttpResult login = client.login(email, password);
    if (login.status != 200) {
        qWarning().noquote() << "cannot log in" << email << login.status << login.body;
        return false;
    }
    m_ids.insert(key, user->id);
    m_tokens.insert(key, client.token());
    return true;
}

QString TestEnrollments::addPerson(const QString &name, const QString &slug)
{
    auto user = m_server.server().users().createInOrganization(
        slug, u"person%1@people.example"_s.arg(++m_counter), name, {Role::Student}, QString());
    if (!user) {
        qWarning().noquote() << "cannot add" << name << user.error().message;
        return QString();
    }
    return user->id;
}

QString TestEnrollments::makeCourse(const QJsonObject &fields, bool publish)
{
    QJsonObject body = fields;
    body.insert(u"code"_s, u"C%1"_s.arg(++m_counter));
    if (!body.contains(u"title"))
        body.insert(u"title"_s, u"Course %1"_s.arg(m_counter));
    const HttpResult made = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses"_s, body);
    if (made.status != 201) {
        qWarning().noquote() << "cannot make a course" << made.status << made.body;
        return QString();
    }
    const QString id = made.data().toObject().value(u"id").toString();
    if (publish) {
        const HttpResult published
            = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/"_s + id + u"/publish"_s);
        if (published.status != 200)
            qWarning().noquote() << "cannot publish" << published.status << published.body;
    }
    return id;
}

QJsonObject TestEnrollments::enroll(const QString &courseId, const QJsonObject &body,
                                    int expectedStatus)
{
    const HttpResult r = call(m_tokens[u"instructor"_s], "POST",
                              u"/api/v1/courses/"_s + courseId + u"/enroll"_s, body);
    if ((expectedStatus < 0 && r.status != 200 && r.status != 201)
        || (expectedStatus >= 0 && r.status != expectedStatus))
        qWarning().noquote() << "enroll answered" << r.status << r.body;
    QJsonObject out = r.json;
    out.insert(u"status"_s, r.status);
    return out;
}

QJsonArray TestEnrollments::classList(const QString &courseId, const QString &query)
{
    const HttpResult r = call(m_tokens[u"instructor"_s], "GET",
                              u"/api/v1/courses/"_s + courseId + u"/students?limit=100"_s
                                  + (query.isEmpty() ? QString() : u"&"_s + query));
    if (r.status != 200)
        qWarning().noquote() << "class list answered" << r.status << r.body;
    return r.data().toArray();
}

QString TestEnrollments::makeCohort(const QString &name)
{
    const HttpResult r
        = call(m_tokens[u"admin"_s], "POST", u"/api/v1/cohorts"_s, {{u"name"_s, name}});
    if (r.status != 201)
        qWarning().noquote() << "cannot make a cohort" << r.status << r.body;
    return r.data().toObject().value(u"id").toString();
}

HttpResult TestEnrollments::putEnrollment(const QString &id, const QJsonObject &body)
{
    return call(m_tokens[u"instructor"_s], "PUT", u"/api/v1/enrollments/"_s + id, body);
}

HttpResult TestEnrollments::unenroll(const QString &courseId, const QString &userId)
{
    return call(m_tokens[u"instructor"_s], "POST",
                u"/api/v1/courses/"_s + courseId + u"/unenroll"_s, {{u"userId"_s, userId}});
}

QHash<QString, QString> TestEnrollments::waitlistedAt(const QString &courseId)
{
    QHash<QString, QString> values;
    Server::Transaction tx(m_server.server().context().db(), Server::Transaction::Read);
    if (!tx.isOk())
        return values;
    auto q = tx.query(u"SELECT user_id, waitlisted_at FROM enrollments"
                      " WHERE course_id = :course AND deleted = 0"_s);
    q.bind(u":course"_s, courseId);
    if (auto r = q.exec(); !r) {
        qWarning().noquote() << r.error().message;
        return values;
    }
    while (q.next())
        values.insert(q.text(0), q.value(1).isNull() ? QString() : q.text(1));
    return values;
}

QStringList TestEnrollments::changeLog(const QString &entityId)
{
    QStringList lines;
    Server::Transaction tx(m_server.server().context().db(), Server::Transaction::Read);
    if (!tx.isOk())
        return {tx.error().message};
    auto q = tx.query(u"SELECT entity, rev, deleted FROM change_log WHERE entity_id = :id"
                      " ORDER BY seq"_s);
    q.bind(u":id"_s, entityId);
    if (auto r = q.exec(); !r)
        return {r.error().message};
    while (q.next())
        lines.append(q.text(0) + u" r"_s + QString::number(q.int64(1))
                     + (q.boolean(2) ? u" deleted"_s : QString()));
    return lines;
}

void TestEnrollments::initTestCase()
{
    LECTERN_START_SERVER(m_server);
    m_http = std::make_unique<HttpClient>(m_server.url());
    auto &organizations = m_server.server().organizations();
    QVERIFY(organizations.create(u"Enroll"_s, u"enroll"_s));
    QVERIFY(organizations.create(u"Elsewhere"_s, u"elsewhere"_s));
    QVERIFY(addAccount(u"enroll"_s, u"admin"_s, {Role::Admin}));
    QVERIFY(addAccount(u"enroll"_s, u"instructor"_s, {Role::Instructor}));
    QVERIFY(addAccount(u"enroll"_s, u"ta"_s, {Role::TeachingAssistant}));
    QVERIFY(addAccount(u"enroll"_s, u"student"_s, {Role::Student}));
    QVERIFY(addAccount(u"enroll"_s, u"stranger"_s, {Role::Instructor}));
    QVERIFY(addAccount(u"elsewhere"_s, u"outsider"_s, {Role::Admin}));
    m_ids.insert(u"outsiderStudent"_s, addPerson(u"Otto Outsider"_s, u"elsewhere"_s));

    // The matrix course: taught by `instructor`, assisted by `ta`, taken by `student`.
    m_matrixCourse = makeCourse({}, true);
    QVERIFY(!m_matrixCourse.isEmpty());
    QCOMPARE(enroll(m_matrixCourse, {{u"userId"_s, m_ids[u"ta"_s]}, {u"role"_s, u"ta"_s}})
                 .value(u"status"_s)
                 .toInt(),
             201);
    QCOMPARE(
        enroll(m_matrixCourse, {{u"userId"_s, m_ids[u"student"_s]}}).value(u"status"_s).toInt(),
        201);
    m_matrixTarget = addPerson(u"Tara Target"_s);
    QCOMPARE(enroll(m_matrixCourse, {{u"userId"_s, m_matrixTarget}}).value(u"status"_s).toInt(),
             201);
    m_matrixCohort = makeCohort(u"Matrix cohort"_s);
    QVERIFY(!m_matrixCohort.isEmpty());
}

void TestEnrollments::enrollAndClassList()
{
    const QString course = makeCourse();
    const QString ann = addPerson(u"Ann Archer"_s);
    const QString bob = addPerson(u"Bob Baker"_s);
    const QString cat = addPerson(u"Cat Cooper"_s);

    const QJsonObject one = enroll(course, {{u"userId"_s, ann}});
    QCOMPARE(one.value(u"status"_s).toInt(), 201);
    const QJsonObject annEnrollment = one.value(u"data"_s).toObject();
    QCOMPARE(annEnrollment.value(u"userId"_s).toString(), ann);
    QCOMPARE(annEnrollment.value(u"courseId"_s).toString(), course);
    QCOMPARE(annEnrollment.value(u"role"_s).toString(), u"student"_s);
    QCOMPARE(annEnrollment.value(u"status"_s).toString(), u"enrolled"_s);
    QCOMPARE(annEnrollment.value(u"type"_s).toString(), u"regular"_s);
    QCOMPARE(annEnrollment.value(u"rev"_s).toInt(), 1);

    const QJsonObject many = enroll(course, {{u"userIds"_s, QJsonArray {bob, cat}}});
    QCOMPARE(many.value(u"status"_s).toInt(), 201);
    QCOMPARE(valuesOf(many.value(u"data"_s).toArray(), u"userId"_s), (QStringList {bob, cat}));

    const QJsonArray list = classList(course, u"role=student"_s);
    QCOMPARE(valuesOf(list, u"userId"_s), (QStringList {ann, bob, cat}));
    const QJsonObject annRow = byUser(list, ann);
    QCOMPARE(annRow.value(u"user"_s).toObject().value(u"name"_s).toString(), u"Ann Archer"_s);
    QVERIFY(annRow.value(u"user"_s)
                .toObject()
                .value(u"email"_s)
                .toString()
                .endsWith(u"@people.example"_s));
    // The instructor who made the course is on the list too.
    const QJsonArray everyone = classList(course);
    QCOMPARE(everyone.size(), 4);
    QCOMPARE(byUser(everyone, m_ids[u"instructor"_s]).value(u"role"_s).toString(), u"instructor"_s);
}

void TestEnrollments::classListFiltersAndSorts_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("total");

    const QString i = u"Account instructor"_s;
    QTest::newRow("default: by name")
        << QString() << QStringList {i, u"Dora Dunn"_s, u"Eli Evans"_s, u"Fay Fox"_s} << 4;
    QTest::newRow("-name") << u"sort=-name"_s
                           << QStringList {u"Fay Fox"_s, u"Eli Evans"_s, u"Dora Dunn"_s, i} << 4;
    QTest::newRow("createdAt") << u"sort=createdAt"_s
                               << QStringList {i, u"Eli Evans"_s, u"Dora Dunn"_s, u"Fay Fox"_s}
                               << 4;
    QTest::newRow("role=instructor") << u"role=instructor"_s << QStringList {i} << 1;
    QTest::newRow("status=dropped") << u"status=dropped"_s << QStringList {u"Fay Fox"_s} << 1;
    QTest::newRow("type=audit") << u"type=audit"_s << QStringList {u"Dora Dunn"_s} << 1;
    QTest::newRow("q=evans") << u"q=evans"_s << QStringList {u"Eli Evans"_s} << 1;
    QTest::newRow("q by email domain")
        << u"q=people.example"_s << QStringList {u"Dora Dunn"_s, u"Eli Evans"_s, u"Fay Fox"_s} << 3;
    QTest::newRow("limit=2 page=2")
        << u"limit=2&page=2"_s << QStringList {u"Eli Evans"_s, u"Fay Fox"_s} << 4;
}

void TestEnrollments::classListFiltersAndSorts()
{
    QFETCH(QString, query);
    QFETCH(QStringList, names);
    QFETCH(int, total);

    static QString course;
    if (course.isEmpty()) {
        course = makeCourse();
        const QString eli = addPerson(u"Eli Evans"_s);
        const QString dora = addPerson(u"Dora Dunn"_s);
        const QString fay = addPerson(u"Fay Fox"_s);
        enroll(course, {{u"userId"_s, eli}});
        enroll(course, {{u"userId"_s, dora}, {u"type"_s, u"audit"_s}});
        enroll(course, {{u"userId"_s, fay}});
        QCOMPARE(call(m_tokens[u"admin"_s], "POST", u"/api/v1/courses/"_s + course + u"/unenroll"_s,
                      {{u"userId"_s, fay}})
                     .status,
                 200);
    }
    const HttpResult r = call(m_tokens[u"admin"_s], "GET",
                              u"/api/v1/courses/"_s + course + u"/students"_s
                                  + (query.isEmpty() ? QString() : u"?"_s + query));
    QCOMPARE(r.status, 200);
    QStringList got;
    for (const QJsonValue &row : r.data().toArray())
        got.append(row.toObject().value(u"user"_s).toObject().value(u"name"_s).toString());
    QCOMPARE(got, names);
    QCOMPARE(r.json.value(u"pagination"_s).toObject().value(u"totalItems"_s).toInt(), total);
}

void TestEnrollments::reenrollIsIdempotent()
{
    const QString course = makeCourse();
    const QString person = addPerson(u"Rex Repeat"_s);
    const QJsonObject first = enroll(course, {{u"userId"_s, person}});
    QCOMPARE(first.value(u"status"_s).toInt(), 201);
    const QString id = first.value(u"data"_s).toObject().value(u"id"_s).toString();
    const QStringList logBefore = changeLog(id);

    const QJsonObject again = enroll(course, {{u"userId"_s, person}});
    QCOMPARE(again.value(u"status"_s).toInt(), 200);
    QCOMPARE(again.value(u"data"_s).toObject().value(u"id"_s).toString(), id);
    QCOMPARE(again.value(u"data"_s).toObject().value(u"rev"_s).toInt(), 1);
    QCOMPARE(changeLog(id), logBefore); // nothing was written

    // In a batch with someone new: the new one is created, the enrolled one left alone.
    const QString other = addPerson(u"Rita Repeat"_s);
    const QJsonObject batch = enroll(course, {{u"userIds"_s, QJsonArray {person, other}}});
    QCOMPARE(batch.value(u"status"_s).toInt(), 201);
    QCOMPARE(batch.value(u"data"_s).toArray().at(0).toObject().value(u"id"_s).toString(), id);
    QCOMPARE(classList(course, u"role=student"_s).size(), 2);

    // Asking for another role changes the one record.
    const QJsonObject asTa = enroll(course, {{u"userId"_s, person}, {u"role"_s, u"ta"_s}});
    QCOMPARE(asTa.value(u"status"_s).toInt(), 200);
    QCOMPARE(asTa.value(u"data"_s).toObject().value(u"id"_s).toString(), id);
    QCOMPARE(asTa.value(u"data"_s).toObject().value(u"role"_s).toString(), u"ta"_s);
    QCOMPARE(asTa.value(u"data"_s).toObject().value(u"rev"_s).toInt(), 2);
}

void TestEnrollments::clientMadeIdIsIdempotent()
{
    const QString course = makeCourse();
    const QString person = addPerson(u"Ida Offline"_s);
    const QString id = createUuidV7String();
    const QJsonObject body {{u"id"_s, id}, {u"courseId"_s, course}, {u"userId"_s, person}};
    const HttpResult first
        = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/enrollments"_s, body);
    QCOMPARE(first.status, 201);
    QCOMPARE(first.data().toObject().value(u"id"_s).toString(), id);
    const HttpResult again
        = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/enrollments"_s, body);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.data().toObject().value(u"id"_s).toString(), id);

    // The id of another record is a conflict, not a takeover.
    const QString someoneElse = addPerson(u"Ivo Other"_s);
    const HttpResult taken
        = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/enrollments"_s,
               {{u"id"_s, id}, {u"courseId"_s, course}, {u"userId"_s, someoneElse}});
    QCOMPARE(taken.status, 409);
    QCOMPARE(taken.errorCode(), u"conflict"_s);

    const HttpResult noCourse = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/enrollments"_s,
                                     {{u"userId"_s, person}});
    QCOMPARE(noCourse.status, 422);
    QVERIFY(noCourse.errorFields().contains(u"courseId"));
}

void TestEnrollments::unenrollDropsAndKeepsTheRow()
{
    const QString course = makeCourse();
    const QString person = addPerson(u"Dan Dropper"_s);
    const QString id = enroll(course, {{u"userId"_s, person}})
                           .value(u"data"_s)
                           .toObject()
                           .value(u"id"_s)
                           .toString();
    const HttpResult dropped
        = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/"_s + course + u"/unenroll"_s,
               {{u"userId"_s, person}});
    QCOMPARE(dropped.status, 200);
    QCOMPARE(dropped.data().toObject().value(u"status"_s).toString(), u"dropped"_s);
    QCOMPARE(dropped.data().toObject().value(u"id"_s).toString(), id);

    const HttpResult read = call(m_tokens[u"admin"_s], "GET", u"/api/v1/enrollments/"_s + id);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.data().toObject().value(u"status"_s).toString(), u"dropped"_s);
    QCOMPARE(read.data().toObject().value(u"deleted"_s).toBool(), false);

    // Dropping again changes nothing; re-enrolling revives the same row.
    const HttpResult again
        = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/"_s + course + u"/unenroll"_s,
               {{u"userId"_s, person}});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.data().toObject().value(u"rev"_s).toInt(), 2);
    const QJsonObject revived = enroll(course, {{u"userId"_s, person}});
    QCOMPARE(revived.value(u"status"_s).toInt(), 200);
    QCOMPARE(revived.value(u"data"_s).toObject().value(u"id"_s).toString(), id);
    QCOMPARE(revived.value(u"data"_s).toObject().value(u"status"_s).toString(), u"enrolled"_s);

    // Someone never enrolled cannot be dropped.
    const HttpResult never
        = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/"_s + course + u"/unenroll"_s,
               {{u"userId"_s, addPerson(u"Nora Never"_s)}});
    QCOMPARE(never.status, 404);

    // DELETE is a tombstone, and then the person can be enrolled afresh.
    QCOMPARE(call(m_tokens[u"instructor"_s], "DELETE", u"/api/v1/enrollments/"_s + id).status, 200);
    QCOMPARE(call(m_tokens[u"admin"_s], "GET", u"/api/v1/enrollments/"_s + id).status, 404);
    QCOMPARE(changeLog(id).last(), u"enrollment r4 deleted"_s);
    const QJsonObject fresh = enroll(course, {{u"userId"_s, person}});
    QCOMPARE(fresh.value(u"status"_s).toInt(), 201);
    QVERIFY(fresh.value(u"data"_s).toObject().value(u"id"_s).toString() != id);
}

void TestEnrollments::raisingTheLimitPromotesTheWaitlist()
{
    const QString course = makeCourse({{u"maxEnrollment"_s, 1}});
    const QString first = addPerson(u"Fay First"_s);
    const QString second = addPerson(u"Sid Second"_s);
    const QString third = addPerson(u"Tom Third"_s);
    enroll(course, {{u"userId"_s, first}});
    enroll(course, {{u"userId"_s, second}});
    enroll(course, {{u"userId"_s, third}});
    QCOMPARE(typeOf(classList(course, u"role=student"_s), second), u"enrolled/waitlist"_s);

    const HttpResult raised = call(m_tokens[u"instructor"_s], "PUT", u"/api/v1/courses/"_s + course,
                                   {{u"maxEnrollment"_s, 2}});
    QCOMPARE(raised.status, 200);
    const QJsonArray list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, second), u"enrolled/regular"_s); // the longest waiting moves up
    QCOMPARE(typeOf(list, third), u"enrolled/waitlist"_s);
}

void TestEnrollments::waitlistAndPromotion()
{
    const QString course = makeCourse({{u"maxEnrollment"_s, 2}});
    const QString a = addPerson(u"Amy Seat"_s);
    const QString b = addPerson(u"Ben Seat"_s);
    const QString c = addPerson(u"Cleo Wait"_s);
    const QString d = addPerson(u"Dev Wait"_s);
    const QString e = addPerson(u"Eve Wait"_s);
    QCOMPARE(enroll(course, {{u"userIds"_s, QJsonArray {a, b}}}).value(u"status"_s).toInt(), 201);

    const QJsonObject waitC = enroll(course, {{u"userId"_s, c}});
    QCOMPARE(waitC.value(u"status"_s).toInt(), 201);
    QCOMPARE(waitC.value(u"data"_s).toObject().value(u"type"_s).toString(), u"waitlist"_s);
    QVERIFY(waitC.value(u"message"_s).toString().contains(u"waitlist"_s));
    QCOMPARE(enroll(course, {{u"userId"_s, d}}).value(u"data"_s).toObject().value(u"type"_s),
             u"waitlist"_s);
    QCOMPARE(enroll(course, {{u"userId"_s, e}}).value(u"data"_s).toObject().value(u"type"_s),
             u"waitlist"_s);
    // Staff never take a seat nor wait for one.
    const QJsonObject ta
        = enroll(course, {{u"userId"_s, addPerson(u"Tim Ta"_s)}, {u"role"_s, u"ta"_s}});
    QCOMPARE(ta.value(u"data"_s).toObject().value(u"type"_s).toString(), u"regular"_s);

    // A drop frees a seat: the oldest on the waitlist (c) moves up, in the same request.
    const HttpResult drop
        = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/"_s + course + u"/unenroll"_s,
               {{u"userId"_s, a}});
    QCOMPARE(drop.status, 200);
    QJsonArray list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, a), u"dropped/regular"_s);
    QCOMPARE(typeOf(list, c), u"enrolled/regular"_s);
    QCOMPARE(typeOf(list, d), u"enrolled/waitlist"_s);
    QCOMPARE(typeOf(list, e), u"enrolled/waitlist"_s);

    // A deleted enrollment frees its seat too: d is next.
    const QString bId = byUser(list, b).value(u"id"_s).toString();
    QCOMPARE(call(m_tokens[u"instructor"_s], "DELETE", u"/api/v1/enrollments/"_s + bId).status,
             200);
    list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, d), u"enrolled/regular"_s);
    QCOMPARE(typeOf(list, e), u"enrolled/waitlist"_s);

    // Completing the course frees the seat as well (PUT): e moves up.
    const QString cId = byUser(list, c).value(u"id"_s).toString();
    const HttpResult completed
        = call(m_tokens[u"instructor"_s], "PUT", u"/api/v1/enrollments/"_s + cId,
               {{u"status"_s, u"completed"_s}});
    QCOMPARE(completed.status, 200);
    list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, e), u"enrolled/regular"_s);

    // The dropped a comes back to a full course: revived onto the waitlist, same record.
    const QJsonObject back = enroll(course, {{u"userId"_s, a}});
    QCOMPARE(back.value(u"status"_s).toInt(), 200);
    QCOMPARE(back.value(u"data"_s).toObject().value(u"type"_s).toString(), u"waitlist"_s);
    QVERIFY(!back.value(u"message"_s).toString().isEmpty());
    // The instructor may override the limit.
    const QJsonObject forced
        = enroll(course, {{u"userId"_s, addPerson(u"Fred Forced"_s)}, {u"override"_s, true}});
    QCOMPARE(forced.value(u"data"_s).toObject().value(u"type"_s).toString(), u"regular"_s);
}

void TestEnrollments::updateRespectsSeats()
{
    const QString course = makeCourse({{u"maxEnrollment"_s, 1}});
    const QString a = addPerson(u"Ada One"_s);
    const QString b = addPerson(u"Bea Two"_s);
    enroll(course, {{u"userId"_s, a}});
    const QString bId
        = enroll(course, {{u"userId"_s, b}}).value(u"data"_s).toObject().value(u"id"_s).toString();
    const HttpResult full = call(m_tokens[u"instructor"_s], "PUT", u"/api/v1/enrollments/"_s + bId,
                                 {{u"type"_s, u"regular"_s}});
    QCOMPARE(full.status, 409);
    QCOMPARE(full.errorCode(), u"course_full"_s);
    const HttpResult forced
        = call(m_tokens[u"instructor"_s], "PUT", u"/api/v1/enrollments/"_s + bId,
               {{u"type"_s, u"regular"_s}, {u"override"_s, true}});
    QCOMPARE(forced.status, 200);
    QCOMPARE(forced.data().toObject().value(u"type"_s).toString(), u"regular"_s);

    // The record as read can be sent back; fixed fields cannot change.
    QJsonObject record = forced.data().toObject();
    record.insert(u"role"_s, u"ta"_s);
    const HttpResult putBack
        = call(m_tokens[u"instructor"_s], "PUT", u"/api/v1/enrollments/"_s + bId, record);
    QCOMPARE(putBack.status, 200);
    QCOMPARE(putBack.data().toObject().value(u"role"_s).toString(), u"ta"_s);
    const HttpResult moved = call(m_tokens[u"instructor"_s], "PUT", u"/api/v1/enrollments/"_s + bId,
                                  {{u"courseId"_s, m_matrixCourse}, {u"status"_s, u"nope"_s}});
    QCOMPARE(moved.status, 422);
    QVERIFY(moved.errorFields().contains(u"courseId"));
    QVERIFY(moved.errorFields().contains(u"status"));
}

void TestEnrollments::waitlistKeepsItsOrder()
{
    const QString course = makeCourse({{u"maxEnrollment"_s, 1}});
    const QString a = addPerson(u"Ora Seated"_s);
    const QString b = addPerson(u"Ola First"_s);
    const QString c = addPerson(u"Oli Second"_s);
    const QString d = addPerson(u"Oda Third"_s);
    enroll(course, {{u"userId"_s, a}});
    const QString bId
        = enroll(course, {{u"userId"_s, b}}).value(u"data"_s).toObject().value(u"id"_s).toString();
    enroll(course, {{u"userId"_s, c}});
    enroll(course, {{u"userId"_s, d}});
    QJsonArray list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, b), u"enrolled/waitlist"_s);
    QCOMPARE(typeOf(list, d), u"enrolled/waitlist"_s);
    const QHash<QString, QString> places = waitlistedAt(course);

    // Edits of b after c and d joined (the record sent back, a repeated enroll) keep b first.
    QJsonObject record = byUser(list, b);
    QCOMPARE(putEnrollment(bId, record).status, 200);
    QCOMPARE(putEnrollment(bId, {{u"type"_s, u"waitlist"_s}}).status, 200);
    QCOMPARE(enroll(course, {{u"userId"_s, b}, {u"type"_s, u"waitlist"_s}})
                 .value(u"data"_s)
                 .toObject()
                 .value(u"type"_s)
                 .toString(),
             u"waitlist"_s);
    const QHash<QString, QString> edited = waitlistedAt(course);
    QCOMPARE(unenroll(course, a).status, 200);
    list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, b), u"enrolled/regular"_s);
    QCOMPARE(typeOf(list, c), u"enrolled/waitlist"_s);

    // Behind it: the server keeps when each joined the waitlist, and only while they wait.
    QVERIFY(places.value(a).isEmpty());
    QVERIFY(!places.value(b).isEmpty());
    QVERIFY(places.value(b).toLongLong() < places.value(c).toLongLong());
    QVERIFY(places.value(c).toLongLong() < places.value(d).toLongLong());
    QCOMPARE(edited.value(b), places.value(b));
    QVERIFY(waitlistedAt(course).value(b).isEmpty()); // seated: out of the queue

    // Leaving the waitlist forgets the place: c drops and comes back behind d.
    QCOMPARE(unenroll(course, c).status, 200);
    QVERIFY(waitlistedAt(course).value(c).isEmpty());
    QCOMPARE(enroll(course, {{u"userId"_s, c}}).value(u"data"_s).toObject().value(u"type"_s),
             u"waitlist"_s);
    QCOMPARE(unenroll(course, b).status, 200);
    list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, d), u"enrolled/regular"_s);
    QCOMPARE(typeOf(list, c), u"enrolled/waitlist"_s);
}

void TestEnrollments::waitlistOnlyWhenFull_data()
{
    QTest::addColumn<int>("maxEnrollment"); // -1: no limit
    QTest::addColumn<int>("seated");        // other students holding a seat
    QTest::addColumn<int>("waiting");       // other students on the waitlist
    QTest::addColumn<QString>("start");     // "new", or the subject's type before the request
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("writes"); // the subject's change log entries from this request
    QTest::addColumn<int>("othersPromoted");

    const QJsonObject wait {{u"type"_s, u"waitlist"_s}};
    const QJsonObject forcedWait {{u"type"_s, u"waitlist"_s}, {u"override"_s, true}};
    const QByteArray post = "POST";
    const QByteArray put = "PUT";
    // A seat free: asking for the waitlist enrolls, in one write (no detour through the waitlist).
    QTest::newRow("new, seat free")
        << 2 << 1 << 0 << u"new"_s << post << wait << u"regular"_s << 1 << 0;
    QTest::newRow("new, no limit")
        << -1 << 1 << 0 << u"new"_s << post << wait << u"regular"_s << 1 << 0;
    QTest::newRow("new, full") << 1 << 1 << 0 << u"new"_s << post << wait << u"waitlist"_s << 1
                               << 0;
    QTest::newRow("new, full, override")
        << 1 << 1 << 0 << u"new"_s << post << forcedWait << u"regular"_s << 1 << 0;
    QTest::newRow("seated, seat free: nothing written")
        << 3 << 1 << 0 << u"regular"_s << post << wait << u"regular"_s << 0 << 0;
    QTest::newRow("auditor, seat free: keeps the audit seat")
        << 3 << 1 << 0 << u"audit"_s << post << wait << u"audit"_s << 0 << 0;
    QTest::newRow("PUT seated, seat free")
        << 3 << 1 << 0 << u"regular"_s << put << wait << u"regular"_s << 1 << 0;
    // Full with someone waiting: the seat holder goes to the back, the waiting one moves up.
    QTest::newRow("PUT seated, full, one waiting")
        << 2 << 1 << 1 << u"regular"_s << put << wait << u"waitlist"_s << 1 << 1;
    QTest::newRow("seated, full, one waiting")
        << 2 << 1 << 1 << u"regular"_s << post << wait << u"waitlist"_s << 1 << 1;
}

void TestEnrollments::waitlistOnlyWhenFull()
{
    QFETCH(int, maxEnrollment);
    QFETCH(int, seated);
    QFETCH(int, waiting);
    QFETCH(QString, start);
    QFETCH(QByteArray, method);
    QFETCH(QJsonObject, body);
    QFETCH(QString, type);
    QFETCH(int, writes);
    QFETCH(int, othersPromoted);

    const QString course = makeCourse(
        maxEnrollment < 0 ? QJsonObject() : QJsonObject {{u"maxEnrollment"_s, maxEnrollment}});
    const QString subject = addPerson(u"Wes Waiting"_s);
    QString id;
    if (start != u"new") {
        const QJsonObject made
            = enroll(course, {{u"userId"_s, subject}, {u"type"_s, start}, {u"override"_s, true}});
        id = made.value(u"data"_s).toObject().value(u"id"_s).toString();
        QCOMPARE(made.value(u"data"_s).toObject().value(u"type"_s).toString(), start);
    }
    QStringList others;
    for (int i = 0; i < seated + waiting; ++i) {
        others.append(addPerson(u"Other %1"_s.arg(i)));
        const QJsonObject made
            = enroll(course, {{u"userId"_s, others.last()}, {u"override"_s, i < seated}});
        QCOMPARE(made.value(u"data"_s).toObject().value(u"type"_s).toString(),
                 i < seated ? u"regular"_s : u"waitlist"_s);
    }
    const qsizetype logBefore = id.isEmpty() ? 0 : changeLog(id).size();

    QJsonObject answer;
    if (method == "PUT") {
        const HttpResult r = putEnrollment(id, body);
        QCOMPARE(r.status, 200);
        answer = r.data().toObject();
    } else {
        QJsonObject request = body;
        request.insert(u"userId"_s, subject);
        const QJsonObject r = enroll(course, request);
        QCOMPARE(r.value(u"status"_s).toInt(), start == u"new" ? 201 : 200);
        answer = r.value(u"data"_s).toObject();
        QCOMPARE(r.value(u"message"_s).toString().isEmpty(), type != u"waitlist");
    }
    QCOMPARE(answer.value(u"type"_s).toString(), type);
    id = answer.value(u"id"_s).toString();
    QCOMPARE(changeLog(id).size() - logBefore, writes);
    const QJsonArray list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, subject), u"enrolled/"_s + type);
    int promoted = 0;
    for (qsizetype i = seated; i < others.size(); ++i)
        promoted += typeOf(list, others[i]) == u"enrolled/regular" ? 1 : 0;
    QCOMPARE(promoted, othersPromoted);
}

void TestEnrollments::updateFollowsEnrollRules_data()
{
    QTest::addColumn<QJsonObject>("courseFields");
    QTest::addColumn<QString>("start"); // role/status of the enrollment before the PUT
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("after"); // role/status/type when it answers 200

    const QJsonObject closed {{u"enrollmentClosesAt"_s, u"2020-01-01T00:00:00Z"_s}};
    const QJsonObject notYet {{u"enrollmentOpensAt"_s, u"2999-01-01T00:00:00Z"_s}};
    const QJsonObject open {{u"enrollmentOpensAt"_s, u"2020-01-01T00:00:00Z"_s}};
    const QJsonObject full {{u"maxEnrollment"_s, 1}}; // taken by someone else
    const QJsonObject back {{u"status"_s, u"enrolled"_s}};
    const QJsonObject backForced {{u"status"_s, u"enrolled"_s}, {u"override"_s, true}};
    const QString closedCode = u"enrollment_closed"_s;

    QTest::newRow("dropped back, window closed")
        << closed << u"student/dropped"_s << back << 409 << closedCode << QString();
    QTest::newRow("dropped back, not open yet")
        << notYet << u"student/dropped"_s << back << 409 << closedCode << QString();
    QTest::newRow("completed back, window closed")
        << closed << u"student/completed"_s << back << 409 << closedCode << QString();
    QTest::newRow("TA made a student, window closed")
        << closed << u"ta/enrolled"_s << QJsonObject {{u"role"_s, u"student"_s}} << 409
        << closedCode << QString();
    QTest::newRow("dropped back, window closed, override")
        << closed << u"student/dropped"_s << backForced << 200 << QString()
        << u"student/enrolled/regular"_s;
    QTest::newRow("dropped back, window open") << open << u"student/dropped"_s << back << 200
                                               << QString() << u"student/enrolled/regular"_s;
    QTest::newRow("dropped TA back, window closed: staff are not limited")
        << closed << u"ta/dropped"_s << back << 200 << QString() << u"ta/enrolled/regular"_s;
    QTest::newRow("enrolled student changed, window closed")
        << closed << u"student/enrolled"_s << QJsonObject {{u"type"_s, u"audit"_s}} << 200
        << QString() << u"student/enrolled/audit"_s;
    QTest::newRow("dropping, window closed")
        << closed << u"student/enrolled"_s << QJsonObject {{u"status"_s, u"dropped"_s}} << 200
        << QString() << u"student/dropped/regular"_s;
    // Seats were already enforced by PUT; the rows keep it so.
    QTest::newRow("dropped back, full")
        << full << u"student/dropped"_s << back << 409 << u"course_full"_s << QString();
    QTest::newRow("dropped back, full, override")
        << full << u"student/dropped"_s << backForced << 200 << QString()
        << u"student/enrolled/regular"_s;
    QTest::newRow("dropped back onto the waitlist, full")
        << full << u"student/dropped"_s
        << QJsonObject {{u"status"_s, u"enrolled"_s}, {u"type"_s, u"waitlist"_s}} << 200
        << QString() << u"student/enrolled/waitlist"_s;
}

void TestEnrollments::updateFollowsEnrollRules()
{
    QFETCH(QJsonObject, courseFields);
    QFETCH(QString, start);
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, after);

    const QString course = makeCourse(courseFields);
    const QString person = addPerson(u"Pete Put"_s);
    const QString role = start.section(u'/', 0, 0);
    const QString state = start.section(u'/', 1, 1);
    const QString id
        = enroll(course, {{u"userId"_s, person}, {u"role"_s, role}, {u"override"_s, true}})
              .value(u"data"_s)
              .toObject()
              .value(u"id"_s)
              .toString();
    QVERIFY(!id.isEmpty());
    if (state == u"dropped")
        QCOMPARE(unenroll(course, person).status, 200);
    else if (state == u"completed")
        QCOMPARE(putEnrollment(id, {{u"status"_s, u"completed"_s}}).status, 200);
    if (courseFields.contains(u"maxEnrollment"))
        QCOMPARE(enroll(course, {{u"userId"_s, addPerson(u"Sue Seated"_s)}})
                     .value(u"data"_s)
                     .toObject()
                     .value(u"type"_s)
                     .toString(),
                 u"regular"_s);
    const HttpResult before = call(m_tokens[u"admin"_s], "GET", u"/api/v1/enrollments/"_s + id);

    const HttpResult r = putEnrollment(id, body);
    QVERIFY2(r.status == status, r.body.constData());
    QCOMPARE(r.errorCode(), code);
    const HttpResult read = call(m_tokens[u"admin"_s], "GET", u"/api/v1/enrollments/"_s + id);
    if (status != 200) {
        QVERIFY(!r.json.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        QCOMPARE(read.data(), before.data()); // nothing written
        return;
    }
    const QJsonObject e = read.data().toObject();
    QCOMPARE(e.value(u"role"_s).toString() + u'/' + e.value(u"status"_s).toString() + u'/'
                 + e.value(u"type"_s).toString(),
             after);
}

void TestEnrollments::reenrollKeepsTheRole_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QJsonObject>("courseFields");
    QTest::addColumn<QJsonObject>("again"); // the second enroll request, without userId
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("after");

    const QJsonObject closed {{u"enrollmentClosesAt"_s, u"2020-01-01T00:00:00Z"_s}};
    const QJsonObject student {{u"role"_s, u"student"_s}};
    QTest::newRow("dropped TA") << u"ta"_s << QJsonObject() << QJsonObject() << 200 << u"ta"_s;
    QTest::newRow("dropped instructor")
        << u"instructor"_s << QJsonObject() << QJsonObject() << 200 << u"instructor"_s;
    QTest::newRow("dropped TA, window closed")
        << u"ta"_s << closed << QJsonObject() << 200 << u"ta"_s;
    QTest::newRow("dropped TA, as a student")
        << u"ta"_s << QJsonObject() << student << 200 << u"student"_s;
    QTest::newRow("dropped TA, as a student, window closed")
        << u"ta"_s << closed << student << 409 << QString();
    QTest::newRow("dropped student")
        << u"student"_s << QJsonObject() << QJsonObject() << 200 << u"student"_s;
}

void TestEnrollments::reenrollKeepsTheRole()
{
    QFETCH(QString, role);
    QFETCH(QJsonObject, courseFields);
    QFETCH(QJsonObject, again);
    QFETCH(int, status);
    QFETCH(QString, after);

    const QString course = makeCourse(courseFields);
    const QString person = addPerson(u"Tad Returning"_s);
    const QString id
        = enroll(course, {{u"userId"_s, person}, {u"role"_s, role}, {u"override"_s, true}})
              .value(u"data"_s)
              .toObject()
              .value(u"id"_s)
              .toString();
    QCOMPARE(unenroll(course, person).status, 200);

    QJsonObject body = again;
    body.insert(u"userId"_s, person);
    const QJsonObject r = enroll(course, body, status);
    QCOMPARE(r.value(u"status"_s).toInt(), status);
    const QJsonObject e = byUser(classList(course), person);
    QCOMPARE(e.value(u"id"_s).toString(), id); // the same record, back
    if (status == 200) {
        QCOMPARE(e.value(u"role"_s).toString(), after);
        QCOMPARE(e.value(u"status"_s).toString(), u"enrolled"_s);
    } else {
        QCOMPARE(e.value(u"status"_s).toString(), u"dropped"_s);
    }
}

void TestEnrollments::cohortRoleReachesItsMembers()
{
    const QString cohort = makeCohort(u"Tutors"_s);
    const QString other = makeCohort(u"Tutors, other group"_s);
    const QString m1 = addPerson(u"Tia Tutor"_s);
    const QString m2 = addPerson(u"Tod Tutor"_s);
    const QString direct = addPerson(u"Dee Direct"_s);
    const QString elsewhere = addPerson(u"Eve Elsewhere"_s);
    QCOMPARE(call(m_tokens[u"admin"_s], "POST", u"/api/v1/cohorts/"_s + cohort + u"/members"_s,
                  {{u"userIds"_s, QJsonArray {m1, m2, direct, elsewhere}}})
                 .status,
             200);
    QCOMPARE(call(m_tokens[u"admin"_s], "POST", u"/api/v1/cohorts/"_s + other + u"/members"_s,
                  {{u"userIds"_s, QJsonArray {elsewhere}}})
                 .status,
             200);
    const QString course = makeCourse({{u"maxEnrollment"_s, 3}});
    enroll(course, {{u"userId"_s, direct}});
    enroll(course, {{u"cohortId"_s, other}});
    QCOMPARE(enroll(course, {{u"cohortId"_s, cohort}}).value(u"status"_s).toInt(), 201);
    const auto roles = [&] {
        const QJsonArray list = classList(course);
        QStringList out;
        for (const QString &who : {m1, m2, direct, elsewhere}) {
            const QJsonObject e = byUser(list, who);
            out.append(e.value(u"role"_s).toString() + u'/' + e.value(u"type"_s).toString());
        }
        return out;
    };
    // Three seats: direct, elsewhere and m1; m2 waits.
    QCOMPARE(roles(),
             (QStringList {u"student/regular"_s, u"student/waitlist"_s, u"student/regular"_s,
                           u"student/regular"_s}));

    // The cohort's new role reaches the members it enrolled, not the others.
    const QJsonObject asTa = enroll(course, {{u"cohortId"_s, cohort}, {u"role"_s, u"ta"_s}});
    QCOMPARE(asTa.value(u"status"_s).toInt(), 200);
    QCOMPARE(roles(),
             (QStringList {u"ta/regular"_s, u"ta/regular"_s, u"student/regular"_s,
                           u"student/regular"_s}));
    const HttpResult read = call(m_tokens[u"admin"_s], "GET", u"/api/v1/cohorts/"_s + cohort);
    QCOMPARE(
        read.data().toObject().value(u"courses"_s).toArray().first().toObject().value(u"role"_s),
        u"ta"_s);

    // Enrolled again without a role, the cohort keeps its role (and so do its members).
    QCOMPARE(enroll(course, {{u"cohortId"_s, cohort}}).value(u"status"_s).toInt(), 200);
    QCOMPARE(roles()[0], u"ta/regular"_s);

    // Back to students: seats count again, in member order; one seat is left for two.
    QCOMPARE(enroll(course, {{u"cohortId"_s, cohort}, {u"role"_s, u"student"_s}})
                 .value(u"status"_s)
                 .toInt(),
             200);
    QCOMPARE(roles(),
             (QStringList {u"student/regular"_s, u"student/waitlist"_s, u"student/regular"_s,
                           u"student/regular"_s}));
}

void TestEnrollments::enrollmentWindow_data()
{
    QTest::addColumn<QJsonObject>("window");
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QJsonObject closed {{u"enrollmentClosesAt"_s, u"2020-01-01T00:00:00Z"_s}};
    const QJsonObject notYet {{u"enrollmentOpensAt"_s, u"2999-01-01T00:00:00Z"_s}};
    const QJsonObject open {{u"enrollmentOpensAt"_s, u"2020-01-01T00:00:00Z"_s},
                            {u"enrollmentClosesAt"_s, u"2999-01-01T00:00:00Z"_s}};
    const QJsonObject student;
    const QJsonObject forced {{u"override"_s, true}};
    const QJsonObject asTa {{u"role"_s, u"ta"_s}};

    QTest::newRow("closed") << closed << student << 409 << u"enrollment_closed"_s;
    QTest::newRow("not open yet") << notYet << student << 409 << u"enrollment_closed"_s;
    QTest::newRow("open") << open << student << 201 << QString();
    QTest::newRow("no window") << QJsonObject() << student << 201 << QString();
    QTest::newRow("closed, override") << closed << forced << 201 << QString();
    QTest::newRow("closed, staff") << closed << asTa << 201 << QString();
}

void TestEnrollments::enrollmentWindow()
{
    QFETCH(QJsonObject, window);
    QFETCH(QJsonObject, request);
    QFETCH(int, status);
    QFETCH(QString, code);

    const QString course = makeCourse(window);
    QJsonObject body = request;
    body.insert(u"userId"_s, addPerson(u"Win Dow"_s));
    const HttpResult r = call(m_tokens[u"instructor"_s], "POST",
                              u"/api/v1/courses/"_s + course + u"/enroll"_s, body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), code);
    if (status == 409) {
        QVERIFY(!r.json.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        QCOMPARE(classList(course, u"role=student"_s).size(), 0);
    }
}

void TestEnrollments::cohortEnrollsMembers()
{
    const QString cohort = makeCohort(u"Year 1"_s);
    const QString m1 = addPerson(u"Mia Member"_s);
    const QString m2 = addPerson(u"Max Member"_s);
    const QString direct = addPerson(u"Dina Direct"_s);
    const QString later = addPerson(u"Leo Later"_s);
    const QString members = u"/api/v1/cohorts/"_s + cohort + u"/members"_s;
    HttpResult r = call(m_tokens[u"admin"_s], "POST", members,
                        {{u"userIds"_s, QJsonArray {m1, m2, direct}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().toObject().value(u"added"_s).toArray().size(), 3);

    const QString course = makeCourse();
    QCOMPARE(enroll(course, {{u"userId"_s, direct}}).value(u"status"_s).toInt(), 201);
    const QJsonObject byCohort = enroll(course, {{u"cohortId"_s, cohort}});
    QCOMPARE(byCohort.value(u"status"_s).toInt(), 201);
    QCOMPARE(byCohort.value(u"data"_s).toArray().size(), 3);
    QJsonArray list = classList(course, u"role=student"_s);
    QCOMPARE(byUser(list, m1).value(u"cohortId"_s).toString(), cohort);
    QCOMPARE(byUser(list, m2).value(u"cohortId"_s).toString(), cohort);
    QVERIFY(byUser(list, direct).value(u"cohortId"_s).isNull()); // enrolled directly first

    // The cohort knows its course; members are listed with their names.
    r = call(m_tokens[u"instructor"_s], "GET", u"/api/v1/cohorts/"_s + cohort);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().toObject().value(u"memberCount"_s).toInt(), 3);
    QCOMPARE(
        r.data().toObject().value(u"courses"_s).toArray().first().toObject().value(u"courseId"_s),
        course);
    r = call(m_tokens[u"instructor"_s], "GET", members);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().toArray().first().toObject().value(u"user"_s).toObject().value(u"name"_s),
             u"Dina Direct"_s);

    // Joining later enrolls in the same request.
    r = call(m_tokens[u"admin"_s], "POST", members, {{u"userIds"_s, QJsonArray {later}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().toObject().value(u"enrollments"_s).toArray().size(), 1);
    list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, later), u"enrolled/regular"_s);
    QCOMPARE(byUser(list, later).value(u"cohortId"_s).toString(), cohort);
    // Adding a member twice changes nothing.
    r = call(m_tokens[u"admin"_s], "POST", members, {{u"userIds"_s, QJsonArray {later}}});
    QCOMPARE(r.data().toObject().value(u"unchanged"_s).toArray(), QJsonArray {later});

    // Leaving drops what the cohort gave, not a direct enrollment.
    r = call(m_tokens[u"admin"_s], "POST", members, {{u"remove"_s, QJsonArray {m1, direct}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().toObject().value(u"removed"_s).toArray().size(), 2);
    list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, m1), u"dropped/regular"_s);
    QCOMPARE(typeOf(list, direct), u"enrolled/regular"_s);
    QCOMPARE(typeOf(list, m2), u"enrolled/regular"_s);

    // In two cohorts of the same course: leaving one keeps the enrollment, now the other's.
    const QString second = makeCohort(u"Year 1, group B"_s);
    QCOMPARE(call(m_tokens[u"admin"_s], "POST", u"/api/v1/cohorts/"_s + second + u"/members"_s,
                  {{u"userIds"_s, QJsonArray {m2}}})
                 .status,
             200);
    QCOMPARE(enroll(course, {{u"cohortId"_s, second}}).value(u"status"_s).toInt(), 201);
    r = call(m_tokens[u"admin"_s], "POST", members, {{u"remove"_s, QJsonArray {m2}}});
    list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, m2), u"enrolled/regular"_s);
    QCOMPARE(byUser(list, m2).value(u"cohortId"_s).toString(), second);

    // Unenrolling the cohort drops the rest of what it gave.
    r = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/"_s + course + u"/unenroll"_s,
             {{u"cohortId"_s, cohort}});
    QCOMPARE(r.status, 200);
    list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, later), u"dropped/regular"_s);
    QCOMPARE(typeOf(list, m2), u"enrolled/regular"_s);

    // Deleting a cohort keeps its enrollments, as direct ones.
    QCOMPARE(call(m_tokens[u"admin"_s], "DELETE", u"/api/v1/cohorts/"_s + second).status, 200);
    QCOMPARE(call(m_tokens[u"admin"_s], "GET", u"/api/v1/cohorts/"_s + second).status, 404);
    list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, m2), u"enrolled/regular"_s);
    QVERIFY(byUser(list, m2).value(u"cohortId"_s).isNull());
}

void TestEnrollments::cohortEnrollmentRespectsSeats()
{
    const QString course = makeCourse({{u"maxEnrollment"_s, 2}});
    const QString cohort = makeCohort(u"Big group"_s);
    const QString p1 = addPerson(u"Pat One"_s);
    const QString p2 = addPerson(u"Pat Two"_s);
    const QString p3 = addPerson(u"Pat Three"_s);
    const QString p4 = addPerson(u"Pat Four"_s);
    const QString members = u"/api/v1/cohorts/"_s + cohort + u"/members"_s;
    QCOMPARE(call(m_tokens[u"admin"_s], "POST", members, {{u"userIds"_s, QJsonArray {p1, p2, p3}}})
                 .status,
             200);
    const QJsonObject r = enroll(course, {{u"cohortId"_s, cohort}});
    QCOMPARE(r.value(u"status"_s).toInt(), 201);
    QVERIFY(r.value(u"message"_s).toString().contains(u"waitlist"_s));
    QJsonArray list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, p1), u"enrolled/regular"_s);
    QCOMPARE(typeOf(list, p2), u"enrolled/regular"_s);
    QCOMPARE(typeOf(list, p3), u"enrolled/waitlist"_s);

    // A later member waits behind p3; when p1 leaves the cohort, p3 (not p4) moves up.
    QCOMPARE(call(m_tokens[u"admin"_s], "POST", members, {{u"userIds"_s, QJsonArray {p4}}}).status,
             200);
    QCOMPARE(typeOf(classList(course, u"role=student"_s), p4), u"enrolled/waitlist"_s);
    QCOMPARE(call(m_tokens[u"admin"_s], "POST", members, {{u"remove"_s, QJsonArray {p1}}}).status,
             200);
    list = classList(course, u"role=student"_s);
    QCOMPARE(typeOf(list, p1), u"dropped/regular"_s);
    QCOMPARE(typeOf(list, p3), u"enrolled/regular"_s);
    QCOMPARE(typeOf(list, p4), u"enrolled/waitlist"_s);
}

void TestEnrollments::crossOrganisationRefused()
{
    const QString course = makeCourse();
    const QString outsider = m_ids[u"outsiderStudent"_s];
    const QString local = addPerson(u"Lou Local"_s);

    HttpResult r = call(m_tokens[u"instructor"_s], "POST",
                        u"/api/v1/courses/"_s + course + u"/enroll"_s, {{u"userId"_s, outsider}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorFields().value(u"userId"_s).toString(),
             u"is not a person in this organisation"_s);
    // Same words for an id nobody has: nothing tells that the other organisation exists.
    const HttpResult nobody
        = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/"_s + course + u"/enroll"_s,
               {{u"userId"_s, createUuidV7String()}});
    QCOMPARE(nobody.errorFields(), r.errorFields());

    // One bad id in a batch refuses the batch, naming the entry.
    r = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/"_s + course + u"/enroll"_s,
             {{u"userIds"_s, QJsonArray {local, outsider}}});
    QCOMPARE(r.status, 422);
    QVERIFY(r.errorFields().contains(u"userIds[1]"));
    QCOMPARE(classList(course, u"role=student"_s).size(), 0);

    r = call(m_tokens[u"admin"_s], "POST", u"/api/v1/cohorts/"_s + m_matrixCohort + u"/members"_s,
             {{u"userIds"_s, QJsonArray {outsider}}});
    QCOMPARE(r.status, 422);
    QVERIFY(r.errorFields().contains(u"userIds[0]"));

    // The other organisation's admin cannot see the course nor the cohort.
    r = call(m_tokens[u"outsider"_s], "POST", u"/api/v1/courses/"_s + course + u"/enroll"_s,
             {{u"userId"_s, outsider}});
    QCOMPARE(r.status, 404);
    r = call(m_tokens[u"outsider"_s], "GET", u"/api/v1/enrollments?courseId="_s + course);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.data().toArray().size(), 0);
    // Nor enroll a cohort of another organisation into its own course.
    r = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/"_s + course + u"/enroll"_s,
             {{u"cohortId"_s, createUuidV7String()}});
    QCOMPARE(r.status, 422);
    QVERIFY(r.errorFields().contains(u"cohortId"));
}

void TestEnrollments::badBodies_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");

    const QString enroll = u"enroll"_s;
    const QString someone = u"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"_s;
    QTest::newRow("empty") << enroll << QJsonObject() << u"userId"_s;
    QTest::newRow("not a uuid") << enroll << QJsonObject {{u"userId"_s, u"bob"_s}} << u"userId"_s;
    QTest::newRow("bad role") << enroll
                              << QJsonObject {{u"userId"_s, someone}, {u"role"_s, u"dean"_s}}
                              << u"role"_s;
    QTest::newRow("bad type") << enroll
                              << QJsonObject {{u"userId"_s, someone}, {u"type"_s, u"vip"_s}}
                              << u"type"_s;
    QTest::newRow("two targets") << enroll
                                 << QJsonObject {{u"userId"_s, someone}, {u"cohortId"_s, someone}}
                                 << u"userId"_s;
    QTest::newRow("unknown field")
        << enroll << QJsonObject {{u"userId"_s, someone}, {u"grade"_s, 1}} << u"grade"_s;
    QTest::newRow("empty list") << enroll << QJsonObject {{u"userIds"_s, QJsonArray()}}
                                << u"userIds"_s;
    QTest::newRow("override not bool")
        << enroll << QJsonObject {{u"userId"_s, someone}, {u"override"_s, u"yes"_s}}
        << u"override"_s;
    QTest::newRow("unenroll empty") << u"unenroll"_s << QJsonObject() << u"userId"_s;
    QTest::newRow("unenroll not a uuid")
        << u"unenroll"_s << QJsonObject {{u"cohortId"_s, 7}} << u"cohortId"_s;
}

void TestEnrollments::badBodies()
{
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const HttpResult r = call(m_tokens[u"instructor"_s], "POST",
                              u"/api/v1/courses/"_s + m_matrixCourse + u'/' + path, body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"validation_failed"_s);
    QVERIFY2(r.errorFields().contains(field), r.body.constData());
}

void TestEnrollments::enrollmentListScopes()
{
    const auto ids = [this](const QString &who, const QString &query) {
        const HttpResult r
            = call(m_tokens[who], "GET", u"/api/v1/enrollments?limit=100&"_s + query);
        if (r.status != 200)
            qWarning().noquote() << r.status << r.body;
        return valuesOf(r.data().toArray(), u"userId"_s);
    };
    const QString course = u"courseId="_s + m_matrixCourse;
    // Admins and the course's staff see the whole course; a student only themself.
    const QStringList everyone = ids(u"admin"_s, course);
    QVERIFY(everyone.contains(m_ids[u"student"_s]));
    QVERIFY(everyone.contains(m_matrixTarget));
    QCOMPARE(ids(u"instructor"_s, course), everyone);
    QCOMPARE(ids(u"ta"_s, course), everyone);
    QCOMPARE(ids(u"student"_s, course), QStringList {m_ids[u"student"_s]});
    for (const QString &userId : ids(u"student"_s, QString()))
        QCOMPARE(userId, m_ids[u"student"_s]);
    QCOMPARE(ids(u"stranger"_s, course), QStringList());
    QCOMPARE(ids(u"admin"_s, course + u"&role=ta"_s), QStringList {m_ids[u"ta"_s]});
    QCOMPARE(ids(u"admin"_s, course + u"&userId="_s + m_matrixTarget),
             QStringList {m_matrixTarget});

    const HttpResult bad = call(m_tokens[u"admin"_s], "GET", u"/api/v1/enrollments?status=gone"_s);
    QCOMPARE(bad.status, 422);
    QVERIFY(bad.errorFields().contains(u"status"));
    const HttpResult badId = call(m_tokens[u"admin"_s], "GET", u"/api/v1/enrollments?courseId=x"_s);
    QCOMPARE(badId.status, 422);
}

void TestEnrollments::studentSeesCourseWhileEnrolled()
{
    const QString course = makeCourse({{u"title"_s, u"Visible Through Enrollment"_s}}, true);
    QCOMPARE(call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/"_s + course + u"/modules"_s,
                  {{u"title"_s, u"Week 1"_s}, {u"published"_s, true}})
                 .status,
             201);
    const QString student = m_tokens[u"student"_s];
    const auto listed = [&] {
        const HttpResult r = call(student, "GET", u"/api/v1/courses?limit=100"_s);
        return valuesOf(r.data().toArray(), u"id"_s).contains(course);
    };
    const auto outline = [&] {
        return call(student, "GET", u"/api/v1/courses/"_s + course);
    };
    QVERIFY(!listed());
    QCOMPARE(outline().status, 404);

    QCOMPARE(enroll(course, {{u"userId"_s, m_ids[u"student"_s]}}).value(u"status"_s).toInt(), 201);
    QVERIFY(listed());
    const HttpResult seen = outline();
    QCOMPARE(seen.status, 200);
    QCOMPARE(seen.data().toObject().value(u"modules"_s).toArray().size(), 1);
    QCOMPARE(seen.data().toObject().value(u"access"_s).toString(), u"learner"_s);

    QCOMPARE(call(m_tokens[u"instructor"_s], "POST",
                  u"/api/v1/courses/"_s + course + u"/unenroll"_s,
                  {{u"userId"_s, m_ids[u"student"_s]}})
                 .status,
             200);
    QVERIFY(!listed());
    QCOMPARE(outline().status, 404);
    // Their own (dropped) enrollment stays readable to them.
    const HttpResult mine = call(student, "GET", u"/api/v1/enrollments?courseId="_s + course);
    QCOMPARE(mine.data().toArray().first().toObject().value(u"status"_s).toString(), u"dropped"_s);

    // Waitlisted is not in yet.
    QCOMPARE(call(m_tokens[u"instructor"_s], "PUT", u"/api/v1/courses/"_s + course,
                  {{u"maxEnrollment"_s, 0}})
                 .status,
             200);
    QCOMPARE(enroll(course, {{u"userId"_s, m_ids[u"student"_s]}})
                 .value(u"data"_s)
                 .toObject()
                 .value(u"type"_s)
                 .toString(),
             u"waitlist"_s);
    QVERIFY(!listed());
    QCOMPARE(outline().status, 404);
}

void TestEnrollments::roleMatrix_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>(
        "path"); // {course}, {target}, {own}, {cohort}, {fresh}, {freshCohort}
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status"); // 200 also stands for 201

    const QStringList roles
        = {u"admin"_s, u"instructor"_s, u"ta"_s, u"student"_s, u"stranger"_s, u"outsider"_s};
    struct Endpoint
    {
        const char *name;
        QByteArray method;
        QString path;
        QJsonObject body;
        QList<int> statuses; // in the order of `roles`
    };
    const QJsonObject target {{u"userId"_s, u"{targetUser}"_s}};
    const QList<Endpoint> endpoints = {
        {"class list",
         "GET",
         u"/api/v1/courses/{course}/students"_s,
         {},
         {200, 200, 200, 403, 404, 404}},
        {"enroll",
         "POST",
         u"/api/v1/courses/{course}/enroll"_s,
         target,
         {200, 200, 403, 403, 404, 404}},
        {"unenroll",
         "POST",
         u"/api/v1/courses/{course}/unenroll"_s,
         target,
         {200, 200, 403, 403, 404, 404}},
        {"create enrollment",
         "POST",
         u"/api/v1/enrollments"_s,
         {{u"courseId"_s, u"{course}"_s}, {u"userId"_s, u"{targetUser}"_s}},
         {200, 200, 403, 403, 404, 404}},
        {"list enrollments", "GET", u"/api/v1/enrollments"_s, {}, {200, 200, 200, 200, 200, 200}},
        {"read enrollment",
         "GET",
         u"/api/v1/enrollments/{target}"_s,
         {},
         {200, 200, 200, 404, 404, 404}},
        {"read own enrollment",
         "GET",
         u"/api/v1/enrollments/{own}"_s,
         {},
         {200, 200, 200, 200, 404, 404}},
        {"change enrollment",
         "PUT",
         u"/api/v1/enrollments/{target}"_s,
         {{u"type"_s, u"regular"_s}},
         {200, 200, 403, 404, 404, 404}},
        {"change own enrollment",
         "PUT",
         u"/api/v1/enrollments/{own}"_s,
         {{u"type"_s, u"regular"_s}},
         {200, 200, 403, 403, 404, 404}},
        {"delete enrollment",
         "DELETE",
         u"/api/v1/enrollments/{fresh}"_s,
         {},
         {200, 200, 403, 404, 404, 404}},
        {"list cohorts", "GET", u"/api/v1/cohorts"_s, {}, {200, 200, 200, 403, 200, 200}},
        {"create cohort",
         "POST",
         u"/api/v1/cohorts"_s,
         {{u"name"_s, u"New cohort"_s}},
         {200, 403, 403, 403, 403, 200}},
        {"read cohort", "GET", u"/api/v1/cohorts/{cohort}"_s, {}, {200, 200, 200, 404, 200, 404}},
        {"change cohort",
         "PUT",
         u"/api/v1/cohorts/{cohort}"_s,
         {{u"description"_s, u"Changed"_s}},
         {200, 403, 403, 404, 403, 404}},
        {"list members",
         "GET",
         u"/api/v1/cohorts/{cohort}/members"_s,
         {},
         {200, 200, 200, 404, 200, 404}},
        {"change members",
         "POST",
         u"/api/v1/cohorts/{cohort}/members"_s,
         {{u"userIds"_s, QJsonArray {u"{targetUser}"_s}}},
         {200, 403, 403, 404, 403, 404}},
        {"delete cohort",
         "DELETE",
         u"/api/v1/cohorts/{freshCohort}"_s,
         {},
         {200, 403, 403, 404, 403, 404}},
    };
    for (const Endpoint &e : endpoints) {
        for (qsizetype i = 0; i < roles.size(); ++i)
            QTest::addRow("%s: %s", e.name, qPrintable(roles[i]))
                << roles[i] << e.method << e.path << e.body << e.statuses[i];
    }
}

void TestEnrollments::roleMatrix()
{
    QFETCH(QString, who);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(int, status);

    const auto enrollmentOf = [this](const QString &userId) {
        const HttpResult r
            = call(m_tokens[u"admin"_s], "GET",
                   u"/api/v1/enrollments?courseId="_s + m_matrixCourse + u"&userId="_s + userId);
        return r.data().toArray().first().toObject().value(u"id"_s).toString();
    };
    QHash<QString, QString> values {{u"{course}"_s, m_matrixCourse},
                                    {u"{targetUser}"_s, m_matrixTarget},
                                    {u"{cohort}"_s, m_matrixCohort}};
    if (path.contains(u"{target}"))
        values.insert(u"{target}"_s, enrollmentOf(m_matrixTarget));
    if (path.contains(u"{own}"))
        values.insert(u"{own}"_s, enrollmentOf(m_ids[u"student"_s]));
    if (path.contains(u"{fresh}"))
        values.insert(u"{fresh}"_s,
                      enroll(m_matrixCourse, {{u"userId"_s, addPerson(u"Fresh"_s)}})
                          .value(u"data"_s)
                          .toObject()
                          .value(u"id"_s)
                          .toString());
    if (path.contains(u"{freshCohort}"))
        values.insert(u"{freshCohort}"_s, makeCohort(u"Short-lived"_s));
    QByteArray text = QJsonDocument(body).toJson(QJsonDocument::Compact);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        path.replace(it.key(), it.value());
        text.replace(it.key().toUtf8(), it.value().toUtf8());
    }
    const HttpResult r = call(m_tokens[who], method, path, QJsonDocument::fromJson(text).object());
    QVERIFY2((r.status == 201 ? 200 : r.status) == status, r.body.constData());
    if (status == 403)
        QCOMPARE(r.errorCode(), u"forbidden"_s);
    if (status == 404)
        QCOMPARE(r.errorCode(), u"not_found"_s);
}

void TestEnrollments::changeLogFollowsEveryWrite()
{
    const QString course = makeCourse({{u"maxEnrollment"_s, 1}});
    const QString a = addPerson(u"Log One"_s);
    const QString b = addPerson(u"Log Two"_s);
    const QString aId
        = enroll(course, {{u"userId"_s, a}}).value(u"data"_s).toObject().value(u"id"_s).toString();
    const QString bId
        = enroll(course, {{u"userId"_s, b}}).value(u"data"_s).toObject().value(u"id"_s).toString();
    QCOMPARE(call(m_tokens[u"instructor"_s], "POST",
                  u"/api/v1/courses/"_s + course + u"/unenroll"_s, {{u"userId"_s, a}})
                 .status,
             200);
    QCOMPARE(changeLog(aId), (QStringList {u"enrollment r1"_s, u"enrollment r2"_s}));
    // b was created on the waitlist and promoted by a's drop.
    QCOMPARE(changeLog(bId), (QStringList {u"enrollment r1"_s, u"enrollment r2"_s}));
    QCOMPARE(call(m_tokens[u"instructor"_s], "DELETE", u"/api/v1/enrollments/"_s + bId).status,
             200);
    QCOMPARE(changeLog(bId).last(), u"enrollment r3 deleted"_s);

    const QString cohort = makeCohort(u"Logged"_s);
    QCOMPARE(changeLog(cohort), QStringList {u"cohort r1"_s});
    QCOMPARE(call(m_tokens[u"admin"_s], "PUT", u"/api/v1/cohorts/"_s + cohort,
                  {{u"name"_s, u"Logged again"_s}})
                 .status,
             200);
    QCOMPARE(call(m_tokens[u"admin"_s], "POST", u"/api/v1/cohorts/"_s + cohort + u"/members"_s,
                  {{u"userIds"_s, QJsonArray {b}}})
                 .status,
             200);
    QCOMPARE(
        enroll(course, {{u"cohortId"_s, cohort}, {u"override"_s, true}}).value(u"status"_s).toInt(),
        201);
    QCOMPARE(call(m_tokens[u"admin"_s], "DELETE", u"/api/v1/cohorts/"_s + cohort).status, 200);
    QCOMPARE(changeLog(cohort),
             (QStringList {u"cohort r1"_s, u"cohort r2"_s, u"cohort r3 deleted"_s}));

    Server::Transaction tx(m_server.server().context().db(), Server::Transaction::Read);
    QVERIFY(tx.isOk());
    auto q = tx.query(u"SELECT c.entity, c.rev, c.deleted FROM change_log c"
                      " WHERE c.entity IN ('cohort_member', 'cohort_course') AND c.entity_id IN"
                      " (SELECT id FROM cohort_members WHERE cohort_id = :c"
                      "  UNION SELECT id FROM cohort_courses WHERE cohort_id = :c)"
                      " ORDER BY c.seq"_s);
    q.bind(u":c"_s, cohort);
    QVERIFY(q.exec());
    QStringList lines;
    while (q.next())
        lines.append(q.text(0) + u" r"_s + QString::number(q.int64(1))
                     + (q.boolean(2) ? u" deleted"_s : QString()));
    QCOMPARE(lines,
             (QStringList {u"cohort_member r1"_s, u"cohort_course r1"_s,
                           u"cohort_member r2 deleted"_s, u"cohort_course r2 deleted"_s}));
}

QTEST_GUILESS_MAIN(TestEnrollments)
#include "tst_enrollments.moc"
