#include "eventhub.h"

#include <QAbstractHttpServer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QWebSocket>

Q_DECLARE_LOGGING_CATEGORY(lcEvents)

namespace Lectern::Server {

namespace {
// How long a closing connection may take to answer our close frame before it is cut.
constexpr int closeGraceMs = 2000;

QString typeOf(const QJsonObject &message)
{
    return message.value(u"type").toString();
}
} // namespace

struct EventHub::Connection
{
    QWebSocket *socket = nullptr;
    bool authenticated = false;
    bool closing = false;
    bool pending = false; // a "changes" waits for the coalescing window to pass
    Caller caller;
    QSet<QString> courses;
    QTimer authTimer;
    QTimer flushTimer;
    QElapsedTimer sinceSent;
};

EventHub::EventHub(Authenticator authenticator, CourseCheck courseCheck, LatestSeq latestSeq,
                   Options options, QObject *parent)
    : QObject(parent)
    , m_authenticator(std::move(authenticator))
    , m_courseCheck(std::move(courseCheck))
    , m_latestSeq(std::move(latestSeq))
    , m_options(options)
{ }

EventHub::~EventHub()
{
    // Before the HTTP server that accepted them goes: their TCP sockets are its children.
    auto connections = std::exchange(m_connections, {});
    for (auto &[socket, connection] : connections) {
        socket->disconnect(this);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway);
        delete socket;
    }
}

void EventHub::attach(QAbstractHttpServer *server)
{
    m_server = server;
    connect(server, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (m_server->hasPendingWebSocketConnections()) {
            if (std::unique_ptr<QWebSocket> socket = m_server->nextPendingWebSocketConnection())
                accept(socket.release());
        }
    });
}

void EventHub::accept(QWebSocket *socket)
{
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxMessageBytes));
    socket->setMaxAllowedIncomingFrameSize(quint64(m_options.maxMessageBytes));
    auto owned = std::make_shared<Connection>();
    Connection &connection = *owned;
    connection.socket = socket;
    m_connections.emplace(socket, std::move(owned));

    connection.authTimer.setSingleShot(true);
    connection.authTimer.setInterval(m_options.authTimeoutMs);
    connect(&connection.authTimer, &QTimer::timeout, this, [this, &connection] {
        close(connection, closeUnauthorized, QStringLiteral("authentication timed out"));
    });
    connection.authTimer.start();
    connection.flushTimer.setSingleShot(true);
    connect(&connection.flushTimer, &QTimer::timeout, this,
            [this, &connection] { flush(connection); });

    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, &connection](const QString &text) { received(connection, text); });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, &connection] {
        sendError(connection, "bad_request", QStringLiteral("Send JSON text messages."));
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { drop(socket); });
    if (socket->state() != QAbstractSocket::ConnectedState)
        drop(socket);
}

void EventHub::received(Connection &connection, const QString &text)
{
    if (connection.closing)
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    const QJsonObject message = doc.object();
    const QString type = typeOf(message);
    if (!connection.authenticated) {
        // The first message must be the token; anything else ends the connection.
        if (error.error != QJsonParseError::NoError || type != u"auth") {
            close(connection, closeUnauthorized, QStringLiteral("authenticate first"));
            return;
        }
        authenticate(connection, message);
        return;
    }
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        sendError(connection, "bad_request", QStringLiteral("Messages are JSON objects."));
        return;
    }
    if (type == u"ping")
        send(connection, QJsonObject {{QStringLiteral("type"), QStringLiteral("pong")}});
    else if (type == u"subscribe")
        subscribe(connection, message);
    else if (type == u"auth")
        sendError(connection, "bad_request", QStringLiteral("Already authenticated."));
    else
        sendError(connection, "bad_request",
                  QStringLiteral("Unknown message type \"%1\".").arg(type.left(64)));
}

void EventHub::authenticate(Connection &connection, const QJsonObject &message)
{
    const QString token = message.value(u"token").toString();
    if (token.isEmpty()) {
        close(connection, closeUnauthorized, QStringLiteral("no token"));
        return;
    }
    auto caller = m_authenticator("Bearer " + token.toUtf8());
    if (!caller) {
        close(connection, closeUnauthorized, caller.error().code);
        return;
    }
    if (m_perUser.value(caller->userId) >= m_options.maxConnectionsPerUser) {
        close(connection, closeTooManyConnections, QStringLiteral("too many connections"));
        return;
    }
    auto latest = m_latestSeq(caller->orgId);
    if (!latest) {
        qCWarning(lcEvents).noquote() << "cannot read the latest change:" << latest.error().message;
        close(connection, QWebSocketProtocol::CloseCodeBadOperation,
              QStringLiteral("internal error"));
        return;
    }
    ++m_perUser[caller->userId];
    connection.authTimer.stop();
    connection.authenticated = true;
    connection.caller = *caller;
    m_byOrg.insert(caller->orgId, &connection);
    qint64 &known = m_latest[caller->orgId];
    known = qMax(known, *latest);
    send(connection,
         QJsonObject {{QStringLiteral("type"), QStringLiteral("ready")},
                      {QStringLiteral("seq"), known}});
}

void EventHub::subscribe(Connection &connection, const QJsonObject &message)
{
    const QJsonValue course = message.value(u"course");
    if (!course.isString() || course.toString().isEmpty() || course.toString().size() > 64) {
        sendError(connection, "bad_request", QStringLiteral("Name the course by its id."));
        return;
    }
    const QString id = course.toString();
    auto allowed = m_courseCheck(connection.caller, id);
    if (!allowed) {
        qCWarning(lcEvents).noquote() << "cannot check course access:" << allowed.error().message;
        sendError(connection, "internal_error",
                  QStringLiteral("Something went wrong on the server. It has been logged."));
        return;
    }
    if (!*allowed) {
        sendError(connection, "not_found", QStringLiteral("There is no such course."));
        return;
    }
    connection.courses.insert(id);
    send(connection,
         QJsonObject {{QStringLiteral("type"), QStringLiteral("subscribed")},
                      {QStringLiteral("course"), id}});
}

void EventHub::publish(const QString &orgId, qint64 seq)
{
    qint64 &known = m_latest[orgId];
    known = qMax(known, seq);
    const auto connections = m_byOrg.values(orgId);
    for (Connection *connection : connections)
        deliver(*connection);
}

void EventHub::publishRemote(const QString &orgId, qint64 seq)
{
    if (seq <= m_latest.value(orgId))
        return; // told already (our own change, echoed by the database)
    publish(orgId, seq);
}

void EventHub::deliver(Connection &connection)
{
    connection.pending = true;
    if (connection.flushTimer.isActive())
        return; // the burst's message is on its way, and will carry the newest seq
    const qint64 since = connection.sinceSent.isValid() ? connection.sinceSent.elapsed()
                                                        : qint64(m_options.coalesceMs);
    if (since >= m_options.coalesceMs)
        flush(connection);
    else
        connection.flushTimer.start(int(m_options.coalesceMs - since));
}

void EventHub::flush(Connection &connection)
{
    if (!connection.pending || connection.closing)
        return;
    connection.pending = false;
    connection.sinceSent.start();
    send(connection,
         QJsonObject {{QStringLiteral("type"), QStringLiteral("changes")},
                      {QStringLiteral("seq"), m_latest.value(connection.caller.orgId)}});
}

void EventHub::send(Connection &connection, const QJsonObject &message)
{
    connection.socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void EventHub::sendError(Connection &connection, const char *code, const QString &message)
{
    send(connection,
         QJsonObject {{QStringLiteral("type"), QStringLiteral("error")},
                      {QStringLiteral("code"), QString::fromLatin1(code)},
                      {QStringLiteral("message"), message}});
}

void EventHub::close(Connection &connection, int code, const QString &reason)
{
    if (connection.closing)
        return;
    connection.closing = true;
    connection.authTimer.stop();
    connection.flushTimer.stop();
    QWebSocket *socket = connection.socket;
    socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
    // A peer that never answers the close frame is cut off (disconnected() then drops it).
    QTimer::singleShot(closeGraceMs, socket, [socket] { socket->abort(); });
}

void EventHub::drop(QWebSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    std::shared_ptr<Connection> connection = std::move(it->second);
    m_connections.erase(it);
    if (connection->authenticated) {
        m_byOrg.remove(connection->caller.orgId, connection.get());
        if (--m_perUser[connection->caller.userId] <= 0)
            m_perUser.remove(connection->caller.userId);
    }
    socket->disconnect(this);
    socket->deleteLater();
    connection->authTimer.stop();
    connection->flushTimer.stop();
    // Freed later: this may run inside one of the connection's own timers' signals.
    QMetaObject::invokeMethod(
        this, [connection] {}, Qt::QueuedConnection);
}

} // namespace Lectern::Server
