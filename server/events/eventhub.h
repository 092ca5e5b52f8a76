#pragma once

#include "services/caller.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>
#include <lectern/result.h>
#include <memory>
#include <unordered_map>

class QAbstractHttpServer;
class QWebSocket;

namespace Lectern::Server {

// The live event channel (docs/architecture.md, "The sync model"): owns every connection upgraded
// on GET /api/v1/ws, authenticates it with its first message, answers ping and subscribe, and tells
// the connections of an organisation that a change was committed there ({"type":"changes"}),
// coalescing bursts. Lives on the server's thread; publish() there.
class EventHub : public QObject
{
    Q_OBJECT

public:
    // Close codes beyond RFC 6455's (4000-4999 are the application's).
    static constexpr int closeUnauthorized = 4401;
    static constexpr int closeTooManyConnections = 4429;

    struct Options
    {
        int maxConnectionsPerUser = 20;
        qint64 maxMessageBytes = 64 * 1024;
        int authTimeoutMs = 5000;
        int coalesceMs = 20; // at most one "changes" per connection this often
    };
    // The caller behind an "Authorization" header value, as HTTP requests are checked.
    using Authenticator = std::function<Result<Caller>(const QByteArray &authorization)>;
    // Whether the caller may see the course.
    using CourseCheck = std::function<Result<bool>(const Caller &caller, const QString &courseId)>;
    // The newest change seq of an organisation.
    using LatestSeq = std::function<Result<qint64>(const QString &orgId)>;

    EventHub(Authenticator authenticator, CourseCheck courseCheck, LatestSeq latestSeq,
             Options options, QObject *parent = nullptr);
    // Closes every connection ("going away").
    ~EventHub() override;

    // Takes the WebSocket connections `server` upgrades from now on.
    void attach(QAbstractHttpServer *server);

    // A change committed in this process: always delivered.
    void publish(const QString &orgId, qint64 seq);
    // A change another process announced (or this one, echoed by the database): delivered when
    // newer than what the organisation's connections were last told.
    void publishRemote(const QString &orgId, qint64 seq);

    int connectionCount() const { return int(m_connections.size()); }

private:
    struct Connection;

    void accept(QWebSocket *socket);
    void received(Connection &connection, const QString &text);
    void authenticate(Connection &connection, const QJsonObject &message);
    void subscribe(Connection &connection, const QJsonObject &message);
    void deliver(Connection &connection);
    void flush(Connection &connection);
    void send(Connection &connection, const QJsonObject &message);
    void sendError(Connection &connection, const char *code, const QString &message);
    void close(Connection &connection, int code, const QString &reason);
    void drop(QWebSocket *socket);

    Authenticator m_authenticator;
    CourseCheck m_courseCheck;
    LatestSeq m_latestSeq;
    Options m_options;
    QAbstractHttpServer *m_server = nullptr;
    std::unordered_map<QWebSocket *, std::shared_ptr<Connection>> m_connections;
    QMultiHash<QString, Connection *> m_byOrg; // authenticated connections
    QHash<QString, int> m_perUser;             // authenticated connections per user id
    QHash<QString, qint64> m_latest;           // newest seq told per organisation
};

} // namespace Lectern::Server
