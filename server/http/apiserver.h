#pragma once

#include "router.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QThreadPool>

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
        int maxQueuedWork = 256; // worker requests waiting or running; more are answered 503
    };

    ApiServer(Router router, Authenticator authenticator, Options options,
              QObject *parent = nullptr);
    ~ApiServer() override;

    // The one place that binds sockets (Qt 6.8 replaces listen/bind: keep the move local).
    Result<quint16> start(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }
    const Router &router() const { return m_router; }

    // Requests currently being handled on the worker pool (for /metrics and tests).
    int pendingWork() const { return m_pending; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // An early answer (404, 405, 413, 415, 400) or nothing when the route should run.
    std::optional<ApiResponse> prepare(const QHttpServerRequest &request, ApiRequest &api,
                                       const Route *&route);
    ApiResponse run(const Route &route, ApiRequest &request);
    void send(QHttpServerResponder &responder, const ApiRequest &request, ApiResponse response,
              qint64 startedNs);

    Router m_router;
    Authenticator m_authenticator;
    Options m_options;
    QThreadPool m_pool;
    quint16 m_port = 0;
    int m_pending = 0;
};

} // namespace Lectern::Server
