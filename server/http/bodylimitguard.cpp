#include "bodylimitguard.h"

#include <QTcpSocket>
#include <QTimer>

namespace Lectern::Server {

namespace {
constexpr qint64 maxHeaderBytes = 64 * 1024;
constexpr char rejectedProperty[] = "lecternRejected";
constexpr char awaitingProperty[] = "lecternBodyLeft"; // bytes of the current body still to come
constexpr char drainedProperty[] = "lecternDrained";
constexpr char takenProperty[] = "lecternTakenOver";
// After a 413 the connection stays open a little to swallow what the client is still sending, so
// that it reads our answer instead of a reset ("lingering close"); bounded in time and bytes.
constexpr int lingerMs = 3000;
constexpr qint64 maxDrainBytes = 16 * 1024 * 1024;
} // namespace

BodyLimitGuard::BodyLimitGuard(qint64 maxBodyBytes, QObject *parent)
    : QTcpServer(parent)
    , m_maxBodyBytes(maxBodyBytes)
{ }

bool BodyLimitGuard::wasRejected(const QTcpSocket *socket)
{
    return socket && socket->property(rejectedProperty).toBool();
}

void BodyLimitGuard::addTakeover(const QByteArray &method, const QByteArray &path, Takeover handler)
{
    m_takeovers.append({method, path, std::move(handler)});
}

bool BodyLimitGuard::wasTakenOver(const QTcpSocket *socket)
{
    return socket && socket->property(takenProperty).toBool();
}

void BodyLimitGuard::markUpgraded(QTcpSocket *socket)
{
    // Qt drops every connection to the socket's signals when it upgrades it, ours included;
    // this keeps the guard out even where a version of Qt would not.
    socket->setProperty(takenProperty, true);
}

// Runs only at a request boundary. Qt's parser may already have read part of this request's head
// inside its socket transaction (a head split over packets): rewind to see the request line, and
// put Qt's read position back when the request is not ours.
bool BodyLimitGuard::takeOver(QTcpSocket *socket)
{
    qint64 readByQt = 0;
    if (socket->isTransactionStarted()) {
        const qint64 unread = socket->bytesAvailable();
        socket->rollbackTransaction();
        readByQt = socket->bytesAvailable() - unread;
    }
    // Every request passes here: compare the request line's prefix only, no parsing.
    const QByteArray start = socket->peek(1024);
    const Takeover *handler = nullptr;
    for (const auto &[method, path, takeover] : std::as_const(m_takeovers)) {
        const qsizetype length = method.size() + 1 + path.size();
        if (start.size() > length && start.startsWith(method) && start[method.size()] == ' '
            && QByteArrayView(start).sliced(method.size() + 1, path.size()) == path
            && (start[length] == ' ' || start[length] == '?'))
            handler = &takeover;
    }
    if (!handler) {
        if (readByQt > 0) {
            socket->startTransaction();
            socket->read(readByQt);
        }
        return false;
    }
    // Qt's parser listens with the HTTP server (our parent since bind()) as context: cut it off,
    // so it never buffers this body. Its half-parsed state, if any, is dropped with the socket.
    disconnect(socket, &QTcpSocket::readyRead, parent(), nullptr);
    socket->setProperty(takenProperty, true);
    (*handler)(socket);
    return true;
}

void BodyLimitGuard::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Responses leave in several writes (status, headers, body); without this, Nagle's algorithm
    // holds the last part back until the client acknowledges the first.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Connected before the HTTP server takes the socket, so this runs first on every readyRead.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    addPendingConnection(socket);
}

void BodyLimitGuard::inspect(QTcpSocket *socket)
{
    if (wasTakenOver(socket))
        return; // a streaming handler reads this connection now
    if (wasRejected(socket)) {
        const qint64 drained
            = socket->property(drainedProperty).toLongLong() + socket->readAll().size();
        socket->setProperty(drainedProperty, drained);
        if (drained > maxDrainBytes)
            socket->abort();
        return;
    }
    // Only a request's head needs reading here; while a body we already accepted is arriving,
    // there is nothing to look at. Requests on a keep-alive connection come one after another.
    qint64 left = socket->property(awaitingProperty).toLongLong();
    if (left == 0 && !m_takeovers.isEmpty() && takeOver(socket))
        return;
    const qint64 available = socket->bytesAvailable();
    if (left >= available) {
        socket->setProperty(awaitingProperty, left - available);
        return;
    }
    const QByteArray data = socket->peek(qMin<qint64>(available, maxHeaderBytes + 4));
    qsizetype offset = qsizetype(left);
    while (offset < data.size()) {
        const qsizetype end = data.indexOf("\r\n\r\n", offset);
        if (end < 0) {
            if (data.size() - offset > maxHeaderBytes)
                reject(socket, 431, "headers_too_large", "The request headers are too large.");
            break;
        }
        qint64 contentLength = 0;
        bool chunked = false;
        const QList<QByteArray> lines = data.mid(offset, end - offset).split('\n');
        for (const QByteArray &raw : lines) {
            const QByteArray line = raw.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                contentLength = value.toLongLong();
            else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
                chunked = true;
        }
        if (contentLength > m_maxBodyBytes) {
            reject(socket, 413, "payload_too_large", "The request body is too large.");
            return;
        }
        if (chunked && available > m_maxBodyBytes + maxHeaderBytes) {
            reject(socket, 413, "payload_too_large", "The request body is too large.");
            return;
        }
        offset = end + 4 + qsizetype(contentLength);
    }
    socket->setProperty(awaitingProperty, qMax<qint64>(0, qint64(offset) - available));
}

void BodyLimitGuard::reject(QTcpSocket *socket, int status, const QByteArray &code,
                            const QByteArray &message)
{
    socket->setProperty(rejectedProperty, true);
    const QByteArray body
        = "{\"ok\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    const QByteArray reason
        = status == 413 ? "Payload Too Large" : "Request Header Fields Too Large";
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += "Content-Type: application/json\r\n"
                "X-Content-Type-Options: nosniff\r\n"
                "X-Frame-Options: DENY\r\n"
                "Content-Security-Policy: default-src 'none'\r\n"
                "Referrer-Policy: no-referrer\r\n"
                "Cache-Control: no-store\r\n"
                "Connection: close\r\n"
                "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    if (socket->isTransactionStarted())
        socket->rollbackTransaction();
    socket->readAll();
    socket->write(response);
    QTimer::singleShot(lingerMs, socket, [socket] { socket->disconnectFromHost(); });
}

} // namespace Lectern::Server
