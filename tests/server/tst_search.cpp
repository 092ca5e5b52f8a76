#include "httpclient.h"
#include "search/searchindex.h"
#include "search/searchtext.h"
#include "storage/recordstore.h"
#include "storage/transaction.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <lectern/uuidv7.h>
#include <memory>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;

// GET /api/v1/search over real HTTP: ranking (titles before bodies), snippets, folding of case
// and accents, prefixes, who sees what (enrollment, drafts, release dates, other courses and
// organisations), deletes and renames reaching the index, pagination, and user text that looks
// like query syntax.
class TestSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void rejectsBadParameters_data();
    void rejectsBadParameters();
    void titleMatchOutranksBody();
    void snippetMarksTheMatch();
    void foldsCaseAndAccents_data();
    void foldsCaseAndAccents();
    void matchesPrefixOfLastWord();
    void everyWordMustMatch();
    void filtersByTypeAndCourse();
    void visibility_data();
    void visibility();
    void deletedRecordsDisappear();
    void renamedRecordsAreReindexed();
    void paginates();
    void queryTextIsNeverSyntax_data();
    void queryTextIsNeverSyntax();
    void rebuildKeepsResults();
    void longBodiesAreIndexedUpToALimit();
    void presentMapsBackToOriginal_data();
    void presentMapsBackToOriginal();
    void foldKeepsWhereEachCharacterCameFrom_data();
    void foldKeepsWhereEachCharacterCameFrom();

private:
    HttpResult call(const QString &who, const QByteArray &method, const QString &path,
                    const QJsonObject &body = {});
    HttpResult search(const QString &who, const QString &q, const QString &extra = {});
    // Ids of the hits for `q`, best first (every page).
    QStringList hits(const QString &who, const QString &q, const QString &extra = {});
    QString createCourse(const QString &code, const QString &title, const QString &description,
                         bool publish);
    QString createModule(const QString &courseId, const QJsonObject &fields);
    QString createLesson(const QString &moduleId, const QString &title, const QString &body,
                         bool published = true);
    bool enroll(const QString &courseId, const QString &userKey, const QString &role);

    TestServer m_server;
    std::unique_ptr<HttpClient> m_http;
    QHash<QString, QString> m_tokens; // admin, instructor, student1, student2, otherAdmin
    QHash<QString, QString> m_userIds;
    QString m_orgId;

    QString m_courseA;       // published, student1 enrolled
    QString m_moduleA;       // released
    QString m_lessonCell;    // released lesson with "Mitochondria" and "Élève"
    QString m_lessonReading; // "zymology" in its body only
    QString m_lessonDraft;
    QString m_moduleLater; // unlocks next year
    QString m_lessonLater;
    QString m_moduleHidden; // not published
    QString m_lessonHidden;
    QString m_lessonEleve; // title "Eleve handbook"
    QString m_courseB;     // published, nobody enrolled
    QString m_lessonB;
    QString m_courseDraft; // draft, student1 enrolled
    QString m_otherCourse; // another organisation
};

namespace {
QStringList idsOf(const HttpResult &r)
{
    QStringList ids;
    for (const QJsonValue &item : r.data().toArray())
        ids.append(item.toObject().value(u"id").toString());
    return ids;
}

QJsonObject hitFor(const HttpResult &r, const QString &id)
{
    for (const QJsonValue &item : r.data().toArray()) {
        if (item.toObject().value(u"id").toString() == id)
            return item.toObject();
    }
    return {};
}
} // namespace

HttpResult TestSearch::call(const QString &who, const QByteArray &method, const QString &path,
                            const QJsonObject &body)
{
    m_http->setToken(m_tokens.value(who));
    const bool hasBody = method != "GET" && method != "DELETE";
    return m_http->send(
        method, path, hasBody ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray());
}

HttpResult TestSearch::search(const QString &who, const QString &q, const QString &extra)
{
    return call(who, "GET",
                u"/api/v1/search?q="_s + QString::fromLatin1(QUrl::toPercentEncoding(q))
                    + (extra.isEmpty() ? QString() : u'&' + extra));
}

QStringList TestSearch::hits(const QString &who, const QString &q, const QString &extra)
{
    const HttpResult r
        = search(who, q, u"limit=100"_s + (extra.isEmpty() ? QString() : u'&' + extra));
    if (r.status != 200) {
        qWarning().noquote() << "search" << q << "answered" << r.status << r.body;
        return {u"status %1"_s.arg(r.status)};
    }
    return idsOf(r);
}

QString TestSearch::createCourse(const QString &code, const QString &title,
                                 const QString &description, bool publish)
{
    const HttpResult r
        = call(u"instructor"_s, "POST", u"/api/v1/courses"_s,
               {{u"code"_s, code}, {u"title"_s, title}, {u"description"_s, description}});
    if (r.status != 201) {
        qWarning().noquote() << "create course" << r.status << r.body;
        return {};
    }
    const QString id = r.data().toObject().value(u"id").toString();
    if (publish) {
        const HttpResult p = call(u"instructor"_s, "POST", u"/api/v1/courses/%1/publish"_s.arg(id));
        if (p.status != 200)
            qWarning().noquote() << "publish" << p.status << p.body;
    }
    return id;
}

QString TestSearch::createModule(const QString &courseId, const QJsonObject &fields)
{
    const HttpResult r
        = call(u"instructor"_s, "POST", u"/api/v1/courses/%1/modules"_s.arg(courseId), fields);
    if (r.status != 201)
        qWarning().noquote() << "create module" << r.status << r.body;
    return r.data().toObject().value(u"id").toString();
}

QString TestSearch::createLesson(const QString &moduleId, const QString &title, const QString &body,
                                 bool published)
{
    const HttpResult r
        = call(u"instructor"_s, "POST", u"/api/v1/modules/%1/contents"_s.arg(moduleId),
               {{u"type"_s, u"lesson"_s},
                {u"title"_s, title},
                {u"body"_s, body},
                {u"published"_s, published}});
    if (r.status != 201)
        qWarning().noquote() << "create lesson" << r.status << r.body;
    return r.data().toObject().value(u"id").toString();
}

bool TestSearch::enroll(const QString &courseId, const QString &userKey, const QString &role)
{
    // The enrollment endpoints are not part of this suite: write the record as they would.
    auto &context = m_server.server().context();
    Server::Transaction tx(context.db());
    const EntitySpec &spec = EntityRegistry::get(u"enrollment"_s);
    const QJsonObject fields = spec.normalize(
        {{u"courseId"_s, courseId}, {u"userId"_s, m_userIds.value(userKey)}, {u"role"_s, role}},
        EntitySpec::Mode::Create);
    auto r = Server::RecordStore::insert(tx, context.clock(), spec, m_orgId, createUuidV7String(),
                                         fields);
    if (!r) {
        qWarning().noquote() << "enroll" << r.error().message;
        return false;
    }
    return bool(tx.commit());
}

void TestSearch::initTestCase()
{
    LECTERN_START_SERVER(m_server);
    m_http = std::make_unique<HttpClient>(m_server.url());
    for (const QString &key : {u"admin"_s, u"instructor"_s, u"student1"_s, u"student2"_s}) {
        const HttpResult login = m_http->login(key + u"@demo.lectern"_s);
        QVERIFY2(login.status == 200, login.body.constData());
        m_tokens.insert(key, m_http->token());
        const QJsonObject data = login.data().toObject();
        m_userIds.insert(key, data.value(u"user").toObject().value(u"id").toString());
        m_orgId = data.value(u"organization").toObject().value(u"id").toString();
    }

    m_courseA = createCourse(u"BIO101"_s, u"Introduction to Zymology"_s,
                             u"Fermentation for *beginners*."_s, true);
    QVERIFY(!m_courseA.isEmpty());
    m_moduleA = createModule(m_courseA, {{u"title"_s, u"Foundations"_s}, {u"published"_s, true}});
    m_lessonCell = createLesson(
        m_moduleA, u"Cell structure"_s,
        u"# Cells\n\nThe **Mitochondria** is the powerhouse of the cell. Chaque \u00c9l\u00e8ve "
        u"apprend <vite> & bien."_s);
    m_lessonReading = createLesson(m_moduleA, u"Reading list"_s,
                                   u"Books about zymology, brewing and baking."_s);
    m_lessonDraft = createLesson(m_moduleA, u"Draft lesson"_s, u"secretdraftword inside"_s, false);
    m_lessonEleve = createLesson(m_moduleA, u"Eleve handbook"_s, u"Rules."_s);
    m_moduleLater = createModule(
        m_courseA,
        {{u"title"_s, u"Later"_s},
         {u"published"_s, true},
         {u"unlockAt"_s, QDateTime::currentDateTimeUtc().addYears(1).toString(Qt::ISODate)}});
    m_lessonLater = createLesson(m_moduleLater, u"Future"_s, u"futureword"_s);
    m_moduleHidden = createModule(m_courseA, {{u"title"_s, u"Hidden module"_s}});
    m_lessonHidden = createLesson(m_moduleHidden, u"Hidden"_s, u"hiddenmoduleword"_s);
    QVERIFY(!m_lessonHidden.isEmpty() && !m_lessonLater.isEmpty() && !m_lessonEleve.isEmpty());

    m_courseB = createCourse(u"CHEM1"_s, u"Chemistry"_s, u"Acids."_s, true);
    m_lessonB
        = createLesson(createModule(m_courseB, {{u"title"_s, u"One"_s}, {u"published"_s, true}}),
                       u"Bases"_s, u"otherscourseword"_s);
    m_courseDraft = createCourse(u"DRAFT1"_s, u"Unpublishedtopic"_s, QString(), false);
    QVERIFY(!m_lessonB.isEmpty() && !m_courseDraft.isEmpty());

    QVERIFY(enroll(m_courseA, u"student1"_s, u"student"_s));
    QVERIFY(enroll(m_courseDraft, u"student1"_s, u"student"_s));

    auto other = m_server.server().organizations().create(u"Other"_s, u"other"_s);
    QVERIFY2(other, qPrintable(other ? QString() : other.error().message));
    auto otherAdmin = m_server.server().users().createInOrganization(
        u"other"_s, u"admin@other.example"_s, u"Olga Other"_s, {Role::Admin},
        u"account-password"_s);
    QVERIFY(otherAdmin);
    HttpClient client(m_server.url());
    QCOMPARE(client.login(u"admin@other.example"_s, u"account-password"_s).status, 200);
    m_tokens.insert(u"otherAdmin"_s, client.token());
    const HttpResult course
        = call(u"otherAdmin"_s, "POST", u"/api/v1/courses"_s,
               {{u"code"_s, u"OTH1"_s},
                {u"title"_s, u"Foreign zymology"_s},
                {u"description"_s, u"otherscourseword foreignword Mitochondria"_s}});
    QCOMPARE(course.status, 201);
    m_otherCourse = course.data().toObject().value(u"id").toString();
}

void TestSearch::rejectsBadParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");

    QTest::newRow("no q") << u"limit=5"_s << u"q"_s;
    QTest::newRow("empty q") << u"q="_s << u"q"_s;
    QTest::newRow("blank q") << u"q=%20%20"_s << u"q"_s;
    QTest::newRow("q of 201 characters") << u"q="_s + QString(201, u'a') << u"q"_s;
    QTest::newRow("bad type") << u"q=cell&type=quiz"_s << u"type"_s;
    QTest::newRow("bad courseId") << u"q=cell&courseId=nope"_s << u"courseId"_s;
    QTest::newRow("bad limit") << u"q=cell&limit=0"_s << u"limit"_s;
}

void TestSearch::rejectsBadParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const HttpResult r = call(u"instructor"_s, "GET", u"/api/v1/search?"_s + query);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"validation_failed"_s);
    QVERIFY2(r.errorFields().contains(field), r.body.constData());

    const HttpResult exactly200 = search(u"instructor"_s, QString(200, u'a'));
    QCOMPARE(exactly200.status, 200);
    m_http->setToken(QString());
    QCOMPARE(m_http->get(u"/api/v1/search?q=cell"_s).status, 401);
}

void TestSearch::titleMatchOutranksBody()
{
    const HttpResult r = search(u"instructor"_s, u"zymology"_s);
    QCOMPARE(r.status, 200);
    const QStringList ids = idsOf(r);
    QVERIFY2(ids.contains(m_courseA) && ids.contains(m_lessonReading), r.body.constData());
    QVERIFY2(!ids.contains(m_otherCourse), "another organisation's course");
    QVERIFY2(ids.indexOf(m_courseA) < ids.indexOf(m_lessonReading), r.body.constData());
    QVERIFY(hitFor(r, m_courseA).value(u"rank").toDouble()
            > hitFor(r, m_lessonReading).value(u"rank").toDouble());

    const QJsonObject course = hitFor(r, m_courseA);
    QCOMPARE(course.value(u"type").toString(), u"course"_s);
    QCOMPARE(course.value(u"courseId").toString(), m_courseA);
    QCOMPARE(course.value(u"title").toString(), u"Introduction to Zymology"_s);
    QVERIFY(!course.contains(u"moduleId"));
    const QJsonObject lesson = hitFor(r, m_lessonReading);
    QCOMPARE(lesson.value(u"type").toString(), u"content"_s);
    QCOMPARE(lesson.value(u"courseId").toString(), m_courseA);
    QCOMPARE(lesson.value(u"moduleId").toString(), m_moduleA);
    QCOMPARE(lesson.value(u"title").toString(), u"Reading list"_s);
}

void TestSearch::snippetMarksTheMatch()
{
    const HttpResult r = search(u"student1"_s, u"mitochondria"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(idsOf(r), QStringList {m_lessonCell});
    const QString snippet = hitFor(r, m_lessonCell).value(u"snippet").toString();
    // The original text (case, accents, punctuation), HTML-escaped, with the match marked.
    QVERIFY2(snippet.contains(u"<mark>Mitochondria</mark>"_s), qPrintable(snippet));
    QVERIFY2(snippet.contains(u"&lt;vite&gt; &amp; bien"_s), qPrintable(snippet));
    QVERIFY2(!snippet.contains(u"<vite>"_s), qPrintable(snippet));

    const HttpResult title = search(u"student1"_s, u"structure"_s);
    QCOMPARE(title.status, 200);
    QCOMPARE(hitFor(title, m_lessonCell).value(u"snippet").toString(),
             u"Cell <mark>structure</mark>"_s);
}

void TestSearch::foldsCaseAndAccents_data()
{
    QTest::addColumn<QString>("q");
    QTest::newRow("accented") << u"\u00e9l\u00e8ve"_s;
    QTest::newRow("plain") << u"eleve"_s;
    QTest::newRow("upper case") << u"ELEVE"_s;
    QTest::newRow("upper accented") << u"\u00c9L\u00c8VE"_s;
    QTest::newRow("decomposed") << u"e\u0301le\u0300ve"_s;
}

void TestSearch::foldsCaseAndAccents()
{
    QFETCH(QString, q);
    const HttpResult r = search(u"student1"_s, q);
    QCOMPARE(r.status, 200);
    const QStringList ids = idsOf(r);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()),
             (QSet<QString> {m_lessonCell, m_lessonEleve}));
    // The title match first; the body's snippet shows the word as written.
    QCOMPARE(ids.first(), m_lessonEleve);
    QVERIFY(hitFor(r, m_lessonCell)
                .value(u"snippet")
                .toString()
                .contains(u"<mark>\u00c9l\u00e8ve</mark>"_s));
}

void TestSearch::matchesPrefixOfLastWord()
{
    QCOMPARE(hits(u"student1"_s, u"mitoch"_s), QStringList {m_lessonCell});
    QVERIFY(hits(u"student1"_s, u"zymol"_s).contains(m_courseA));
    QVERIFY(hits(u"student1"_s, u"bio"_s).contains(m_courseA)); // the course code
    const HttpResult r = search(u"student1"_s, u"powerh"_s);
    QVERIFY2(
        hitFor(r, m_lessonCell).value(u"snippet").toString().contains(u"<mark>powerhouse</mark>"_s),
        r.body.constData());
    // Only the last word is a prefix.
    QCOMPARE(hits(u"student1"_s, u"mitoch cell"_s), QStringList());
}

void TestSearch::everyWordMustMatch()
{
    QCOMPARE(hits(u"student1"_s, u"mitochondria powerhouse"_s), QStringList {m_lessonCell});
    QCOMPARE(hits(u"student1"_s, u"mitochondria zymology"_s), QStringList());
}

void TestSearch::filtersByTypeAndCourse()
{
    QCOMPARE(hits(u"instructor"_s, u"zymology"_s, u"type=content"_s),
             QStringList {m_lessonReading});
    QCOMPARE(hits(u"instructor"_s, u"zymology"_s, u"type=course"_s), QStringList {m_courseA});
    QCOMPARE(hits(u"instructor"_s, u"zymology"_s, u"type=module"_s), QStringList());
    QCOMPARE(hits(u"instructor"_s, u"foundations"_s, u"type=module"_s), QStringList {m_moduleA});
    QCOMPARE(hits(u"admin"_s, u"otherscourseword"_s, u"courseId="_s + m_courseA), QStringList());
    QCOMPARE(hits(u"admin"_s, u"otherscourseword"_s, u"courseId="_s + m_courseB.toUpper()),
             QStringList {m_lessonB});
}

void TestSearch::visibility_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("q");
    QTest::addColumn<QString>("expected"); // member holding the one id, or empty for none

    QTest::newRow("student: released lesson") << u"student1"_s << u"powerhouse"_s << u"cell"_s;
    QTest::newRow("student: not a draft item")
        << u"student1"_s << u"secretdraftword"_s << QString();
    QTest::newRow("student: not before unlock") << u"student1"_s << u"futureword"_s << QString();
    QTest::newRow("student: not in an unpublished module")
        << u"student1"_s << u"hiddenmoduleword"_s << QString();
    QTest::newRow("student: not an unpublished module")
        << u"student1"_s << u"hidden module"_s << QString();
    QTest::newRow("student: not another course")
        << u"student1"_s << u"otherscourseword"_s << QString();
    QTest::newRow("student: not a draft course")
        << u"student1"_s << u"unpublishedtopic"_s << QString();
    QTest::newRow("student: not another organisation")
        << u"student1"_s << u"foreignword"_s << QString();
    QTest::newRow("student not enrolled: nothing") << u"student2"_s << u"powerhouse"_s << QString();
    QTest::newRow("instructor: draft item")
        << u"instructor"_s << u"secretdraftword"_s << u"draft"_s;
    QTest::newRow("instructor: before unlock") << u"instructor"_s << u"futureword"_s << u"later"_s;
    QTest::newRow("instructor: unpublished module")
        << u"instructor"_s << u"hiddenmoduleword"_s << u"hidden"_s;
    QTest::newRow("instructor: draft course")
        << u"instructor"_s << u"unpublishedtopic"_s << u"draftCourse"_s;
    QTest::newRow("admin: every course of the organisation")
        << u"admin"_s << u"otherscourseword"_s << u"b"_s;
    QTest::newRow("admin: drafts") << u"admin"_s << u"secretdraftword"_s << u"draft"_s;
    QTest::newRow("admin: not another organisation") << u"admin"_s << u"foreignword"_s << QString();
    QTest::newRow("other organisation: only its own")
        << u"otherAdmin"_s << u"otherscourseword"_s << u"other"_s;
}

void TestSearch::visibility()
{
    QFETCH(QString, who);
    QFETCH(QString, q);
    QFETCH(QString, expected);
    const QHash<QString, QString> ids {
        {u"cell"_s, m_lessonCell},         {u"draft"_s, m_lessonDraft},
        {u"later"_s, m_lessonLater},       {u"hidden"_s, m_lessonHidden},
        {u"draftCourse"_s, m_courseDraft}, {u"b"_s, m_lessonB},
        {u"other"_s, m_otherCourse}};
    const HttpResult r = search(who, q);
    QCOMPARE(r.status, 200);
    QCOMPARE(idsOf(r), expected.isEmpty() ? QStringList() : QStringList {ids.value(expected)});
    QCOMPARE(r.json.value(u"pagination").toObject().value(u"totalItems").toInt(),
             expected.isEmpty() ? 0 : 1);
}

void TestSearch::deletedRecordsDisappear()
{
    const QString lesson = createLesson(m_moduleA, u"Ephemeral"_s, u"ephemeralword"_s);
    QCOMPARE(hits(u"student1"_s, u"ephemeralword"_s), QStringList {lesson});
    QCOMPARE(call(u"instructor"_s, "DELETE", u"/api/v1/contents/"_s + lesson).status, 200);
    QCOMPARE(hits(u"student1"_s, u"ephemeralword"_s), QStringList());

    // A whole course goes with everything in it.
    const QString course = createCourse(u"GONE1"_s, u"Vanishingcourse"_s, u"vanishword"_s, true);
    const QString module
        = createModule(course, {{u"title"_s, u"Vanishingmodule"_s}, {u"published"_s, true}});
    const QString item = createLesson(module, u"Vanishinglesson"_s, u"vanishword"_s);
    QCOMPARE(hits(u"instructor"_s, u"vanishword"_s).size(), 2);
    QCOMPARE(hits(u"instructor"_s, u"vanishing"_s).size(), 3);
    QCOMPARE(call(u"instructor"_s, "DELETE", u"/api/v1/courses/"_s + course).status, 200);
    QCOMPARE(hits(u"instructor"_s, u"vanishword"_s), QStringList());
    QCOMPARE(hits(u"admin"_s, u"vanishing"_s), QStringList());
    QVERIFY(!item.isEmpty());
}

void TestSearch::renamedRecordsAreReindexed()
{
    const QString lesson = createLesson(m_moduleA, u"Oldnameword"_s, u"Body."_s);
    QCOMPARE(hits(u"student1"_s, u"oldnameword"_s), QStringList {lesson});
    const HttpResult put = call(u"instructor"_s, "PUT", u"/api/v1/contents/"_s + lesson,
                                {{u"title"_s, u"Newnameword"_s}});
    QCOMPARE(put.status, 200);
    QCOMPARE(hits(u"student1"_s, u"oldnameword"_s), QStringList());
    const HttpResult r = search(u"student1"_s, u"newnameword"_s);
    QCOMPARE(idsOf(r), QStringList {lesson});
    QCOMPARE(hitFor(r, lesson).value(u"title").toString(), u"Newnameword"_s);

    // Unpublishing hides it from students at once; the course's rename reaches the index too.
    QCOMPARE(
        call(u"instructor"_s, "PUT", u"/api/v1/contents/"_s + lesson, {{u"published"_s, false}})
            .status,
        200);
    QCOMPARE(hits(u"student1"_s, u"newnameword"_s), QStringList());
    QCOMPARE(hits(u"instructor"_s, u"newnameword"_s), QStringList {lesson});

    const QString course = createCourse(u"REN1"_s, u"Oldcoursetitle"_s, QString(), false);
    QCOMPARE(call(u"instructor"_s, "PUT", u"/api/v1/courses/"_s + course,
                  {{u"title"_s, u"Newcoursetitle"_s}})
                 .status,
             200);
    QCOMPARE(hits(u"instructor"_s, u"oldcoursetitle"_s), QStringList());
    QCOMPARE(hits(u"instructor"_s, u"newcoursetitle"_s), QStringList {course});
}

void TestSearch::paginates()
{
    QStringList made;
    for (int i = 0; i < 5; ++i)
        made.append(createLesson(m_moduleA, u"Page %1"_s.arg(i), u"pagingword number %1"_s.arg(i)));
    const QStringList all = hits(u"student1"_s, u"pagingword"_s);
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()), QSet<QString>(made.cbegin(), made.cend()));

    QStringList paged;
    const QList<int> sizes {2, 2, 1, 0};
    for (int page = 1; page <= 4; ++page) {
        const HttpResult r = search(u"student1"_s, u"pagingword"_s, u"limit=2&page=%1"_s.arg(page));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().toArray().size(), sizes.at(page - 1));
        const QJsonObject pagination = r.json.value(u"pagination").toObject();
        QCOMPARE(pagination.value(u"currentPage").toInt(), page);
        QCOMPARE(pagination.value(u"totalPages").toInt(), 3);
        QCOMPARE(pagination.value(u"totalItems").toInt(), 5);
        QCOMPARE(pagination.value(u"itemsPerPage").toInt(), 2);
        paged += idsOf(r);
    }
    QCOMPARE(paged, all);
}

void TestSearch::queryTextIsNeverSyntax_data()
{
    QTest::addColumn<QString>("q");
    QTest::addColumn<bool>("findsCell"); // the released lesson with "Mitochondria"

    QTest::newRow("double quote") << u"\""_s << false;
    QTest::newRow("star") << u"*"_s << false;
    QTest::newRow("NEAR(") << u"NEAR("_s << false;
    QTest::newRow("NEAR(a b)") << u"NEAR(mitochondria powerhouse)"_s << false;
    QTest::newRow("OR") << u"OR"_s << false;
    QTest::newRow("AND NOT") << u"AND NOT"_s << false;
    QTest::newRow("minus") << u"-"_s << false;
    QTest::newRow("colon") << u":"_s << false;
    QTest::newRow("parentheses") << u"()"_s << false;
    QTest::newRow("open parenthesis") << u"(mitochondria"_s << true;
    QTest::newRow("quoted word") << u"\"mitochondria\""_s << true;
    QTest::newRow("unbalanced quote") << u"\"mitochondria"_s << true;
    QTest::newRow("word star") << u"mitochondria*"_s << true;
    QTest::newRow("column filter") << u"body:mitochondria"_s << false;
    QTest::newRow("minus word") << u"-mitochondria"_s << true;
    QTest::newRow("caret") << u"^mitochondria"_s << true;
    QTest::newRow("tsquery operators") << u"mitochondria & !powerhouse | x"_s << false;
    QTest::newRow("tsquery prefix") << u"mito:*"_s << true;
    QTest::newRow("OR between words") << u"mitochondria OR secretdraftword"_s << false;
    QTest::newRow("SQL quote") << u"' OR '1'='1"_s << false;
    QTest::newRow("SQL comment") << u"mitochondria'; DROP TABLE courses; --"_s << false;
    QTest::newRow("backslash") << u"\\"_s << false;
    QTest::newRow("percent and underscore") << u"%_%"_s << false;
    QTest::newRow("brackets") << u"[mitochondria]"_s << true;
    QTest::newRow("emoji") << u"\U0001F9EC mitochondria"_s << true;
}

void TestSearch::queryTextIsNeverSyntax()
{
    QFETCH(QString, q);
    QFETCH(bool, findsCell);
    const HttpResult r = search(u"student1"_s, q);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"ok").toBool(), true);
    QVERIFY(r.data().isArray());
    const QStringList ids = idsOf(r);
    QVERIFY2(!ids.contains(m_lessonDraft), r.body.constData());
    QCOMPARE(ids.contains(m_lessonCell), findsCell);
    if (findsCell)
        QCOMPARE(ids.size(), 1);
    // The courses table is still there.
    QCOMPARE(call(u"student1"_s, "GET", u"/api/v1/courses"_s).status, 200);
}

void TestSearch::rebuildKeepsResults()
{
    const QStringList before = hits(u"admin"_s, u"zymology"_s);
    QVERIFY(before.size() >= 2);
    {
        Server::Transaction tx(m_server.server().context().db());
        QVERIFY(
            tx.query(u"DELETE FROM server_settings WHERE key = 'search_index_version'"_s).exec());
        QVERIFY(tx.commit());
    }
    auto rebuilt = Server::SearchIndex::ensureBuilt(m_server.server().context().db());
    QVERIFY2(rebuilt, qPrintable(rebuilt ? QString() : rebuilt.error().message));
    QCOMPARE(hits(u"admin"_s, u"zymology"_s), before);
    QCOMPARE(hits(u"student1"_s, u"secretdraftword"_s), QStringList());
}

void TestSearch::longBodiesAreIndexedUpToALimit()
{
    // Past SearchText::maxIndexedLength folded characters a body is not indexed (PostgreSQL
    // refuses tsvectors over 1 MB); the start still is, on both backends alike.
    QString body = u"Opening needleword. "_s;
    for (int i = 0; body.size() < 900000; ++i)
        body += u"w%1 "_s.arg(i);
    body += u"tailword"_s;
    const QString lesson = createLesson(m_moduleA, u"Long"_s, body);
    QVERIFY(!lesson.isEmpty());
    const HttpResult r = search(u"student1"_s, u"needleword"_s);
    QCOMPARE(idsOf(r), QStringList {lesson});
    const QString snippet = hitFor(r, lesson).value(u"snippet").toString();
    QVERIFY2(snippet.contains(u"<mark>needleword</mark>. w0 w1"_s), qPrintable(snippet));
    QVERIFY2(snippet.endsWith(QChar(0x2026)), qPrintable(snippet));
    QCOMPARE(hits(u"student1"_s, u"w1000"_s), QStringList {lesson});
    QCOMPARE(hits(u"student1"_s, u"tailword"_s), QStringList());
}

void TestSearch::presentMapsBackToOriginal_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<QString>("snippet"); // as a database cuts it from the folded text
    QTest::addColumn<QString>("expected");

    QTest::newRow("case and accents") << u"Une \u00c9l\u00e8ve lit."_s << u"une [eleve] lit"_s
                                      << u"Une <mark>\u00c9l\u00e8ve</mark> lit."_s;
    QTest::newRow("cut on both sides")
        << u"a b c d e"_s << u"b [c] d"_s << u"\u2026b <mark>c</mark> d\u2026"_s;
    QTest::newRow("escaped") << u"<b>x</b> & y"_s << u"b [x] b y"_s
                             << u"&lt;b&gt;<mark>x</mark>&lt;/b&gt; &amp; y"_s;
    QTest::newRow("sharp s") << u"Stra\u00dfe hier"_s << u"[stra\u00dfe] hier"_s
                             << u"<mark>Stra\u00dfe</mark> hier"_s;
    QTest::newRow("ligature") << u"\ufb01ne"_s << u"[fine]"_s << u"<mark>\ufb01ne</mark>"_s;
    QTest::newRow("outside the BMP")
        << u"\U0001D400 bold"_s << u"a [bold]"_s << u"\U0001D400 <mark>bold</mark>"_s;
    QTest::newRow("not from this text") << u"abc"_s << u"[xyz]"_s << QString();
}

void TestSearch::presentMapsBackToOriginal()
{
    QFETCH(QString, original);
    QFETCH(QString, snippet);
    QFETCH(QString, expected);
    QCOMPARE(Server::SearchText::present(snippet, original), expected);
}

void TestSearch::foldKeepsWhereEachCharacterCameFrom_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<QString>("folded");
    // For each folded character, the stretch of the original it came from, as "from-to".
    QTest::addColumn<QStringList>("sources");

    QTest::newRow("ascii") << u"Hi, YOU_2!"_s << u"hi you 2"_s
                           << QStringList {u"0-1"_s, u"1-2"_s, u"2-3"_s, u"4-5"_s,
                                           u"5-6"_s, u"6-7"_s, u"7-8"_s, u"8-9"_s};
    QTest::newRow("accents between ascii")
        << u"\u00c9t\u00e9 A"_s << u"ete a"_s
        << QStringList {u"0-1"_s, u"1-2"_s, u"2-3"_s, u"3-4"_s, u"4-5"_s};
    QTest::newRow("ligature") << u"a\ufb01"_s << u"afi"_s
                              << QStringList {u"0-1"_s, u"1-2"_s, u"1-2"_s};
    QTest::newRow("only punctuation") << u" .,;- "_s << QString() << QStringList {};
}

void TestSearch::foldKeepsWhereEachCharacterCameFrom()
{
    QFETCH(QString, original);
    QFETCH(QString, folded);
    QFETCH(QStringList, sources);
    const Server::SearchText::Folded result = Server::SearchText::fold(original);
    QCOMPARE(result.text, folded);
    QStringList stretches;
    for (qsizetype i = 0; i < result.text.size(); ++i)
        stretches.append(u"%1-%2"_s.arg(result.from.at(i)).arg(result.to.at(i)));
    QCOMPARE(stretches, sources);
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
