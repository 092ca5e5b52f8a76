#include "httpclient.h"
#include "storage/changelog.h"
#include "storage/transaction.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QWebSocket>
#include <lectern/uuidv7.h>
#include <memory>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;

namespace {
const QString password = u"websocket-tests-password"_s;

// A real WebSocket client that keeps what the server sent and how it ended.
class WsClient : public QObject
{
public:
    WsClient()
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
            arrivals.append(clock.nsecsElapsed());
        });
        connect(&socket, &QWebSocket::disconnected, this, [this] {
            closed = true;
            closeCode = int(socket.closeCode());
        });
        // Qt 6.4 has no errorOccurred yet.
        connect(&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
                [this] { failed = true; });
        clock.start();
    }

    bool open(const QUrl &url)
    {
        socket.open(url);
        return QTest::qWaitFor([this] { return isOpen() || closed || failed; }, 5000) && isOpen();
    }
    bool isOpen() const { return socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QJsonObject &message)
    {
        socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }
    // Waits for the next message of `type` after the first `from` messages; empty on timeout.
    QJsonObject waitFor(const QString &type, int timeoutMs = 5000, qsizetype *index = nullptr)
    {
        qsizetype found = -1;
        (void)QTest::qWaitFor(
            [&] {
                for (qsizetype i = seen; i < messages.size(); ++i) {
                    if (messages[i].value(u"type").toString() == type) {
                        found = i;
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        if (found < 0)
            return {};
        seen = found + 1;
        if (index)
            *index = found;
        return messages[found];
    }
    bool authenticate(const QString &token)
    {
        send({{u"type"_s, u"auth"_s}, {u"token"_s, token}});
        return !waitFor(u"ready"_s).isEmpty();
    }
    qsizetype count(const QString &type) const
    {
        return std::count_if(messages.cbegin(), messages.cend(), [&](const QJsonObject &m) {
            return m.value(u"type").toString() == type;
        });
    }

    QWebSocket socket;
    QList<QJsonObject> messages;
    QList<qint64> arrivals; // clock.nsecsElapsed() when each message came
    QElapsedTimer clock;
    qsizetype seen = 0;
    bool closed = false;
    bool failed = false;
    int closeCode = 0;
};

} // namespace

// The live event channel GET /api/v1/ws with real WebSocket clients: the handshake and its
// token, what the server says when a change is committed (and to whom), ping, subscribe,
// malformed input, limits — and, on PostgreSQL, that a second server process on the same
// database tells its clients about changes made through the first.
class TestWebSocket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void handshakeAnswersReady();
    void refusedAuthentication_data();
    void refusedAuthentication();
    void suspendedUserIsRefused();
    void lateAuthenticationIsRefused();
    void plainRequestIsTold426();
    void upgradeElsewhereIsNotFound();

    void courseCreatedSendsChanges();
    void otherOrganisationHearsNothing();
    void burstIsCoalesced();
    void workerThreadCommitIsDelivered();
    void pingPong();
    void subscribe_data();
    void subscribe();
    void malformedMessagesAreAnswered_data();
    void malformedMessagesAreAnswered();
    void oversizedMessageEndsConnection();
    void connectionsPerUserAreCapped();
    void manyConnectionsKeepHttpServing();
    void shutdownWithOpenConnections();

    void secondInstanceDeliversChanges();

private:
    QUrl wsUrl(const TestServer &server, const QString &path = u"/api/v1/ws"_s) const;
    std::unique_ptr<WsClient> connectAs(const QString &token);
    QString makeCourse(const QString &token);
    qint64 seqOf(const QString &entityId);
    bool commitChange(const QString &orgId);

    TestServer m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_orgId;
    QHash<QString, QString> m_tokens; // admin, instructor, ta, student1, student2, student3
    QString m_otherOrgId;
    QString m_otherAdminToken;
    int m_counter = 0;
};

QUrl TestWebSocket::wsUrl(const TestServer &server, const QString &path) const
{
    QUrl url = server.url();
    url.setScheme(u"ws"_s);
    url.setPath(path);
    return url;
}

std::unique_ptr<WsClient> TestWebSocket::connectAs(const QString &token)
{
    auto client = std::make_unique<WsClient>();
    if (!client->open(wsUrl(m_server)) || !client->authenticate(token))
        return nullptr;
    return client;
}

QString TestWebSocket::makeCourse(const QString &token)
{
    m_http->setToken(token);
    const HttpResult r = m_http->post(u"/api/v1/courses"_s,
                                      {{u"code"_s, u"WS-%1"_s.arg(++m_counter)},
                                       {u"title"_s, u"Live course %1"_s.arg(m_counter)}});
    if (r.status != 201) {
        qWarning().noquote() << "cannot create a course:" << r.status << r.body;
        return {};
    }
    return r.data().toObject().value(u"id").toString();
}

qint64 TestWebSocket::seqOf(const QString &entityId)
{
    Server::Transaction tx(m_server.server().context().db(), Server::Transaction::Read);
    auto q = tx.query(u"SELECT MAX(seq) FROM change_log WHERE entity_id = :id"_s);
    q.bind(u":id"_s, entityId);
    if (!q.exec() || !q.next())
        return -1;
    return q.int64(0);
}

// A change committed straight through storage, as any service would.
bool TestWebSocket::commitChange(const QString &orgId)
{
    Server::Transaction tx(m_server.server().context().db());
    Server::Change change;
    change.orgId = orgId;
    change.entity = u"course"_s;
    change.entityId = createUuidV7String();
    change.rev = 1;
    change.hlc = u"test"_s;
    return Server::ChangeLog::record(tx, change) && tx.commit();
}

void TestWebSocket::initTestCase()
{
    LECTERN_START_SERVER(m_server);
    m_http = std::make_unique<HttpClient>(m_server.url());
    for (const QString &key :
         {u"admin"_s, u"instructor"_s, u"ta"_s, u"student1"_s, u"student2"_s, u"student3"_s}) {
        const HttpResult login = m_http->login(key + u"@demo.lectern"_s);
        QVERIFY2(login.status == 200, login.body.constData());
        m_tokens.insert(key, m_http->token());
        m_orgId = login.data().toObject().value(u"organization").toObject().value(u"id").toString();
    }
    QVERIFY(!m_orgId.isEmpty());

    auto org = m_server.server().organizations().create(u"Elsewhere"_s, u"elsewhere"_s);
    QVERIFY(org);
    m_otherOrgId = org->id;
    QVERIFY(m_server.server().users().createInOrganization(
        u"elsewhere"_s, u"admin@elsewhere.example"_s, u"Other admin"_s, {Role::Admin}, password));
    HttpClient other(m_server.url());
    QCOMPARE(other.login(u"admin@elsewhere.example"_s, password).status, 200);
    m_otherAdminToken = other.token();
}

void TestWebSocket::handshakeAnswersReady()
{
    WsClient client;
    QVERIFY(client.open(wsUrl(m_server)));
    const QString courseId = makeCourse(m_tokens[u"admin"_s]);
    QVERIFY(!courseId.isEmpty());
    client.send({{u"type"_s, u"auth"_s}, {u"token"_s, m_tokens[u"student1"_s]}});
    const QJsonObject ready = client.waitFor(u"ready"_s);
    QVERIFY2(!ready.isEmpty(), "no ready message");
    // The newest change of the organisation, so a client that is behind pulls at once.
    QVERIFY(ready.value(u"seq").isDouble());
    QVERIFY(ready.value(u"seq").toInteger() >= seqOf(courseId));
    QVERIFY(client.isOpen());
}

void TestWebSocket::refusedAuthentication_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::newRow("no token") << QByteArray(R"({"type":"auth"})");
    QTest::newRow("empty token") << QByteArray(R"({"type":"auth","token":""})");
    QTest::newRow("token not a string") << QByteArray(R"({"type":"auth","token":42})");
    QTest::newRow("garbage token") << QByteArray(R"({"type":"auth","token":"abc.def.ghi"})");
    QTest::newRow("forged token") << QByteArray(
        R"({"type":"auth","token":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"})");
    QTest::newRow("ping first") << QByteArray(R"({"type":"ping"})");
    QTest::newRow("not JSON") << QByteArray("hello");
    QTest::newRow("array") << QByteArray("[]");
}

void TestWebSocket::refusedAuthentication()
{
    QFETCH(QByteArray, first);
    WsClient client;
    QVERIFY(client.open(wsUrl(m_server)));
    client.socket.sendTextMessage(QString::fromUtf8(first));
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, 4000);
    QCOMPARE(client.closeCode, 4401);
    QCOMPARE(client.count(u"ready"_s), 0);
}

void TestWebSocket::suspendedUserIsRefused()
{
    auto user = m_server.server().users().createInOrganization(
        u"demo"_s, u"suspended@demo.lectern"_s, u"Soon suspended"_s, {Role::Student}, password);
    QVERIFY(user);
    HttpClient client(m_server.url());
    QCOMPARE(client.login(u"suspended@demo.lectern"_s, password).status, 200);
    const QString token = client.token();
    {
        auto live = connectAs(token);
        QVERIFY(live);
    }
    m_http->setToken(m_tokens[u"admin"_s]);
    const HttpResult suspended
        = m_http->put(u"/api/v1/users/%1"_s.arg(user->id), {{u"status"_s, u"suspended"_s}});
    QVERIFY2(suspended.status == 200, suspended.body.constData());

    WsClient refused;
    QVERIFY(refused.open(wsUrl(m_server)));
    refused.send({{u"type"_s, u"auth"_s}, {u"token"_s, token}});
    QTRY_VERIFY_WITH_TIMEOUT(refused.closed, 4000);
    QCOMPARE(refused.closeCode, 4401);
}

void TestWebSocket::lateAuthenticationIsRefused()
{
    WsClient client;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client.open(wsUrl(m_server)));
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, 9000);
    QCOMPARE(client.closeCode, 4401);
    QVERIFY2(timer.elapsed() >= 4500, qPrintable(QString::number(timer.elapsed())));
}

void TestWebSocket::plainRequestIsTold426()
{
    const HttpResult plain = m_http->get(u"/api/v1/ws"_s);
    QCOMPARE(plain.status, 426);
    QCOMPARE(plain.json.value(u"ok"_s).toBool(true), false);
    QCOMPARE(plain.errorCode(), u"upgrade_required"_s);
    QCOMPARE(plain.header("upgrade"), QByteArray("websocket"));
    QCOMPARE(plain.header("x-content-type-options"), QByteArray("nosniff"));

    // An Upgrade header without "Connection: Upgrade" is no handshake either.
    const HttpResult half
        = m_http->send("GET", u"/api/v1/ws"_s, {}, {}, {{"Upgrade", "websocket"}});
    QCOMPARE(half.status, 426);
    // Only GET upgrades.
    QCOMPARE(m_http->post(u"/api/v1/ws"_s).status, 405);
    // The server still answers on that connection's manager.
    QCOMPARE(m_http->get(u"/healthz"_s).status, 200);
}

void TestWebSocket::upgradeElsewhereIsNotFound()
{
    WsClient client;
    QVERIFY(!client.open(wsUrl(m_server, u"/api/v1/courses"_s)));
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);

    // And raw: the handshake to a path without a WebSocket gets 404.
    QTcpSocket raw;
    raw.connectToHost(m_server.url().host(), quint16(m_server.url().port()));
    QVERIFY(raw.waitForConnected(3000));
    raw.write("GET /api/v1/nothing HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\n"
              "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
    QTRY_VERIFY(raw.bytesAvailable() > 0 || raw.state() == QAbstractSocket::UnconnectedState);
    QVERIFY(raw.readAll().startsWith("HTTP/1.1 404"));
}

void TestWebSocket::courseCreatedSendsChanges()
{
    auto client = connectAs(m_tokens[u"student2"_s]);
    QVERIFY(client);
    const qint64 sent = client->clock.nsecsElapsed();
    const QString courseId = makeCourse(m_tokens[u"instructor"_s]);
    const qint64 answered = client->clock.nsecsElapsed();
    QVERIFY(!courseId.isEmpty());
    qsizetype index = -1;
    const QJsonObject changes = client->waitFor(u"changes"_s, 5000, &index);
    QVERIFY2(!changes.isEmpty(), "no changes message");
    QVERIFY(changes.value(u"seq").toInteger() >= seqOf(courseId));
    qInfo("request -> HTTP answer %.2f ms, request -> changes message %.2f ms",
          double(answered - sent) / 1e6, double(client->arrivals[index] - sent) / 1e6);
    QVERIFY(client->isOpen());
}

void TestWebSocket::otherOrganisationHearsNothing()
{
    auto demo = connectAs(m_tokens[u"admin"_s]);
    QVERIFY(demo);
    auto other = connectAs(m_otherAdminToken);
    QVERIFY(other);
    const QString courseId = makeCourse(m_otherAdminToken);
    QVERIFY(!courseId.isEmpty());
    // The other organisation hears of it; the demo one does not.
    const QJsonObject changes = other->waitFor(u"changes"_s);
    QVERIFY(!changes.isEmpty());
    QVERIFY(changes.value(u"seq").toInteger() >= seqOf(courseId));
    QTest::qWait(200);
    QCOMPARE(demo->count(u"changes"_s), 0);
}

void TestWebSocket::burstIsCoalesced()
{
    auto client = connectAs(m_tokens[u"ta"_s]);
    QVERIFY(client);
    // Ten commits without the event loop running between them: one message now and one, at
    // most 20 ms later, with the newest seq.
    for (int i = 0; i < 10; ++i)
        QVERIFY(commitChange(m_orgId));
    qint64 newest = 0;
    {
        Server::Transaction tx(m_server.server().context().db(), Server::Transaction::Read);
        newest = *Server::ChangeLog::latestSeq(tx, m_orgId);
    }
    QTRY_VERIFY(client->count(u"changes"_s) > 0
                && client->messages.last().value(u"seq").toInteger() == newest);
    QTest::qWait(100);
    QVERIFY2(client->count(u"changes"_s) <= 2,
             qPrintable(QString::number(client->count(u"changes"_s))));
    QCOMPARE(client->messages.last().value(u"seq").toInteger(), newest);
    // Spaced out by more than the window, each change is its own message.
    const qsizetype before = client->count(u"changes"_s);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(commitChange(m_orgId));
        QTest::qWait(60);
    }
    QTRY_COMPARE(client->count(u"changes"_s), before + 3);
}

void TestWebSocket::workerThreadCommitIsDelivered()
{
    auto client = connectAs(m_tokens[u"student3"_s]);
    QVERIFY(client);
    bool ok = false;
    std::unique_ptr<QThread> thread(QThread::create([this, &ok] { ok = commitChange(m_orgId); }));
    thread->start();
    QVERIFY(thread->wait(10000));
    QVERIFY(ok);
    QVERIFY(!client->waitFor(u"changes"_s).isEmpty());
}

void TestWebSocket::pingPong()
{
    auto client = connectAs(m_tokens[u"student1"_s]);
    QVERIFY(client);
    for (int i = 0; i < 3; ++i) {
        client->send({{u"type"_s, u"ping"_s}});
        QVERIFY(!client->waitFor(u"pong"_s).isEmpty());
    }
}

void TestWebSocket::subscribe_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("course");   // "draft": a draft course of the instructor's
    QTest::addColumn<QString>("expected"); // "subscribed" or an error code

    QTest::newRow("instructor, own draft") << u"instructor"_s << u"draft"_s << u"subscribed"_s;
    QTest::newRow("admin, any course") << u"admin"_s << u"draft"_s << u"subscribed"_s;
    QTest::newRow("student, draft not enrolled") << u"student1"_s << u"draft"_s << u"not_found"_s;
    QTest::newRow("other organisation") << u"other"_s << u"draft"_s << u"not_found"_s;
    QTest::newRow("unknown id") << u"admin"_s << createUuidV7String() << u"not_found"_s;
    QTest::newRow("not an id") << u"admin"_s << u"../../etc"_s << u"not_found"_s;
    QTest::newRow("empty") << u"admin"_s << QString() << u"bad_request"_s;
}

void TestWebSocket::subscribe()
{
    QFETCH(QString, who);
    QFETCH(QString, course);
    QFETCH(QString, expected);
    static QString draft;
    if (draft.isEmpty())
        draft = makeCourse(m_tokens[u"instructor"_s]);
    QVERIFY(!draft.isEmpty());
    if (course == u"draft")
        course = draft;
    auto client = connectAs(who == u"other" ? m_otherAdminToken : m_tokens[who]);
    QVERIFY(client);
    client->send({{u"type"_s, u"subscribe"_s}, {u"course"_s, course}});
    QVERIFY(QTest::qWaitFor(
        [&] { return client->count(u"subscribed"_s) + client->count(u"error"_s) > 0; }));
    const QJsonObject answer = client->messages.last();
    if (expected == u"subscribed") {
        QCOMPARE(answer.value(u"type").toString(), u"subscribed"_s);
        QCOMPARE(answer.value(u"course").toString(), course);
    } else {
        QCOMPARE(answer.value(u"type").toString(), u"error"_s);
        QCOMPARE(answer.value(u"code").toString(), expected);
    }
    client->send({{u"type"_s, u"ping"_s}});
    QVERIFY(!client->waitFor(u"pong"_s).isEmpty());
}

void TestWebSocket::malformedMessagesAreAnswered_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("binary");
    QTest::newRow("not JSON") << QByteArray("{nope") << false;
    QTest::newRow("truncated") << QByteArray(R"({"type":"pi)") << false;
    QTest::newRow("array") << QByteArray(R"([{"type":"ping"}])") << false;
    QTest::newRow("number") << QByteArray("42") << false;
    QTest::newRow("no type") << QByteArray("{}") << false;
    QTest::newRow("type not a string") << QByteArray(R"({"type":7})") << false;
    QTest::newRow("unknown type") << QByteArray(R"({"type":"teleport"})") << false;
    QTest::newRow("auth again") << QByteArray(R"({"type":"auth","token":"x"})") << false;
    QTest::newRow("subscribe without course") << QByteArray(R"({"type":"subscribe"})") << false;
    QTest::newRow("subscribe, course not a string")
        << QByteArray(R"({"type":"subscribe","course":{"id":1}})") << false;
    QTest::newRow("binary") << QByteArray(R"({"type":"ping"})") << true;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"type\":\"\xff\xfe\"}") << true;
    QTest::newRow("deep nesting") << QByteArray(5000, '[') << false;
}

void TestWebSocket::malformedMessagesAreAnswered()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, binary);
    auto client = connectAs(m_tokens[u"student2"_s]);
    QVERIFY(client);
    if (binary)
        client->socket.sendBinaryMessage(message);
    else
        client->socket.sendTextMessage(QString::fromUtf8(message));
    const QJsonObject error = client->waitFor(u"error"_s);
    QVERIFY2(!error.isEmpty(), "no error message");
    QCOMPARE(error.value(u"code").toString(), u"bad_request"_s);
    // Still usable.
    client->send({{u"type"_s, u"ping"_s}});
    QVERIFY(!client->waitFor(u"pong"_s).isEmpty());
    QVERIFY(client->isOpen());
}

void TestWebSocket::oversizedMessageEndsConnection()
{
    auto client = connectAs(m_tokens[u"student2"_s]);
    QVERIFY(client);
    client->socket.sendTextMessage(
        u"{\"type\":\"ping\",\"pad\":\"%1\"}"_s.arg(QString(100 * 1024, u'x')));
    QTRY_VERIFY_WITH_TIMEOUT(client->closed, 5000);
    QCOMPARE(client->closeCode, int(QWebSocketProtocol::CloseCodeTooMuchData));
    QCOMPARE(m_http->get(u"/healthz"_s).status, 200);
    // Just under the limit is fine.
    auto fine = connectAs(m_tokens[u"student2"_s]);
    QVERIFY(fine);
    fine->socket.sendTextMessage(
        u"{\"type\":\"ping\",\"pad\":\"%1\"}"_s.arg(QString(60 * 1024, u'x')));
    QVERIFY(!fine->waitFor(u"pong"_s).isEmpty());
}

void TestWebSocket::connectionsPerUserAreCapped()
{
    std::vector<std::unique_ptr<WsClient>> clients;
    for (int i = 0; i < 20; ++i) {
        clients.push_back(connectAs(m_tokens[u"student3"_s]));
        QVERIFY(clients.back());
    }
    WsClient excess;
    QVERIFY(excess.open(wsUrl(m_server)));
    excess.send({{u"type"_s, u"auth"_s}, {u"token"_s, m_tokens[u"student3"_s]}});
    QTRY_VERIFY_WITH_TIMEOUT(excess.closed, 4000);
    QCOMPARE(excess.closeCode, 4429);
    // Another user is not affected, and a closed connection frees its place.
    QVERIFY(connectAs(m_tokens[u"student1"_s]));
    clients.front()->socket.close();
    QTRY_VERIFY(clients.front()->closed);
    clients.erase(clients.begin());
    QTRY_VERIFY_WITH_TIMEOUT(connectAs(m_tokens[u"student3"_s]) != nullptr, 5000);
}

void TestWebSocket::manyConnectionsKeepHttpServing()
{
    const QStringList users {u"admin"_s,    u"instructor"_s, u"ta"_s,
                             u"student1"_s, u"student2"_s,   u"student3"_s};
    std::vector<std::unique_ptr<WsClient>> live;
    for (int i = 0; i < 90; ++i) {
        live.push_back(connectAs(m_tokens[users[i % users.size()]]));
        QVERIFY(live.back());
    }
    std::vector<std::unique_ptr<WsClient>> idle; // never authenticate
    for (int i = 0; i < 40; ++i) {
        idle.push_back(std::make_unique<WsClient>());
        QVERIFY(idle.back()->open(wsUrl(m_server)));
    }
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_http->get(u"/healthz"_s).status, 200);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    const QString courseId = makeCourse(m_tokens[u"admin"_s]);
    QVERIFY(!courseId.isEmpty());
    const qint64 seq = seqOf(courseId);
    for (auto &client : live) {
        const QJsonObject changes = client->waitFor(u"changes"_s);
        QVERIFY(!changes.isEmpty());
        QVERIFY(changes.value(u"seq").toInteger() >= seq);
    }
    QCOMPARE(m_server.server().events().connectionCount(), 130);
    live.clear();
    idle.clear();
    QTRY_COMPARE(m_server.server().events().connectionCount(), 0);
    QCOMPARE(m_http->get(u"/healthz"_s).status, 200);
}

void TestWebSocket::shutdownWithOpenConnections()
{
    auto server = std::make_unique<TestServer>();
    QVERIFY(server->start());
    HttpClient http(server->url());
    QCOMPARE(http.login(u"admin@demo.lectern"_s).status, 200);
    QUrl url = server->url();
    url.setScheme(u"ws"_s);
    url.setPath(u"/api/v1/ws"_s);
    WsClient authenticated;
    QVERIFY(authenticated.open(url));
    authenticated.send({{u"type"_s, u"auth"_s}, {u"token"_s, http.token()}});
    QVERIFY(!authenticated.waitFor(u"ready"_s).isEmpty());
    WsClient pending;
    QVERIFY(pending.open(url));
    server.reset();
    QTRY_VERIFY(authenticated.closed);
    QTRY_VERIFY(pending.closed);
}

void TestWebSocket::secondInstanceDeliversChanges()
{
    if (backendUnderTest() != Server::Backend::Postgres)
        QSKIP("Several server processes share a database on PostgreSQL only.");
    TestServer::Options options;
    options.demo = false;
    options.sameDatabaseAs = &m_server;
    TestServer second(options);
    LECTERN_START_SERVER(second);

    auto onSecond = std::make_unique<WsClient>();
    QUrl url = second.url();
    url.setScheme(u"ws"_s);
    url.setPath(u"/api/v1/ws"_s);
    QVERIFY(onSecond->open(url));
    QVERIFY(onSecond->authenticate(m_tokens[u"student1"_s])); // a token the first one issued
    auto otherOrgOnSecond = std::make_unique<WsClient>();
    QVERIFY(otherOrgOnSecond->open(url));
    QVERIFY(otherOrgOnSecond->authenticate(m_otherAdminToken));

    // A change through the first instance's REST reaches a client of the second.
    const qint64 sent = onSecond->clock.nsecsElapsed();
    const QString courseId = makeCourse(m_tokens[u"instructor"_s]);
    QVERIFY(!courseId.isEmpty());
    qsizetype index = -1;
    const QJsonObject changes = onSecond->waitFor(u"changes"_s, 5000, &index);
    QVERIFY2(!changes.isEmpty(), "the second instance did not pass the change on");
    QVERIFY(changes.value(u"seq").toInteger() >= seqOf(courseId));
    qInfo("instance A request -> message on instance B %.2f ms",
          double(onSecond->arrivals[index] - sent) / 1e6);

    // The reverse direction, and only to the organisation concerned.
    auto onFirst = connectAs(m_tokens[u"ta"_s]);
    QVERIFY(onFirst);
    HttpClient secondHttp(second.url());
    secondHttp.setToken(m_tokens[u"instructor"_s]);
    const HttpResult created = secondHttp.post(
        u"/api/v1/courses"_s, {{u"code"_s, u"WS-B"_s}, {u"title"_s, u"Made on B"_s}});
    QCOMPARE(created.status, 201);
    const QString otherId = created.data().toObject().value(u"id").toString();
    const QJsonObject back = onFirst->waitFor(u"changes"_s);
    QVERIFY2(!back.isEmpty(), "the first instance did not pass the change on");
    QVERIFY(back.value(u"seq").toInteger() >= seqOf(otherId));
    QTest::qWait(200);
    QCOMPARE(otherOrgOnSecond->count(u"changes"_s), 0);
}

QTEST_GUILESS_MAIN(TestWebSocket)
#include "tst_websocket.moc"
