#include "http/responsecache.h"
#include "httpclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>
#include <zlib.h>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;

// Cached course reads (the course list and the course with its outline) answer exactly what an
// uncached server would: a change through REST, or through a second server on the same database,
// shows at once; a learner sees an item from its unlock time on and not before; ETag and
// If-None-Match give 304 only for the current body; gzip bodies decode to the same JSON; and no
// caller ever gets another caller's view.
class TestResponseCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void acceptsGzip_data();
    void acceptsGzip();
    void matchesIfNoneMatch_data();
    void matchesIfNoneMatch();
    void gzipRoundTrip();
    void memoryIsBounded();

    void listIsServedFromCacheAndRefreshedAfterAChange();
    void outlineIsRefreshedAfterAChange_data();
    void outlineIsRefreshedAfterAChange();
    void changeThroughAnotherServerShowsAtOnce();
    void learnerSeesItemFromItsUnlockTime_data();
    void learnerSeesItemFromItsUnlockTime();
    void etagAndNotModified();
    void gzipBodiesDecodeToTheSameJson_data();
    void gzipBodiesDecodeToTheSameJson();
    void callersNeverShareViews();
    void withoutCacheTheAnswersAreTheSame();

private:
    HttpResult get(const QString &token, const QString &path,
                   const QHash<QByteArray, QByteArray> &headers = {});
    HttpResult call(const QString &token, const QByteArray &method, const QString &path,
                    const QJsonObject &body = {});
    QString makeCourse(const QString &title);
    QString makeModule(const QString &course, QJsonObject body);
    QString makeItem(const QString &module, QJsonObject body);
    bool enroll(const QString &course, const QString &user);
    // Item titles of the outline as `token` sees it, "Module: item, item" a module.
    QStringList outline(const QString &token, const QString &course);
    Server::ResponseCache::Stats stats() { return m_server.server().context().responses().stats(); }

    TestServer m_server;
    std::unique_ptr<HttpClient> m_http;
    QHash<QString, QString> m_tokens; // admin, instructor, student1, student2, student3
    QHash<QString, QString> m_ids;
    int m_counter = 0;
};

namespace {
QByteArray gunzip(const QByteArray &data)
{
    z_stream stream {};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk.data());
        stream.avail_out = uInt(chunk.size());
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(chunk.constData(), chunk.size() - qsizetype(stream.avail_out));
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

QString isoIn(qint64 ms)
{
    return QDateTime::currentDateTimeUtc().addMSecs(ms).toString(Qt::ISODateWithMs);
}
} // namespace

HttpResult TestResponseCache::get(const QString &token, const QString &path,
                                  const QHash<QByteArray, QByteArray> &headers)
{
    m_http->setToken(token);
    return m_http->send("GET", path, {}, {}, headers);
}

HttpResult TestResponseCache::call(const QString &token, const QByteArray &method,
                                   const QString &path, const QJsonObject &body)
{
    m_http->setToken(token);
    return m_http->send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString TestResponseCache::makeCourse(const QString &title)
{
    const HttpResult r = call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses"_s,
                              {{u"code"_s, u"RC-%1"_s.arg(++m_counter)}, {u"title"_s, title}});
    if (r.status != 201)
        qWarning().noquote() << "cannot create a course:" << r.status << r.body;
    return r.data().toObject().value(u"id").toString();
}

QString TestResponseCache::makeModule(const QString &course, QJsonObject body)
{
    const HttpResult r = call(m_tokens[u"instructor"_s], "POST",
                              u"/api/v1/courses/%1/modules"_s.arg(course), body);
    if (r.status != 201)
        qWarning().noquote() << "cannot create a module:" << r.status << r.body;
    return r.data().toObject().value(u"id").toString();
}

QString TestResponseCache::makeItem(const QString &module, QJsonObject body)
{
    body.insert(u"type"_s, u"lesson"_s);
    const HttpResult r = call(m_tokens[u"instructor"_s], "POST",
                              u"/api/v1/modules/%1/contents"_s.arg(module), body);
    if (r.status != 201)
        qWarning().noquote() << "cannot create an item:" << r.status << r.body;
    return r.data().toObject().value(u"id").toString();
}

bool TestResponseCache::enroll(const QString &course, const QString &user)
{
    const HttpResult r = call(m_tokens[u"instructor"_s], "POST",
                              u"/api/v1/courses/%1/enroll"_s.arg(course), {{u"userId"_s, user}});
    if (r.status != 201)
        qWarning().noquote() << "cannot enroll:" << r.status << r.body;
    return r.status == 201;
}

QStringList TestResponseCache::outline(const QString &token, const QString &course)
{
    const HttpResult r = get(token, u"/api/v1/courses/"_s + course);
    if (r.status != 200)
        return {u"HTTP %1"_s.arg(r.status)};
    QStringList lines;
    for (const QJsonValue &module : r.data().toObject().value(u"modules").toArray()) {
        // A learner's stub of a locked record comes without its content (a module's
        // description, an item's settings).
        const auto title = [](const QJsonObject &record, QStringView content) -> QString {
            return record.value(u"title").toString()
                + (record.contains(content) ? QString() : u" (locked)"_s);
        };
        QStringList items;
        for (const QJsonValue &item : module.toObject().value(u"items").toArray())
            items.append(title(item.toObject(), u"settings"));
        lines.append(title(module.toObject(), u"description") + u": "_s + items.join(u", "_s));
    }
    return lines;
}

void TestResponseCache::initTestCase()
{
    LECTERN_START_SERVER(m_server);
    m_http = std::make_unique<HttpClient>(m_server.url());
    for (const QString &key :
         {u"admin"_s, u"instructor"_s, u"student1"_s, u"student2"_s, u"student3"_s}) {
        const HttpResult login = m_http->login(key + u"@demo.lectern"_s);
        QCOMPARE(login.status, 200);
        m_tokens[key] = m_http->token();
        m_ids[key] = login.data().toObject().value(u"user").toObject().value(u"id").toString();
    }
}

void TestResponseCache::acceptsGzip_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("accepts");
    QTest::newRow("absent") << QByteArray() << false;
    QTest::newRow("gzip") << QByteArray("gzip") << true;
    QTest::newRow("Qt's") << QByteArray("gzip, deflate") << true;
    QTest::newRow("browser") << QByteArray("gzip, deflate, br, zstd") << true;
    QTest::newRow("upper case") << QByteArray("GZIP") << true;
    QTest::newRow("x-gzip") << QByteArray("x-gzip") << true;
    QTest::newRow("q=0.5") << QByteArray("gzip;q=0.5") << true;
    QTest::newRow("q=0") << QByteArray("gzip;q=0, deflate") << false;
    QTest::newRow("spaces, q=0") << QByteArray("gzip ; q=0") << false;
    QTest::newRow("identity") << QByteArray("identity") << false;
    QTest::newRow("deflate only") << QByteArray("deflate") << false;
    QTest::newRow("wildcard") << QByteArray("*") << true;
    QTest::newRow("wildcard, gzip refused") << QByteArray("*, gzip;q=0") << false;
    QTest::newRow("wildcard refused") << QByteArray("*;q=0") << false;
}

void TestResponseCache::acceptsGzip()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, accepts);
    QCOMPARE(Server::ResponseCache::acceptsGzip(header), accepts);
}

void TestResponseCache::matchesIfNoneMatch_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("matches");
    QTest::newRow("absent") << QByteArray() << false;
    QTest::newRow("same") << QByteArray("\"abc\"") << true;
    QTest::newRow("gzip copy's") << QByteArray("\"abc-gzip\"") << true;
    QTest::newRow("weak") << QByteArray("W/\"abc\"") << true;
    QTest::newRow("in a list") << QByteArray("\"x\", \"abc\"") << true;
    QTest::newRow("star") << QByteArray("*") << true;
    QTest::newRow("other") << QByteArray("\"abd\"") << false;
    QTest::newRow("unquoted") << QByteArray("abc") << false;
    QTest::newRow("prefix") << QByteArray("\"ab\"") << false;
}

void TestResponseCache::matchesIfNoneMatch()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, matches);
    QCOMPARE(Server::ResponseCache::matchesIfNoneMatch(header, "abc"), matches);
}

void TestResponseCache::gzipRoundTrip()
{
    QByteArray data;
    for (int i = 0; i < 5000; ++i)
        data += "{\"title\":\"Lesson " + QByteArray::number(i) + "\"},";
    const QByteArray zipped = Server::ResponseCache::gzip(data);
    QVERIFY(!zipped.isEmpty());
    QVERIFY(zipped.size() < data.size() / 4);
    QCOMPARE(gunzip(zipped), data);
    QCOMPARE(gunzip(Server::ResponseCache::gzip(QByteArray())), QByteArray());
}

void TestResponseCache::memoryIsBounded()
{
    // 64 KiB for entries of ~10 KiB: the oldest go, the total stays within the bound, and a body
    // larger than the whole bound is answered but not kept.
    qint64 version = 1;
    Server::ResponseCache cache(64 * 1024, [&version] { return Result<qint64>(version); });
    Server::ApiRequest request;
    request.method = "GET";
    int builds = 0;
    const auto builder = [&builds](qsizetype size) {
        return [&builds, size] {
            ++builds;
            return Server::ResponseCache::Built {
                Server::ApiResponse::raw(200, "application/json", QByteArray(size, 'x'))};
        };
    };
    for (int i = 0; i < 40; ++i) {
        const Server::ApiResponse r
            = cache.serve(request, "key" + QByteArray::number(i), builder(10 * 1024));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), 10 * 1024);
        QVERIFY(cache.stats().bytes <= 64 * 1024);
    }
    QCOMPARE(builds, 40);
    QVERIFY(cache.stats().entries >= 4);
    cache.serve(request, "key39", builder(10 * 1024)); // the newest is still there
    QCOMPARE(builds, 40);
    cache.serve(request, "key0", builder(10 * 1024)); // the oldest is not
    QCOMPARE(builds, 41);

    QCOMPARE(cache.serve(request, "huge", builder(100 * 1024)).body.size(), 100 * 1024);
    cache.serve(request, "huge", builder(100 * 1024));
    QCOMPARE(builds, 43);
    QVERIFY(cache.stats().bytes <= 64 * 1024);

    // A new version of the data: everything is built again.
    ++version;
    cache.serve(request, "key39", builder(10 * 1024));
    QCOMPARE(builds, 44);
}

void TestResponseCache::listIsServedFromCacheAndRefreshedAfterAChange()
{
    const QString admin = m_tokens[u"admin"_s];
    const QString path = u"/api/v1/courses?limit=100&sort=createdAt&order=desc"_s;
    const HttpResult first = get(admin, path);
    QCOMPARE(first.status, 200);
    const auto before = stats();
    const HttpResult second = get(admin, path);
    QCOMPARE(second.status, 200);
    QCOMPARE(stats().hits, before.hits + 1); // served from the cache
    QCOMPARE(second.json, first.json);
    // The same query in another order is the same request.
    QCOMPARE(get(admin, u"/api/v1/courses?order=desc&sort=createdAt&limit=100"_s).json, first.json);
    QCOMPARE(stats().hits, before.hits + 2);

    const QString course = makeCourse(u"Fresh in the list"_s);
    QVERIFY(!course.isEmpty());
    const HttpResult after = get(admin, path);
    QCOMPARE(after.status, 200);
    QCOMPARE(after.data().toArray().first().toObject().value(u"id").toString(), course);
    QCOMPARE(after.json.value(u"pagination").toObject().value(u"totalItems").toInteger(),
             first.json.value(u"pagination").toObject().value(u"totalItems").toInteger() + 1);

    QCOMPARE(call(m_tokens[u"instructor"_s], "PUT", u"/api/v1/courses/"_s + course,
                  {{u"title"_s, u"Renamed in the list"_s}})
                 .status,
             200);
    QCOMPARE(get(admin, path).data().toArray().first().toObject().value(u"title").toString(),
             u"Renamed in the list"_s);
}

void TestResponseCache::outlineIsRefreshedAfterAChange_data()
{
    QTest::addColumn<QString>("who");
    QTest::newRow("learner") << u"student1"_s;
    QTest::newRow("owner") << u"instructor"_s;
    QTest::newRow("administrator") << u"admin"_s;
}

void TestResponseCache::outlineIsRefreshedAfterAChange()
{
    QFETCH(QString, who);
    const QString token = m_tokens[who];
    const QString course = makeCourse(u"Outline changes"_s);
    const QString module = makeModule(course, {{u"title"_s, u"Week"_s}, {u"published"_s, true}});
    const QString item = makeItem(module, {{u"title"_s, u"One"_s}, {u"published"_s, true}});
    QVERIFY(!item.isEmpty());
    QVERIFY(enroll(course, m_ids[u"student1"_s]));
    QCOMPARE(
        call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/%1/publish"_s.arg(course)).status,
        200);

    QCOMPARE(outline(token, course), QStringList {u"Week: One"_s});
    const auto before = stats();
    QCOMPARE(outline(token, course), QStringList {u"Week: One"_s});
    QCOMPARE(stats().hits, before.hits + 1);

    QCOMPARE(call(m_tokens[u"instructor"_s], "PUT", u"/api/v1/contents/"_s + item,
                  {{u"title"_s, u"One, renamed"_s}})
                 .status,
             200);
    QCOMPARE(outline(token, course), QStringList {u"Week: One, renamed"_s});
    makeItem(module, {{u"title"_s, u"Two"_s}, {u"published"_s, true}});
    QCOMPARE(outline(token, course), QStringList {u"Week: One, renamed, Two"_s});
    QCOMPARE(call(m_tokens[u"instructor"_s], "DELETE", u"/api/v1/contents/"_s + item).status, 200);
    QCOMPARE(outline(token, course), QStringList {u"Week: Two"_s});
    QCOMPARE(call(m_tokens[u"instructor"_s], "PUT", u"/api/v1/modules/"_s + module,
                  {{u"published"_s, false}})
                 .status,
             200);
    QCOMPARE(outline(token, course),
             who == u"student1" ? QStringList {} : QStringList {u"Week: Two"_s});
    QCOMPARE(call(m_tokens[u"instructor"_s], "DELETE", u"/api/v1/courses/"_s + course).status, 200);
    QCOMPARE(get(token, u"/api/v1/courses/"_s + course).status, 404);
}

void TestResponseCache::changeThroughAnotherServerShowsAtOnce()
{
    // Two server processes on one database (a scaled-out deployment; for SQLite, the command line
    // writing while the server runs): a change through either shows on the other at once.
    TestServer::Options options;
    options.sameDatabaseAs = &m_server;
    TestServer second(options);
    LECTERN_START_SERVER(second);
    HttpClient other(second.url());
    other.setToken(m_tokens[u"instructor"_s]);

    const QString course = makeCourse(u"Twoservers"_s);
    const QString module = makeModule(course, {{u"title"_s, u"Week"_s}, {u"published"_s, true}});
    const QString item = makeItem(module, {{u"title"_s, u"Before"_s}, {u"published"_s, true}});
    QVERIFY(enroll(course, m_ids[u"student1"_s]));
    QCOMPARE(
        call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/%1/publish"_s.arg(course)).status,
        200);
    const QString student = m_tokens[u"student1"_s];
    const QString list = u"/api/v1/courses?q=%1&limit=5"_s.arg(u"Twoservers"_s);
    QCOMPARE(outline(student, course), QStringList {u"Week: Before"_s});
    QCOMPARE(outline(student, course), QStringList {u"Week: Before"_s});
    QCOMPARE(get(student, list).data().toArray().size(), 1);
    QCOMPARE(get(student, list).data().toArray().size(), 1);

    QCOMPARE(other.send("PUT", u"/api/v1/contents/"_s + item, R"({"title":"After"})").status, 200);
    QCOMPARE(outline(student, course), QStringList {u"Week: After"_s});
    QCOMPARE(
        other.send("PUT", u"/api/v1/courses/"_s + course, R"({"title":"Twoservers again"})").status,
        200);
    QCOMPARE(get(student, list).data().toArray().first().toObject().value(u"title").toString(),
             u"Twoservers again"_s);
    QCOMPARE(other.send("DELETE", u"/api/v1/courses/"_s + course).status, 200);
    QCOMPARE(get(student, list).data().toArray().size(), 0);
    QCOMPARE(get(student, u"/api/v1/courses/"_s + course).status, 404);
}

void TestResponseCache::learnerSeesItemFromItsUnlockTime_data()
{
    QTest::addColumn<QString>("what");  // item | module
    QTest::addColumn<QString>("field"); // unlockAt | publishAt
    QTest::newRow("item, unlockAt") << u"item"_s << u"unlockAt"_s;
    QTest::newRow("item, publishAt") << u"item"_s << u"publishAt"_s;
    QTest::newRow("module, unlockAt") << u"module"_s << u"unlockAt"_s;
    QTest::newRow("module, publishAt") << u"module"_s << u"publishAt"_s;
}

void TestResponseCache::learnerSeesItemFromItsUnlockTime()
{
    QFETCH(QString, what);
    QFETCH(QString, field);
    const QString student = m_tokens[u"student1"_s];
    const QString course = makeCourse(u"Unlocks"_s);
    const QString week = makeModule(course, {{u"title"_s, u"Week"_s}, {u"published"_s, true}});
    makeItem(week, {{u"title"_s, u"Now"_s}, {u"published"_s, true}});
    QVERIFY(enroll(course, m_ids[u"student1"_s]));
    QCOMPARE(
        call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/%1/publish"_s.arg(course)).status,
        200);
    // A later boundary too: the first must not keep the view for longer, nor end it for good.
    const QString farAway = isoIn(3600 * 1000);
    // A whole second 1 to 2 s ahead (records carry times to the second).
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QDateTime soon = QDateTime::fromMSecsSinceEpoch(nowMs - nowMs % 1000 + 2000, Qt::UTC);
    const QString soonText = soon.toString(Qt::ISODate);
    // Until its unlock time a record shows as its stub; until its publish time not at all.
    const bool locks = field == u"unlockAt";
    QStringList before;
    QStringList expected;
    if (what == u"item") {
        QVERIFY(
            !makeItem(week, {{u"title"_s, u"Soon"_s}, {u"published"_s, true}, {field, soonText}})
                 .isEmpty());
        QVERIFY(
            !makeItem(week, {{u"title"_s, u"Later"_s}, {u"published"_s, true}, {field, farAway}})
                 .isEmpty());
        before
            = QStringList {locks ? u"Week: Now, Soon (locked), Later (locked)"_s : u"Week: Now"_s};
        expected
            = QStringList {locks ? u"Week: Now, Soon, Later (locked)"_s : u"Week: Now, Soon"_s};
    } else {
        const QString next = makeModule(
            course, {{u"title"_s, u"Next week"_s}, {u"published"_s, true}, {field, soonText}});
        makeItem(next, {{u"title"_s, u"Inside"_s}, {u"published"_s, true}});
        makeModule(course, {{u"title"_s, u"Far"_s}, {u"published"_s, true}, {field, farAway}});
        before = locks ? QStringList {u"Week: Now"_s, u"Next week (locked): Inside (locked)"_s,
                                      u"Far (locked): "_s}
                       : QStringList {u"Week: Now"_s};
        expected = QStringList {u"Week: Now"_s, u"Next week: Inside"_s};
        if (locks)
            expected.append(u"Far (locked): "_s);
    }
    QCOMPARE(outline(m_tokens[u"instructor"_s], course).size(), what == u"item" ? 1 : 3);

    QCOMPARE(outline(student, course), before);
    const auto cached = stats();
    QCOMPARE(outline(student, course), before);
    QCOMPARE(stats().hits, cached.hits + 1); // the learner's view is cached until the unlock
    const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(soon);
    QVERIFY2(left > 100, "the test machine is too slow for this test's timing");
    QTest::qWait(int(left - 100));
    QCOMPARE(outline(student, course), before); // 100 ms before: not yet
    while (QDateTime::currentDateTimeUtc() < soon)
        QTest::qWait(5);
    QCOMPARE(outline(student, course), expected); // right after
    QCOMPARE(outline(student, course), expected);
}

void TestResponseCache::etagAndNotModified()
{
    const QString token = m_tokens[u"student1"_s];
    const QString course = makeCourse(u"Tags"_s);
    const QString module = makeModule(course, {{u"title"_s, u"Week"_s}, {u"published"_s, true}});
    for (int i = 0; i < 3; ++i) // a body large enough to be worth compressing
        makeItem(module, {{u"title"_s, u"Item %1"_s.arg(i)}, {u"published"_s, true}});
    QVERIFY(enroll(course, m_ids[u"student1"_s]));
    QCOMPARE(
        call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/%1/publish"_s.arg(course)).status,
        200);
    const QString path = u"/api/v1/courses/"_s + course;
    const QHash<QByteArray, QByteArray> identity {{"Accept-Encoding", "identity"}};

    const HttpResult first = get(token, path, identity);
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("etag");
    QVERIFY(etag.startsWith('"') && etag.endsWith('"') && etag.size() > 10);
    QCOMPARE(first.header("cache-control"), "private, no-cache");
    QVERIFY(first.header("vary").contains("Accept-Encoding"));

    const auto before = stats();
    QHash<QByteArray, QByteArray> conditional = identity;
    conditional.insert("If-None-Match", etag);
    const HttpResult notModified = get(token, path, conditional);
    QCOMPARE(notModified.status, 304);
    QVERIFY(notModified.body.isEmpty());
    QCOMPARE(notModified.header("etag"), etag);
    QVERIFY(!notModified.headers.contains("content-length"));
    QCOMPARE(stats().hits, before.hits + 1); // validated without building the body
    // A list holding it, or its weak form, or the gzip copy's tag: the same content.
    conditional.insert("If-None-Match", "\"other\", W/" + etag);
    QCOMPARE(get(token, path, conditional).status, 304);
    const HttpResult zipped = get(token, path, {{"Accept-Encoding", "gzip"}});
    QCOMPARE(zipped.header("content-encoding"), "gzip");
    QVERIFY(zipped.header("etag") != etag); // another representation, another tag
    conditional.insert("If-None-Match", zipped.header("etag"));
    QCOMPARE(get(token, path, conditional).status, 304);
    conditional.insert("If-None-Match", "\"something else\"");
    QCOMPARE(get(token, path, conditional).status, 200);

    // A change to the course: the old tag gets the new body, with a new tag.
    makeItem(module, {{u"title"_s, u"New"_s}, {u"published"_s, true}});
    conditional.insert("If-None-Match", etag);
    const HttpResult changed = get(token, path, conditional);
    QCOMPARE(changed.status, 200);
    QVERIFY(changed.header("etag") != etag);
    const QJsonArray weeks = changed.data().toObject().value(u"modules").toArray();
    QCOMPARE(weeks.first().toObject().value(u"items").toArray().size(), 4);
    // An unrelated change rebuilds the body, which is the same: still 304.
    makeCourse(u"Unrelated"_s);
    conditional.insert("If-None-Match", changed.header("etag"));
    QCOMPARE(get(token, path, conditional).status, 304);

    // Lists too.
    const HttpResult list = get(token, u"/api/v1/courses?limit=3"_s, identity);
    QCOMPARE(list.status, 200);
    conditional.insert("If-None-Match", list.header("etag"));
    QCOMPARE(get(token, u"/api/v1/courses?limit=3"_s, conditional).status, 304);
    // Errors are not tagged.
    const HttpResult missing
        = get(token, u"/api/v1/courses/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    QCOMPARE(missing.status, 404);
    QVERIFY(missing.header("etag").isEmpty());
    QCOMPARE(missing.header("cache-control"), "no-store");
}

void TestResponseCache::gzipBodiesDecodeToTheSameJson_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<bool>("outline");
    QTest::newRow("list, administrator") << u"admin"_s << false;
    QTest::newRow("list, learner") << u"student1"_s << false;
    QTest::newRow("outline, administrator") << u"admin"_s << true;
    QTest::newRow("outline, learner") << u"student1"_s << true;
}

void TestResponseCache::gzipBodiesDecodeToTheSameJson()
{
    QFETCH(QString, who);
    QFETCH(bool, outline);
    static QString course;
    if (course.isEmpty()) {
        course = makeCourse(u"Compressed"_s);
        for (int m = 0; m < 3; ++m) {
            const QString module
                = makeModule(course, {{u"title"_s, u"Module %1"_s.arg(m)}, {u"published"_s, true}});
            for (int i = 0; i < 5; ++i)
                makeItem(module,
                         {{u"title"_s, u"Item %1.%2"_s.arg(m).arg(i)}, {u"published"_s, true}});
        }
        QVERIFY(enroll(course, m_ids[u"student1"_s]));
        QCOMPARE(
            call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/%1/publish"_s.arg(course))
                .status,
            200);
    }
    const QString path = outline ? u"/api/v1/courses/"_s + course : u"/api/v1/courses?limit=50"_s;
    const QString token = m_tokens[who];
    for (int round = 0; round < 2; ++round) { // built, then from the cache
        const HttpResult plain = get(token, path, {{"Accept-Encoding", "identity"}});
        QCOMPARE(plain.status, 200);
        QVERIFY(plain.header("content-encoding").isEmpty());
        const HttpResult zipped = get(token, path, {{"Accept-Encoding", "gzip, deflate"}});
        QCOMPARE(zipped.status, 200);
        QCOMPARE(zipped.header("content-encoding"), "gzip");
        QVERIFY(zipped.body.size() < plain.body.size());
        QCOMPARE(zipped.header("content-length").toLongLong(), zipped.body.size());
        QCOMPARE(gunzip(zipped.body), plain.body);
        // What Qt's network access does by itself (asks for gzip, decodes it).
        const HttpResult automatic = get(token, path);
        QCOMPARE(automatic.json, plain.json);
    }
}

void TestResponseCache::callersNeverShareViews()
{
    // One course seen by five people in four ways, each asking twice (built, then cached), in
    // turns: every answer is what that caller alone may see.
    const QString course = makeCourse(u"Views"_s);
    const QString module = makeModule(course, {{u"title"_s, u"Week"_s}, {u"published"_s, true}});
    makeItem(module, {{u"title"_s, u"Shown"_s}, {u"published"_s, true}});
    makeItem(module, {{u"title"_s, u"Draft"_s}});
    makeModule(course, {{u"title"_s, u"Hidden week"_s}});
    QVERIFY(enroll(course, m_ids[u"student1"_s]));
    QVERIFY(enroll(course, m_ids[u"student3"_s]));
    QCOMPARE(
        call(m_tokens[u"instructor"_s], "POST", u"/api/v1/courses/%1/publish"_s.arg(course)).status,
        200);

    const QStringList staffView {u"Week: Shown, Draft"_s, u"Hidden week: "_s};
    const QStringList learnerView {u"Week: Shown"_s};
    const QList<std::pair<QString, QStringList>> views {
        {u"admin"_s, staffView},          {u"student1"_s, learnerView},
        {u"student2"_s, {u"HTTP 404"_s}}, {u"instructor"_s, staffView},
        {u"student3"_s, learnerView},
    };
    const QString list = u"/api/v1/courses?q=Views&limit=5"_s;
    for (int round = 0; round < 2; ++round) {
        for (const auto &[who, view] : views) {
            QCOMPARE(outline(m_tokens[who], course), view);
            const HttpResult r = get(m_tokens[who], u"/api/v1/courses/"_s + course);
            if (r.status == 200)
                QCOMPARE(r.data().toObject().value(u"access").toString(),
                         who.startsWith(u"student") ? u"learner"_s : u"owner"_s);
            const QJsonArray listed = get(m_tokens[who], list).data().toArray();
            QCOMPARE(listed.size(), who == u"student2" ? 0 : 1);
        }
    }
    // Another caller's tag proves nothing about this caller's body.
    const QByteArray staffTag
        = get(m_tokens[u"admin"_s], u"/api/v1/courses/"_s + course).header("etag");
    const HttpResult learner = get(m_tokens[u"student1"_s], u"/api/v1/courses/"_s + course,
                                   {{"If-None-Match", staffTag}});
    QCOMPARE(learner.status, 200);
    QCOMPARE(
        get(m_tokens[u"student2"_s], u"/api/v1/courses/"_s + course, {{"If-None-Match", staffTag}})
            .status,
        404);
    // A cached answer still needs a valid token.
    QCOMPARE(get(u"not-a-token"_s, u"/api/v1/courses/"_s + course).status, 401);
    QCOMPARE(get(QString(), list).status, 401);
}

void TestResponseCache::withoutCacheTheAnswersAreTheSame()
{
    // response-cache-size = 0: nothing is kept, every answer is built, the headers are the same.
    TestServer::Options options;
    options.sameDatabaseAs = &m_server;
    options.configure = [](Server::ServerConfig &config) {
        config.responseCacheBytes = 0;
    };
    TestServer uncached(options);
    LECTERN_START_SERVER(uncached);
    HttpClient other(uncached.url());
    other.setToken(m_tokens[u"student1"_s]);
    const QString path = u"/api/v1/courses?limit=50"_s;
    const HttpResult a = get(m_tokens[u"student1"_s], path, {{"Accept-Encoding", "identity"}});
    const HttpResult b = other.send("GET", path, {}, {}, {{"Accept-Encoding", "identity"}});
    QCOMPARE(b.status, 200);
    QCOMPARE(b.body, a.body);
    QCOMPARE(b.header("etag"), a.header("etag"));
    QCOMPARE(other.send("GET", path, {}, {}, {{"If-None-Match", a.header("etag")}}).status, 304);
    QCOMPARE(uncached.server().context().responses().stats().entries, 0);
}

QTEST_GUILESS_MAIN(TestResponseCache)
#include "tst_responsecache.moc"
