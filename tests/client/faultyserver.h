#pragma once

#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace Lectern::ClientTest {

// A socket server on 127.0.0.1 for the faults a real lectern-server never produces but a client
// meets in the field: something else answering at the address (a proxy's HTML error page, a
// captive portal, bytes that are not HTTP at all) or nothing answering once connected. Everything
// a lectern-server can say is tested against the real one (Lectern::Test::TestServer).
class FaultyServer : public QObject
{
    Q_OBJECT

public:
    explicit FaultyServer(QObject *parent = nullptr);

    // Any free port, or `port` (to stand where a real server was).
    [[nodiscard]] bool listen(quint16 port = 0);
    QUrl url() const;

    // Every request gets these bytes back, as they are, and the connection is closed.
    void answerRaw(const QByteArray &bytes);
    // Every request gets this HTTP answer.
    void answerHttp(int status, const QByteArray &contentType, const QByteArray &body);
    // Requests are read and never answered (the default).
    void neverAnswer() { m_answer.clear(); }

    int requestCount() const { return m_requests; }

private:
    void onNewConnection();

    QTcpServer m_server;
    QByteArray m_answer;
    int m_requests = 0;
};

} // namespace Lectern::ClientTest
