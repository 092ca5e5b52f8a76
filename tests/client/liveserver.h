#pragma once

#include "httpclient.h"
#include "testserver.h"

#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace Lectern::ClientTest {

// The demo accounts' password on every test server.
inline const QString demoPassword = QStringLiteral("lectern-demo");

// Options for a Test::TestServer that starts on a copy of a database holding the demo data. The
// demo data costs a password hash per account; it is made once per test program (by a real
// server with --demo) and copied for each server, which then starts in a fraction of the time.
Test::TestServer::Options demoServer();

// A real lectern-server that can go away and come back at the same address with the same data
// (database, signing secret): a server restarted, a network cable pulled and plugged back in.
// It starts with the demo data, like demoServer().
class RestartableServer
{
public:
    RestartableServer();
    ~RestartableServer();
    Q_DISABLE_COPY_MOVE(RestartableServer)

    // The first start takes any free port; the next ones take that port again.
    [[nodiscard]] bool start();
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    QString problem() const { return m_problem; }
    // The same address across restarts.
    QUrl url() const { return m_url; }
    quint16 port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Test::TestServer> m_server;
    QUrl m_url;
    quint16 m_port = 0;
    QString m_problem;
};

// A port on 127.0.0.1 where nothing listens: connecting to it is refused.
quint16 unusedPort();
QUrl unusedServerUrl();

// What an administrator does to a demo account through the API (they fail the test with a
// message when the server refuses). Empty when it worked.
[[nodiscard]] QString suspendUser(const QUrl &server, const QString &email);
[[nodiscard]] QString renameUser(const QUrl &server, const QString &email, const QString &name);
// Ends the session (the whole token family) that `refreshToken` belongs to, through
// POST /auth/logout with that token.
[[nodiscard]] QString endSession(const QUrl &server, const QString &refreshToken);

} // namespace Lectern::ClientTest

// Starts a RestartableServer or fails the test.
#define LECTERN_START_RESTARTABLE(server) QVERIFY2((server).start(), qPrintable((server).problem()))
