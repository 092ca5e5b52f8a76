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

// Private notes over real HTTP (the worked example of docs/architecture.md, "Adding a record
// type"): a course's instructor or TA keeps notes on it for themselves, made over REST or by a
// sync push from a device; nobody else sees them — not the course's other staff, not an
// administrator, not a student — through either door; only the author changes or deletes them;
// deleting the course takes them along.
class TestNotes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void instructorKeepsANoteOverRest();
    void taKeepsANoteBySync();
    void nobodyElseSeesANote_data();
    void nobodyElseSeesANote();
    void onlyTheAuthorChangesIt();
    void studentsKeepNoNotes();
    void theServerNamesTheAuthor();
    void deletingTheCourseTakesTheNotes();

private:
    HttpResult call(const QString &who, const QByteArray &method, const QString &path,
                    const QJsonObject &body = {});
    QJsonObject op(const QString &id, const QString &kind, const QJsonObject &values);
    QJsonObject pushOne(const QString &who, const QJsonObject &op);
    // Every record the caller's pull ships, by "entity/id" (deleted ones included).
    QHash<QString, QJsonObject> pull(const QString &who);
    QString makeCourse();
    QString noteOf(const QString &who, const QString &course, const QString &title);

    TestServer m_server;
    std::unique_ptr<HttpClient> m_http;
    QHash<QString, QString> m_tokens;
    QHash<QString, QString> m_ids;
    std::unique_ptr<SyncDevice> m_device;
    int m_codes = 0;
    QString m_course;
};

HttpResult TestNotes::call(const QString &who, const QByteArray &method, const QString &path,
                           const QJsonObject &body)
{
    m_http->setToken(m_tokens.value(who, who));
    const bool hasBody = method != "GET" && method != "DELETE";
    return m_http->send(
        method, path, hasBody ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray());
}

QJsonObject TestNotes::op(const QString &id, const QString &kind, const QJsonObject &values)
{
    return m_device->op(u"note"_s, id, kind,
                        kind == u"update" ? SyncDevice::overwritten(values)
                                          : SyncDevice::created(values));
}

QJsonObject TestNotes::pushOne(const QString &who, const QJsonObject &op)
{
    m_http->setToken(m_tokens.value(who, who));
    return m_device->pushOk({op}).value(0);
}

QHash<QString, QJsonObject> TestNotes::pull(const QString &who)
{
    m_http->setToken(m_tokens.value(who, who));
    return m_device->pullAll();
}

// A published course of the instructor, with the TA and student1 enrolled.
QString TestNotes::makeCourse()
{
    const QString code = u"NOTE-%1"_s.arg(++m_codes);
    const HttpResult made
        = call(u"instructor"_s, "POST", u"/api/v1/courses"_s,
               QJsonObject {{u"code"_s, code}, {u"title"_s, QString(u"Course "_s + code)}});
    if (made.status != 201)
        qWarning().noquote() << "cannot make the course:" << made.status << made.body;
    const QString course = made.data().toObject().value(u"id").toString();
    for (const auto &[who, role] :
         {std::pair(u"ta"_s, u"ta"_s), std::pair(u"student1"_s, u"student"_s)}) {
        const HttpResult enrolled
            = call(u"instructor"_s, "POST", u"/api/v1/courses/%1/enroll"_s.arg(course),
                   {{u"userId"_s, m_ids[who]}, {u"role"_s, role}});
        if (enrolled.status != 201)
            qWarning().noquote() << "cannot enrol" << enrolled.status << enrolled.body;
    }
    call(u"instructor"_s, "POST", u"/api/v1/courses/%1/publish"_s.arg(course));
    return course;
}

QString TestNotes::noteOf(const QString &who, const QString &course, const QString &title)
{
    const HttpResult made
        = call(who, "POST", u"/api/v1/courses/%1/notes"_s.arg(course), {{u"title"_s, title}});
    if (made.status != 201)
        qWarning().noquote() << "cannot make the note:" << made.status << made.body;
    return made.data().toObject().value(u"id").toString();
}

void TestNotes::initTestCase()
{
    LECTERN_START_SERVER(m_server);
    m_http = std::make_unique<HttpClient>(m_server.url());
    m_device = std::make_unique<SyncDevice>(*m_http);
    for (const QString &key : {u"admin"_s, u"instructor"_s, u"ta"_s, u"student1"_s}) {
        const HttpResult login = m_http->login(key + u"@demo.lectern"_s);
        QVERIFY2(login.status == 200, login.body.constData());
        m_tokens.insert(key, m_http->token());
        m_ids.insert(key,
                     login.data().toObject().value(u"user").toObject().value(u"id").toString());
    }
    m_course = makeCourse();
    QVERIFY(!m_course.isEmpty());
}

void TestNotes::instructorKeepsANoteOverRest()
{
    const HttpResult made = call(
        u"instructor"_s, "POST", u"/api/v1/courses/%1/notes"_s.arg(m_course),
        {{u"title"_s, u"Week 3 went too fast"_s}, {u"body"_s, u"Slow down on *osmosis*."_s}});
    QCOMPARE(made.status, 201);
    const QJsonObject note = made.data().toObject();
    QCOMPARE(note.value(u"authorId").toString(), m_ids[u"instructor"_s]);
    QCOMPARE(note.value(u"courseId").toString(), m_course);
    const QString id = note.value(u"id").toString();

    const HttpResult read = call(u"instructor"_s, "GET", u"/api/v1/notes/"_s + id);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.data().toObject().value(u"body").toString(), u"Slow down on *osmosis*."_s);
    const HttpResult list
        = call(u"instructor"_s, "GET", u"/api/v1/courses/%1/notes"_s.arg(m_course));
    QCOMPARE(list.status, 200);
    bool listed = false;
    for (const QJsonValue &v : list.data().toArray())
        listed = listed || v.toObject().value(u"id").toString() == id;
    QVERIFY(listed);
    // Their list finds it by its words.
    const HttpResult found
        = call(u"instructor"_s, "GET", u"/api/v1/courses/%1/notes?q=osmosis"_s.arg(m_course));
    QCOMPARE(found.status, 200);
    QCOMPARE(found.data().toArray().size(), 1);
    QCOMPARE(
        call(u"instructor"_s, "GET", u"/api/v1/courses/%1/notes?q=photosynthesis"_s.arg(m_course))
            .data()
            .toArray()
            .size(),
        0);
    // Their devices get it.
    QVERIFY(pull(u"instructor"_s).contains(u"note/"_s + id));
}

void TestNotes::taKeepsANoteBySync()
{
    const QString id = createUuidV7String();
    const QJsonObject result = pushOne(
        u"ta"_s,
        op(id, u"create"_s, {{u"courseId"_s, m_course}, {u"title"_s, u"Ask about lab 2"_s}}));
    QCOMPARE(result.value(u"outcome").toString(), u"applied"_s);
    const HttpResult read = call(u"ta"_s, "GET", u"/api/v1/notes/"_s + id);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.data().toObject().value(u"authorId").toString(), m_ids[u"ta"_s]);
    // Edited later on the device.
    const QJsonObject edited
        = pushOne(u"ta"_s, op(id, u"update"_s, {{u"body"_s, u"And about the rubric."_s}}));
    QCOMPARE(edited.value(u"outcome").toString(), u"applied"_s);
    QCOMPARE(call(u"ta"_s, "GET", u"/api/v1/notes/"_s + id).data().toObject().value(u"body"),
             QJsonValue(u"And about the rubric."_s));
}

void TestNotes::nobodyElseSeesANote_data()
{
    QTest::addColumn<QString>("reader");
    QTest::newRow("the course's TA") << u"ta"_s;
    QTest::newRow("an administrator") << u"admin"_s;
    QTest::newRow("a student of the course") << u"student1"_s;
}

void TestNotes::nobodyElseSeesANote()
{
    QFETCH(QString, reader);
    const QString id = noteOf(u"instructor"_s, m_course, u"Private: grade boundaries"_s);
    QVERIFY(!id.isEmpty());
    QCOMPARE(call(reader, "GET", u"/api/v1/notes/"_s + id).status, 404);
    const HttpResult list = call(reader, "GET", u"/api/v1/courses/%1/notes"_s.arg(m_course));
    if (list.status == 200) {
        for (const QJsonValue &v : list.data().toArray())
            QVERIFY(v.toObject().value(u"id").toString() != id);
    } else {
        QCOMPARE(list.status, 404);
    }
    QVERIFY(!pull(reader).contains(u"note/"_s + id));
    // Nor can they change or delete it: for them it does not exist.
    QCOMPARE(call(reader, "PUT", u"/api/v1/notes/"_s + id, {{u"title"_s, u"Mine now"_s}}).status,
             404);
    QCOMPARE(call(reader, "DELETE", u"/api/v1/notes/"_s + id).status, 404);
    QCOMPARE(pushOne(reader, op(id, u"update"_s, {{u"title"_s, u"Mine now"_s}}))
                 .value(u"reason")
                 .toString(),
             u"not_found"_s);
    QCOMPARE(call(u"instructor"_s, "GET", u"/api/v1/notes/"_s + id)
                 .data()
                 .toObject()
                 .value(u"title")
                 .toString(),
             u"Private: grade boundaries"_s);
}

void TestNotes::onlyTheAuthorChangesIt()
{
    const QString id = noteOf(u"instructor"_s, m_course, u"Draft"_s);
    const HttpResult renamed
        = call(u"instructor"_s, "PUT", u"/api/v1/notes/"_s + id, {{u"title"_s, u"Final"_s}});
    QCOMPARE(renamed.status, 200);
    QCOMPARE(renamed.data().toObject().value(u"title").toString(), u"Final"_s);
    QCOMPARE(call(u"instructor"_s, "DELETE", u"/api/v1/notes/"_s + id).status, 200);
    QCOMPARE(call(u"instructor"_s, "GET", u"/api/v1/notes/"_s + id).status, 404);
    const QJsonObject gone = pull(u"instructor"_s).value(u"note/"_s + id);
    QCOMPARE(gone.value(u"deleted"), QJsonValue(true));
}

void TestNotes::studentsKeepNoNotes()
{
    const HttpResult refused
        = call(u"student1"_s, "POST", u"/api/v1/courses/%1/notes"_s.arg(m_course),
               {{u"title"_s, u"Mine"_s}});
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), u"forbidden"_s);
    const QJsonObject pushed = pushOne(u"student1"_s,
                                       op(createUuidV7String(), u"create"_s,
                                          {{u"courseId"_s, m_course}, {u"title"_s, u"Mine"_s}}));
    QCOMPARE(pushed.value(u"outcome").toString(), u"rejected"_s);
    QCOMPARE(pushed.value(u"reason").toString(), u"forbidden"_s);
}

void TestNotes::theServerNamesTheAuthor()
{
    // A device cannot write a note in someone else's name.
    const HttpResult refused
        = call(u"ta"_s, "POST", u"/api/v1/courses/%1/notes"_s.arg(m_course),
               {{u"title"_s, u"Forged"_s}, {u"authorId"_s, m_ids[u"instructor"_s]}});
    QCOMPARE(refused.status, 422);
    QVERIFY(refused.errorFields().contains(u"authorId"));
    const QJsonObject pushed = pushOne(u"ta"_s,
                                       op(createUuidV7String(), u"create"_s,
                                          {{u"courseId"_s, m_course},
                                           {u"title"_s, u"Forged"_s},
                                           {u"authorId"_s, m_ids[u"instructor"_s]}}));
    QCOMPARE(pushed.value(u"reason").toString(), u"validation_failed"_s);
    const QString id = noteOf(u"ta"_s, m_course, u"Mine"_s);
    QCOMPARE(pushOne(u"ta"_s, op(id, u"update"_s, {{u"authorId"_s, m_ids[u"instructor"_s]}}))
                 .value(u"reason")
                 .toString(),
             u"validation_failed"_s);
}

void TestNotes::deletingTheCourseTakesTheNotes()
{
    const QString course = makeCourse();
    const QString id = noteOf(u"ta"_s, course, u"Gone with the course"_s);
    QVERIFY(!id.isEmpty());
    QCOMPARE(call(u"instructor"_s, "DELETE", u"/api/v1/courses/"_s + course).status, 200);
    QCOMPARE(call(u"ta"_s, "GET", u"/api/v1/notes/"_s + id).status, 404);
    QCOMPARE(pull(u"ta"_s).value(u"note/"_s + id).value(u"deleted"), QJsonValue(true));
}

QTEST_GUILESS_MAIN(TestNotes)
#include "tst_notes.moc"
