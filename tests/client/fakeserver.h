#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <functional>

class QTcpSocket;

namespace Lectern::ClientTest {

// A tiny HTTP/1.1 server on 127.0.0.1 for client tests that must not depend on the real server:
// canned answers per "METHOD path", every request recorded. One request per connection.
class FakeServer : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QString path;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;

        QJsonObject json() const;
        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    };

    struct Response
    {
        int status = 200;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;

        static Response ok(const QJsonValue &data);
        static Response error(int status, const QString &code, const QString &message = {},
                              const QJsonObject &details = {});
        static Response raw(int status, const QByteArray &body, const QByteArray &contentType);
    };
    using Handler = std::function<Response(const Request &request)>;

    explicit FakeServer(QObject *parent = nullptr);
    ~FakeServer() override;

    bool listen(quint16 port = 0);
    void close();
    QUrl url() const;
    quint16 port() const { return m_server.serverPort(); }

    void on(const QByteArray &method, const QString &path, Handler handler);
    // Accept connections and read requests but never answer (for timeouts).
    void setSilent(bool silent) { m_silent = silent; }
    QList<Request> requests() const { return m_requests; }
    QList<Request> requests(const QString &path) const;
    void clearRequests() { m_requests.clear(); }

    // A port on 127.0.0.1 where nothing listens: connecting to it is refused.
    static quint16 refusedPort();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    QHash<QByteArray, Handler> m_handlers;
    QList<Request> m_requests;
    bool m_silent = false;
};

} // namespace Lectern::ClientTest
