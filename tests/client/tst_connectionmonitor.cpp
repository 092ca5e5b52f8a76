#include "fakeserver.h"

#include <QSignalSpy>
#include <QTest>
#include <lectern/client/apiclient.h>
#include <lectern/client/connectionmonitor.h>

using namespace Lectern;
using namespace Lectern::Client;
using Lectern::ClientTest::FakeServer;
using State = ConnectionMonitor::State;

class tst_ConnectionMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlineWhileHealthzAnswers();
    void offlineWhenRefused();
    void goesOfflineAndBackOnline();
    void networkErrorTriggersImmediateCheck();
    void unhealthyServerIsOffline();
    void defaults();

private:
    static void serveHealthz(FakeServer &server)
    {
        server.on("GET", QStringLiteral("/healthz"), [](const FakeServer::Request &) {
            return FakeServer::Response::ok(
                QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")}});
        });
    }
};

void tst_ConnectionMonitor::defaults()
{
    ApiClient api;
    ConnectionMonitor monitor(&api);
    QCOMPARE(monitor.interval(), 10000);
    QCOMPARE(monitor.state(), State::Unknown);
}

void tst_ConnectionMonitor::onlineWhileHealthzAnswers()
{
    FakeServer server;
    QVERIFY(server.listen());
    serveHealthz(server);
    ApiClient api;
    api.setBaseUrl(server.url());
    ConnectionMonitor monitor(&api);
    QSignalSpy changes(&monitor, &ConnectionMonitor::stateChanged);
    monitor.start(false);
    QTRY_COMPARE(monitor.state(), State::Online);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(server.requests(QStringLiteral("/healthz")).size(), 1);
    QVERIFY(server.requests().constFirst().header("Authorization").isEmpty());
}

void tst_ConnectionMonitor::offlineWhenRefused()
{
    ApiClient api;
    QUrl url(QStringLiteral("http://127.0.0.1"));
    url.setPort(FakeServer::refusedPort());
    api.setBaseUrl(url);
    ConnectionMonitor monitor(&api);
    monitor.start(false);
    QTRY_COMPARE(monitor.state(), State::Offline);
}

void tst_ConnectionMonitor::goesOfflineAndBackOnline()
{
    FakeServer server;
    QVERIFY(server.listen());
    serveHealthz(server);
    const quint16 port = server.port();
    ApiClient api;
    api.setBaseUrl(server.url());
    ConnectionMonitor monitor(&api);
    monitor.setInterval(100);
    monitor.start(false);
    QTRY_COMPARE(monitor.state(), State::Online);

    server.close();
    QTRY_COMPARE(monitor.state(), State::Offline);

    FakeServer again;
    serveHealthz(again);
    if (!again.listen(port))
        QSKIP("the port was taken meanwhile");
    QTRY_COMPARE(monitor.state(), State::Online);
}

void tst_ConnectionMonitor::networkErrorTriggersImmediateCheck()
{
    FakeServer server;
    QVERIFY(server.listen());
    serveHealthz(server);
    ApiClient api;
    api.setBaseUrl(server.url());
    ConnectionMonitor monitor(&api);
    monitor.setInterval(60 * 60 * 1000); // only the error should cause the second check
    monitor.start(false);
    QTRY_COMPARE(monitor.state(), State::Online);
    QCOMPARE(server.requests(QStringLiteral("/healthz")).size(), 1);

    server.close();
    Q_EMIT api.networkErrorOccurred();
    QTRY_COMPARE(monitor.state(), State::Offline);
}

void tst_ConnectionMonitor::unhealthyServerIsOffline()
{
    FakeServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/healthz"), [](const FakeServer::Request &) {
        return FakeServer::Response::error(503, QStringLiteral("service_unavailable"));
    });
    ApiClient api;
    api.setBaseUrl(server.url());
    ConnectionMonitor monitor(&api);
    monitor.start(false);
    QTRY_COMPARE(monitor.state(), State::Offline);
}

QTEST_GUILESS_MAIN(tst_ConnectionMonitor)
#include "tst_connectionmonitor.moc"
