#pragma once

#include <QTcpServer>
#include <functional>

class QTcpSocket;

namespace Lectern::Server {

// Qt 6.4's HTTP server reads a whole request body into memory before a handler sees it. This
// listener looks at each connection's bytes first and answers 413 (or 431 for endless headers)
// as soon as a request announces, or sends, more than the limit, then closes the connection —
// so an oversized body is never buffered.
class BodyLimitGuard : public QTcpServer
{
    Q_OBJECT

public:
    BodyLimitGuard(qint64 maxBodyBytes, QObject *parent = nullptr);

    static bool wasRejected(const QTcpSocket *socket);

    // Requests that must never reach Qt's parser (it buffers whole bodies): when a request line
    // `method path[?query]` starts the unread data of a connection, the guard detaches the socket
    // from the HTTP server and gives it to `handler` with the request still unread. The handler
    // owns the connection from then on and closes it when done.
    using Takeover = std::function<void(QTcpSocket *socket)>;
    void addTakeover(const QByteArray &method, const QByteArray &path, Takeover handler);
    static bool wasTakenOver(const QTcpSocket *socket);
    // A connection upgraded to a WebSocket carries frames, not requests: leave it alone.
    static void markUpgraded(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void inspect(QTcpSocket *socket);
    bool takeOver(QTcpSocket *socket);
    void reject(QTcpSocket *socket, int status, const QByteArray &code, const QByteArray &message);

    qint64 m_maxBodyBytes;
    QList<std::tuple<QByteArray, QByteArray, Takeover>> m_takeovers;
};

} // namespace Lectern::Server
