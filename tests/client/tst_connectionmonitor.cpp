#include "faultyserver.h"
#include "liveserver.h"

#include <QSignalSpy>
#include <QTest>
#include <lectern/client/apiclient.h>
#include <lectern/client/connectionmonitor.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;
using State = ConnectionMonitor::State;

// Whether the client sees the server, against a real lectern-server that goes away and comes
// back.
class tst_ConnectionMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void onlineWhileServerAnswers();
    void offlineWhenRefused();
    void goesOfflineAndBackOnline();
    void networkErrorTriggersImmediateCheck();
    void stopForgetsTheState();
    // Faults injected with a FaultyServer.
    void proxyErrorPageIsOffline();
};

void tst_ConnectionMonitor::defaults()
{
    ApiClient api;
    ConnectionMonitor monitor(&api);
    QCOMPARE(monitor.interval(), 10000);
    QCOMPARE(monitor.state(), State::Unknown);
    QVERIFY(!monitor.lastOnline().isValid());
}

void tst_ConnectionMonitor::onlineWhileServerAnswers()
{
    Test::TestServer server(demoServer());
    LECTERN_START_SERVER(server);
    ApiClient api;
    api.setBaseUrl(server.url());
    ConnectionMonitor monitor(&api);
    QSignalSpy changes(&monitor, &ConnectionMonitor::stateChanged);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    monitor.start(false);
    QTRY_COMPARE(monitor.state(), State::Online);
    QCOMPARE(changes.size(), 1);
    QVERIFY(monitor.lastOnline() >= before);
}

void tst_ConnectionMonitor::offlineWhenRefused()
{
    ApiClient api;
    api.setBaseUrl(unusedServerUrl());
    ConnectionMonitor monitor(&api);
    monitor.start(false);
    QTRY_COMPARE(monitor.state(), State::Offline);
    QVERIFY(!monitor.lastOnline().isValid());
}

void tst_ConnectionMonitor::goesOfflineAndBackOnline()
{
    RestartableServer server;
    LECTERN_START_RESTARTABLE(server);
    ApiClient api;
    api.setBaseUrl(server.url());
    ConnectionMonitor monitor(&api);
    monitor.setInterval(100);
    QSignalSpy changes(&monitor, &ConnectionMonitor::stateChanged);
    monitor.start(false);
    QTRY_COMPARE(monitor.state(), State::Online);

    server.stop();
    QTRY_COMPARE(monitor.state(), State::Offline);
    const QDateTime lastSeen = monitor.lastOnline();
    QVERIFY(lastSeen.isValid());

    LECTERN_START_RESTARTABLE(server);
    QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), State::Online, 10000);
    QVERIFY(monitor.lastOnline() > lastSeen);
    QCOMPARE(changes.size(), 3);
}

void tst_ConnectionMonitor::networkErrorTriggersImmediateCheck()
{
    RestartableServer server;
    LECTERN_START_RESTARTABLE(server);
    ApiClient api;
    api.setBaseUrl(server.url());
    ConnectionMonitor monitor(&api);
    monitor.setInterval(60 * 60 * 1000); // only the failed request should cause the next check
    monitor.start(false);
    QTRY_COMPARE(monitor.state(), State::Online);

    server.stop();
    // Any request that fails to connect, here one the user's work would make.
    std::optional<Result<QJsonValue>> reply;
    api.get(QStringLiteral("/api/v1/auth/me"), this,
            [&](const Result<QJsonValue> &result) { reply = result; });
    QTRY_VERIFY(reply.has_value());
    QCOMPARE(reply->error().code, QStringLiteral("network_unreachable"));
    QTRY_COMPARE(monitor.state(), State::Offline);

    // And an answer from the server, any answer, prompts a check while offline.
    LECTERN_START_RESTARTABLE(server);
    reply.reset();
    api.get(QStringLiteral("/api/v1/auth/me"), this,
            [&](const Result<QJsonValue> &result) { reply = result; });
    QTRY_VERIFY(reply.has_value());
    QCOMPARE(reply->error().code, QStringLiteral("unauthorized"));
    QTRY_COMPARE(monitor.state(), State::Online);
}

void tst_ConnectionMonitor::stopForgetsTheState()
{
    Test::TestServer server(demoServer());
    LECTERN_START_SERVER(server);
    ApiClient api;
    api.setBaseUrl(server.url());
    ConnectionMonitor monitor(&api);
    monitor.start(false);
    QTRY_COMPARE(monitor.state(), State::Online);
    monitor.stop();
    QCOMPARE(monitor.state(), State::Unknown);
    QVERIFY(!monitor.isRunning());
}

void tst_ConnectionMonitor::proxyErrorPageIsOffline()
{
    // A reverse proxy answers, but the Lectern server behind it does not.
    FaultyServer proxy;
    QVERIFY(proxy.listen());
    proxy.answerHttp(503, "text/html", "<html><h1>503 Service Unavailable</h1></html>");
    ApiClient api;
    api.setBaseUrl(proxy.url());
    ConnectionMonitor monitor(&api);
    monitor.start(false);
    QTRY_COMPARE(monitor.state(), State::Offline);
    QCOMPARE(proxy.requestCount(), 1);
}

QTEST_GUILESS_MAIN(tst_ConnectionMonitor)
#include "tst_connectionmonitor.moc"
