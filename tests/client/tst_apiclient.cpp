#include "fakeserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <lectern/client/apiclient.h>

using namespace Lectern;
using namespace Lectern::Client;
using Lectern::ClientTest::FakeServer;

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
    void tooManyRequestsCarriesRetryAfter();
    void timeoutIsUnreachable();
    void cancelledRequestIsSilent();
    void callbackDroppedWithContext();

private:
    static std::optional<Result<QJsonValue>> call(ApiClient &api, const QByteArray &verb,
                                                  const QString &path, int timeoutMs = 10000);
};

std::optional<Result<QJsonValue>> tst_ApiClient::call(ApiClient &api, const QByteArray &verb,
                                                      const QString &path, int timeoutMs)
{
    std::optional<Result<QJsonValue>> result;
    QObject context;
    auto store = [&](const Result<QJsonValue> &reply) {
        result = reply;
    };
    if (verb == "GET")
        api.get(path, &context, store);
    else
        api.post(path, QJsonObject {{QStringLiteral("x"), 1}}, &context, store);
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
}

void tst_ApiClient::sendsJsonAndBearerToken()
{
    FakeServer server;
    QVERIFY(server.listen());
    server.on("POST", QStringLiteral("/api/v1/echo"), [](const FakeServer::Request &request) {
        return FakeServer::Response::ok(request.json());
    });
    ApiClient api;
    api.setBaseUrl(server.url());
    api.setAccessToken(QStringLiteral("abc.def"));
    QSignalSpy answered(&api, &ApiClient::serverAnswered);

    const auto result = call(api, "POST", QStringLiteral("/api/v1/echo"));
    QVERIFY(result.has_value());
    QVERIFY(result->isOk());
    QCOMPARE(result->value().toObject().value(u"x").toInt(), 1);
    QCOMPARE(server.requests().size(), 1);
    const FakeServer::Request request = server.requests().constFirst();
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer abc.def"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(answered.size(), 1);

    // Login and refresh go without the token.
    server.clearRequests();
    std::optional<Result<QJsonValue>> second;
    ApiClient::Options options;
    options.withToken = false;
    api.post(
        QStringLiteral("/api/v1/echo"), {}, this,
        [&](const Result<QJsonValue> &reply) { second = reply; }, options);
    QTRY_VERIFY(second.has_value());
    QVERIFY(server.requests().constFirst().header("Authorization").isEmpty());
}

void tst_ApiClient::tooManyRequestsCarriesRetryAfter()
{
    FakeServer server;
    QVERIFY(server.listen());
    server.on("POST", QStringLiteral("/api/v1/auth/login"), [](const FakeServer::Request &) {
        auto response = FakeServer::Response::error(429, QStringLiteral("too_many_requests"),
                                                    QStringLiteral("Locked"));
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("321")});
        return response;
    });
    ApiClient api;
    api.setBaseUrl(server.url());
    const auto result = call(api, "POST", QStringLiteral("/api/v1/auth/login"));
    QVERIFY(result.has_value());
    QCOMPARE(result->error().code, QStringLiteral("too_many_requests"));
    QCOMPARE(result->error().details.value(u"retryAfter").toInteger(), 321);
}

void tst_ApiClient::timeoutIsUnreachable()
{
    FakeServer server;
    QVERIFY(server.listen());
    server.setSilent(true);
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
    QCOMPARE(networkErrors.size(), 1);
    QCOMPARE(ApiClient::defaultTimeoutMs, 15000);
}

void tst_ApiClient::cancelledRequestIsSilent()
{
    FakeServer server;
    QVERIFY(server.listen());
    server.setSilent(true);
    ApiClient api;
    api.setBaseUrl(server.url());
    QSignalSpy networkErrors(&api, &ApiClient::networkErrorOccurred);
    bool called = false;
    QNetworkReply *reply = api.get(QStringLiteral("/healthz"), this,
                                   [&](const Result<QJsonValue> &) { called = true; });
    QTRY_COMPARE(server.requests().size(), 1);
    ApiClient::cancel(reply);
    QTest::qWait(50);
    QVERIFY(!called);
    QCOMPARE(networkErrors.size(), 0);
}

void tst_ApiClient::callbackDroppedWithContext()
{
    FakeServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/healthz"),
              [](const FakeServer::Request &) { return FakeServer::Response::ok(QJsonObject {}); });
    ApiClient api;
    api.setBaseUrl(server.url());
    bool called = false;
    auto *context = new QObject;
    api.get(QStringLiteral("/healthz"), context,
            [&](const Result<QJsonValue> &) { called = true; });
    delete context;
    QTest::qWait(200);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(tst_ApiClient)
#include "tst_apiclient.moc"
