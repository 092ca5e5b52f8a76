#include "httpclient.h"
#include "syncdevice.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <lectern/hlc.h>
#include <lectern/uuidv7.h>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;

// Learners' progress over real HTTP: events recorded offline arrive by sync push (or by REST),
// once each, for the caller only and only where they may see the item; they are never changed;
// each learner pulls their own and the course's staff pull everyone's; the summaries add up
// events from several devices as the shared Progress code does.
class TestProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void learnerAppendsBySyncPush();
    void learnerAppendsByRest();
    void restRefusesBadEvents_data();
    void restRefusesBadEvents();
    void sameIdIsOneEvent();
    void otherLearnersCannotSeeOrWrite();
    void unreleasedMaterialIsRefused();
    void courseMustBeTheItems();
    void eventsAreNeverChanged();
    void staffSeeEveryStudent();
    void devicesAddUp();
    void newStaffPullTheCoursesEvents();

private:
    HttpResult call(const QString &who, const QByteArray &method, const QString &path,
                    const QJsonObject &body = {});
    QJsonObject op(const QString &entity, const QString &id, const QString &kind,
                   const QJsonObject &values, std::optional<qint64> baseRev = std::nullopt);
    // An event's values for an append op ({"field": {"new": v}}).
    QJsonObject event(const QString &item, const QString &kind, const QDateTime &at,
                      double position = -1, qint64 seconds = 0, const QString &course = QString());
    QList<QJsonObject> push(const QString &who, const QJsonArray &ops,
                            const QString &deviceId = QString());
    QJsonObject pushOne(const QString &who, const QJsonObject &op)
    {
        return push(who, {op}).value(0);
    }
    QHash<QString, QJsonObject> pull(const QString &who, qint64 *cursor = nullptr);
    QJsonObject itemProgress(const QString &who, const QString &item);
    QJsonObject courseProgress(const QString &who, const QString &course);
    static QJsonObject rowOf(const QJsonObject &report, const QString &userId);

    // A published course of the instructor: one released module with two required lessons (a,
    // b), an optional link (c), an unpublished item, an item unlocking next year; student1 and
    // student2 enrolled.
    struct Course
    {
        QString id;
        QString module;
        QString a, b, c;
        QString draft;
        QString locked;
    };
    Course makeCourse(bool publish = true);

    TestServer m_server;
    std::unique_ptr<HttpClient> m_http;
    QHash<QString, QString> m_tokens;
    QHash<QString, QString> m_ids;
    QString m_otherAdminToken;
    std::unique_ptr<SyncDevice> m_device;
    int m_codes = 0;
    Course m_course;
};

namespace {
QDateTime at(int minute)
{
    return QDateTime(QDate(2026, 11, 21), QTime(9, minute), Qt::UTC);
}

QString rfc(const QDateTime &time)
{
    return time.toString(Qt::ISODate);
}
} // namespace

HttpResult TestProgress::call(const QString &who, const QByteArray &method, const QString &path,
                              const QJsonObject &body)
{
    m_http->setToken(m_tokens.value(who, who));
    const bool hasBody = method != "GET" && method != "DELETE";
    return m_http->send(
        method, path, hasBody ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray());
}

QJsonObject TestProgress::op(const QString &entity, const QString &id, const QString &kind,
                             const QJsonObject &values, std::optional<qint64> baseRev)
{
    return m_device->op(
        entity, id, kind,
        kind == u"update" ? SyncDevice::overwritten(values) : SyncDevice::created(values), baseRev);
}

QJsonObject TestProgress::event(const QString &item, const QString &kind, const QDateTime &when,
                                double position, qint64 seconds, const QString &course)
{
    QJsonObject values {{u"contentId"_s, item},
                        {u"courseId"_s, course.isEmpty() ? m_course.id : course},
                        {u"kind"_s, kind},
                        {u"at"_s, rfc(when)}};
    if (position >= 0)
        values.insert(u"position"_s, position);
    if (seconds > 0)
        values.insert(u"seconds"_s, seconds);
    return values;
}

QList<QJsonObject> TestProgress::push(const QString &who, const QJsonArray &ops,
                                      const QString &deviceId)
{
    m_http->setToken(m_tokens.value(who, who));
    return m_device->pushOk(ops, deviceId);
}

QHash<QString, QJsonObject> TestProgress::pull(const QString &who, qint64 *cursor)
{
    m_http->setToken(m_tokens.value(who, who));
    return m_device->pullAll(cursor);
}

QJsonObject TestProgress::itemProgress(const QString &who, const QString &item)
{
    const HttpResult r = call(who, "GET", u"/api/v1/contents/%1/progress"_s.arg(item));
    return r.status == 200 ? r.data().toObject() : QJsonObject {{u"status"_s, r.status}};
}

QJsonObject TestProgress::courseProgress(const QString &who, const QString &course)
{
    const HttpResult r = call(who, "GET", u"/api/v1/courses/%1/progress"_s.arg(course));
    return r.status == 200 ? r.data().toObject() : QJsonObject {{u"status"_s, r.status}};
}

QJsonObject TestProgress::rowOf(const QJsonObject &report, const QString &userId)
{
    for (const QJsonValue &row : report.value(u"students").toArray()) {
        if (row.toObject().value(u"userId").toString() == userId)
            return row.toObject();
    }
    return {};
}

TestProgress::Course TestProgress::makeCourse(bool publish)
{
    Course c;
    c.id = createUuidV7String();
    c.module = createUuidV7String();
    c.a = createUuidV7String();
    c.b = createUuidV7String();
    c.c = createUuidV7String();
    c.draft = createUuidV7String();
    c.locked = createUuidV7String();
    const QString code = u"PROG-%1"_s.arg(++m_codes);
    auto item = [&](const QString &title, bool required, bool published) {
        return QJsonObject {{u"moduleId"_s, c.module},
                            {u"type"_s, u"lesson"_s},
                            {u"title"_s, title},
                            {u"required"_s, required},
                            {u"published"_s, published}};
    };
    QJsonObject locked = item(u"Next year"_s, false, true);
    locked.insert(u"unlockAt"_s, rfc(QDateTime::currentDateTimeUtc().addYears(1)));
    const QList<QJsonObject> results
        = push(u"instructor"_s,
               {op(u"course"_s, c.id, u"create"_s,
                   {{u"code"_s, code}, {u"title"_s, QString(u"Course "_s + code)}}),
                op(u"module"_s, c.module, u"create"_s,
                   {{u"courseId"_s, c.id}, {u"title"_s, u"Module"_s}, {u"published"_s, true}}),
                op(u"content"_s, c.a, u"create"_s, item(u"A"_s, true, true)),
                op(u"content"_s, c.b, u"create"_s, item(u"B"_s, true, true)),
                op(u"content"_s, c.c, u"create"_s, item(u"C"_s, false, true)),
                op(u"content"_s, c.draft, u"create"_s, item(u"Draft"_s, true, false)),
                op(u"content"_s, c.locked, u"create"_s, locked)});
    for (const QJsonObject &result : results) {
        if (result.value(u"outcome").toString() != u"applied")
            qWarning().noquote() << "cannot make the course:"
                                 << QJsonDocument(result).toJson(QJsonDocument::Compact);
    }
    for (const QString &student : {u"student1"_s, u"student2"_s}) {
        const HttpResult enrolled
            = call(u"instructor"_s, "POST", u"/api/v1/courses/%1/enroll"_s.arg(c.id),
                   {{u"userId"_s, m_ids[student]}});
        if (enrolled.status != 201)
            qWarning().noquote() << "cannot enroll" << enrolled.status << enrolled.body;
    }
    if (publish) {
        const HttpResult published
            = call(u"instructor"_s, "POST", u"/api/v1/courses/%1/publish"_s.arg(c.id));
        if (published.status != 200)
            qWarning().noquote() << "cannot publish" << published.status << published.body;
    }
    return c;
}

void TestProgress::initTestCase()
{
    LECTERN_START_SERVER(m_server);
    m_http = std::make_unique<HttpClient>(m_server.url());
    m_device = std::make_unique<SyncDevice>(*m_http);
    for (const QString &key :
         {u"admin"_s, u"instructor"_s, u"ta"_s, u"student1"_s, u"student2"_s, u"student3"_s}) {
        const HttpResult login = m_http->login(key + u"@demo.lectern"_s);
        QVERIFY2(login.status == 200, login.body.constData());
        m_tokens.insert(key, m_http->token());
        m_ids.insert(key,
                     login.data().toObject().value(u"user").toObject().value(u"id").toString());
    }
    QVERIFY(m_server.server().organizations().create(u"Elsewhere"_s, u"elsewhere"_s));
    const QString password = u"progress-tests-password"_s;
    QVERIFY(m_server.server().users().createInOrganization(
        u"elsewhere"_s, u"admin@elsewhere.example"_s, u"Other admin"_s, {Role::Admin}, password));
    HttpClient client(m_server.url());
    QCOMPARE(client.login(u"admin@elsewhere.example"_s, password).status, 200);
    m_tokens.insert(u"elsewhere"_s, client.token());
    m_course = makeCourse();
}

void TestProgress::learnerAppendsBySyncPush()
{
    qint64 cursor = 0;
    pull(u"student1"_s, &cursor);
    // Made offline on the device: ids of its own, no userId (the server knows who pushes).
    const QString opened = createUuidV7String();
    const QString position = createUuidV7String();
    const QString completed = createUuidV7String();
    const QList<QJsonObject> results
        = push(u"student1"_s,
               {op(u"progress"_s, opened, u"append"_s, event(m_course.a, u"opened"_s, at(1))),
                op(u"progress"_s, position, u"append"_s,
                   event(m_course.a, u"position"_s, at(3), 0.6, 120)),
                op(u"progress"_s, completed, u"append"_s,
                   event(m_course.a, u"completed"_s, at(5), 1.0, 60))});
    QCOMPARE(results.size(), 3);
    for (const QJsonObject &result : results) {
        QCOMPARE(result.value(u"outcome").toString(), u"applied"_s);
        QCOMPARE(result.value(u"rev").toInteger(), 1);
    }

    const QJsonObject mine = itemProgress(u"student1"_s, m_course.a);
    QCOMPARE(mine.value(u"completed"), QJsonValue(true));
    QCOMPARE(mine.value(u"secondsSpent").toInteger(), 180);
    QCOMPARE(mine.value(u"lastPosition").toDouble(), 1.0);
    QCOMPARE(mine.value(u"lastOpenedAt").toString(), rfc(at(1)));
    QCOMPARE(mine.value(u"completedAt").toString(), rfc(at(5)));
    QCOMPARE(mine.value(u"events").toArray().size(), 3);
    QVERIFY(!mine.contains(u"students")); // a learner sees only their own

    // Pulled back with the owner filled in by the server.
    const auto changes = pull(u"student1"_s, &cursor);
    QCOMPARE(changes.size(), 3);
    const QJsonObject fields = changes.value(u"progress/"_s + position).value(u"fields").toObject();
    QCOMPARE(fields.value(u"userId").toString(), m_ids[u"student1"_s]);
    QCOMPARE(fields.value(u"position").toDouble(), 0.6);
    QCOMPARE(fields.value(u"seconds").toInteger(), 120);
    QCOMPARE(fields.value(u"at").toString(), rfc(at(3)));
    QCOMPARE(fields.value(u"courseId").toString(), m_course.id);
}

void TestProgress::learnerAppendsByRest()
{
    const QString path = u"/api/v1/contents/%1/progress"_s.arg(m_course.b);
    const QString id = createUuidV7String();
    const QJsonObject body {{u"id"_s, id},
                            {u"kind"_s, u"position"_s},
                            {u"position"_s, 0.25},
                            {u"seconds"_s, 30},
                            {u"at"_s, rfc(at(10))}};
    const HttpResult made = call(u"student1"_s, "POST", path, body);
    QCOMPARE(made.status, 201);
    const QJsonObject record = made.data().toObject();
    QCOMPARE(record.value(u"id").toString(), id);
    QCOMPARE(record.value(u"userId").toString(), m_ids[u"student1"_s]);
    QCOMPARE(record.value(u"courseId").toString(), m_course.id);
    QCOMPARE(record.value(u"contentId").toString(), m_course.b);
    QCOMPARE(record.value(u"kind").toString(), u"position"_s);

    // The same id again: the first event, not a second one.
    const HttpResult again = call(u"student1"_s, "POST", path, body);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.data().toObject(), record);

    // Without an id or a time: the server makes both.
    const HttpResult now = call(u"student1"_s, "POST", path, {{u"kind"_s, u"opened"_s}});
    QCOMPARE(now.status, 201);
    QVERIFY(isUuidString(now.data().toObject().value(u"id").toString()));
    QVERIFY(qAbs(QDateTime::fromString(now.data().toObject().value(u"at").toString(), Qt::ISODate)
                     .secsTo(QDateTime::currentDateTimeUtc()))
            < 60);

    const QJsonObject mine = itemProgress(u"student1"_s, m_course.b);
    QCOMPARE(mine.value(u"secondsSpent").toInteger(), 30);
    QCOMPARE(mine.value(u"lastPosition").toDouble(), 0.25);
    QCOMPARE(mine.value(u"completed"), QJsonValue(false));
    QCOMPARE(mine.value(u"events").toArray().size(), 2);
}

void TestProgress::restRefusesBadEvents_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");

    QTest::newRow("position past the end")
        << QJsonObject {{u"kind"_s, u"position"_s}, {u"position"_s, 1.5}} << 422 << u"position"_s;
    QTest::newRow("negative seconds")
        << QJsonObject {{u"kind"_s, u"time"_s}, {u"seconds"_s, -5}} << 422 << u"seconds"_s;
    QTest::newRow("unknown kind") << QJsonObject {{u"kind"_s, u"liked"_s}} << 422 << u"kind"_s;
    QTest::newRow("no kind") << QJsonObject {{u"seconds"_s, 5}} << 422 << u"kind"_s;
    QTest::newRow("bad time") << QJsonObject {{u"kind"_s, u"opened"_s}, {u"at"_s, u"soon"_s}} << 422
                              << u"at"_s;
    QTest::newRow("bad id") << QJsonObject {{u"kind"_s, u"opened"_s}, {u"id"_s, u"x"_s}} << 422
                            << u"id"_s;
    QTest::newRow("unknown field")
        << QJsonObject {{u"kind"_s, u"opened"_s}, {u"mood"_s, u"happy"_s}} << 422 << u"mood"_s;
    QTest::newRow("someone else's")
        << QJsonObject {{u"kind"_s, u"completed"_s}, {u"userId"_s, u"STUDENT2"_s}} << 403
        << QString();
}

void TestProgress::restRefusesBadEvents()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    if (body.value(u"userId").toString() == u"STUDENT2")
        body.insert(u"userId"_s, m_ids[u"student2"_s]);
    const int before = itemProgress(u"student1"_s, m_course.c).value(u"events").toArray().size();
    const HttpResult r
        = call(u"student1"_s, "POST", u"/api/v1/contents/%1/progress"_s.arg(m_course.c), body);
    QCOMPARE(r.status, status);
    if (!field.isEmpty()) {
        QCOMPARE(r.errorCode(), u"validation_failed"_s);
        QVERIFY2(r.errorFields().contains(field), r.body.constData());
    } else {
        QCOMPARE(r.errorCode(), u"forbidden"_s);
    }
    QVERIFY(!r.json.value(u"error").toObject().value(u"message").toString().isEmpty());
    QCOMPARE(itemProgress(u"student1"_s, m_course.c).value(u"events").toArray().size(), before);
    QCOMPARE(itemProgress(u"student2"_s, m_course.c).value(u"events").toArray().size(), 0);
}

void TestProgress::sameIdIsOneEvent()
{
    const QString id = createUuidV7String();
    const QJsonObject first
        = op(u"progress"_s, id, u"append"_s, event(m_course.c, u"time"_s, at(20), -1, 100));
    QCOMPARE(pushOne(u"student1"_s, first).value(u"outcome").toString(), u"applied"_s);
    // The same op again (its answer was lost): the same answer.
    const QJsonObject repeated = pushOne(u"student1"_s, first);
    QCOMPARE(repeated.value(u"outcome").toString(), u"applied"_s);
    QCOMPARE(repeated.value(u"rev").toInteger(), 1);
    // Another op with the same event id (re-sent after a reinstall) and other values: nothing
    // changes; the first event stands.
    const QJsonObject other
        = op(u"progress"_s, id, u"append"_s, event(m_course.c, u"time"_s, at(21), -1, 999));
    const QJsonObject result = pushOne(u"student1"_s, other);
    QCOMPARE(result.value(u"outcome").toString(), u"applied"_s);
    QCOMPARE(result.value(u"rev").toInteger(), 1);
    // A create of it is an append too.
    const QJsonObject create
        = op(u"progress"_s, id, u"create"_s, event(m_course.c, u"time"_s, at(21), -1, 999));
    QCOMPARE(pushOne(u"student1"_s, create).value(u"outcome").toString(), u"applied"_s);
    QCOMPARE(itemProgress(u"student1"_s, m_course.c).value(u"secondsSpent").toInteger(), 100);

    // Someone else cannot take the id.
    const QJsonObject theirs
        = pushOne(u"student2"_s,
                  op(u"progress"_s, id, u"append"_s, event(m_course.c, u"time"_s, at(22), -1, 5)));
    QCOMPARE(theirs.value(u"outcome").toString(), u"rejected"_s);
    QCOMPARE(theirs.value(u"reason").toString(), u"already_exists"_s);
    QCOMPARE(itemProgress(u"student2"_s, m_course.c).value(u"secondsSpent").toInteger(), 0);
}

void TestProgress::otherLearnersCannotSeeOrWrite()
{
    const QString id = createUuidV7String();
    QCOMPARE(
        pushOne(u"student1"_s,
                op(u"progress"_s, id, u"append"_s, event(m_course.a, u"time"_s, at(30), -1, 40)))
            .value(u"outcome")
            .toString(),
        u"applied"_s);

    // Student 2 is in the course but sees only their own events.
    const auto theirPull = pull(u"student2"_s);
    QVERIFY(!theirPull.contains(u"progress/"_s + id));
    for (auto it = theirPull.begin(); it != theirPull.end(); ++it) {
        if (it.key().startsWith(u"progress/"))
            QCOMPARE(it->value(u"fields").toObject().value(u"userId").toString(),
                     m_ids[u"student2"_s]);
    }
    const QJsonObject theirs = itemProgress(u"student2"_s, m_course.a);
    QCOMPARE(theirs.value(u"completed"), QJsonValue(false));
    QCOMPARE(theirs.value(u"events").toArray().size(), 0);
    QVERIFY(!theirs.contains(u"students"));
    const QJsonObject theirCourse = courseProgress(u"student2"_s, m_course.id);
    QCOMPARE(theirCourse.value(u"students").toArray().size(), 1);
    QCOMPARE(rowOf(theirCourse, m_ids[u"student2"_s]).value(u"completed").toInt(), 0);

    // Recording for someone else is refused, by sync and by REST.
    QJsonObject forged = event(m_course.a, u"completed"_s, at(31));
    forged.insert(u"userId"_s, m_ids[u"student1"_s]);
    const QJsonObject refused
        = pushOne(u"student2"_s, op(u"progress"_s, createUuidV7String(), u"append"_s, forged));
    QCOMPARE(refused.value(u"outcome").toString(), u"rejected"_s);
    QCOMPARE(refused.value(u"reason").toString(), u"forbidden"_s);
    QVERIFY(!refused.value(u"message").toString().isEmpty());

    // Student 3 is not enrolled, the other organisation's admin is elsewhere: no such item.
    for (const QString &who : {u"student3"_s, u"elsewhere"_s}) {
        const QJsonObject outsider = pushOne(who,
                                             op(u"progress"_s, createUuidV7String(), u"append"_s,
                                                event(m_course.a, u"opened"_s, at(32))));
        QCOMPARE(outsider.value(u"outcome").toString(), u"rejected"_s);
        QCOMPARE(outsider.value(u"reason").toString(), u"not_found"_s);
        QCOMPARE(call(who, "POST", u"/api/v1/contents/%1/progress"_s.arg(m_course.a),
                      {{u"kind"_s, u"opened"_s}})
                     .status,
                 404);
        QCOMPARE(call(who, "GET", u"/api/v1/contents/%1/progress"_s.arg(m_course.a)).status, 404);
        QCOMPARE(call(who, "GET", u"/api/v1/courses/%1/progress"_s.arg(m_course.id)).status, 404);
        QVERIFY(!pull(who).contains(u"progress/"_s + id));
    }
}

void TestProgress::unreleasedMaterialIsRefused()
{
    for (const QString &item : {m_course.draft, m_course.locked}) {
        const QJsonObject result = pushOne(
            u"student1"_s,
            op(u"progress"_s, createUuidV7String(), u"append"_s, event(item, u"opened"_s, at(40))));
        QCOMPARE(result.value(u"outcome").toString(), u"rejected"_s);
        QCOMPARE(result.value(u"reason").toString(), u"not_found"_s);
        QCOMPARE(call(u"student1"_s, "POST", u"/api/v1/contents/%1/progress"_s.arg(item),
                      {{u"kind"_s, u"opened"_s}})
                     .status,
                 404);
    }
    // An unpublished course: its enrolled learners record nothing.
    const Course draftCourse = makeCourse(false);
    const QJsonObject result
        = pushOne(u"student1"_s,
                  op(u"progress"_s, createUuidV7String(), u"append"_s,
                     event(draftCourse.a, u"opened"_s, at(41), -1, 0, draftCourse.id)));
    QCOMPARE(result.value(u"reason").toString(), u"not_found"_s);
    // Staff previewing may record, in drafts too.
    const QJsonObject preview
        = pushOne(u"instructor"_s,
                  op(u"progress"_s, createUuidV7String(), u"append"_s,
                     event(draftCourse.draft, u"opened"_s, at(42), -1, 0, draftCourse.id)));
    QCOMPARE(preview.value(u"outcome").toString(), u"applied"_s);
    QCOMPARE(itemProgress(u"instructor"_s, draftCourse.draft).value(u"lastOpenedAt").toString(),
             rfc(at(42)));
}

void TestProgress::courseMustBeTheItems()
{
    const Course other = makeCourse();
    const QJsonObject result
        = pushOne(u"student1"_s,
                  op(u"progress"_s, createUuidV7String(), u"append"_s,
                     event(m_course.a, u"completed"_s, at(43), -1, 0, other.id)));
    QCOMPARE(result.value(u"outcome").toString(), u"rejected"_s);
    QCOMPARE(result.value(u"reason").toString(), u"validation_failed"_s);
    QVERIFY2(result.value(u"message").toString().contains(u"courseId"),
             qPrintable(result.value(u"message").toString()));
    // Missing fields are named too.
    QJsonObject incomplete = event(m_course.a, u"opened"_s, at(44));
    incomplete.remove(u"at"_s);
    const QJsonObject missing
        = pushOne(u"student1"_s, op(u"progress"_s, createUuidV7String(), u"append"_s, incomplete));
    QCOMPARE(missing.value(u"reason").toString(), u"validation_failed"_s);
    QVERIFY(missing.value(u"message").toString().contains(u"at"));
}

void TestProgress::eventsAreNeverChanged()
{
    const QString id = createUuidV7String();
    QCOMPARE(
        pushOne(u"student1"_s,
                op(u"progress"_s, id, u"append"_s, event(m_course.c, u"position"_s, at(45), 0.5)))
            .value(u"outcome")
            .toString(),
        u"applied"_s);
    qint64 cursor = 0;
    pull(u"student1"_s, &cursor);
    for (const QString &who : {u"student1"_s, u"instructor"_s, u"admin"_s}) {
        const QList<QJsonObject> results = push(
            who,
            {op(u"progress"_s, id, u"update"_s, {{u"position"_s, 0.9}}, 1),
             op(u"progress"_s, id, u"delete"_s, {}, 1), op(u"progress"_s, id, u"purge"_s, {}, 1)});
        QCOMPARE(results.size(), 3);
        for (const QJsonObject &result : results) {
            QCOMPARE(result.value(u"outcome").toString(), u"rejected"_s);
            QCOMPARE(result.value(u"reason").toString(), u"append_only"_s);
            QVERIFY(!result.value(u"message").toString().isEmpty());
        }
    }
    QVERIFY(pull(u"student1"_s, &cursor).isEmpty()); // nothing changed
    bool found = false;
    for (const QJsonValue &e : itemProgress(u"student1"_s, m_course.c).value(u"events").toArray()) {
        if (e.toObject().value(u"id").toString() == id) {
            found = true;
            QCOMPARE(e.toObject().value(u"position").toDouble(), 0.5);
            QCOMPARE(e.toObject().value(u"rev").toInteger(), 1);
        }
    }
    QVERIFY(found);
    // There is no REST route to change one either.
    QCOMPARE(call(u"student1"_s, "PUT", u"/api/v1/contents/%1/progress"_s.arg(m_course.c),
                  {{u"kind"_s, u"opened"_s}})
                 .status,
             405);
}

void TestProgress::staffSeeEveryStudent()
{
    const Course c = makeCourse();
    QVERIFY(pushOne(u"student1"_s,
                    op(u"progress"_s, createUuidV7String(), u"append"_s,
                       event(c.a, u"completed"_s, at(50), -1, 300, c.id)))
                .value(u"outcome")
                .toString()
            == u"applied"_s);
    QVERIFY(pushOne(u"student2"_s,
                    op(u"progress"_s, createUuidV7String(), u"append"_s,
                       event(c.c, u"completed"_s, at(51), -1, 20, c.id)))
                .value(u"outcome")
                .toString()
            == u"applied"_s);
    QCOMPARE(call(u"instructor"_s, "POST", u"/api/v1/courses/%1/enroll"_s.arg(c.id),
                  {{u"userId"_s, m_ids[u"ta"_s]}, {u"role"_s, u"ta"_s}})
                 .status,
             201);

    for (const QString &who : {u"instructor"_s, u"ta"_s, u"admin"_s}) {
        const QJsonObject report = courseProgress(who, c.id);
        QCOMPARE(report.value(u"courseId").toString(), c.id);
        QCOMPARE(report.value(u"students").toArray().size(), 2); // students only, not the TA
        QVERIFY(!report.contains(u"items"));
        const QJsonObject first = rowOf(report, m_ids[u"student1"_s]);
        QCOMPARE(first.value(u"name").toString(), u"Sam Student"_s);
        QCOMPARE(first.value(u"email").toString(), u"student1@demo.lectern"_s);
        QCOMPARE(first.value(u"completed").toInt(), 1);
        QCOMPARE(first.value(u"total").toInt(), 2); // the two required items
        QCOMPARE(first.value(u"requiredOnly"), QJsonValue(true));
        QCOMPARE(first.value(u"percent").toInt(), 50);
        QCOMPARE(first.value(u"secondsSpent").toInteger(), 300);
        QCOMPARE(first.value(u"nextItemId").toString(), c.b);
        QCOMPARE(first.value(u"lastActivityAt").toString(), rfc(at(50)));
        const QJsonObject second = rowOf(report, m_ids[u"student2"_s]);
        QCOMPARE(second.value(u"completed").toInt(), 0); // the optional item does not count
        QCOMPARE(second.value(u"secondsSpent").toInteger(), 20);

        const QJsonObject item = itemProgress(who, c.a);
        const QJsonArray students = item.value(u"students").toArray();
        QCOMPARE(students.size(), 2);
        QCOMPARE(rowOf(item, m_ids[u"student1"_s]).value(u"completed"), QJsonValue(true));
        QCOMPARE(rowOf(item, m_ids[u"student2"_s]).value(u"completed"), QJsonValue(false));
        // The events as well, each under its student: what a staff device pulls.
        const QJsonArray events = rowOf(item, m_ids[u"student1"_s]).value(u"events").toArray();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].toObject().value(u"userId").toString(), m_ids[u"student1"_s]);
        QCOMPARE(events[0].toObject().value(u"kind").toString(), u"completed"_s);
        QCOMPARE(events[0].toObject().value(u"seconds").toInteger(), 300);
        QVERIFY(rowOf(item, m_ids[u"student2"_s]).value(u"events").toArray().isEmpty());
    }
    // A learner gets their own events, never another's.
    const QJsonObject learnerView = itemProgress(u"student2"_s, c.a);
    QVERIFY(learnerView.value(u"events").toArray().isEmpty());
    QVERIFY(!learnerView.contains(u"students"));
    // The staff pull everyone's events; the learner's own report has their items.
    int staffEvents = 0;
    const auto staffPull = pull(u"ta"_s);
    for (auto it = staffPull.begin(); it != staffPull.end(); ++it) {
        if (it.key().startsWith(u"progress/")
            && it->value(u"fields").toObject().value(u"courseId").toString() == c.id)
            ++staffEvents;
    }
    QCOMPARE(staffEvents, 2);
    const QJsonObject own = courseProgress(u"student1"_s, c.id);
    QCOMPARE(own.value(u"students").toArray().size(), 1);
    QCOMPARE(rowOf(own, m_ids[u"student1"_s]).value(u"percent").toInt(), 50);
    const QJsonArray items = own.value(u"items").toArray();
    // What the outline shows: not the draft, but the item that unlocks next year (as the course
    // outline and the learner's device list it), so every side counts the same items.
    QCOMPARE(items.size(), 4);
    QCOMPARE(items[3].toObject().value(u"contentId").toString(), c.locked);
    QCOMPARE(items[3].toObject().value(u"required"), QJsonValue(false));
    QCOMPARE(items[0].toObject().value(u"contentId").toString(), c.a);
    QCOMPARE(items[0].toObject().value(u"completed"), QJsonValue(true));
    QCOMPARE(items[0].toObject().value(u"title").toString(), u"A"_s);
    QCOMPARE(items[1].toObject().value(u"completed"), QJsonValue(false));
}

void TestProgress::devicesAddUp()
{
    const Course c = makeCourse();
    const QString laptop = createUuidV7String();
    const QString desktop = createUuidV7String();
    // Both offline; the desktop syncs first although the laptop's events are older.
    push(u"student2"_s,
         {op(u"progress"_s, createUuidV7String(), u"append"_s,
             event(c.a, u"opened"_s, at(30), -1, 0, c.id)),
          op(u"progress"_s, createUuidV7String(), u"append"_s,
             event(c.a, u"position"_s, at(35), 0.3, 50, c.id))},
         desktop);
    push(u"student2"_s,
         {op(u"progress"_s, createUuidV7String(), u"append"_s,
             event(c.a, u"opened"_s, at(10), -1, 0, c.id)),
          op(u"progress"_s, createUuidV7String(), u"append"_s,
             event(c.a, u"completed"_s, at(20), 1.0, 100, c.id)),
          op(u"progress"_s, createUuidV7String(), u"append"_s,
             event(c.b, u"completed"_s, at(25), -1, 70, c.id))},
         laptop);
    const QJsonObject a = itemProgress(u"student2"_s, c.a);
    QCOMPARE(a.value(u"completed"), QJsonValue(true)); // union
    QCOMPARE(a.value(u"completedAt").toString(), rfc(at(20)));
    QCOMPARE(a.value(u"secondsSpent").toInteger(), 150); // sum
    QCOMPARE(a.value(u"lastPosition").toDouble(), 0.3);  // latest
    QCOMPARE(a.value(u"lastOpenedAt").toString(), rfc(at(30)));
    QCOMPARE(a.value(u"events").toArray().size(), 4);

    const QJsonObject row = rowOf(courseProgress(u"student2"_s, c.id), m_ids[u"student2"_s]);
    QCOMPARE(row.value(u"completed").toInt(), 2);
    QCOMPARE(row.value(u"percent").toInt(), 100);
    QCOMPARE(row.value(u"secondsSpent").toInteger(), 220);
    QCOMPARE(row.value(u"nextItemId").toString(), c.c); // the optional item is still to do
    // Staff see the same numbers.
    QCOMPARE(rowOf(courseProgress(u"instructor"_s, c.id), m_ids[u"student2"_s]).value(u"percent"),
             row.value(u"percent"));
}

void TestProgress::newStaffPullTheCoursesEvents()
{
    const Course c = makeCourse();
    const QString id = createUuidV7String();
    QCOMPARE(
        pushOne(u"student1"_s,
                op(u"progress"_s, id, u"append"_s, event(c.a, u"opened"_s, at(55), -1, 0, c.id)))
            .value(u"outcome")
            .toString(),
        u"applied"_s);
    qint64 cursor = 0;
    QVERIFY(!pull(u"ta"_s, &cursor).contains(u"progress/"_s + id));
    // The TA joins the course after the event: their next pull brings it, though it is older
    // than their cursor.
    QCOMPARE(call(u"instructor"_s, "POST", u"/api/v1/courses/%1/enroll"_s.arg(c.id),
                  {{u"userId"_s, m_ids[u"ta"_s]}, {u"role"_s, u"ta"_s}})
                 .status,
             201);
    QVERIFY(pull(u"ta"_s, &cursor).contains(u"progress/"_s + id));
    // And when they leave it, it goes from their device.
    QCOMPARE(call(u"instructor"_s, "POST", u"/api/v1/courses/%1/unenroll"_s.arg(c.id),
                  {{u"userId"_s, m_ids[u"ta"_s]}})
                 .status,
             200);
    const auto after = pull(u"ta"_s, &cursor);
    QVERIFY(after.contains(u"progress/"_s + id));
    QVERIFY(after.value(u"progress/"_s + id).value(u"deleted").toBool());
}

QTEST_GUILESS_MAIN(TestProgress)
#include "tst_progress.moc"
