// Every error status of docs/architecture.md ("HTTP conventions") through real HTTP, for every
// route, through the one request path: 404, 405, 400 (malformed JSON, not an object), 401, 413
// (announced and actual), 415, 422, 431, security headers on every answer, and no 500 for anything
// a client sends.
#include "httpclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

using namespace Lectern;
using namespace Lectern::Test;

namespace {
const QString someId = QStringLiteral("01900000-0000-7000-8000-000000000000");

QString concretePath(QString pattern, const QString &id = someId)
{
    return pattern.replace(QStringLiteral(":id"), id);
}

void checkSecurityHeaders(const HttpResult &result)
{
    QCOMPARE(result.header("x-content-type-options"), QByteArray("nosniff"));
    QCOMPARE(result.header("x-frame-options"), QByteArray("DENY"));
    QCOMPARE(result.header("content-security-policy"), QByteArray("default-src 'none'"));
    QCOMPARE(result.header("referrer-policy"), QByteArray("no-referrer"));
    QCOMPARE(result.header("cache-control"), QByteArray("no-store"));
    QVERIFY(!result.header("x-request-id").isEmpty());
}

// Sends raw bytes on a fresh connection and returns everything the server answers until it closes
// the connection or `timeoutMs` passes.
QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 3000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write(bytes);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState) {
        QTest::qWait(20);
        answer += socket.readAll();
        if (answer.contains("\r\n\r\n") && answer.contains("Content-Length")) {
            const qsizetype headerEnd = answer.indexOf("\r\n\r\n") + 4;
            const qsizetype at = answer.indexOf("Content-Length: ") + 16;
            const int length = answer.mid(at, answer.indexOf("\r\n", at) - at).toInt();
            if (answer.size() >= headerEnd + length)
                break;
        }
    }
    answer += socket.readAll();
    return answer;
}
} // namespace

class TestHttpErrors : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QString m_adminToken;

    QList<Server::Route> bodyRoutes() const
    {
        QList<Server::Route> routes;
        // Uploads take the file's own bytes as the body, not JSON.
        const QStringList rawBodies = {QStringLiteral("/api/v1/files/upload")};
        for (const Server::Route &route : m_server->server().http().router().routes()) {
            if ((route.method == "POST" || route.method == "PUT" || route.method == "PATCH")
                && !rawBodies.contains(route.pattern))
                routes.append(route);
        }
        return routes;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        LECTERN_START_SERVER(*m_server);
        HttpClient admin(m_server->url());
        QCOMPARE(admin.login(QStringLiteral("admin@demo.lectern")).status, 200);
        m_adminToken = admin.token();
    }

    void unknownPathIs404()
    {
        HttpClient client(m_server->url());
        const HttpResult result = client.get(QStringLiteral("/api/v1/nothing-here"));
        QCOMPARE(result.status, 404);
        QCOMPARE(result.json.value(u"ok").toBool(true), false);
        QCOMPARE(result.errorCode(), QStringLiteral("not_found"));
        QVERIFY(!result.json.value(u"error").toObject().value(u"message").toString().isEmpty());
        QCOMPARE(result.header("content-type"), QByteArray("application/json"));
        checkSecurityHeaders(result);
    }

    void wrongMethodIs405WithAllow()
    {
        HttpClient client(m_server->url());
        const HttpResult result = client.send("DELETE", QStringLiteral("/api/v1/auth/login"));
        QCOMPARE(result.status, 405);
        QCOMPARE(result.errorCode(), QStringLiteral("method_not_allowed"));
        QCOMPARE(result.header("allow"), QByteArray("POST"));
        checkSecurityHeaders(result);
    }

    void headAnswersWithoutABody()
    {
        HttpClient client(m_server->url());
        const HttpResult result = client.send("HEAD", QStringLiteral("/healthz"));
        QCOMPARE(result.status, 200);
        QVERIFY(result.body.isEmpty());
    }

    void malformedJsonIs400OnEveryRoute()
    {
        for (const Server::Route &route : bodyRoutes()) {
            HttpClient client(m_server->url());
            client.setToken(m_adminToken);
            const HttpResult result
                = client.send(route.method, concretePath(route.pattern), "{\"name\": ");
            QVERIFY2(result.status == 400, qPrintable(route.pattern));
            QCOMPARE(result.errorCode(), QStringLiteral("malformed_json"));
            checkSecurityHeaders(result);
        }
    }

    void nonObjectJsonIs400OnEveryRoute()
    {
        for (const Server::Route &route : bodyRoutes()) {
            HttpClient client(m_server->url());
            client.setToken(m_adminToken);
            const HttpResult result
                = client.send(route.method, concretePath(route.pattern), "[1, 2, 3]");
            QVERIFY2(result.status == 400, qPrintable(route.pattern));
            QCOMPARE(result.errorCode(), QStringLiteral("bad_request"));
        }
    }

    void wrongContentTypeIs415OnEveryRoute()
    {
        for (const Server::Route &route : bodyRoutes()) {
            HttpClient client(m_server->url());
            client.setToken(m_adminToken);
            const HttpResult result
                = client.send(route.method, concretePath(route.pattern), "email=a@b.c",
                              "application/x-www-form-urlencoded");
            QVERIFY2(result.status == 415, qPrintable(route.pattern));
            QCOMPARE(result.errorCode(), QStringLiteral("unsupported_media_type"));
        }
    }

    void protectedRoutesAre401WithoutAToken()
    {
        for (const Server::Route &route : m_server->server().http().router().routes()) {
            if (route.access != Server::Access::User)
                continue;
            HttpClient client(m_server->url());
            const HttpResult result = client.send(route.method, concretePath(route.pattern), "{}");
            QVERIFY2(result.status == 401,
                     qPrintable(QString::fromLatin1(route.method) + u' ' + route.pattern));
            QCOMPARE(result.header("www-authenticate"), QByteArray("Bearer"));
            checkSecurityHeaders(result);
        }
    }

    void invalidFieldsAre422NamingEachField()
    {
        HttpClient client(m_server->url());
        client.setToken(m_adminToken);
        const HttpResult result
            = client.post(QStringLiteral("/api/v1/users"),
                          {{QStringLiteral("email"), QStringLiteral("not an email")},
                           {QStringLiteral("name"), QString()},
                           {QStringLiteral("roles"), QJsonArray {QStringLiteral("wizard")}},
                           {QStringLiteral("favouriteColour"), QStringLiteral("blue")}});
        QCOMPARE(result.status, 422);
        QCOMPARE(result.errorCode(), QStringLiteral("validation_failed"));
        const QJsonObject fields = result.errorFields();
        for (const char *field : {"email", "name", "roles", "favouriteColour"})
            QVERIFY2(fields.contains(QLatin1StringView(field)), field);
        checkSecurityHeaders(result);
    }

    void announcedOversizeBodyIs413BeforeItIsSent()
    {
        // Headers only: the server must answer without waiting for (or buffering) 50 MB.
        const QByteArray request
            = "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
              "Content-Type: application/json\r\nContent-Length: 52428800\r\n\r\n{";
        QElapsedTimer timer;
        timer.start();
        const QByteArray answer = rawExchange(m_server->server().http().port(), request);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        QVERIFY(timer.elapsed() < 2500);
        QVERIFY(answer.contains("payload_too_large"));
        QVERIFY(answer.contains("X-Content-Type-Options: nosniff"));
        QVERIFY(answer.contains("Connection: close"));
        // And the server is fine afterwards.
        HttpClient client(m_server->url());
        QCOMPARE(client.get(QStringLiteral("/healthz")).status, 200);
    }

    void actualOversizeBodyIs413()
    {
        HttpClient client(m_server->url());
        QByteArray big = "{\"email\":\"" + QByteArray(2 * 1024 * 1024, 'a') + "\"}";
        const HttpResult result = client.send("POST", QStringLiteral("/api/v1/auth/login"), big);
        QCOMPARE(result.status, 413);
        QCOMPARE(client.get(QStringLiteral("/healthz")).status, 200);
    }

    void endlessHeadersAre431()
    {
        const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Junk: "
            + QByteArray(80 * 1024, 'j') + "\r\n\r\n";
        const QByteArray answer = rawExchange(m_server->server().http().port(), request);
        QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(200).constData());
    }

    void keepAliveRequestsAfterALargeBodyStillWork()
    {
        // A body just under the limit followed by a second request on the same connection.
        const QByteArray body
            = "{\"email\":\"" + QByteArray(900 * 1024, 'b') + "\",\"password\":\"x\"}";
        QByteArray requests = "POST /api/v1/auth/refresh HTTP/1.1\r\nHost: localhost\r\n"
                              "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        requests += "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->server().http().port());
        QVERIFY(socket.waitForConnected(3000));
        socket.write(requests);
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).count("HTTP/1.1 ") >= 2, 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 422"), answer.left(100).constData());
        QVERIFY(answer.contains("HTTP/1.1 200"));
    }

    void requestIdIsEchoedWhenSane()
    {
        HttpClient client(m_server->url());
        const HttpResult result = client.send("GET", QStringLiteral("/healthz"), {}, {},
                                              {{"X-Request-Id", "trace-abc-123"}});
        QCOMPARE(result.header("x-request-id"), QByteArray("trace-abc-123"));
        const HttpResult replaced = client.send("GET", QStringLiteral("/healthz"), {}, {},
                                                {{"X-Request-Id", "bad id with spaces"}});
        QVERIFY(replaced.header("x-request-id") != QByteArray("bad id with spaces"));
    }

    void garbageNeverCausesA500()
    {
        // Every route, as an admin, with ids and bodies of the wrong kind.
        const QList<QJsonObject> bodies = {
            {},
            {{QStringLiteral("email"), 12}, {QStringLiteral("password"), QJsonArray()}},
            {{QStringLiteral("name"), QJsonObject()},
             {QStringLiteral("roles"), QStringLiteral("admin")}},
            {{QStringLiteral("settings"), QStringLiteral("x")},
             {QStringLiteral("slug"), QStringLiteral("UPPER CASE")}},
            {{QStringLiteral("id"), QStringLiteral("not-a-uuid")},
             {QStringLiteral("status"), true}},
            {{QStringLiteral("refreshToken"), 5}, {QStringLiteral("locale"), QString(500, u'x')}},
        };
        const QStringList ids = {someId, QStringLiteral("not-a-uuid"), QStringLiteral("%00%27%22"),
                                 QString(300, u'9')};
        int requests = 0;
        for (const Server::Route &route : m_server->server().http().router().routes()) {
            for (const QString &id : ids) {
                for (const QJsonObject &body : bodies) {
                    HttpClient client(m_server->url());
                    client.setToken(m_adminToken);
                    const HttpResult result
                        = client.send(route.method, concretePath(route.pattern, id),
                                      QJsonDocument(body).toJson());
                    ++requests;
                    QVERIFY2(result.status >= 200 && result.status < 500,
                             qPrintable(QString::fromLatin1(route.method) + u' ' + route.pattern
                                        + u' ' + QString::number(result.status) + u' '
                                        + QString::fromUtf8(result.body)));
                }
            }
        }
        qInfo() << requests << "requests, none answered 5xx";
        // The admin can still use the server normally afterwards.
        HttpClient client(m_server->url());
        client.setToken(m_adminToken);
        QCOMPARE(client.get(QStringLiteral("/api/v1/auth/me")).status, 200);
    }

    void clientsThatHangUpDuringSlowWorkDoNotHurtTheServer()
    {
        // Logins run on the worker pool; the client goes away before the answer is written back.
        for (int i = 0; i < 8; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_server->server().http().port());
            QVERIFY(socket.waitForConnected(3000));
            const QByteArray body
                = R"({"email":"student2@demo.lectern","password":"lectern-demo"})";
            socket.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                         "application/json\r\nContent-Length: "
                         + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket.waitForBytesWritten(1000);
            QTest::qWait(5);
            socket.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_server->server().http().pendingWork(), 0, 10000);
        HttpClient client(m_server->url());
        QCOMPARE(client.login(QStringLiteral("student2@demo.lectern")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestHttpErrors)
#include "tst_httperrors.moc"
