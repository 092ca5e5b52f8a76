#include "liveserver.h"

#include <QSignalSpy>
#include <QTest>
#include <lectern/client/apiclient.h>
#include <lectern/client/errormessages.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;

class tst_ErrorMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void login_data();
    void login();
    void retryAfterMinutes_data();
    void retryAfterMinutes();
    void refusedPortIsUnreachable();
    void lockoutRetryAfterHeaderWins();
    // What the login dialog says for what a real server answers.
    void realServerAnswers_data();
    void realServerAnswers();

private:
    const QUrl m_server = QUrl(QStringLiteral("http://127.0.0.1:8080"));
};

void tst_ErrorMessages::initTestCase()
{
    // English plural forms come from lectern_en.qm.
    QCOMPARE(TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates)),
             QStringLiteral("en"));
}

void tst_ErrorMessages::login_data()
{
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("expected");

    QTest::newRow("invalid_credentials")
        << Error(QStringLiteral("invalid_credentials"), QStringLiteral("Wrong email or password"))
        << QStringLiteral("The email or password is incorrect.");
    QTest::newRow("network_unreachable")
        << Error(QStringLiteral("network_unreachable"), {})
        << QStringLiteral("Cannot reach the server at http://127.0.0.1:8080. Check the address and "
                          "your connection.");
    QTest::newRow("too_many_requests, 15 min")
        << Error(QStringLiteral("too_many_requests"), {}, {{QStringLiteral("retryAfter"), 900}})
        << QStringLiteral("Too many failed attempts. Try again in 15 minutes.");
    QTest::newRow("too_many_requests, 1 min")
        << Error(QStringLiteral("too_many_requests"), {}, {{QStringLiteral("retryAfter"), 60}})
        << QStringLiteral("Too many failed attempts. Try again in 1 minute.");
    QTest::newRow("too_many_requests, 61 s")
        << Error(QStringLiteral("too_many_requests"), {}, {{QStringLiteral("retryAfter"), 61}})
        << QStringLiteral("Too many failed attempts. Try again in 2 minutes.");
    QTest::newRow("too_many_requests, 42 s")
        << Error(QStringLiteral("too_many_requests"), {}, {{QStringLiteral("retryAfter"), 42}})
        << QStringLiteral("Too many failed attempts. Try again in 42 seconds.");
    QTest::newRow("too_many_requests, 1 s")
        << Error(QStringLiteral("too_many_requests"), {}, {{QStringLiteral("retryAfter"), 1}})
        << QStringLiteral("Too many failed attempts. Try again in 1 second.");
    QTest::newRow("account_disabled")
        << Error(QStringLiteral("account_disabled"), {})
        << QStringLiteral("This account is suspended. Contact your organization's administrator.");
    QTest::newRow("invalid_url") << Error(QStringLiteral("invalid_url"), {})
                                 << QStringLiteral("Enter a server address such as "
                                                   "https://lectern.example.org.");
    QTest::newRow("validation_failed on email")
        << Error(QStringLiteral("validation_failed"), {},
                 {{QStringLiteral("fields"),
                   QJsonObject {{QStringLiteral("email"), QStringLiteral("is not valid")}}}})
        << QStringLiteral("Enter a valid email address.");
    QTest::newRow("refresh_token_reused")
        << Error(QStringLiteral("refresh_token_reused"), {})
        << QStringLiteral("Your session has ended. Log in again.");
    QTest::newRow("not a Lectern server")
        << Error(QStringLiteral("invalid_response"), {})
        << QStringLiteral("The server at http://127.0.0.1:8080 does not look like a Lectern "
                          "server. Check the address.");
    QTest::newRow("server trouble")
        << Error(QStringLiteral("service_unavailable"), {})
        << QStringLiteral("The server cannot log you in right now. Try again in a few minutes.");
    QTest::newRow("unknown code with message")
        << Error(QStringLiteral("something_new"), QStringLiteral("Maintenance until noon."))
        << QStringLiteral("Maintenance until noon.");
}

void tst_ErrorMessages::login()
{
    QFETCH(Error, error);
    QFETCH(QString, expected);
    QCOMPARE(ErrorMessages::forLogin(error, m_server), expected);
}

void tst_ErrorMessages::retryAfterMinutes_data()
{
    QTest::addColumn<QJsonValue>("retryAfter");
    QTest::addColumn<int>("minutes");

    QTest::newRow("missing") << QJsonValue() << 1;
    QTest::newRow("0 s") << QJsonValue(0) << 1;
    QTest::newRow("1 s") << QJsonValue(1) << 1;
    QTest::newRow("59 s") << QJsonValue(59) << 1;
    QTest::newRow("60 s") << QJsonValue(60) << 1;
    QTest::newRow("61 s") << QJsonValue(61) << 2;
    QTest::newRow("899 s") << QJsonValue(899) << 15;
    QTest::newRow("900 s") << QJsonValue(900) << 15;
    QTest::newRow("901 s") << QJsonValue(901) << 16;
    QTest::newRow("90.5 s") << QJsonValue(90.5) << 2;
}

void tst_ErrorMessages::retryAfterMinutes()
{
    QFETCH(QJsonValue, retryAfter);
    QFETCH(int, minutes);
    QJsonObject details;
    if (!retryAfter.isNull())
        details.insert(QStringLiteral("retryAfter"), retryAfter);
    QCOMPARE(
        ErrorMessages::retryAfterMinutes(Error(QStringLiteral("too_many_requests"), {}, details)),
        minutes);
}

void tst_ErrorMessages::refusedPortIsUnreachable()
{
    const quint16 port = unusedPort();
    QUrl server;
    server.setScheme(QStringLiteral("http"));
    server.setHost(QStringLiteral("127.0.0.1"));
    server.setPort(port);

    ApiClient api;
    api.setBaseUrl(server);
    QSignalSpy networkErrors(&api, &ApiClient::networkErrorOccurred);
    std::optional<Result<QJsonValue>> result;
    api.post(QStringLiteral("/api/v1/auth/login"), {}, this,
             [&](const Result<QJsonValue> &reply) { result = reply; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY(!result->isOk());
    QCOMPARE(result->error().code, QStringLiteral("network_unreachable"));
    QCOMPARE(networkErrors.size(), 1);
    QCOMPARE(ErrorMessages::forLogin(result->error(), server),
             QStringLiteral("Cannot reach the server at http://127.0.0.1:%1. Check the address and "
                            "your connection.")
                 .arg(port));
}

void tst_ErrorMessages::lockoutRetryAfterHeaderWins()
{
    // Retry-After in the header wins over the body: it is what proxies and the HTTP spec use.
    const Result<QJsonValue> result = ApiClient::parseResponse(
        429,
        R"({"ok":false,"error":{"code":"too_many_requests","message":"Slow down","details":{"retryAfter":60}}})",
        "600");
    QVERIFY(!result.isOk());
    QCOMPARE(result.error().details.value(u"retryAfter").toInteger(), 600);
    QCOMPARE(ErrorMessages::forLogin(result.error(), m_server),
             QStringLiteral("Too many failed attempts. Try again in 10 minutes."));
}

void tst_ErrorMessages::realServerAnswers_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QStringList>("passwords"); // tried in turn; the message is for the last
    QTest::addColumn<bool>("suspend");
    QTest::addColumn<QString>("expected");

    QTest::newRow("wrong password")
        << QStringLiteral("student1@demo.lectern") << QStringList {QStringLiteral("nope")} << false
        << QStringLiteral("The email or password is incorrect.");
    QTest::newRow("locked out") << QStringLiteral("ta@demo.lectern")
                                << QStringList {QStringLiteral("a"), QStringLiteral("b"),
                                                QStringLiteral("c"), QStringLiteral("d"),
                                                QStringLiteral("e"), demoPassword}
                                << false
                                // Five failures from one address: the next try waits a second.
                                << QStringLiteral(
                                       "Too many failed attempts. Try again in 1 second.");
    QTest::newRow("suspended")
        << QStringLiteral("student2@demo.lectern") << QStringList {demoPassword} << true
        << QStringLiteral("This account is suspended. Contact your organization's administrator.");
}

void tst_ErrorMessages::realServerAnswers()
{
    QFETCH(QString, email);
    QFETCH(QStringList, passwords);
    QFETCH(bool, suspend);
    QFETCH(QString, expected);

    Test::TestServer server(demoServer());
    LECTERN_START_SERVER(server);
    if (suspend) {
        const QString problem = suspendUser(server.url(), email);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    ApiClient api;
    api.setBaseUrl(server.url());
    std::optional<Result<QJsonValue>> result;
    for (const QString &password : std::as_const(passwords)) {
        result.reset();
        api.post(QStringLiteral("/api/v1/auth/login"),
                 {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}}, this,
                 [&](const Result<QJsonValue> &reply) { result = reply; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    }
    QVERIFY(!result->isOk());
    QCOMPARE(ErrorMessages::forLogin(result->error(), server.url()), expected);
}

QTEST_GUILESS_MAIN(tst_ErrorMessages)
#include "tst_errormessages.moc"
