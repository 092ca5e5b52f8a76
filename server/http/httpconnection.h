#pragma once

#include "requestframer.h"

#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace Lectern::Server {

class HttpListener;

// One accepted connection as its listener watches it. Sees each new byte before Qt's HTTP parser
// does and feeds it to a RequestFramer, so a limit breaks on the byte that breaks it; answers the
// refusal itself (413, 414, 431, 400, 408) and closes the connection after letting the client read
// it; keeps the times the timeouts run from; and hands the connection over when it is upgraded to
// a WebSocket or taken by a streaming handler. Lives as a child of its socket.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, HttpListener *listener, QByteArray addressKey);
    ~HttpConnection() override;

    static HttpConnection *of(const QTcpSocket *socket);

    QTcpSocket *socket() const { return m_socket; }
    const QByteArray &addressKey() const { return m_addressKey; }
    bool isRefused() const { return m_refused; }
    // Upgraded or taken over: someone else reads it now.
    bool isDetached() const { return m_detached; }
    // Nothing asked of the server and nothing owed to the client: it may be closed to make room.
    bool isEvictable() const;
    qint64 lastActivity() const { return m_lastActivity; }

    // readyRead, before and after Qt's parser.
    void beforeParser();
    void afterParser();
    // Asks the kernel to acknowledge what arrives without its usual delay (Linux).
    void acknowledgeAtOnce();
    void requestStarted();
    void requestAnswered();
    void upgraded();

    // Applies the timeouts (the listener's sweep calls it now and then).
    void check(qint64 now);
    // Closes the connection at once, with no answer.
    void close();

private:
    friend class HttpListener;

    void feed(QByteArrayView fresh);
    void handOver(qsizetype bytesAfterHead);
    // Answers `status` itself, stops reading requests, and closes the connection after a while.
    void refuse(int status, const QByteArray &code, const QString &message);
    // Qt's parser stops seeing this connection's bytes.
    void detachParser();
    void drain();
    void touch();

    QTcpSocket *m_socket;
    QPointer<HttpListener> m_listener;
    QByteArray m_addressKey;
    RequestFramer m_framer;
    qint64 m_unread = 0; // bytes left in the socket after the parser's last read
    qint64 m_accepted = 0;
    qint64 m_lastActivity = 0;
    qint64 m_lastRead = 0;
    qint64 m_headStarted = 0;
    qint64 m_bodyStarted = 0;
    qint64 m_closeAt = -1; // after a refusal
    qint64 m_drained = 0;
    int m_requests = 0; // framed so far
    int m_inFlight = 0; // dispatched, not yet answered
    bool m_refused = false;
    bool m_detached = false;
    bool m_countsForAddress = true; // against the per-address cap (not once a WebSocket)
};

} // namespace Lectern::Server
