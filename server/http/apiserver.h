#pragma once

#include "fairqueue.h"
#include "httplistener.h"
#include "router.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSet>
#include <QThreadPool>

class QTcpSocket;

namespace Lectern::Server {

// The HTTP front: parses every request the same way (limits, content type, JSON, auth), runs the
// matched route inline or on the worker pool, and writes every response through one function that
// adds the security headers and logs the request as one JSON line.
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Authenticator = std::function<Result<Caller>(const QByteArray &authorization)>;

    struct Options
    {
        qint64 maxBodyBytes = 1024 * 1024;
        int workerThreads = 2;
        int maxQueuedWork = 256; // worker requests waiting; more are answered 503 (or 429)
        // Reverse proxies whose X-Forwarded-For is believed (ClientAddress).
        QList<std::pair<QHostAddress, int>> trustedProxies;
        // Timeouts and connection caps (its maxBodyBytes is this struct's).
        HttpListener::Limits connections;
    };

    ApiServer(Router router, Authenticator authenticator, Options options,
              QObject *parent = nullptr);
    ~ApiServer() override;

    // Requests Qt's parser must not see (it would buffer their whole body in memory): the
    // listener hands the socket, with the request still unread, to `handler` as soon as the head
    // of a `method path` request has arrived; the handler answers it itself (uploads). Call before
    // start().
    using StreamHandler = std::function<void(QTcpSocket *socket)>;
    void addStreamingRoute(const QByteArray &method, const QString &path, StreamHandler handler);
    const Authenticator &authenticator() const { return m_authenticator; }

    // A path whose WebSocket handshakes (GET with Upgrade: websocket) go to Qt's WebSocket
    // server; take them with nextPendingWebSocketConnection() on newWebSocketConnection().
    // Register a route on the path too: it answers requests that are not upgrades (426).
    void addWebSocketPath(const QString &path) { m_webSocketPaths.insert(path); }

    // A response whose body is `length` bytes of the file at `path` from `offset`: written in
    // pieces as the socket drains, so a download never sits in memory. The route sets the status
    // and headers as usual.
    static ApiResponse fileResponse(int status, const QByteArray &contentType, const QString &path,
                                    qint64 offset, qint64 length);
    // The raw HTTP/1.1 bytes of `response` with every header an answer carries (security
    // headers, request id, Content-Length): send() and the streaming routes both write these.
    // For a fileResponse() only the head is returned.
    static QByteArray serialize(const ApiRequest &request, const ApiResponse &response,
                                bool closeConnection = false);
    // A 500 tells the client only that something went wrong and the request id: the error's own
    // words (SQL, internal names) go to the log under that id. send() and the streaming routes
    // call it on every answer.
    static void concealInternalError(const ApiRequest &request, ApiResponse &response);
    // One structured log line per request.
    static void logRequest(const ApiRequest &request, const ApiResponse &response,
                           qint64 startedNs);
    static QString requestIdFor(const QByteArray &incoming);
    static qint64 monotonicNs();

    // The one place that binds sockets (Qt 6.8 replaces listen/bind: keep the move local).
    Result<quint16> start(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }
    const Router &router() const { return m_router; }

    // Requests currently being handled on the worker pool (for /metrics and tests).
    int pendingWork() const { return m_pending; }
    // The listening socket, once started.
    const HttpListener *listener() const { return m_listener; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // An early answer (404, 405, 413, 415, 400) or nothing when the route should run.
    std::optional<ApiResponse> prepare(const QHttpServerRequest &request, ApiRequest &api,
                                       const Route *&route);
    ApiResponse run(const Route &route, ApiRequest &request);
    // serialize() without the body.
    static QByteArray serializeHead(const ApiRequest &request, const ApiResponse &response,
                                    bool closeConnection = false);
    // Authenticates and asks the route's probe for a ready answer (Run::Read).
    std::optional<ApiResponse> probe(const Route &route, ApiRequest &request);
    void send(QHttpServerResponder &responder, const ApiRequest &request, ApiResponse response,
              qint64 startedNs);

    Router m_router;
    QList<std::tuple<QByteArray, QString, StreamHandler>> m_streamingRoutes;
    QSet<QString> m_webSocketPaths;
    Authenticator m_authenticator;
    Options m_options;
    QThreadPool m_pool;
    FairQueue m_workQueue;  // what waits for m_pool
    QThreadPool m_readPool; // Run::Read
    HttpListener *m_listener = nullptr;
    quint16 m_port = 0;
    int m_pending = 0;
    int m_pendingReads = 0;
};

} // namespace Lectern::Server
