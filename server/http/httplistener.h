#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTimer>
#include <functional>

class QTcpSocket;

namespace Lectern::Server {

class HttpConnection;

// The server's listening socket. Qt 6.4's HTTP parser buffers whatever a connection sends, for as
// long as it is open; this listener stands in front of it. Every connection gets an HttpConnection
// that counts its bytes before the parser sees them (limits hold whatever the pace or framing of
// the sender) and closes it when it stalls or idles. The listener caps connections per client
// address and in all, below the open-file limit, closing the idlest connection to make room for a
// new one — so a health check still gets through when thousands of idle sockets are open.
class HttpListener : public QTcpServer
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxHeadBytes = 64 * 1024;
        qint64 maxBodyBytes = 1024 * 1024;
        int headerTimeoutMs = 30 * 1000;    // for a request's line and headers, from its first byte
        int bodyTimeoutMs = 30 * 1000;      // silence allowed in a body, and its head start
        qint64 bodyMinRate = 1024;          // bytes a second a body must average after that start
        int idleTimeoutMs = 60 * 1000;      // between requests, and for a stalled reader
        int maxConnectionsPerAddress = 256; // 0: no cap
        // Peers the per-address cap does not apply to: trusted reverse proxies, whose clients
        // all arrive from their one address.
        QList<std::pair<QHostAddress, int>> uncappedAddresses;
        int maxConnections = 0; // 0: from the open-file limit
    };

    explicit HttpListener(Limits limits, QObject *parent = nullptr);
    ~HttpListener() override;

    // Requests that must never reach Qt's parser (it buffers whole bodies): as soon as the head
    // of a `method path[?query]` request has arrived, the connection leaves the HTTP server and
    // goes to `handler` with the request still unread. The handler owns it from then on,
    // timeouts included, and closes it when done.
    using Takeover = std::function<void(QTcpSocket *socket)>;
    void addTakeover(const QByteArray &method, const QByteArray &path, Takeover handler);

    // Call once after QAbstractHttpServer::bind(this): from then on each connection is also
    // looked at after the HTTP server's parser, so that bytes it leaves unread are not counted
    // twice.
    void followParser();

    // Connections open now, and how many may be (below the open-file limit).
    int connectionCount() const { return int(m_connections.size()); }
    int capacity() const { return m_capacity; }

    // For the HTTP server: the listener answered this connection itself and is closing it.
    static bool wasRefused(const QTcpSocket *socket);
    // The HTTP server dispatched a request of this connection, and answered one.
    static void requestStarted(QTcpSocket *socket);
    static void requestAnswered(QTcpSocket *socket);
    // A connection upgraded to a WebSocket carries frames, not requests: leave it alone.
    static void markUpgraded(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr descriptor) override;
    bool isUncapped(const QHostAddress &peer) const;

private:
    friend class HttpConnection;

    qint64 now() const { return m_clock.elapsed(); }
    const Limits &limits() const { return m_limits; }
    const Takeover *takeoverFor(QByteArrayView method, QByteArrayView path) const;
    // The HTTP server this listener was bound to: its parser listens on every socket.
    QObject *httpServer() const { return parent(); }
    // Drops a connection from the counts; called when it closes and again when it is destroyed.
    void forget(HttpConnection *connection);
    // Stops counting a connection against its address (it became a WebSocket).
    void release(HttpConnection *connection);
    // Closes up to `count` connections that have waited longest with nothing to do; answers how
    // many went.
    int evictIdlest(int count);
    // Answers 503 on a connection the listener will not take, and closes it.
    void turnAway(QTcpSocket *socket, const QString &message);
    void sweep();
    void acceptFailed(QAbstractSocket::SocketError error);

    Limits m_limits;
    int m_capacity = 0;
    int m_configuredCapacity = 0;
    qint64 m_capacityLoweredAt = -1;
    qint64 m_lastAcceptWarning = -1;
    qint64 m_lastTurnAwayWarning = -1;
    int m_turningAway = 0;
    bool m_following = false;
    QElapsedTimer m_clock;
    QTimer m_sweep;
    QSet<HttpConnection *> m_connections;
    QHash<QByteArray, int> m_perAddress;
    QList<QPointer<HttpConnection>> m_unfollowed; // accepted, not yet hooked after the parser
    QList<std::tuple<QByteArray, QByteArray, Takeover>> m_takeovers;
};

} // namespace Lectern::Server
