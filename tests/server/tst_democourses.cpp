#include "httpclient.h"
#include "storage/changelog.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;

// The demo course catalogue (demo + demo-courses) as the people of run.sh meet it, over real
// HTTP: which courses exist with which outline, who is enrolled as what, what a student sees of
// them (no draft course, no draft item, no locked module), and that it is made only once and
// only when asked for.
class TestDemoCourses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void catalogue();
    void outlines_data();
    void outlines();
    void lessonsAreMarkdown();
    void linkAndVideoHaveAddresses();
    void enrollments_data();
    void enrollments();
    void whoSeesWhichCourses_data();
    void whoSeesWhichCourses();
    void studentSeesReleasedMaterialOnly();
    void thirdModuleUnlocksInAWeek();

    void secondStartCreatesNothing();
    void deletedDemoCourseStaysDeleted();
    void demoAloneHasNoCourses();

private:
    // Logs `email` in (password lectern-demo) on `server` and answers the token.
    static QString logIn(const TestServer &server, const QString &email);
    HttpResult call(const QString &who, const QByteArray &method, const QString &path);
    // Course codes `who` lists, in code order.
    QStringList codes(const QString &who);
    QJsonObject course(const QString &who, const QString &code);
    // "Module: item, item" lines as `who` sees the course.
    QStringList outline(const QString &who, const QString &code);
    QJsonObject item(const QString &title);

    TestServer m_server {demoCourseOptions()};
    std::unique_ptr<HttpClient> m_http;
    QHash<QString, QString>
        m_tokens; // by the email's local part: admin, instructor, ta, student1..3
    QHash<QString, QString> m_courseIds; // by code
    QHash<QString, QJsonObject> m_items; // every item of every course, by title (as the admin sees)

    static TestServer::Options demoCourseOptions()
    {
        TestServer::Options options;
        options.configure = [](Server::ServerConfig &config) {
            config.demoCourses = true;
        };
        return options;
    }
};

namespace {
const QStringList people {u"admin"_s,    u"instructor"_s, u"ta"_s,
                          u"student1"_s, u"student2"_s,   u"student3"_s};

QStringList valuesOf(const QJsonArray &array, const QString &key)
{
    QStringList values;
    for (const QJsonValue &v : array)
        values.append(v.toObject().value(key).toString());
    return values;
}
} // namespace

QString TestDemoCourses::logIn(const TestServer &server, const QString &email)
{
    HttpClient client(server.url());
    const HttpResult login = client.login(email);
    if (login.status != 200)
        qWarning() << "cannot log in" << email << login.body;
    return client.token();
}

HttpResult TestDemoCourses::call(const QString &who, const QByteArray &method, const QString &path)
{
    m_http->setToken(m_tokens.value(who));
    return m_http->send(method, path);
}

QStringList TestDemoCourses::codes(const QString &who)
{
    const HttpResult r = call(who, "GET", u"/api/v1/courses?sort=code&limit=100"_s);
    if (r.status != 200)
        return {u"HTTP %1"_s.arg(r.status)};
    return valuesOf(r.data().toArray(), u"code"_s);
}

QJsonObject TestDemoCourses::course(const QString &who, const QString &code)
{
    const HttpResult r = call(who, "GET", u"/api/v1/courses/"_s + m_courseIds.value(code));
    return r.status == 200 ? r.data().toObject() : QJsonObject {{u"status"_s, r.status}};
}

QStringList TestDemoCourses::outline(const QString &who, const QString &code)
{
    QStringList lines;
    for (const QJsonValue &module : course(who, code).value(u"modules").toArray()) {
        const QJsonObject m = module.toObject();
        lines.append(m.value(u"title").toString() + u": "_s
                     + valuesOf(m.value(u"items").toArray(), u"title"_s).join(u", "_s));
    }
    return lines;
}

QJsonObject TestDemoCourses::item(const QString &title)
{
    return m_items.value(title);
}

void TestDemoCourses::initTestCase()
{
    LECTERN_START_SERVER(m_server);
    m_http = std::make_unique<HttpClient>(m_server.url());
    for (const QString &who : people) {
        m_tokens.insert(who, logIn(m_server, who + u"@demo.lectern"_s));
        QVERIFY2(!m_tokens.value(who).isEmpty(), qPrintable(who));
    }
    const HttpResult list = call(u"admin"_s, "GET", u"/api/v1/courses?limit=100"_s);
    QCOMPARE(list.status, 200);
    for (const QJsonValue &c : list.data().toArray())
        m_courseIds.insert(c[u"code"].toString(), c[u"id"].toString());
    for (const QString &id : std::as_const(m_courseIds)) {
        const HttpResult r = call(u"admin"_s, "GET", u"/api/v1/courses/"_s + id);
        QCOMPARE(r.status, 200);
        for (const QJsonValue &module : r.data()[u"modules"].toArray()) {
            for (const QJsonValue &it : module[u"items"].toArray())
                m_items.insert(it[u"title"].toString(), it.toObject());
        }
    }
}

void TestDemoCourses::catalogue()
{
    const HttpResult r = call(u"admin"_s, "GET", u"/api/v1/courses?sort=code"_s);
    QCOMPARE(r.status, 200);
    QStringList rows;
    for (const QJsonValue &c : r.data().toArray())
        rows.append(u"%1 | %2 | %3 | %4"_s.arg(c[u"code"].toString(), c[u"title"].toString(),
                                               c[u"term"].toString(), c[u"status"].toString()));
    QCOMPARE(rows,
             (QStringList {u"CHEM-101 | Introduction to Chemistry | 2026-fall | published"_s,
                           u"DATA-200 | Data Analysis with Python | 2027-spring | draft"_s,
                           u"WRIT-110 | Academic Writing | 2026-fall | published"_s}));
    for (const QJsonValue &c : r.data().toArray())
        QVERIFY2(c[u"description"].toString().size() > 80, qPrintable(c[u"code"].toString()));
}

void TestDemoCourses::outlines_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("CHEM-101")
        << u"CHEM-101"_s
        << QStringList {u"Matter and measurement: What is chemistry?, Why chemical "
                        u"principles matter (MIT OpenCourseWare), SI units and "
                        u"significant figures, Practice: density and unit conversions"_s,
                        u"Atoms and the periodic table: Inside the atom, The periodic "
                        u"table (Wikipedia), Reading the periodic table, Practice: "
                        u"electron configurations"_s,
                        u"Chemical reactions: Balancing chemical equations, Types of "
                        u"reactions, The mole and stoichiometry"_s};
    QTest::newRow("WRIT-110") << u"WRIT-110"_s
                              << QStringList {
                                     u"From question to thesis: Reading the assignment, Writing a "
                                     u"thesis statement, Outlining your argument"_s,
                                     u"Evidence and style: Using and citing sources, Paragraphs "
                                     u"that carry an argument, Revising and editing"_s};
    QTest::newRow("DATA-200") << u"DATA-200"_s
                              << QStringList {
                                     u"Getting started: Setting up Python and Jupyter, Python "
                                     u"essentials for data work, Loading a dataset with pandas"_s,
                                     u"Exploring data: Cleaning messy data, Summaries and "
                                     u"group-by, Your first charts with matplotlib"_s};
}

void TestDemoCourses::outlines()
{
    QFETCH(QString, code);
    QFETCH(QStringList, expected);
    // The instructor who teaches it sees every module and item, drafts included, in order.
    QCOMPARE(outline(u"instructor"_s, code), expected);
    const QJsonObject c = course(u"instructor"_s, code);
    QCOMPARE(c.value(u"access").toString(), u"owner"_s);
}

void TestDemoCourses::lessonsAreMarkdown()
{
    const HttpResult r = call(u"student1"_s, "GET",
                              u"/api/v1/contents/"_s
                                  + item(u"SI units and significant figures"_s)[u"id"].toString());
    QCOMPARE(r.status, 200);
    const QString body = r.data()[u"body"].toString();
    for (const QString &part :
         {u"# SI units and significant figures\n"_s, u"\n| Quantity | Unit | Symbol |\n"_s,
          u"| Mass | kilogram | kg |"_s, u"\n1. Count the significant figures"_s, u"\n```\n"_s,
          u"**"_s, u"*kilo*"_s, u"](https://en.wikipedia.org/wiki/"_s})
        QVERIFY2(body.contains(part), qPrintable(part));
    QVERIFY(!body.contains(u"\n\n\n"_s));

    const HttpResult python = call(
        u"instructor"_s, "GET",
        u"/api/v1/contents/"_s + item(u"Python essentials for data work"_s)[u"id"].toString());
    QCOMPARE(python.status, 200);
    QVERIFY(python.data()[u"body"].toString().contains(u"```python\n"_s));
}

void TestDemoCourses::linkAndVideoHaveAddresses()
{
    const QJsonObject link = item(u"The periodic table (Wikipedia)"_s);
    QCOMPARE(link[u"type"].toString(), u"link"_s);
    QCOMPARE(link[u"url"].toString(), u"https://en.wikipedia.org/wiki/Periodic_table"_s);
    const QJsonObject video = item(u"Why chemical principles matter (MIT OpenCourseWare)"_s);
    QCOMPARE(video[u"type"].toString(), u"video"_s);
    QVERIFY(video[u"url"].toString().startsWith(u"https://"_s));
    int lessons = 0;
    for (const QJsonObject &i : std::as_const(m_items))
        lessons += i[u"type"].toString() == u"lesson" ? 1 : 0;
    QCOMPARE(lessons, m_items.size() - 2);
}

void TestDemoCourses::enrollments_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("expected"); // "email role type", sorted
    QTest::newRow("CHEM-101") << u"CHEM-101"_s
                              << QStringList {u"instructor@demo.lectern instructor regular"_s,
                                              u"student1@demo.lectern student regular"_s,
                                              u"student2@demo.lectern student regular"_s,
                                              u"student3@demo.lectern student regular"_s,
                                              u"ta@demo.lectern ta regular"_s};
    QTest::newRow("WRIT-110") << u"WRIT-110"_s
                              << QStringList {u"instructor@demo.lectern instructor regular"_s,
                                              u"student1@demo.lectern student regular"_s,
                                              u"student2@demo.lectern student regular"_s};
    QTest::newRow("DATA-200") << u"DATA-200"_s
                              << QStringList {u"instructor@demo.lectern instructor regular"_s};
}

void TestDemoCourses::enrollments()
{
    QFETCH(QString, code);
    QFETCH(QStringList, expected);
    const HttpResult r = call(u"instructor"_s, "GET",
                              u"/api/v1/courses/%1/students?limit=100"_s.arg(m_courseIds[code]));
    QCOMPARE(r.status, 200);
    QStringList got;
    for (const QJsonValue &e : r.data().toArray()) {
        QCOMPARE(e[u"status"].toString(), u"enrolled"_s);
        got.append(u"%1 %2 %3"_s.arg(e[u"user"][u"email"].toString(), e[u"role"].toString(),
                                     e[u"type"].toString()));
    }
    got.sort();
    QCOMPARE(got, expected);
}

void TestDemoCourses::whoSeesWhichCourses_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("student1") << u"student1"_s << QStringList {u"CHEM-101"_s, u"WRIT-110"_s};
    QTest::newRow("student2") << u"student2"_s << QStringList {u"CHEM-101"_s, u"WRIT-110"_s};
    QTest::newRow("student3") << u"student3"_s << QStringList {u"CHEM-101"_s};
    QTest::newRow("ta") << u"ta"_s << QStringList {u"CHEM-101"_s};
    QTest::newRow("instructor") << u"instructor"_s
                                << QStringList {u"CHEM-101"_s, u"DATA-200"_s, u"WRIT-110"_s};
}

void TestDemoCourses::whoSeesWhichCourses()
{
    QFETCH(QString, who);
    QFETCH(QStringList, expected);
    QCOMPARE(codes(who), expected);
    // Not even by its address does a course one does not take part in show.
    if (!expected.contains(u"DATA-200"_s))
        QCOMPARE(course(who, u"DATA-200"_s).value(u"status").toInt(), 404);
}

void TestDemoCourses::studentSeesReleasedMaterialOnly()
{
    // The draft item is not there for a student, and the module that unlocks next week shows
    // what is coming (its stub and its items'), not what it says...
    QCOMPARE(outline(u"student1"_s, u"CHEM-101"_s),
             (QStringList {u"Matter and measurement: What is chemistry?, Why chemical principles "
                           u"matter (MIT OpenCourseWare), SI units and significant figures, "
                           u"Practice: density and unit conversions"_s,
                           u"Atoms and the periodic table: Inside the atom, The periodic table "
                           u"(Wikipedia), Reading the periodic table"_s,
                           u"Chemical reactions: Balancing chemical equations, Types of reactions, "
                           u"The mole and stoichiometry"_s}));
    QCOMPARE(course(u"student1"_s, u"CHEM-101"_s).value(u"access").toString(), u"learner"_s);
    // ...not even when asked for by id...
    const auto read = [&](const QString &title) {
        return call(u"student1"_s, "GET", u"/api/v1/contents/"_s + item(title)[u"id"].toString());
    };
    QCOMPARE(read(u"Practice: electron configurations"_s).status, 404);
    for (const QString &title :
         {u"Balancing chemical equations"_s, u"The mole and stoichiometry"_s}) {
        const HttpResult stub = read(title);
        QCOMPARE(stub.status, 200);
        QVERIFY(!stub.data().toObject().contains(u"body"));
        // There is something to hold back: its instructor reads it whole.
        QVERIFY(
            !call(u"instructor"_s, "GET", u"/api/v1/contents/"_s + item(title)[u"id"].toString())
                 .data()
                 .toObject()
                 .value(u"body")
                 .toString()
                 .isEmpty());
    }
    // ...while the TA who helps teach it sees both, and which item is the draft.
    QCOMPARE(outline(u"ta"_s, u"CHEM-101"_s).size(), 3);
    QCOMPARE(item(u"Practice: electron configurations"_s)[u"published"].toBool(), false);
    int drafts = 0;
    for (const QJsonValue &module : course(u"ta"_s, u"CHEM-101"_s)[u"modules"].toArray()) {
        for (const QJsonValue &i : module[u"items"].toArray())
            drafts += i[u"published"].toBool() ? 0 : 1;
    }
    QCOMPARE(drafts, 1);
}

void TestDemoCourses::thirdModuleUnlocksInAWeek()
{
    const QJsonArray modules = course(u"instructor"_s, u"CHEM-101"_s)[u"modules"].toArray();
    QCOMPARE(modules.size(), 3);
    for (int m = 0; m < 2; ++m)
        QVERIFY(modules[m][u"unlockAt"].isNull() || modules[m][u"unlockAt"].isUndefined());
    const QDateTime unlock = QDateTime::fromString(modules[2][u"unlockAt"].toString(), Qt::ISODate);
    QVERIFY2(unlock.isValid(), qPrintable(modules[2][u"unlockAt"].toString()));
    const qint64 seconds = QDateTime::currentDateTimeUtc().secsTo(unlock);
    QVERIFY2(seconds > 7 * 86400 - 3600 && seconds <= 7 * 86400,
             qPrintable(QString::number(seconds)));
    QVERIFY(modules[2][u"published"].toBool());
}

void TestDemoCourses::secondStartCreatesNothing()
{
    const auto latestSeq = [this] {
        return Server::ChangeLog::latestSeq(m_server.server().context().db());
    };
    const auto before = latestSeq();
    QVERIFY(before);
    const QStringList coursesBefore = codes(u"admin"_s);
    const QStringList outlineBefore = outline(u"admin"_s, u"CHEM-101"_s);

    // Another start on the same database with the same switches, as a restart of run.sh is.
    TestServer::Options options = demoCourseOptions();
    options.sameDatabaseAs = &m_server;
    TestServer again(options);
    LECTERN_START_SERVER(again);

    const auto after = latestSeq();
    QVERIFY(after);
    QCOMPARE(*after, *before);
    QCOMPARE(codes(u"admin"_s), coursesBefore);
    QCOMPARE(outline(u"admin"_s, u"CHEM-101"_s), outlineBefore);
}

void TestDemoCourses::deletedDemoCourseStaysDeleted()
{
    TestServer first(demoCourseOptions());
    LECTERN_START_SERVER(first);
    HttpClient http(first.url());
    http.setToken(logIn(first, u"instructor@demo.lectern"_s));
    HttpResult list = http.get(u"/api/v1/courses?q=DATA-200"_s);
    QCOMPARE(list.data().toArray().size(), 1);
    QCOMPARE(http.del(u"/api/v1/courses/"_s + list.data()[0][u"id"].toString()).status, 200);

    TestServer::Options options = demoCourseOptions();
    options.sameDatabaseAs = &first;
    TestServer again(options);
    LECTERN_START_SERVER(again);
    list = http.get(u"/api/v1/courses?sort=code"_s);
    QCOMPARE(valuesOf(list.data().toArray(), u"code"_s),
             (QStringList {u"CHEM-101"_s, u"WRIT-110"_s}));
}

void TestDemoCourses::demoAloneHasNoCourses()
{
    TestServer plain; // demo on, demo-courses off: what every other suite relies on
    LECTERN_START_SERVER(plain);
    HttpClient http(plain.url());
    http.setToken(logIn(plain, u"admin@demo.lectern"_s));
    const HttpResult list = http.get(u"/api/v1/courses"_s);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.data().toArray().size(), 0);
    QCOMPARE(list.json[u"pagination"][u"totalItems"].toInt(), 0);
}

QTEST_GUILESS_MAIN(TestDemoCourses)

#include "tst_democourses.moc"
