#include "faultyserver.h"
#include "liveserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <lectern/client/apiclient.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;

// The client's side of the HTTP contract, against a real lectern-server; a FaultyServer stands in
// only for what a lectern-server never does.

class tst_ApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseResponse_data();
    void parseResponse();
    void serverUrlFromUserInput_data();
    void serverUrlFromUserInput();
    void urlFor();
    void sendsJsonAndBearerToken();
    void serverErrorsKeepTheirCode_data();
    void serverErrorsKeepTheirCode();
    void lockoutCarriesRetryAfter();
    void refusedConnectionIsUnreachable();
    void callbackDroppedWithContext();
    // Faults injected with a FaultyServer.
    void htmlPageInsteadOfJson();
    void proxyErrorPage();
    void bytesThatAreNotHttp();
    void serverThatNeverAnswersTimesOut();
    void cancelledRequestToSilentServerIsSilent();

private:
    static std::optional<Result<QJsonValue>> call(ApiClient &api, const QByteArray &verb,
                                                  const QString &path, const QJsonObject &body = {},
                                                  int timeoutMs = 10000);
    static QJsonObject credentials(const QString &email, const QString &password)
    {
        return {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
    }
};

std::optional<Result<QJsonValue>> tst_ApiClient::call(ApiClient &api, const QByteArray &verb,
                                                      const QString &path, const QJsonObject &body,
                                                      int timeoutMs)
{
    std::optional<Result<QJsonValue>> result;
    QObject context;
    auto store = [&](const Result<QJsonValue> &reply) {
        result = reply;
    };
    if (verb == "GET")
        api.get(path, &context, store);
    else
        api.post(path, body, &context, store);
    (void)QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
    return result;
}

void tst_ApiClient::parseResponse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QJsonValue>("data");

    QTest::newRow("data object") << 200 << QByteArray(R"({"ok":true,"data":{"status":"ok"}})")
                                 << QByteArray() << true << QString()
                                 << QJsonValue(QJsonObject {
                                        {QStringLiteral("status"), QStringLiteral("ok")}});
    QTest::newRow("data array") << 200 << QByteArray(R"({"ok":true,"data":[1,2]})") << QByteArray()
                                << true << QString() << QJsonValue(QJsonArray {1, 2});
    QTest::newRow("no data") << 200 << QByteArray(R"({"ok":true})") << QByteArray() << true
                             << QString() << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("error envelope")
        << 401
        << QByteArray(R"({"ok":false,"error":{"code":"invalid_credentials","message":"No"}})")
        << QByteArray() << false << QStringLiteral("invalid_credentials") << QJsonValue();
    QTest::newRow("error without code")
        << 403 << QByteArray(R"({"ok":false,"error":{}})") << QByteArray() << false
        << QStringLiteral("forbidden") << QJsonValue();
    QTest::newRow("proxy html 502")
        << 502 << QByteArray("<html>Bad gateway</html>") << QByteArray() << false
        << QStringLiteral("service_unavailable") << QJsonValue();
    QTest::newRow("html 200") << 200 << QByteArray("<html>Welcome to nginx</html>") << QByteArray()
                              << false << QStringLiteral("invalid_response") << QJsonValue();
    QTest::newRow("plain 429") << 429 << QByteArray("slow down") << QByteArray("30") << false
                               << QStringLiteral("too_many_requests") << QJsonValue();
    QTest::newRow("ok true but 500") << 500 << QByteArray(R"({"ok":true,"data":1})") << QByteArray()
                                     << false << QStringLiteral("invalid_response") << QJsonValue();
}

void tst_ApiClient::parseResponse()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(bool, ok);
    QFETCH(QString, code);
    QFETCH(QJsonValue, data);

    const Result<QJsonValue> result = ApiClient::parseResponse(status, body, retryAfter);
    QCOMPARE(result.isOk(), ok);
    if (ok) {
        QCOMPARE(*result, data);
    } else {
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().details.value(u"httpStatus").toInt(), status);
    }
}

void tst_ApiClient::serverUrlFromUserInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: invalid

    QTest::newRow("full") << QStringLiteral("http://127.0.0.1:8080")
                          << QStringLiteral("http://127.0.0.1:8080");
    QTest::newRow("trailing slash") << QStringLiteral("https://lectern.example.org/")
                                    << QStringLiteral("https://lectern.example.org");
    QTest::newRow("with path") << QStringLiteral("https://example.org/lectern/")
                               << QStringLiteral("https://example.org/lectern");
    QTest::newRow("spaces") << QStringLiteral("  http://host:8080 ")
                            << QStringLiteral("http://host:8080");
    QTest::newRow("host:port") << QStringLiteral("127.0.0.1:8080")
                               << QStringLiteral("http://127.0.0.1:8080");
    QTest::newRow("localhost:port")
        << QStringLiteral("localhost:8080") << QStringLiteral("http://localhost:8080");
    QTest::newRow("bare host") << QStringLiteral("lectern.example.org")
                               << QStringLiteral("http://lectern.example.org");
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:8080/")
                          << QStringLiteral("http://[::1]:8080");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("space in host") << QStringLiteral("http://bad host") << QString();
    QTest::newRow("ftp") << QStringLiteral("ftp://example.org") << QString();
    QTest::newRow("words") << QStringLiteral("not a url at all") << QString();
    QTest::newRow("query") << QStringLiteral("http://example.org/?a=b") << QString();
    QTest::newRow("credentials") << QStringLiteral("http://me:pw@example.org") << QString();
}

void tst_ApiClient::serverUrlFromUserInput()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QUrl url = ApiClient::serverUrlFromUserInput(input);
    if (expected.isEmpty())
        QVERIFY2(!url.isValid(), qPrintable(url.toString()));
    else
        QCOMPARE(url.toString(), expected);
}

void tst_ApiClient::urlFor()
{
    ApiClient api;
    api.setBaseUrl(QUrl(QStringLiteral("https://example.org/lectern/")));
    QCOMPARE(api.urlFor(QStringLiteral("/api/v1/auth/me")).toString(),
             QStringLiteral("https://example.org/lectern/api/v1/auth/me"));
    api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(api.urlFor(QStringLiteral("healthz")).toString(),
             QStringLiteral("http://127.0.0.1:8080/healthz"));
    const QUrl withQuery = api.urlFor(QStringLiteral("/api/v1/sync/pull?cursor=3&limit=50"));
    QCOMPARE(withQuery.path(), QStringLiteral("/api/v1/sync/pull"));
    QCOMPARE(withQuery.query(), QStringLiteral("cursor=3&limit=50"));
}

void tst_ApiClient::sendsJsonAndBearerToken()
{
    Test::TestServer server(demoServer());
    LECTERN_START_SERVER(server);
    ApiClient api;
    api.setBaseUrl(server.url());
    QSignalSpy answered(&api, &ApiClient::serverAnswered);

    // The server reads the JSON body...
    const auto login = call(api, "POST", QStringLiteral("/api/v1/auth/login"),
                            credentials(QStringLiteral("student1@demo.lectern"), demoPassword));
    QVERIFY(login.has_value());
    QVERIFY2(login->isOk(), qPrintable(login->isOk() ? QString() : login->error().code));
    const QString accessToken = login->value()[u"accessToken"].toString();
    QVERIFY(!accessToken.isEmpty());
    QCOMPARE(answered.size(), 1);

    // ...and takes the bearer token.
    const auto anonymous = call(api, "GET", QStringLiteral("/api/v1/auth/me"));
    QCOMPARE(anonymous->error().code, QStringLiteral("unauthorized"));
    QCOMPARE(anonymous->error().details.value(u"httpStatus").toInt(), 401);
    api.setAccessToken(accessToken);
    const auto me = call(api, "GET", QStringLiteral("/api/v1/auth/me"));
    QVERIFY(me->isOk());
    QCOMPARE(me->value()[u"user"][u"email"].toString(), QStringLiteral("student1@demo.lectern"));

    // A request that asks to go without the token goes without it.
    std::optional<Result<QJsonValue>> withoutToken;
    ApiClient::Options options;
    options.withToken = false;
    api.get(
        QStringLiteral("/api/v1/auth/me"), this,
        [&](const Result<QJsonValue> &reply) { withoutToken = reply; }, options);
    QTRY_VERIFY(withoutToken.has_value());
    QCOMPARE(withoutToken->error().code, QStringLiteral("unauthorized"));
    QCOMPARE(answered.size(), 4);
}

void tst_ApiClient::serverErrorsKeepTheirCode_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("wrong password")
        << QByteArray("POST") << QStringLiteral("/api/v1/auth/login")
        << credentials(QStringLiteral("ta@demo.lectern"), QStringLiteral("nope")) << 401
        << QStringLiteral("invalid_credentials");
    QTest::newRow("missing fields") << QByteArray("POST") << QStringLiteral("/api/v1/auth/login")
                                    << QJsonObject() << 422 << QStringLiteral("validation_failed");
    QTest::newRow("unknown refresh token")
        << QByteArray("POST") << QStringLiteral("/api/v1/auth/refresh")
        << QJsonObject {{QStringLiteral("refreshToken"), QStringLiteral("made-up")}} << 401
        << QStringLiteral("invalid_token");
    QTest::newRow("no such route") << QByteArray("GET") << QStringLiteral("/api/v1/nothing-here")
                                   << QJsonObject() << 404 << QStringLiteral("not_found");
}

void tst_ApiClient::serverErrorsKeepTheirCode()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);

    Test::TestServer server(demoServer());
    LECTERN_START_SERVER(server);
    ApiClient api;
    api.setBaseUrl(server.url());
    const auto result = call(api, verb, path, body);
    QVERIFY(result.has_value());
    QVERIFY(!result->isOk());
    QCOMPARE(result->error().code, code);
    QCOMPARE(result->error().details.value(u"httpStatus").toInt(), status);
    QVERIFY(!result->error().message.isEmpty());
}

void tst_ApiClient::lockoutCarriesRetryAfter()
{
    Test::TestServer server(demoServer());
    LECTERN_START_SERVER(server);
    ApiClient api;
    api.setBaseUrl(server.url());
    // After 5 failures from one address the server makes the next try wait, 429 with Retry-After.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const auto result = call(api, "POST", QStringLiteral("/api/v1/auth/login"),
                                 credentials(QStringLiteral("ta@demo.lectern"),
                                             QStringLiteral("guess-%1").arg(attempt)));
        QCOMPARE(result->error().code, QStringLiteral("invalid_credentials"));
    }
    const auto locked = call(api, "POST", QStringLiteral("/api/v1/auth/login"),
                             credentials(QStringLiteral("ta@demo.lectern"), demoPassword));
    QCOMPARE(locked->error().code, QStringLiteral("too_many_requests"));
    QCOMPARE(locked->error().details.value(u"httpStatus").toInt(), 429);
    const qint64 retryAfter = locked->error().details.value(u"retryAfter").toInteger();
    // A back-off (1 s after five failures, doubling), not a 15-minute lockout.
    QVERIFY2(retryAfter >= 1 && retryAfter <= 2, qPrintable(QString::number(retryAfter)));
}

void tst_ApiClient::refusedConnectionIsUnreachable()
{
    ApiClient api;
    api.setBaseUrl(unusedServerUrl());
    QSignalSpy networkErrors(&api, &ApiClient::networkErrorOccurred);
    QSignalSpy answered(&api, &ApiClient::serverAnswered);
    const auto result = call(api, "GET", QStringLiteral("/healthz"));
    QVERIFY(result.has_value());
    QCOMPARE(result->error().code, QStringLiteral("network_unreachable"));
    QCOMPARE(networkErrors.size(), 1);
    QCOMPARE(answered.size(), 0);
}

void tst_ApiClient::callbackDroppedWithContext()
{
    Test::TestServer server(demoServer());
    LECTERN_START_SERVER(server);
    ApiClient api;
    api.setBaseUrl(server.url());
    bool called = false;
    auto *context = new QObject;
    QNetworkReply *reply = api.get(QStringLiteral("/healthz"), context,
                                   [&](const Result<QJsonValue> &) { called = true; });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    delete context;
    QVERIFY(finished.wait(5000));
    QTest::qWait(50);
    QVERIFY(!called);
}

void tst_ApiClient::htmlPageInsteadOfJson()
{
    // A captive portal or a web server at the wrong address: 200 and a page.
    FaultyServer server;
    QVERIFY(server.listen());
    server.answerHttp(200, "text/html", "<html><body>Welcome to the hotel Wi-Fi</body></html>");
    ApiClient api;
    api.setBaseUrl(server.url());
    const auto result = call(api, "GET", QStringLiteral("/healthz"));
    QVERIFY(result.has_value());
    QCOMPARE(result->error().code, QStringLiteral("invalid_response"));
    QCOMPARE(result->error().details.value(u"httpStatus").toInt(), 200);
}

void tst_ApiClient::proxyErrorPage()
{
    // A reverse proxy whose Lectern behind it is down.
    FaultyServer server;
    QVERIFY(server.listen());
    server.answerHttp(502, "text/html", "<html><h1>502 Bad Gateway</h1></html>");
    ApiClient api;
    api.setBaseUrl(server.url());
    QSignalSpy answered(&api, &ApiClient::serverAnswered);
    const auto result = call(api, "POST", QStringLiteral("/api/v1/auth/login"));
    QVERIFY(result.has_value());
    QCOMPARE(result->error().code, QStringLiteral("service_unavailable"));
    QCOMPARE(result->error().message, QStringLiteral("The server answered with HTTP status 502."));
    QCOMPARE(answered.size(), 1);
}

void tst_ApiClient::bytesThatAreNotHttp()
{
    // Some other service on that port.
    FaultyServer server;
    QVERIFY(server.listen());
    server.answerRaw("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\nProtocol mismatch.\r\n");
    ApiClient api;
    api.setBaseUrl(server.url());
    QSignalSpy networkErrors(&api, &ApiClient::networkErrorOccurred);
    const auto result = call(api, "GET", QStringLiteral("/healthz"));
    QVERIFY(result.has_value());
    QCOMPARE(result->error().code, QStringLiteral("network_unreachable"));
    QCOMPARE(networkErrors.size(), 1);
}

void tst_ApiClient::serverThatNeverAnswersTimesOut()
{
    FaultyServer server;
    QVERIFY(server.listen());
    server.neverAnswer();
    ApiClient api;
    api.setBaseUrl(server.url());
    api.setTimeout(300);
    QSignalSpy networkErrors(&api, &ApiClient::networkErrorOccurred);
    QElapsedTimer timer;
    timer.start();
    const auto result = call(api, "GET", QStringLiteral("/healthz"));
    QVERIFY(result.has_value());
    QCOMPARE(result->error().code, QStringLiteral("network_unreachable"));
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(networkErrors.size(), 1);
    QCOMPARE(ApiClient::defaultTimeoutMs, 15000);
}

void tst_ApiClient::cancelledRequestToSilentServerIsSilent()
{
    FaultyServer server;
    QVERIFY(server.listen());
    server.neverAnswer();
    ApiClient api;
    api.setBaseUrl(server.url());
    QSignalSpy networkErrors(&api, &ApiClient::networkErrorOccurred);
    bool called = false;
    QNetworkReply *reply = api.get(QStringLiteral("/healthz"), this,
                                   [&](const Result<QJsonValue> &) { called = true; });
    QTRY_COMPARE(server.requestCount(), 1);
    ApiClient::cancel(reply);
    QTest::qWait(50);
    QVERIFY(!called);
    QCOMPARE(networkErrors.size(), 0);
}

QTEST_GUILESS_MAIN(tst_ApiClient)
#include "tst_apiclient.moc"
