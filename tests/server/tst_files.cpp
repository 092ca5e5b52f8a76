#include "httpclient.h"
#include "storage/recordstore.h"
#include "storage/transaction.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <lectern/uuidv7.h>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;

// Files over real HTTP: raw and multipart uploads streamed past Qt's parser, one blob per content,
// downloads with Range, types checked against the bytes, names made harmless, size limits (413
// announced and while streaming), who may upload and read (endpoint x role), and that the server
// keeps serving after an upload closes its connection.
class TestFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void rawUpload();
    void multipartUpload();
    void chunkedUpload();
    void sameBytesAreStoredOnce();
    void deleteAndSweep();
    void deleteRules_data();
    void deleteRules();
    void notModified();
    void range_data();
    void range();
    void typeIsCheckedAgainstBytes_data();
    void typeIsCheckedAgainstBytes();
    void namesAreSanitised_data();
    void namesAreSanitised();
    void announcedOversizeIs413();
    void oversizeWhileStreamingIs413_data();
    void oversizeWhileStreamingIs413();
    void uploadRules_data();
    void uploadRules();
    void readRules_data();
    void readRules();
    void expectContinue();
    void refusedBeforeBody();
    void headSplitAcrossPackets();
    void serverKeepsServingAfterUpload();

private:
    static constexpr qint64 maxUpload = 256 * 1024;

    HttpResult upload(const QString &who, const QByteArray &bytes, const QString &query,
                      const QByteArray &contentType,
                      const QHash<QByteArray, QByteArray> &headers = {});
    HttpResult get(const QString &who, const QString &path,
                   const QHash<QByteArray, QByteArray> &headers = {});
    // Sends raw bytes on a fresh connection and returns everything the server sent back until it
    // closed (or `timeoutMs` passed), spinning the event loop so the in-process server runs.
    QByteArray exchange(const QByteArray &request, int timeoutMs = 10000,
                        const QByteArray &afterContinue = {});
    void enroll(const QString &courseId, const QString &userId, const QString &role);
    int blobCount() const;

    std::unique_ptr<TestServer> m_server;
    QHash<QString, QString> m_tokens; // by role name
    QHash<QString, QString> m_userIds; // by role name
    QString m_courseA; // student1 enrolled; published
    QString m_courseB; // student2 enrolled; published
    QString m_draft; // student1 enrolled; draft
    QByteArray m_pdf;
};

namespace {
QByteArray pdfBytes(int size)
{
    QByteArray bytes = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    while (bytes.size() < size)
        bytes += QByteArray::number(bytes.size()) + " 0 obj << /Length 10 >> stream\n";
    return bytes.left(size);
}

QByteArray elfBytes()
{
    QByteArray bytes("\x7f"
                     "ELF\x02\x01\x01",
                     7);
    bytes += QByteArray(9, '\0');
    bytes += QByteArray("\x02\x00\x3e\x00\x01\x00\x00\x00", 8);
    bytes += QByteArray(2000, '\x01');
    return bytes;
}

QByteArray pngBytes()
{
    QByteArray bytes("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", 16);
    bytes += QByteArray(500, '\x02');
    return bytes;
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray multipart(const QByteArray &boundary,
                     const QList<std::pair<QByteArray, QByteArray>> &fields,
                     const QByteArray &fileName, const QByteArray &type, const QByteArray &content)
{
    QByteArray body;
    for (const auto &[name, value] : fields)
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
            + "\"\r\n\r\n" + value + "\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n" + content + "\r\n--" + boundary
        + "--\r\n";
    return body;
}

QByteArray headerOf(const QByteArray &response, const QByteArray &name)
{
    for (const QByteArray &line : response.left(response.indexOf("\r\n\r\n")).split('\n')) {
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

QJsonObject jsonOf(const QByteArray &response)
{
    return QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
}
} // namespace

void TestFiles::initTestCase()
{
    TestServer::Options options;
    options.configure = [](Server::ServerConfig &config) {
        config.maxUploadBytes = maxUpload;
    };
    m_server = std::make_unique<TestServer>(options);
    LECTERN_START_SERVER(*m_server);

    for (const QString &role :
         {u"admin"_s, u"instructor"_s, u"ta"_s, u"student1"_s, u"student2"_s, u"student3"_s}) {
        HttpClient client(m_server->url());
        const HttpResult login = client.login(role + u"@demo.lectern"_s);
        QCOMPARE(login.status, 200);
        m_tokens.insert(role, client.token());
        m_userIds.insert(role,
                         login.data().toObject().value(u"user").toObject().value(u"id").toString());
    }
    HttpClient instructor(m_server->url());
    instructor.setToken(m_tokens.value(u"instructor"_s));
    const auto makeCourse = [&](const QString &code, bool publish) {
        const HttpResult made = instructor.post(
            u"/api/v1/courses"_s,
            QJsonObject {{u"code"_s, code}, {u"title"_s, QString(u"Course "_s + code)}});
        const QString id = made.data().toObject().value(u"id").toString();
        if (publish)
            instructor.post(u"/api/v1/courses/%1/publish"_s.arg(id));
        return id;
    };
    m_courseA = makeCourse(u"FILE-A"_s, true);
    m_courseB = makeCourse(u"FILE-B"_s, true);
    m_draft = makeCourse(u"FILE-D"_s, false);
    QVERIFY(!m_courseA.isEmpty() && !m_courseB.isEmpty() && !m_draft.isEmpty());
    enroll(m_courseA, m_userIds.value(u"student1"_s), u"student"_s);
    enroll(m_courseA, m_userIds.value(u"ta"_s), u"ta"_s);
    enroll(m_courseB, m_userIds.value(u"student2"_s), u"student"_s);
    enroll(m_draft, m_userIds.value(u"student1"_s), u"student"_s);
    m_pdf = pdfBytes(100 * 1024);
}

// Enrollments have no endpoint of their own yet: written through the same store they will use.
void TestFiles::enroll(const QString &courseId, const QString &userId, const QString &role)
{
    Server::Transaction tx(m_server->server().context().db());
    QVERIFY(tx.isOk());
    auto orgId = Server::RecordStore::get(tx, EntityRegistry::get(u"course"_s), courseId);
    QVERIFY(orgId && *orgId);
    auto made = Server::RecordStore::insert(
        tx, m_server->server().context().clock(), EntityRegistry::get(u"enrollment"_s),
        (*orgId)->value(u"orgId").toString(), createUuidV7String(),
        {{u"courseId"_s, courseId},
         {u"userId"_s, userId},
         {u"role"_s, role},
         {u"status"_s, u"enrolled"_s},
         {u"type"_s, u"regular"_s}});
    QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
    QVERIFY(tx.commit());
}

HttpResult TestFiles::upload(const QString &who, const QByteArray &bytes, const QString &query,
                             const QByteArray &contentType,
                             const QHash<QByteArray, QByteArray> &headers)
{
    HttpClient client(m_server->url());
    client.setToken(m_tokens.value(who));
    return client.send("POST", u"/api/v1/files/upload"_s + query, bytes, contentType, headers);
}

HttpResult TestFiles::get(const QString &who, const QString &path,
                          const QHash<QByteArray, QByteArray> &headers)
{
    HttpClient client(m_server->url());
    client.setToken(m_tokens.value(who));
    return client.send("GET", path, {}, {}, headers);
}

QByteArray TestFiles::exchange(const QByteArray &request, int timeoutMs,
                               const QByteArray &afterContinue)
{
    QTcpSocket socket;
    QByteArray received;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        received += socket.readAll();
        if (!afterContinue.isEmpty() && received.startsWith("HTTP/1.1 100 Continue\r\n\r\n")) {
            received.remove(0, 25);
            socket.write(afterContinue);
        }
    });
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(request); });
    socket.connectToHost(QHostAddress::LocalHost, m_server->url().port());
    loop.exec();
    received += socket.readAll();
    return received;
}

int TestFiles::blobCount() const
{
    int count = 0;
    QDirIterator it(m_server->dataDir() + u"/files"_s, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (!it.next().contains(u"/files/tmp/"_s))
            ++count;
    }
    return count;
}

void TestFiles::rawUpload()
{
    const QByteArray text = "Week 1 reading list\nChapter 1, 2 and 3.\n";
    const HttpResult made = upload(u"instructor"_s, text,
                                   u"?courseId=%1&name=reading.txt"_s.arg(m_courseA), "text/plain");
    QCOMPARE(made.status, 201);
    QCOMPARE(made.header("connection"), "close");
    QCOMPARE(made.header("x-content-type-options"), "nosniff");
    const QJsonObject file = made.data().toObject();
    QCOMPARE(file.value(u"originalName").toString(), u"reading.txt"_s);
    QCOMPARE(file.value(u"mimeType").toString(), u"text/plain"_s);
    QCOMPARE(file.value(u"size").toInteger(), text.size());
    QCOMPARE(file.value(u"sha256").toString().toLatin1(), sha256(text));
    QCOMPARE(file.value(u"courseId").toString(), m_courseA);
    QCOMPARE(file.value(u"access").toString(), u"course"_s);
    QCOMPARE(file.value(u"uploaderId").toString(), m_userIds.value(u"instructor"_s));
    QCOMPARE(file.value(u"rev").toInteger(), 1);

    const QString id = file.value(u"id").toString();
    const HttpResult meta = get(u"instructor"_s, u"/api/v1/files/"_s + id);
    QCOMPARE(meta.status, 200);
    QCOMPARE(meta.data().toObject().value(u"sha256"), file.value(u"sha256"));
    const HttpResult download = get(u"instructor"_s, u"/api/v1/files/%1/download"_s.arg(id));
    QCOMPARE(download.status, 200);
    QCOMPARE(download.body, text);
    QCOMPARE(download.header("content-type"), "text/plain");
    QCOMPARE(download.header("etag"), '"' + sha256(text) + '"');
    QCOMPARE(download.header("content-disposition"),
             "attachment; filename=\"reading.txt\"; filename*=UTF-8''reading.txt");
    QCOMPARE(download.header("accept-ranges"), "bytes");
    QCOMPARE(download.header("cache-control"), "no-store");

    // The name may come in a header too, percent-encoded UTF-8.
    const HttpResult named = upload(u"instructor"_s, text, u"?courseId=%1"_s.arg(m_courseA),
                                    "text/plain", {{"X-File-Name", "r%C3%A9sum%C3%A9.txt"}});
    QCOMPARE(named.status, 201);
    QCOMPARE(named.data().toObject().value(u"originalName").toString(), u"résumé.txt"_s);
    const HttpResult again
        = get(u"instructor"_s,
              u"/api/v1/files/%1/download"_s.arg(named.data().toObject().value(u"id").toString()));
    QVERIFY(again.header("content-disposition").endsWith("filename*=UTF-8''r%C3%A9sum%C3%A9.txt"));
}

void TestFiles::multipartUpload()
{
    const QByteArray boundary = "----lectern7MA4YWxkTrZu0gW";
    const QByteArray body = multipart(boundary, {{"courseId", m_courseA.toLatin1()}},
                                      "Syllabus.pdf", "application/pdf", m_pdf);
    const HttpResult made
        = upload(u"ta"_s, body, QString(), "multipart/form-data; boundary=" + boundary);
    QCOMPARE(made.status, 201);
    const QJsonObject file = made.data().toObject();
    QCOMPARE(file.value(u"originalName").toString(), u"Syllabus.pdf"_s);
    QCOMPARE(file.value(u"mimeType").toString(), u"application/pdf"_s);
    QCOMPARE(file.value(u"size").toInteger(), m_pdf.size());
    QCOMPARE(file.value(u"courseId").toString(), m_courseA);
    const HttpResult download
        = get(u"student1"_s, u"/api/v1/files/%1/download"_s.arg(file.value(u"id").toString()));
    QCOMPARE(download.status, 200);
    QCOMPARE(sha256(download.body), sha256(m_pdf));

    // No file part: 422 naming it. A body cut before its last boundary: 400.
    const QByteArray noFile = "--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"courseId\"\r\n\r\n" + m_courseA.toLatin1()
        + "\r\n--" + boundary + "--\r\n";
    const HttpResult missing
        = upload(u"instructor"_s, noFile, QString(), "multipart/form-data; boundary=" + boundary);
    QCOMPARE(missing.status, 422);
    QVERIFY(missing.errorFields().contains(u"file"));
    const HttpResult cut = upload(u"instructor"_s, body.left(body.size() - 10), QString(),
                                  "multipart/form-data; boundary=" + boundary);
    QCOMPARE(cut.status, 400);
}

void TestFiles::chunkedUpload()
{
    const QByteArray first = m_pdf.left(40000);
    const QByteArray second = m_pdf.mid(40000);
    const QByteArray request = "POST /api/v1/files/upload?name=chunked.pdf&courseId="
        + m_courseA.toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + m_tokens.value(u"instructor"_s).toLatin1()
        + "\r\nContent-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n"
        + QByteArray::number(first.size(), 16) + "\r\n" + first + "\r\n"
        + QByteArray::number(second.size(), 16) + ";ext=1\r\n" + second + "\r\n0\r\n\r\n";
    const QByteArray response = exchange(request);
    QVERIFY2(response.startsWith("HTTP/1.1 201"), response.left(400).constData());
    QCOMPARE(jsonOf(response).value(u"data").toObject().value(u"sha256").toString().toLatin1(),
             sha256(m_pdf));
}

void TestFiles::sameBytesAreStoredOnce()
{
    const QByteArray bytes = pdfBytes(50 * 1024) + "unique-to-dedup-test";
    const int before = blobCount();
    const HttpResult one = upload(u"instructor"_s, bytes,
                                  u"?courseId=%1&name=one.pdf"_s.arg(m_courseA), "application/pdf");
    const HttpResult two = upload(u"admin"_s, bytes, u"?courseId=%1&name=two.pdf"_s.arg(m_courseB),
                                  "application/pdf");
    QCOMPARE(one.status, 201);
    QCOMPARE(two.status, 201);
    // Two uploads, two metadata rows (own name, course, uploader), one blob.
    QVERIFY(one.data()[u"id"] != two.data()[u"id"]);
    QCOMPARE(one.data()[u"sha256"], two.data()[u"sha256"]);
    QCOMPARE(blobCount(), before + 1);
    const QString sha = one.data()[u"sha256"].toString();
    QVERIFY(QFile::exists(m_server->dataDir()
                          + u"/files/%1/%2/%3"_s.arg(sha.left(2), sha.mid(2, 2), sha)));
    QCOMPARE(
        get(u"student2"_s, u"/api/v1/files/%1/download"_s.arg(two.data()[u"id"].toString())).body,
        bytes);
}

// Deleting a file hides it at once; its bytes stay while another file uses them and go at the
// sweep after the last one is deleted.
void TestFiles::deleteAndSweep()
{
    const QByteArray bytes = pdfBytes(20 * 1024) + "unique-to-delete-test";
    const HttpResult one = upload(u"instructor"_s, bytes,
                                  u"?courseId=%1&name=one.pdf"_s.arg(m_courseA), "application/pdf");
    const HttpResult two = upload(u"instructor"_s, bytes,
                                  u"?courseId=%1&name=two.pdf"_s.arg(m_courseA), "application/pdf");
    QCOMPARE(one.status, 201);
    QCOMPARE(two.status, 201);
    const QString sha = one.data()[u"sha256"].toString();
    const QString blob
        = m_server->dataDir() + u"/files/%1/%2/%3"_s.arg(sha.left(2), sha.mid(2, 2), sha);
    const QString oneId = one.data()[u"id"].toString();
    const QString twoId = two.data()[u"id"].toString();

    HttpClient instructor(m_server->url());
    instructor.setToken(m_tokens.value(u"instructor"_s));
    QCOMPARE(instructor.del(u"/api/v1/files/%1"_s.arg(oneId)).status, 200);
    QCOMPARE(get(u"instructor"_s, u"/api/v1/files/%1"_s.arg(oneId)).status, 404);
    QCOMPARE(get(u"student1"_s, u"/api/v1/files/%1/download"_s.arg(oneId)).status, 404);
    QCOMPARE(instructor.del(u"/api/v1/files/%1"_s.arg(oneId)).status, 404);

    auto &files = m_server->server().files();
    auto swept = files.sweepBlobs(std::chrono::seconds(0));
    QVERIFY(swept);
    QVERIFY2(QFile::exists(blob), "the other file still uses the bytes");
    QCOMPARE(get(u"student1"_s, u"/api/v1/files/%1/download"_s.arg(twoId)).body, bytes);

    QCOMPARE(instructor.del(u"/api/v1/files/%1"_s.arg(twoId)).status, 200);
    // Within the grace period the bytes stay (an upload may be adopting them right now).
    QVERIFY(files.sweepBlobs(std::chrono::hours(1)));
    QVERIFY(QFile::exists(blob));
    swept = files.sweepBlobs(std::chrono::seconds(0));
    QVERIFY(swept);
    QVERIFY(swept->removed >= 1);
    QVERIFY(!QFile::exists(blob));

    // The same bytes uploaded again are stored again.
    const HttpResult again = upload(u"instructor"_s, bytes,
                                    u"?courseId=%1&name=again.pdf"_s.arg(m_courseA),
                                    "application/pdf");
    QCOMPARE(again.status, 201);
    QVERIFY(QFile::exists(blob));
    QCOMPARE(get(u"student1"_s,
                 u"/api/v1/files/%1/download"_s.arg(again.data()[u"id"].toString()))
                 .body,
             bytes);
}

void TestFiles::deleteRules_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("course"); // "A", or "" for an organisation file
    QTest::addColumn<int>("status");
    QTest::newRow("instructor, course file") << u"instructor"_s << u"A"_s << 200;
    QTest::newRow("ta of the course") << u"ta"_s << u"A"_s << 200;
    QTest::newRow("admin") << u"admin"_s << u"A"_s << 200;
    QTest::newRow("enrolled student") << u"student1"_s << u"A"_s << 403;
    QTest::newRow("student elsewhere") << u"student2"_s << u"A"_s << 404;
    QTest::newRow("uploader, organisation file") << u"instructor"_s << QString() << 200;
    QTest::newRow("admin, organisation file") << u"admin"_s << QString() << 200;
    QTest::newRow("student, organisation file") << u"student1"_s << QString() << 403;
    QTest::newRow("ta, organisation file") << u"ta"_s << QString() << 403;
}

void TestFiles::deleteRules()
{
    QFETCH(QString, who);
    QFETCH(QString, course);
    QFETCH(int, status);
    const QString query = course.isEmpty() ? u"?name=rules.txt"_s
                                           : u"?courseId=%1&name=rules.txt"_s.arg(m_courseA);
    const HttpResult made = upload(u"instructor"_s, "to delete\n", query, "text/plain");
    QCOMPARE(made.status, 201);
    const QString id = made.data()[u"id"].toString();
    HttpClient client(m_server->url());
    client.setToken(m_tokens.value(who));
    QCOMPARE(client.del(u"/api/v1/files/%1"_s.arg(id)).status, status);
    // A refused delete changes nothing.
    QCOMPARE(get(u"instructor"_s, u"/api/v1/files/%1"_s.arg(id)).status,
             status == 200 ? 404 : 200);
}

void TestFiles::notModified()
{
    const HttpResult made = upload(u"instructor"_s, m_pdf,
                                   u"?courseId=%1&name=etag.pdf"_s.arg(m_courseA),
                                   "application/pdf");
    QCOMPARE(made.status, 201);
    const QString path = u"/api/v1/files/%1/download"_s.arg(made.data()[u"id"].toString());
    const HttpResult full = get(u"student1"_s, path);
    QCOMPARE(full.status, 200);
    const QByteArray etag = full.headers.value("etag");
    QVERIFY(!etag.isEmpty());
    const HttpResult cached = get(u"student1"_s, path, {{"If-None-Match", etag}});
    QCOMPARE(cached.status, 304);
    QVERIFY(cached.body.isEmpty());
    QCOMPARE(get(u"student1"_s, path, {{"If-None-Match", "\"other\", " + etag}}).status, 304);
    QCOMPARE(get(u"student1"_s, path, {{"If-None-Match", "\"other\""}}).status, 200);
    // Access is checked before the validator: a stranger learns nothing.
    QCOMPARE(get(u"student2"_s, path, {{"If-None-Match", etag}}).status, 404);
}

void TestFiles::range_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("length");
    const qint64 size = 100 * 1024;
    QTest::newRow("first bytes") << QByteArray("bytes=0-9") << 206 << qint64(0) << qint64(10);
    QTest::newRow("middle") << QByteArray("bytes=1000-1999") << 206 << qint64(1000) << qint64(1000);
    QTest::newRow("suffix") << QByteArray("bytes=-500") << 206 << size - 500 << qint64(500);
    QTest::newRow("open end") << QByteArray("bytes=90000-") << 206 << qint64(90000) << size - 90000;
    QTest::newRow("last past end")
        << QByteArray("bytes=102000-999999") << 206 << qint64(102000) << size - 102000;
    QTest::newRow("whole") << QByteArray() << 200 << qint64(0) << size;
    QTest::newRow("several: whole") << QByteArray("bytes=0-1,5-6") << 200 << qint64(0) << size;
    QTest::newRow("other unit: whole") << QByteArray("lines=1-2") << 200 << qint64(0) << size;
    QTest::newRow("start past end") << QByteArray("bytes=102400-") << 416 << qint64(0) << qint64(0);
    QTest::newRow("reversed") << QByteArray("bytes=9-2") << 416 << qint64(0) << qint64(0);
    QTest::newRow("garbage") << QByteArray("bytes=abc") << 416 << qint64(0) << qint64(0);
    QTest::newRow("empty suffix") << QByteArray("bytes=-0") << 416 << qint64(0) << qint64(0);
}

void TestFiles::range()
{
    QFETCH(QByteArray, range);
    QFETCH(int, status);
    QFETCH(qint64, first);
    QFETCH(qint64, length);
    static QString id;
    if (id.isEmpty()) {
        const HttpResult made
            = upload(u"instructor"_s, m_pdf, u"?courseId=%1&name=range.pdf"_s.arg(m_courseA),
                     "application/pdf");
        QCOMPARE(made.status, 201);
        id = made.data()[u"id"].toString();
    }
    QHash<QByteArray, QByteArray> headers;
    if (!range.isEmpty())
        headers.insert("Range", range);
    const HttpResult got = get(u"student1"_s, u"/api/v1/files/%1/download"_s.arg(id), headers);
    QCOMPARE(got.status, status);
    if (status == 416) {
        QCOMPARE(got.errorCode(), u"range_not_satisfiable"_s);
        QCOMPARE(got.header("content-range"), "bytes */" + QByteArray::number(m_pdf.size()));
        return;
    }
    QCOMPARE(got.body, m_pdf.mid(first, length));
    QCOMPARE(got.header("content-length"), QByteArray::number(length));
    if (status == 206)
        QCOMPARE(got.header("content-range"),
                 "bytes " + QByteArray::number(first) + '-' + QByteArray::number(first + length - 1)
                     + '/' + QByteArray::number(m_pdf.size()));
}

void TestFiles::typeIsCheckedAgainstBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("declared");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("result"); // the type, or the error code

    QTest::newRow("pdf as pdf") << m_pdf << u"a.pdf"_s << QByteArray("application/pdf") << 201
                                << u"application/pdf"_s;
    QTest::newRow("pdf, no type given")
        << m_pdf << u"a.pdf"_s << QByteArray() << 201 << u"application/pdf"_s;
    QTest::newRow("png as png") << pngBytes() << u"p.png"_s << QByteArray("image/png") << 201
                                << u"image/png"_s;
    QTest::newRow("csv is text by its bytes")
        << QByteArray("a,b\n1,2\n") << u"t.csv"_s << QByteArray("text/csv") << 201 << u"text/csv"_s;
    QTest::newRow("markdown") << QByteArray("# Title\n\nSome *text*.\n") << u"n.md"_s
                              << QByteArray("text/plain") << 201 << u"text/markdown"_s;
    QTest::newRow("pdf declared png")
        << m_pdf << u"a"_s << QByteArray("image/png") << 415 << u"mime_mismatch"_s;
    QTest::newRow("pdf named png")
        << m_pdf << u"photo.png"_s << QByteArray() << 415 << u"mime_mismatch"_s;
    QTest::newRow("executable named pdf")
        << elfBytes() << u"setup.pdf"_s << QByteArray("application/pdf") << 415
        << u"mime_mismatch"_s;
    QTest::newRow("executable") << elfBytes() << u"setup"_s << QByteArray() << 415
                                << u"type_not_allowed"_s;
    QTest::newRow("html named txt")
        << QByteArray("<!DOCTYPE html><html><script>x()</script></html>") << u"page.txt"_s
        << QByteArray("text/plain") << 415 << u"type_not_allowed"_s;
    QTest::newRow("random bytes said png") << QByteArray(3000, '\x03') << u"x.png"_s
                                           << QByteArray("image/png") << 415 << u"mime_mismatch"_s;
    QTest::newRow("empty") << QByteArray() << u"e.txt"_s << QByteArray("text/plain") << 422
                           << u"validation_failed"_s;
}

void TestFiles::typeIsCheckedAgainstBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, name);
    QFETCH(QByteArray, declared);
    QFETCH(int, status);
    QFETCH(QString, result);
    const HttpResult made
        = upload(u"instructor"_s, bytes, u"?courseId=%1&name=%2"_s.arg(m_courseA, name), declared,
                 {{"Content-Type", declared}});
    QCOMPARE(made.status, status);
    if (status == 201)
        QCOMPARE(made.data()[u"mimeType"].toString(), result);
    else
        QCOMPARE(made.errorCode(), result);
}

void TestFiles::namesAreSanitised_data()
{
    QTest::addColumn<QByteArray>("encodedName"); // as sent in X-File-Name (percent-encoded)
    QTest::addColumn<QString>("stored");
    QTest::newRow("unix traversal") << QByteArray("..%2F..%2Fetc%2Fpasswd") << u"passwd.txt"_s;
    QTest::newRow("windows traversal") << QByteArray("..%5C..%5Cx.txt") << u"x.txt"_s;
    QTest::newRow("absolute") << QByteArray("%2Fetc%2Fshadow.txt") << u"shadow.txt"_s;
    QTest::newRow("reserved device") << QByteArray("CON.txt") << u"_CON.txt"_s;
    QTest::newRow("reserved, lower case") << QByteArray("lpt1.txt") << u"_lpt1.txt"_s;
    QTest::newRow("NUL byte") << QByteArray("evil%00.php.txt") << u"evil.php.txt"_s;
    QTest::newRow("control characters") << QByteArray("a%0D%0Ab%07.txt") << u"ab.txt"_s;
    QTest::newRow("only dots") << QByteArray("..") << u"file.txt"_s;
    QTest::newRow("hidden") << QByteArray(".htaccess.txt") << u"htaccess.txt"_s;
    QTest::newRow("trailing dots") << QByteArray("notes.txt. . ") << u"notes.txt"_s;
    QTest::newRow("windows forbidden")
        << QByteArray("a%3Cb%3E%3A%7C%3F%2A.txt") << u"a_b_____.txt"_s;
    QTest::newRow("bidi override") << QByteArray("abc%E2%80%AEtxt.exe.txt") << u"abctxt.exe.txt"_s;
}

void TestFiles::namesAreSanitised()
{
    QFETCH(QByteArray, encodedName);
    QFETCH(QString, stored);
    const HttpResult made
        = upload(u"instructor"_s, "plain text\n", u"?courseId=%1"_s.arg(m_courseA), "text/plain",
                 {{"X-File-Name", encodedName}});
    QCOMPARE(made.status, 201);
    QCOMPARE(made.data()[u"originalName"].toString(), stored);
    // Only hashes name things on disk.
    QDirIterator it(m_server->dataDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QVERIFY2(!path.endsWith(stored), qPrintable(path));
    }
}

void TestFiles::announcedOversizeIs413()
{
    const HttpResult made
        = upload(u"instructor"_s, pdfBytes(maxUpload + 1),
                 u"?courseId=%1&name=big.pdf"_s.arg(m_courseA), "application/pdf");
    QCOMPARE(made.status, 413);
    QCOMPARE(made.errorCode(), u"payload_too_large"_s);
    // Exactly the limit is fine.
    QCOMPARE(upload(u"instructor"_s, pdfBytes(maxUpload),
                    u"?courseId=%1&name=limit.pdf"_s.arg(m_courseA), "application/pdf")
                 .status,
             201);
}

void TestFiles::oversizeWhileStreamingIs413_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("multipart within the announced slack") << false;
    QTest::newRow("chunked") << true;
}

void TestFiles::oversizeWhileStreamingIs413()
{
    QFETCH(bool, chunked);
    const QByteArray content = pdfBytes(maxUpload + 100);
    const int before = blobCount();
    QByteArray response;
    if (chunked) {
        QByteArray request = "POST /api/v1/files/upload?name=big.pdf&courseId="
            + m_courseA.toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + m_tokens.value(u"instructor"_s).toLatin1()
            + "\r\nContent-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (qsizetype at = 0; at < content.size(); at += 16384) {
            const QByteArray piece = content.mid(at, 16384);
            request += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
        }
        request += "0\r\n\r\n";
        response = exchange(request);
    } else {
        const QByteArray boundary = "b0undary";
        const QByteArray body = multipart(boundary, {{"courseId", m_courseA.toLatin1()}}, "big.pdf",
                                          "application/pdf", content);
        const HttpResult made
            = upload(u"instructor"_s, body, QString(), "multipart/form-data; boundary=" + boundary);
        response = "HTTP/1.1 " + QByteArray::number(made.status) + " \r\n\r\n" + made.body;
    }
    QVERIFY2(response.startsWith("HTTP/1.1 413"), response.left(300).constData());
    QCOMPARE(jsonOf(response).value(u"error").toObject().value(u"code").toString(),
             u"payload_too_large"_s);
    QCOMPARE(blobCount(), before);
    QTRY_VERIFY(QDir(m_server->dataDir() + u"/files/tmp"_s).isEmpty());
}

void TestFiles::uploadRules_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("target"); // A, B, draft, org, none
    QTest::addColumn<QString>("access");
    QTest::addColumn<int>("status");
    QTest::newRow("instructor to own course") << u"instructor"_s << u"A"_s << QString() << 201;
    QTest::newRow("ta of the course") << u"ta"_s << u"A"_s << QString() << 201;
    QTest::newRow("admin to any course") << u"admin"_s << u"B"_s << QString() << 201;
    QTest::newRow("enrolled student") << u"student1"_s << u"A"_s << QString() << 403;
    QTest::newRow("student of another course") << u"student2"_s << u"A"_s << QString() << 404;
    QTest::newRow("ta not in the course") << u"ta"_s << u"B"_s << QString() << 404;
    QTest::newRow("student, draft course") << u"student1"_s << u"draft"_s << QString() << 404;
    QTest::newRow("org file by admin") << u"admin"_s << u"none"_s << QString() << 201;
    QTest::newRow("org file by instructor") << u"instructor"_s << u"none"_s << QString() << 201;
    QTest::newRow("org file by ta") << u"ta"_s << u"none"_s << QString() << 403;
    QTest::newRow("org file by student") << u"student1"_s << u"none"_s << QString() << 403;
    QTest::newRow("course access without course") << u"admin"_s << u"none"_s << u"course"_s << 422;
    QTest::newRow("bad access") << u"admin"_s << u"A"_s << u"public"_s << 422;
    QTest::newRow("no such course") << u"admin"_s << u"missing"_s << QString() << 404;
    QTest::newRow("not a course id") << u"admin"_s << u"nonsense"_s << QString() << 422;
    QTest::newRow("no token") << QString() << u"A"_s << QString() << 401;
}

void TestFiles::uploadRules()
{
    QFETCH(QString, who);
    QFETCH(QString, target);
    QFETCH(QString, access);
    QFETCH(int, status);
    const QHash<QString, QString> courses {{u"A"_s, m_courseA},
                                           {u"B"_s, m_courseB},
                                           {u"draft"_s, m_draft},
                                           {u"missing"_s, createUuidV7String()},
                                           {u"nonsense"_s, u"nonsense"_s}};
    QString query = u"?name=rule.txt"_s;
    if (courses.contains(target))
        query += u"&courseId="_s + courses.value(target);
    if (!access.isEmpty())
        query += u"&access="_s + access;
    const HttpResult made = upload(who, "rules\n", query, "text/plain");
    QCOMPARE(made.status, status);
    if (status == 401)
        QCOMPARE(made.header("www-authenticate"), "Bearer");
}

void TestFiles::readRules_data()
{
    QTest::addColumn<QString>("target"); // where the instructor/admin put the file
    QTest::addColumn<QString>("access");
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("status");
    QTest::newRow("course file: instructor") << u"A"_s << u"course"_s << u"instructor"_s << 200;
    QTest::newRow("course file: ta") << u"A"_s << u"course"_s << u"ta"_s << 200;
    QTest::newRow("course file: admin") << u"A"_s << u"course"_s << u"admin"_s << 200;
    QTest::newRow("course file: enrolled student") << u"A"_s << u"course"_s << u"student1"_s << 200;
    QTest::newRow("course file: other course's student")
        << u"A"_s << u"course"_s << u"student2"_s << 404;
    QTest::newRow("course file: unenrolled student")
        << u"A"_s << u"course"_s << u"student3"_s << 404;
    QTest::newRow("draft course file: enrolled student")
        << u"draft"_s << u"course"_s << u"student1"_s << 404;
    QTest::newRow("draft course file: instructor")
        << u"draft"_s << u"course"_s << u"instructor"_s << 200;
    QTest::newRow("org-wide course file: any student")
        << u"A"_s << u"organization"_s << u"student3"_s << 200;
    QTest::newRow("org file: student") << u"none"_s << u"organization"_s << u"student2"_s << 200;
    QTest::newRow("org file: no token") << u"none"_s << u"organization"_s << QString() << 401;
}

void TestFiles::readRules()
{
    QFETCH(QString, target);
    QFETCH(QString, access);
    QFETCH(QString, who);
    QFETCH(int, status);
    const QHash<QString, QString> courses {{u"A"_s, m_courseA}, {u"draft"_s, m_draft}};
    QString query = u"?name=read.txt&access="_s + access;
    if (courses.contains(target))
        query += u"&courseId="_s + courses.value(target);
    const HttpResult made = upload(u"instructor"_s, "readable\n", query, "text/plain");
    QCOMPARE(made.status, 201);
    const QString id = made.data()[u"id"].toString();
    const HttpResult meta = get(who, u"/api/v1/files/"_s + id);
    QCOMPARE(meta.status, status);
    const HttpResult download = get(who, u"/api/v1/files/%1/download"_s.arg(id));
    QCOMPARE(download.status, status);
    if (status == 200)
        QCOMPARE(download.body, QByteArray("readable\n"));
    if (status == 404) // the same answer as for a file that does not exist
        QCOMPARE(get(who, u"/api/v1/files/"_s + createUuidV7String()).body.size() > 0, true);
}

void TestFiles::expectContinue()
{
    const QByteArray head = "POST /api/v1/files/upload?name=continue.pdf&courseId="
        + m_courseA.toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + m_tokens.value(u"instructor"_s).toLatin1()
        + "\r\nContent-Type: application/pdf\r\nExpect: 100-continue\r\nContent-Length: "
        + QByteArray::number(m_pdf.size()) + "\r\n\r\n";
    const QByteArray response = exchange(head, 10000, m_pdf);
    QVERIFY2(response.startsWith("HTTP/1.1 201"), response.left(300).constData());
    QCOMPARE(headerOf(response, "Connection"), "close");
    QCOMPARE(headerOf(response, "Content-Security-Policy"), "default-src 'none'");
    QVERIFY(!headerOf(response, "X-Request-Id").isEmpty());
}

void TestFiles::refusedBeforeBody()
{
    // A bad token, a foreign course or an announced oversize is answered from the head alone:
    // the client that waits for "100 Continue" never has to send the body.
    const QByteArray head = "POST /api/v1/files/upload?name=x.pdf HTTP/1.1\r\nHost: x\r\n"
                            "Authorization: Bearer not-a-token\r\nContent-Type: application/pdf\r\n"
                            "Expect: 100-continue\r\nContent-Length: 50000000\r\n\r\n";
    const QByteArray tooBig = exchange(head, 5000);
    QVERIFY2(tooBig.startsWith("HTTP/1.1 413"), tooBig.left(300).constData());
    QByteArray unauthorised = head;
    unauthorised.replace("50000000", "1000");
    const QByteArray refused = exchange(unauthorised, 5000);
    QVERIFY2(refused.startsWith("HTTP/1.1 401"), refused.left(300).constData());
    QVERIFY(!refused.contains("100 Continue"));
    QCOMPARE(headerOf(refused, "X-Frame-Options"), "DENY");
    // No length at all: 411.
    const QByteArray noLength = exchange("POST /api/v1/files/upload HTTP/1.1\r\nHost: x\r\n"
                                         "Content-Type: text/plain\r\n\r\n",
                                         5000);
    QVERIFY2(noLength.startsWith("HTTP/1.1 411"), noLength.left(300).constData());
}

void TestFiles::headSplitAcrossPackets()
{
    // The first packet is too short to tell an upload (Qt's parser starts on it); the guard still
    // takes the request over once the request line is there, and Qt buffers none of it.
    const QByteArray request = "POST /api/v1/files/upload?name=split.pdf&courseId="
        + m_courseA.toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + m_tokens.value(u"instructor"_s).toLatin1()
        + "\r\nContent-Type: application/pdf\r\nContent-Length: " + QByteArray::number(m_pdf.size())
        + "\r\n\r\n" + m_pdf;
    for (const qsizetype cut :
         {qsizetype(3), qsizetype(40), qsizetype(request.indexOf("Content-Type"))}) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->url().port());
        QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        socket.write(request.left(cut));
        QTest::qWait(100);
        socket.write(request.mid(cut));
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\r\n\r\n{"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState
                                     || (received += socket.readAll()).endsWith('}'),
                                 10000);
        QVERIFY2(received.startsWith("HTTP/1.1 201"), received.left(300).constData());
        QCOMPARE(jsonOf(received).value(u"data").toObject().value(u"sha256").toString().toLatin1(),
                 sha256(m_pdf));
    }
}

void TestFiles::serverKeepsServingAfterUpload()
{
    HttpClient client(m_server->url());
    client.setToken(m_tokens.value(u"instructor"_s));
    for (int i = 0; i < 3; ++i) {
        const HttpResult made
            = client.send("POST", u"/api/v1/files/upload?name=k.txt&courseId="_s + m_courseA,
                          "keep\n", "text/plain");
        QCOMPARE(made.status, 201);
        // The next request goes out on a new connection and works, uploads and JSON alike.
        const HttpResult meta = client.get(u"/api/v1/files/"_s + made.data()[u"id"].toString());
        QCOMPARE(meta.status, 200);
        QCOMPARE(client.get(u"/api/v1/auth/me"_s).status, 200);
    }
    // JSON routes keep their own small body limit and keep-alive.
    const HttpResult json = client.get(u"/api/v1/courses/"_s + m_courseA);
    QCOMPARE(json.status, 200);
    QVERIFY(json.header("connection") != "close");
}

QTEST_GUILESS_MAIN(TestFiles)
#include "tst_files.moc"
