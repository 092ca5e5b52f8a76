#include "httpconnection.h"

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

#include "apiserver.h"
#include "core/logging.h"
#include "httplistener.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpSocket>

namespace Lectern::Server {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::HttpConnection)
};

constexpr char connectionProperty[] = "lecternConnection";
// ApiServer's download in progress on a socket (FileStreamer): an answer still owed.
constexpr char fileStreamerProperty[] = "lecternFileStreamer";
// After a refusal the connection stays open a little to swallow what the client is still sending,
// so that it reads the answer instead of a reset ("lingering close"); bounded in time and bytes.
constexpr int lingerMs = 2000;
constexpr qint64 maxDrainBytes = 4 * 1024 * 1024;

QString clientAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpListener *listener, QByteArray addressKey)
    : QObject(socket)
    , m_socket(socket)
    , m_listener(listener)
    , m_addressKey(std::move(addressKey))
    , m_framer({listener->limits().maxHeadBytes, listener->limits().maxBodyBytes})
{
    m_accepted = m_lastActivity = m_lastRead = m_headStarted = listener->now();
    socket->setProperty(connectionProperty, QVariant::fromValue<QObject *>(this));
    // Connected before the HTTP server takes the socket, so this runs first on every readyRead.
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::beforeParser);
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpConnection::touch);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (m_listener)
            m_listener->forget(this);
    });
}

HttpConnection::~HttpConnection()
{
    if (m_listener)
        m_listener->forget(this);
}

HttpConnection *HttpConnection::of(const QTcpSocket *socket)
{
    if (!socket)
        return nullptr;
    return qobject_cast<HttpConnection *>(socket->property(connectionProperty).value<QObject *>());
}

bool HttpConnection::isEvictable() const
{
    if (m_detached || m_refused || m_inFlight > 0 || m_socket->bytesToWrite() > 0
        || m_socket->property(fileStreamerProperty).value<QObject *>())
        return false;
    const RequestFramer::Phase phase = m_framer.phase();
    return phase == RequestFramer::Phase::Idle || phase == RequestFramer::Phase::Head;
}

void HttpConnection::beforeParser()
{
    if (m_detached || !m_listener)
        return;
    acknowledgeAtOnce();
    if (m_refused) {
        drain();
        return;
    }
    // Qt's parser reads everything at each readyRead, but what it leaves (afterParser) was
    // counted already: only the bytes past it are new.
    const qint64 available = m_socket->bytesAvailable();
    const qint64 fresh = available - m_unread;
    if (fresh <= 0)
        return;
    const QByteArray bytes = m_socket->peek(available);
    feed(QByteArrayView(bytes).sliced(bytes.size() - qsizetype(fresh)));
}

void HttpConnection::acknowledgeAtOnce()
{
#ifdef Q_OS_LINUX
    // A client whose requests leave in several writes with Nagle's algorithm on (Qt's own network
    // access does this) holds the last piece back until the server acknowledges the first, and
    // Linux delays that acknowledgement by up to 40 ms once the connection turns interactive: a
    // pause per request of more than one packet (a sync push). Quick acknowledgements end the
    // wait; Linux turns them off again by itself, so this is said at every read.
    const int fd = int(m_socket->socketDescriptor());
    if (fd >= 0) {
        const int on = 1;
        (void)::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
    }
#endif
}

void HttpConnection::afterParser()
{
    if (!m_detached && !m_refused)
        m_unread = m_socket->bytesAvailable();
}

void HttpConnection::feed(QByteArrayView fresh)
{
    const qint64 now = m_listener->now();
    m_lastActivity = m_lastRead = now;
    QByteArrayView rest = fresh;
    for (bool more = true; more;) {
        qsizetype taken = 0;
        const RequestFramer::Event event = m_framer.feed(rest, &taken);
        rest = rest.sliced(taken);
        switch (event) {
        case RequestFramer::Event::NeedMore:
            more = false;
            break;
        case RequestFramer::Event::HeadComplete:
            m_bodyStarted = now;
            if (m_listener->takeoverFor(m_framer.head().method, m_framer.head().path())) {
                handOver(rest.size());
                return;
            }
            break;
        case RequestFramer::Event::MessageComplete:
            ++m_requests;
            m_headStarted = -1;
            break;
        case RequestFramer::Event::Refused: {
            const RequestFramer::Refusal refusal = m_framer.refusal();
            refuse(refusal.status, refusal.code, refusal.message);
            return;
        }
        }
    }
    // The header timeout of a request on a kept-alive connection runs from its first byte.
    if (m_headStarted < 0 && m_framer.phase() != RequestFramer::Phase::Idle)
        m_headStarted = now;
}

void HttpConnection::handOver(qsizetype bytesAfterHead)
{
    const HttpListener::Takeover *handler
        = m_listener->takeoverFor(m_framer.head().method, m_framer.head().path());
    m_detached = true;
    disconnect(m_socket, &QTcpSocket::readyRead, this, nullptr);
    disconnect(m_socket, &QTcpSocket::bytesWritten, this, nullptr);
    detachParser();
    // Qt's parser may have read the start of this head inside its read transaction: the rollback
    // above made those bytes unread again, and the handler reads the request from its first byte.
    // Bytes before it belong to an earlier request Qt's parser has not finished (a pipelining
    // client): the connection cannot be split between the two, so it closes.
    if (m_socket->bytesAvailable() != bytesAfterHead + m_framer.headBytes()) {
        qCInfo(lcHttp) << "closing a connection: a streaming request was pipelined behind another";
        close();
        return;
    }
    (*handler)(m_socket);
}

void HttpConnection::detachParser()
{
    // Qt's parser listens with the HTTP server as context: cut it off, so it never buffers another
    // byte of this connection. Its half-parsed request, if any, goes with the socket.
    if (QObject *server = m_listener ? m_listener->httpServer() : nullptr)
        disconnect(m_socket, &QTcpSocket::readyRead, server, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
}

void HttpConnection::refuse(int status, const QByteArray &code, const QString &message)
{
    if (m_refused)
        return;
    m_refused = true;
    detachParser();
    // An answer to an earlier request is still to come (a pipelining client): ours cannot go
    // before it, and cannot wait for it either.
    if (m_inFlight > 0 || m_socket->property(fileStreamerProperty).value<QObject *>()) {
        qCInfo(lcHttp).noquote() << "closing a connection: a pipelined request was refused with"
                                 << status << code;
        close();
        return;
    }
    ApiRequest request;
    request.method = m_framer.head().method;
    request.path = QString::fromUtf8(m_framer.head().path());
    request.address = clientAddress(m_socket->peerAddress());
    request.requestId = ApiServer::requestIdFor({});
    ApiResponse response = ApiResponse::error(fail(code.constData(), message));
    response.status = status;
    m_socket->write(ApiServer::serialize(request, response, true));
    ApiServer::logRequest(request, response, 0);
    m_closeAt = (m_listener ? m_listener->now() : 0) + lingerMs;
    drain();
}

void HttpConnection::drain()
{
    m_drained += qMax<qint64>(0, m_socket->skip(m_socket->bytesAvailable()));
    if (m_drained > maxDrainBytes)
        m_socket->abort();
}

void HttpConnection::requestStarted()
{
    ++m_inFlight;
    touch();
}

void HttpConnection::requestAnswered()
{
    m_inFlight = qMax(0, m_inFlight - 1);
    touch();
}

void HttpConnection::upgraded()
{
    // Qt drops every connection to the socket's signals when it upgrades it; this keeps the
    // connection out of the listener's timeouts and out of its address's count either way.
    m_detached = true;
    disconnect(m_socket, nullptr, this, nullptr);
    if (m_listener)
        m_listener->release(this);
}

void HttpConnection::touch()
{
    if (m_listener)
        m_lastActivity = m_listener->now();
}

void HttpConnection::check(qint64 now)
{
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        if (m_listener)
            m_listener->forget(this);
        return;
    }
    if (m_detached)
        return; // its new owner times it out
    const HttpListener::Limits &limits = m_listener->limits();
    if (m_refused) {
        // The answer had its time to be read; give a slow reader one more linger to take it.
        if (now >= m_closeAt && (m_socket->bytesToWrite() == 0 || now >= m_closeAt + lingerMs))
            close();
        return;
    }
    const auto timedOut = [this] {
        refuse(408, "request_timeout", Messages::tr("The request took too long to arrive."));
    };
    switch (m_framer.phase()) {
    case RequestFramer::Phase::Idle:
        if (m_requests == 0) {
            // Connected and sent nothing: close quietly.
            if (now - m_accepted >= limits.headerTimeoutMs)
                close();
        } else if (m_inFlight == 0 && now - m_lastActivity >= limits.idleTimeoutMs) {
            // Nothing asked, and an answer unread for that long (a reader that stopped) too.
            close();
        }
        return;
    case RequestFramer::Phase::Head:
        if (now - m_headStarted >= limits.headerTimeoutMs)
            timedOut();
        return;
    case RequestFramer::Phase::Body: {
        // A body gets bodyTimeout, plus a second for every bodyMinRate bytes that came; and no
        // silence longer than bodyTimeout.
        const qint64 allowed = limits.bodyTimeoutMs
            + (limits.bodyMinRate > 0 ? m_framer.bodyBytes() * 1000 / limits.bodyMinRate : 0);
        if (now - m_lastRead >= limits.bodyTimeoutMs || now - m_bodyStarted >= allowed)
            timedOut();
        return;
    }
    case RequestFramer::Phase::Opaque:
        // An upgrade is taken at once, or refused and closed by Qt; never left hanging.
        if (now - m_bodyStarted >= limits.headerTimeoutMs)
            close();
        return;
    case RequestFramer::Phase::Refused:
        return;
    }
}

void HttpConnection::close()
{
    if (m_listener)
        m_listener->forget(this);
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        return;
    m_socket->disconnectFromHost();
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort(); // an answer nobody reads
}

} // namespace Lectern::Server
