#include "httplistener.h"

#include "apiserver.h"
#include "core/clientaddress.h"
#include "core/logging.h"
#include "httpconnection.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <algorithm>
#include <sys/resource.h>
#include <unistd.h>

namespace Lectern::Server {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::HttpListener)
};

// Sockets answered 503 and lingering at once; past this, more are closed without an answer.
constexpr int maxTurningAway = 64;
constexpr int turnAwayLingerMs = 500;
// After accept() failed for want of descriptors: a pause, so that the loop never spins.
constexpr int acceptRetryMs = 100;
// How long a cap lowered by such a failure holds before the configured one comes back.
constexpr qint64 loweredCapacityMs = 60 * 1000;
constexpr qint64 warningEveryMs = 10 * 1000;

// What the per-address cap counts by: the sign-in limits' key (an IPv6 client by its /64).
QByteArray addressKey(const QHostAddress &address)
{
    return ClientAddress::limitKey(address).toLatin1();
}

QString clientAddress(const QHostAddress &address)
{
    return ClientAddress::normalized(address).toString();
}

// What the open-file limit leaves for connections: a reserve stays for the database, the files
// being uploaded or downloaded, and the answers that turn connections away.
int capacityFromOpenFileLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024 - 128;
    const qint64 soft = limit.rlim_cur == RLIM_INFINITY ? (1 << 20) : qint64(limit.rlim_cur);
    const qint64 reserve = qMax<qint64>(64, soft / 8);
    return int(qBound(qint64(16), soft - reserve, qint64(1) << 20));
}
} // namespace

HttpListener::HttpListener(Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    m_clock.start();
    m_capacity = m_configuredCapacity
        = limits.maxConnections > 0 ? limits.maxConnections : capacityFromOpenFileLimit();
    // A school's clients arriving at once should queue in the kernel, not be dropped.
    setListenBacklogSize(1024);
    connect(this, &QTcpServer::acceptError, this, &HttpListener::acceptFailed);
    const int shortest
        = qMin(limits.headerTimeoutMs, qMin(limits.bodyTimeoutMs, limits.idleTimeoutMs));
    m_sweep.setInterval(qBound(50, shortest / 4, 1000));
    connect(&m_sweep, &QTimer::timeout, this, &HttpListener::sweep);
    m_sweep.start();
}

HttpListener::~HttpListener()
{
    // The sockets, our children, outlive this destructor: their connections, counted or not,
    // must not call back.
    const QList<HttpConnection *> connections = findChildren<HttpConnection *>();
    for (HttpConnection *connection : connections)
        connection->m_listener = nullptr;
}

void HttpListener::addTakeover(const QByteArray &method, const QByteArray &path, Takeover handler)
{
    m_takeovers.append({method, path, std::move(handler)});
}

const HttpListener::Takeover *HttpListener::takeoverFor(QByteArrayView method,
                                                        QByteArrayView path) const
{
    for (const auto &[takeMethod, takePath, handler] : m_takeovers) {
        if (method == takeMethod && path == takePath)
            return &handler;
    }
    return nullptr;
}

void HttpListener::followParser()
{
    // Runs after the HTTP server's own newConnection slot (connected earlier, by bind()), which
    // connected its parser to readyRead: ours goes after it.
    connect(this, &QTcpServer::newConnection, this, [this] {
        for (const QPointer<HttpConnection> &connection : std::exchange(m_unfollowed, {})) {
            if (connection)
                connect(connection->socket(), &QTcpSocket::readyRead, connection,
                        &HttpConnection::afterParser);
        }
    });
    m_following = true;
}

bool HttpListener::wasRefused(const QTcpSocket *socket)
{
    const HttpConnection *connection = HttpConnection::of(socket);
    return connection && connection->isRefused();
}

void HttpListener::requestStarted(QTcpSocket *socket)
{
    if (HttpConnection *connection = HttpConnection::of(socket))
        connection->requestStarted();
}

void HttpListener::requestAnswered(QTcpSocket *socket)
{
    if (HttpConnection *connection = HttpConnection::of(socket))
        connection->requestAnswered();
}

void HttpListener::markUpgraded(QTcpSocket *socket)
{
    if (HttpConnection *connection = HttpConnection::of(socket))
        connection->upgraded();
}

bool HttpListener::isUncapped(const QHostAddress &peer) const
{
    const QHostAddress address = ClientAddress::normalized(peer);
    return std::any_of(m_limits.uncappedAddresses.cbegin(), m_limits.uncappedAddresses.cend(),
                       [&address](const auto &subnet) { return address.isInSubnet(subnet); });
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(int(descriptor));
        return;
    }
    const QByteArray key = addressKey(socket->peerAddress());
    if (m_limits.maxConnectionsPerAddress > 0
        && m_perAddress.value(key) >= m_limits.maxConnectionsPerAddress
        && !isUncapped(socket->peerAddress())) {
        turnAway(socket,
                 Messages::tr("Too many connections from your address. Close some, or "
                              "try again in a moment."));
        return;
    }
    if (m_connections.size() >= m_capacity && evictIdlest(qMax(1, m_capacity / 32)) == 0) {
        turnAway(socket,
                 Messages::tr("The server has too many connections. Try again in a "
                              "moment."));
        return;
    }
    // Responses leave in several writes (status, headers, body); without this, Nagle's algorithm
    // holds the last part back until the client acknowledges the first.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Whatever happens to the parser, the socket never holds more than a whole request of the
    // largest size (Qt keeps a request in its read transaction until it is complete).
    socket->setReadBufferSize(2 * m_limits.maxHeadBytes + 2 * m_limits.maxBodyBytes + 64 * 1024);
    auto *connection = new HttpConnection(socket, this, key);
    m_connections.insert(connection);
    ++m_perAddress[key];
    if (m_following)
        m_unfollowed.append(connection);
    addPendingConnection(socket);
}

void HttpListener::forget(HttpConnection *connection)
{
    if (!m_connections.remove(connection))
        return;
    if (connection->m_countsForAddress) {
        connection->m_countsForAddress = false;
        auto it = m_perAddress.find(connection->addressKey());
        if (it != m_perAddress.end() && --it.value() <= 0)
            m_perAddress.erase(it);
    }
}

void HttpListener::release(HttpConnection *connection)
{
    if (!m_connections.contains(connection) || !connection->m_countsForAddress)
        return;
    connection->m_countsForAddress = false;
    auto it = m_perAddress.find(connection->addressKey());
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}

int HttpListener::evictIdlest(int count)
{
    // One pass for many: under a flood each new connection would otherwise scan them all.
    std::vector<std::pair<qint64, HttpConnection *>> candidates;
    candidates.reserve(m_connections.size());
    for (HttpConnection *connection : std::as_const(m_connections)) {
        if (connection->isEvictable())
            candidates.emplace_back(connection->lastActivity(), connection);
    }
    count = qMin(count, int(candidates.size()));
    if (count == 0)
        return 0;
    std::nth_element(candidates.begin(), candidates.begin() + (count - 1), candidates.end());
    for (int i = 0; i < count; ++i)
        candidates[size_t(i)].second->close();
    qCDebug(lcHttp) << "closed" << count << "idle connections to make room";
    return count;
}

void HttpListener::turnAway(QTcpSocket *socket, const QString &message)
{
    const qint64 t = now();
    if (m_lastTurnAwayWarning < 0 || t - m_lastTurnAwayWarning >= warningEveryMs) {
        m_lastTurnAwayWarning = t;
        qCWarning(lcHttp).noquote() << "turning connections away:" << message << "(address"
                                    << clientAddress(socket->peerAddress()) << ","
                                    << connectionCount() << "open of" << m_capacity << ")";
    }
    if (m_turningAway >= maxTurningAway) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    ++m_turningAway;
    ApiRequest request;
    request.address = clientAddress(socket->peerAddress());
    request.requestId = ApiServer::requestIdFor({});
    ApiResponse response = ApiResponse::error(fail("too_many_connections", message));
    response.status = 503;
    response.withHeader("Retry-After", "1");
    socket->write(ApiServer::serialize(request, response, true));
    // Read what the client sends meanwhile, so that closing does not reset the answer away.
    connect(socket, &QTcpSocket::readyRead, socket,
            [socket] { socket->skip(socket->bytesAvailable()); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QObject::destroyed, this, [this] { --m_turningAway; });
    QTimer::singleShot(turnAwayLingerMs, socket, [socket] { socket->disconnectFromHost(); });
    QTimer::singleShot(4 * turnAwayLingerMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
}

void HttpListener::sweep()
{
    const qint64 t = now();
    if (m_capacityLoweredAt >= 0 && t - m_capacityLoweredAt >= loweredCapacityMs) {
        m_capacity = m_configuredCapacity;
        m_capacityLoweredAt = -1;
    }
    const QList<HttpConnection *> connections = m_connections.values();
    for (HttpConnection *connection : connections) {
        if (m_connections.contains(connection))
            connection->check(t);
    }
}

void HttpListener::acceptFailed(QAbstractSocket::SocketError error)
{
    // Out of descriptors (something else holds more than the reserve): Qt has stopped accepting.
    // Make room, hold fewer connections for a while, and try again shortly — never in a loop.
    const qint64 t = now();
    if (m_lastAcceptWarning < 0 || t - m_lastAcceptWarning >= warningEveryMs) {
        m_lastAcceptWarning = t;
        qCWarning(lcHttp).noquote()
            << "cannot accept connections:" << errorString() << "(error" << int(error) << ");"
            << connectionCount() << "open; closing idle ones and holding fewer for a minute";
    }
    m_capacity = qMax(16, connectionCount() - 16);
    m_capacityLoweredAt = t;
    evictIdlest(16);
    pauseAccepting();
    QTimer::singleShot(acceptRetryMs, this, [this] { resumeAccepting(); });
}

} // namespace Lectern::Server
