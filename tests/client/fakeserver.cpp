#include "fakeserver.h"

#include <QJsonDocument>
#include <QTcpSocket>

namespace Lectern::ClientTest {

namespace {
const char bufferProperty[] = "_fake_buffer";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}
} // namespace

QJsonObject FakeServer::Request::json() const
{
    return QJsonDocument::fromJson(body).object();
}

FakeServer::Response FakeServer::Response::ok(const QJsonValue &data)
{
    const QJsonObject envelope {{QStringLiteral("ok"), true}, {QStringLiteral("data"), data}};
    return raw(200, QJsonDocument(envelope).toJson(QJsonDocument::Compact), "application/json");
}

FakeServer::Response FakeServer::Response::error(int status, const QString &code,
                                                 const QString &message, const QJsonObject &details)
{
    QJsonObject error {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!details.isEmpty())
        error.insert(QStringLiteral("details"), details);
    const QJsonObject envelope {{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}};
    return raw(status, QJsonDocument(envelope).toJson(QJsonDocument::Compact), "application/json");
}

FakeServer::Response FakeServer::Response::raw(int status, const QByteArray &body,
                                               const QByteArray &contentType)
{
    Response response;
    response.status = status;
    response.body = body;
    response.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return response;
}

FakeServer::FakeServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeServer::onNewConnection);
}

FakeServer::~FakeServer() = default;

bool FakeServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

void FakeServer::close()
{
    m_server.close();
    for (QTcpSocket *socket : findChildren<QTcpSocket *>())
        socket->abort();
}

QUrl FakeServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    return url;
}

void FakeServer::on(const QByteArray &method, const QString &path, Handler handler)
{
    m_handlers.insert(method + ' ' + path.toUtf8(), std::move(handler));
}

QList<FakeServer::Request> FakeServer::requests(const QString &path) const
{
    QList<Request> matching;
    for (const Request &request : m_requests) {
        if (request.path == path)
            matching.append(request);
    }
    return matching;
}

quint16 FakeServer::refusedPort()
{
    // Bind a free port, then release it: nothing listens there right after.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

void FakeServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property(bufferProperty).toByteArray() + socket->readAll();
    socket->setProperty(bufferProperty, buffer);
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;

    Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = QString::fromUtf8(requestLine.value(1)).section(u'?', 0, 0);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return;
    request.body = buffer.mid(headerEnd + 4, length);
    socket->setProperty(bufferProperty, QByteArray());
    m_requests.append(request);
    if (m_silent)
        return;

    const Handler handler = m_handlers.value(request.method + ' ' + request.path.toUtf8());
    const Response response = handler
        ? handler(request)
        : Response::error(404, QStringLiteral("not_found"), QStringLiteral("No such route"));

    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += response.body;
    socket->write(out);
    socket->disconnectFromHost();
}

} // namespace Lectern::ClientTest
