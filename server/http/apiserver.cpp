#include "apiserver.h"

#include "core/clientaddress.h"
#include "core/logging.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QThread>
#include <algorithm>
#include <chrono>
#include <exception>

namespace Lectern::Server {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::ApiServer)
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

QString newRequestId(const QByteArray &incoming)
{
    // Keep a caller's id when it is sane, so a request can be followed across proxies.
    if (!incoming.isEmpty() && incoming.size() <= 64) {
        bool sane = true;
        for (char c : incoming)
            sane = sane && (std::isalnum(uchar(c)) || c == '-' || c == '_' || c == '.');
        if (sane)
            return QString::fromLatin1(incoming);
    }
    return QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0');
}

QString clientAddress(const QHttpServerRequest &request,
                      const QList<ClientAddress::Subnet> &trustedProxies)
{
    QByteArray forwardedFor;
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("x-forwarded-for", Qt::CaseInsensitive) == 0)
            forwardedFor += (forwardedFor.isEmpty() ? QByteArray() : QByteArray(",")) + value;
    }
    return ClientAddress::resolve(request.remoteAddress(), forwardedFor, trustedProxies).toString();
}

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A fileResponse() carries its file in this header between the route and send(); it never leaves
// the process (serialize() drops it). ApiResponse stays a plain value this way.
constexpr char fileBodyHeader[] = "X-Lectern-Internal-File";
constexpr char streamerProperty[] = "lecternFileStreamer";

struct FileBody
{
    QString path;
    qint64 offset = 0;
    qint64 length = 0;
};

std::optional<FileBody> fileBodyOf(const ApiResponse &response)
{
    for (const auto &[name, value] : response.headers) {
        if (name != fileBodyHeader)
            continue;
        const QList<QByteArray> parts = value.split(' ');
        if (parts.size() < 3)
            return std::nullopt;
        FileBody file;
        file.offset = parts[0].toLongLong();
        file.length = parts[1].toLongLong();
        file.path = QString::fromUtf8(value.mid(parts[0].size() + parts[1].size() + 2));
        return file;
    }
    return std::nullopt;
}

QByteArray reasonPhrase(int status)
{
    static const QHash<int, QByteArray> phrases = {
        {200, "OK"},
        {201, "Created"},
        {204, "No Content"},
        {206, "Partial Content"},
        {304, "Not Modified"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {408, "Request Timeout"},
        {409, "Conflict"},
        {411, "Length Required"},
        {413, "Payload Too Large"},
        {414, "URI Too Long"},
        {415, "Unsupported Media Type"},
        {416, "Range Not Satisfiable"},
        {422, "Unprocessable Entity"},
        {426, "Upgrade Required"},
        {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"},
        {500, "Internal Server Error"},
        {503, "Service Unavailable"},
    };
    return phrases.value(status, "Status");
}

// Writes a file range to a socket in pieces, topping the socket's write buffer up as it drains,
// so at most ~320 KiB of a download is in memory. Responses to requests that arrive meanwhile on
// the same connection wait behind it.
class FileStreamer : public QObject
{
public:
    static constexpr qint64 pieceBytes = 64 * 1024;
    static constexpr qint64 highWater = 256 * 1024;

    FileStreamer(QTcpSocket *socket, const FileBody &body)
        : QObject(socket)
        , m_socket(socket)
        , m_file(body.path)
        , m_left(body.length)
    {
        socket->setProperty(streamerProperty, QVariant::fromValue<QObject *>(this));
        if (!m_file.open(QIODevice::ReadOnly) || !m_file.seek(body.offset)) {
            qCWarning(lcHttp) << "cannot read" << body.path << m_file.errorString();
            socket->abort(); // the head promised bytes we cannot send
            return;
        }
        connect(socket, &QTcpSocket::bytesWritten, this, &FileStreamer::pump);
        pump();
    }

    static FileStreamer *of(QTcpSocket *socket)
    {
        return static_cast<FileStreamer *>(socket->property(streamerProperty).value<QObject *>());
    }

    void queue(const QByteArray &head, const std::optional<FileBody> &file)
    {
        m_queue.append({head, file});
    }

private:
    void pump()
    {
        while (m_left > 0 && m_socket->bytesToWrite() < highWater) {
            const QByteArray piece = m_file.read(qMin(pieceBytes, m_left));
            if (piece.isEmpty()) {
                qCWarning(lcHttp) << "short read from" << m_file.fileName();
                m_socket->abort();
                return;
            }
            m_socket->write(piece);
            m_left -= piece.size();
        }
        if (m_left > 0)
            return;
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->setProperty(streamerProperty, QVariant());
        const auto queued = std::exchange(m_queue, {});
        for (qsizetype i = 0; i < queued.size(); ++i) {
            if (FileStreamer *next = of(m_socket)) { // an earlier queued file is streaming
                next->m_queue.append(queued.mid(i));
                break;
            }
            m_socket->write(queued[i].first);
            if (queued[i].second)
                new FileStreamer(m_socket, *queued[i].second);
        }
        deleteLater();
    }

    QTcpSocket *m_socket;
    QFile m_file;
    qint64 m_left;
    QList<std::pair<QByteArray, std::optional<FileBody>>> m_queue;
};

bool isJsonContentType(const QByteArray &value)
{
    const QByteArray type = value.split(';').first().trimmed().toLower();
    return type == "application/json"
        || (type.startsWith("application/") && type.endsWith("+json"));
}
} // namespace

ApiServer::ApiServer(Router router, Authenticator authenticator, Options options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(std::move(router))
    , m_authenticator(std::move(authenticator))
    , m_options(options)
    , m_workQueue(options.maxQueuedWork)
{
    m_pool.setMaxThreadCount(qMax(1, options.workerThreads));
    // Threads keep their database connections: never let them expire.
    m_pool.setExpiryTimeout(-1);
    m_readPool.setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
    m_readPool.setExpiryTimeout(-1);
}

ApiServer::~ApiServer()
{
    m_pool.waitForDone();
    m_readPool.waitForDone();
}

Result<quint16> ApiServer::start(const QHostAddress &address, quint16 port)
{
    HttpListener::Limits limits = m_options.connections;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    limits.uncappedAddresses = m_options.trustedProxies;
    auto *tcp = new HttpListener(limits, this);
    for (const auto &[method, path, handler] : std::as_const(m_streamingRoutes))
        tcp->addTakeover(method, path.toUtf8(), handler);
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return fail(
            ErrorCode::Unavailable,
            Messages::tr("Cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(why));
    }
    bind(tcp);
    tcp->followParser();
    m_listener = tcp;
    m_port = tcp->serverPort();
    qCInfo(lcHttp).noquote()
        << "accepting up to" << tcp->capacity() << "connections"
        << (limits.maxConnectionsPerAddress > 0
                ? QStringLiteral("(%1 per address)").arg(limits.maxConnectionsPerAddress)
                : QStringLiteral("(no cap per address)"));
    return m_port;
}

void ApiServer::addStreamingRoute(const QByteArray &method, const QString &path,
                                  StreamHandler handler)
{
    m_streamingRoutes.append({method, path, std::move(handler)});
}

ApiResponse ApiServer::fileResponse(int status, const QByteArray &contentType, const QString &path,
                                    qint64 offset, qint64 length)
{
    ApiResponse response = ApiResponse::raw(status, contentType, QByteArray());
    response.withHeader(fileBodyHeader,
                        QByteArray::number(offset) + ' ' + QByteArray::number(length) + ' '
                            + path.toUtf8());
    return response;
}

QString ApiServer::requestIdFor(const QByteArray &incoming)
{
    return newRequestId(incoming);
}

qint64 ApiServer::monotonicNs()
{
    return nowNs();
}

QByteArray ApiServer::serialize(const ApiRequest &request, const ApiResponse &response,
                                bool closeConnection)
{
    QByteArray out = serializeHead(request, response, closeConnection);
    if (!fileBodyOf(response) && request.method != "HEAD")
        out += response.body;
    return out;
}

QByteArray ApiServer::serializeHead(const ApiRequest &request, const ApiResponse &response,
                                    bool closeConnection)
{
    const std::optional<FileBody> file = fileBodyOf(response);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonPhrase(response.status) + "\r\n";
    const auto header = [&out](const QByteArray &name, const QByteArray &value) {
        out += name + ": " + value + "\r\n";
    };
    header("Content-Type", response.contentType);
    header("X-Content-Type-Options", "nosniff");
    header("X-Frame-Options", "DENY");
    header("Content-Security-Policy", "default-src 'none'");
    header("Referrer-Policy", "no-referrer");
    // Nothing is kept by clients or proxies unless a route says otherwise (ResponseCache does).
    const bool ownCaching = std::any_of(response.headers.cbegin(), response.headers.cend(),
                                        [](const auto &h) { return h.first == "Cache-Control"; });
    if (!ownCaching)
        header("Cache-Control", "no-store");
    header("X-Request-Id", request.requestId.toLatin1());
    for (const auto &[name, value] : std::as_const(response.headers)) {
        if (name != fileBodyHeader)
            header(name, value);
    }
    if (closeConnection)
        header("Connection", "close");
    // A 304 has no body, and its Content-Length would have to be the full body's (RFC 9110 8.6).
    if (response.status != 304)
        header("Content-Length", QByteArray::number(file ? file->length : response.body.size()));
    out += "\r\n";
    return out;
}

void ApiServer::concealInternalError(const ApiRequest &request, ApiResponse &response)
{
    if (response.status != 500)
        return;
    const QJsonObject error
        = QJsonDocument::fromJson(response.body).object().value(u"error").toObject();
    Log::event(lcHttp(), QtCriticalMsg,
               QJsonObject {{QStringLiteral("message"), QStringLiteral("internal error")},
                            {QStringLiteral("requestId"), request.requestId},
                            {QStringLiteral("method"), QString::fromLatin1(request.method)},
                            {QStringLiteral("path"), request.path},
                            {QStringLiteral("code"), error.value(u"code")},
                            {QStringLiteral("error"), error.value(u"message")}});
    ApiResponse generic = ApiResponse::error(
        fail(ErrorCode::Internal,
             Messages::tr("Something went wrong on the server. It has been logged under the "
                          "request id %1.")
                 .arg(request.requestId),
             {{QStringLiteral("requestId"), request.requestId}}));
    response.body = generic.body;
    response.contentType = generic.contentType;
}

void ApiServer::logRequest(const ApiRequest &request, const ApiResponse &response, qint64 startedNs)
{
    const QtMsgType level = response.status >= 500 ? QtWarningMsg : QtInfoMsg;
    if (!lcHttp().isEnabled(level))
        return;
    const std::optional<FileBody> file = fileBodyOf(response);
    const double durationMs = startedNs > 0 ? double(nowNs() - startedNs) / 1e6 : 0.0;
    const qint64 bytes = file ? file->length : response.body.size();
    // Written by hand: one line per request, and a QJsonObject costs more than the request does.
    QByteArray members;
    members.reserve(256);
    members += "\"message\":\"request\",\"requestId\":";
    Log::appendJsonString(members, request.requestId);
    members += ",\"method\":";
    Log::appendJsonString(members, QString::fromLatin1(request.method));
    members += ",\"path\":";
    Log::appendJsonString(members, request.path);
    members += ",\"status\":" + QByteArray::number(response.status);
    members += ",\"durationMs\":" + QByteArray::number(durationMs, 'f', 3);
    members += ",\"bytes\":" + QByteArray::number(bytes);
    members += ",\"remote\":";
    Log::appendJsonString(members, request.address);
    if (request.caller) {
        members += ",\"userId\":";
        Log::appendJsonString(members, request.caller->userId);
    }
    Log::event(lcHttp(), level, members, [&] {
        QJsonObject fields {{QStringLiteral("message"), QStringLiteral("request")},
                            {QStringLiteral("requestId"), request.requestId},
                            {QStringLiteral("method"), QString::fromLatin1(request.method)},
                            {QStringLiteral("path"), request.path},
                            {QStringLiteral("status"), response.status},
                            {QStringLiteral("durationMs"), durationMs},
                            {QStringLiteral("bytes"), bytes},
                            {QStringLiteral("remote"), request.address}};
        if (request.caller)
            fields.insert(QStringLiteral("userId"), request.caller->userId);
        return fields;
    });
}

std::optional<ApiResponse> ApiServer::prepare(const QHttpServerRequest &request, ApiRequest &api,
                                              const Route *&route)
{
    api.method = methodName(request.method());
    api.path = request.url().path();
    api.query = request.query();
    for (const auto &[name, value] : request.headers())
        api.headers.insert(name.toLower(), value);
    api.body = request.body();
    api.address = clientAddress(request, m_options.trustedProxies);
    api.requestId = newRequestId(api.header("x-request-id"));

    if (api.body.size() > m_options.maxBodyBytes)
        return ApiResponse::error(fail(
            ErrorCode::PayloadTooLarge,
            Messages::tr("The request body is larger than %1 bytes.").arg(m_options.maxBodyBytes)));

    const Router::Match match = m_router.match(api.method, api.path);
    if (!match.route) {
        if (!match.allowedMethods.isEmpty()) {
            ApiResponse response
                = ApiResponse::error(fail(ErrorCode::MethodNotAllowed,
                                          Messages::tr("%1 is not allowed on this path.")
                                              .arg(QString::fromLatin1(api.method))));
            response.withHeader("Allow", match.allowedMethods.join(", "));
            return response;
        }
        return ApiResponse::error(
            fail(ErrorCode::NotFound, Messages::tr("There is nothing at this address.")));
    }
    route = match.route;
    api.params = match.params;

    const bool hasBody = api.method == "POST" || api.method == "PUT" || api.method == "PATCH";
    if (hasBody && !api.body.isEmpty()) {
        if (!isJsonContentType(api.header("content-type")))
            return ApiResponse::error(fail(ErrorCode::UnsupportedMediaType,
                                           Messages::tr("Send the body as application/json.")));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(api.body, &error);
        if (error.error != QJsonParseError::NoError)
            return ApiResponse::error(
                fail(ErrorCode::MalformedJson,
                     Messages::tr("The body is not valid JSON: %1 at offset %2.")
                         .arg(error.errorString())
                         .arg(error.offset),
                     {{QStringLiteral("offset"), error.offset}}));
        if (!doc.isObject())
            return ApiResponse::error(
                fail(ErrorCode::BadRequest, Messages::tr("The body must be a JSON object.")));
        api.json = doc.object();
    }
    return std::nullopt;
}

ApiResponse ApiServer::run(const Route &route, ApiRequest &request)
{
    const Log::RequestScope scope(request.requestId);
    try {
        if (route.access == Access::User) {
            const QByteArray authorization = request.header("authorization");
            auto caller = m_authenticator(authorization);
            if (!caller)
                return ApiResponse::error(caller.error());
            request.caller = *caller;
        }
        return route.handler(request);
    } catch (const std::exception &e) {
        qCCritical(lcHttp) << "unhandled exception in" << route.pattern << e.what();
    } catch (...) {
        qCCritical(lcHttp) << "unhandled exception in" << route.pattern;
    }
    return ApiResponse::error(
        fail(ErrorCode::Internal,
             Messages::tr("Something went wrong on the server. It has been logged.")));
}

std::optional<ApiResponse> ApiServer::probe(const Route &route, ApiRequest &request)
{
    const Log::RequestScope scope(request.requestId);
    try {
        if (route.access == Access::User) {
            auto caller = m_authenticator(request.header("authorization"));
            if (!caller)
                return ApiResponse::error(caller.error());
            request.caller = *caller;
        }
        return route.probe(request);
    } catch (const std::exception &e) {
        qCCritical(lcHttp) << "unhandled exception in the probe of" << route.pattern << e.what();
    } catch (...) {
        qCCritical(lcHttp) << "unhandled exception in the probe of" << route.pattern;
    }
    return std::nullopt; // the handler runs, and answers
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const qint64 startedNs = nowNs();

    if (HttpListener::wasRefused(socket))
        return true; // the listener answered already and is closing the connection
    HttpListener::requestStarted(socket); // until send() answers it

    // Qt 6.4 calls this for a WebSocket handshake before its own WebSocket server sees it, with
    // the request still uncommitted in the socket's read transaction (it rolls it back to hand
    // the bytes over), and hands the socket over only when this returns true — so accept without
    // writing anything, or decline (missingHandler answers 404) for paths without a WebSocket.
    if (socket->isTransactionStarted()
        && request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
        const QString path = request.url().path();
        if (request.method() != QHttpServerRequest::Method::Get || !m_webSocketPaths.contains(path))
            return false;
        HttpListener::markUpgraded(socket);
        ApiRequest api;
        api.method = "GET";
        api.path = path;
        api.requestId = newRequestId(request.value("x-request-id"));
        api.address = clientAddress(request, m_options.trustedProxies);
        logRequest(api, ApiResponse::raw(101, QByteArray(), QByteArray()), startedNs);
        return true;
    }

    auto api = std::make_shared<ApiRequest>();
    const Route *route = nullptr;
    if (auto early = prepare(request, *api, route)) {
        auto responder = makeResponder(request, socket);
        send(responder, *api, std::move(*early), startedNs);
        return true;
    }

    if (route->run == Run::Inline) {
        auto responder = makeResponder(request, socket);
        send(responder, *api, run(*route, *api), startedNs);
        return true;
    }

    // A read whose answer is ready costs less than the trip to the pool and back.
    if (route->run == Run::Read && route->probe) {
        if (std::optional<ApiResponse> ready = probe(*route, *api)) {
            auto responder = makeResponder(request, socket);
            send(responder, *api, std::move(*ready), startedNs);
            return true;
        }
    }

    // Slow work queues for the worker pool; past a bound, say "later" instead of queueing forever
    // (a flood of logins would otherwise hold memory and answer everyone late).
    const auto later = [](const char *code, const QString &message) {
        ApiResponse response = ApiResponse::error(fail(code, message));
        response.withHeader("Retry-After", "1");
        return response;
    };
    const auto tooMany = [later] {
        return later(ErrorCode::TooManyRequests,
                     Messages::tr("Too many requests from your address are waiting. Try again in "
                                  "a moment."));
    };
    const auto busy = [later] {
        return later(ErrorCode::Unavailable,
                     Messages::tr("The server is busy. Try again in a moment."));
    };
    const bool read = route->run == Run::Read;
    if (read && m_pendingReads >= m_options.maxQueuedWork) {
        auto responder = makeResponder(request, socket);
        send(responder, *api, busy(), startedNs);
        return true;
    }

    // Worker: the responder travels with the work and comes back to this thread to write.
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QPointer<QTcpSocket> guard(socket);
    auto work = [this, route, api, responder, guard, startedNs, read] {
        ApiResponse response = run(*route, *api);
        QMetaObject::invokeMethod(
            this,
            [this, api, responder, guard, startedNs, read,
             response = std::move(response)]() mutable {
                --(read ? m_pendingReads : m_pending);
                if (guard)
                    send(*responder, *api, std::move(response), startedNs);
            },
            Qt::QueuedConnection);
    };
    if (read) {
        ++m_pendingReads;
        m_readPool.start(std::move(work));
        return true;
    }

    // Writes and password checks take turns per client address (FairQueue): one address's flood
    // waits behind everyone else instead of filling the queue for them.
    const auto refuse = [this, api, responder, guard, startedNs](ApiResponse response) {
        if (guard)
            send(*responder, *api, std::move(response), startedNs);
    };
    FairQueue::Admission admission = m_workQueue.push(
        {ClientAddress::limitKey(api->address), std::move(work), [refuse, tooMany] {
             refuse(tooMany());
         }});
    if (admission.refusal != FairQueue::Refusal::None) {
        refuse(admission.refusal == FairQueue::Refusal::OwnShare ? tooMany() : busy());
        return true;
    }
    if (admission.evicted) {
        --m_pending;
        admission.evicted->refuse();
    }
    ++m_pending;
    m_pool.start([this] {
        // One take per push: this runs whichever job's turn it is (or none, for an evicted one).
        if (std::optional<FairQueue::Job> job = m_workQueue.take())
            job->run();
    });
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Reached only for requests handleRequest declined (WebSocket upgrades to unknown paths).
    ApiRequest api;
    api.method = methodName(request.method());
    api.path = request.url().path();
    api.requestId = newRequestId({});
    auto responder = makeResponder(request, socket);
    send(responder, api,
         ApiResponse::error(
             fail(ErrorCode::NotFound, Messages::tr("There is nothing at this address."))),
         0);
}

void ApiServer::send(QHttpServerResponder &responder, const ApiRequest &request,
                     ApiResponse response, qint64 startedNs)
{
    // Written as raw bytes (serialize()) so that uploads, which bypass Qt's parser, answer with
    // exactly the same head; a download's bytes follow the head in pieces (FileStreamer).
    QTcpSocket *socket = responder.socket();
    concealInternalError(request, response);
    std::optional<FileBody> file = fileBodyOf(response);
    if (request.method == "HEAD")
        file.reset();
    if (FileStreamer *busy = FileStreamer::of(socket)) {
        busy->queue(serialize(request, response), file);
    } else if (file || request.method == "HEAD") {
        socket->write(serializeHead(request, response));
        if (file)
            new FileStreamer(socket, *file);
    } else if (response.body.size() >= 64 * 1024) {
        // Head and body apart: the socket's buffer shares a large body's bytes (a cached outline
        // is 276 KB) instead of copying them into one array first.
        socket->write(serializeHead(request, response));
        socket->write(response.body);
    } else {
        socket->write(serialize(request, response)); // one piece: one write to the network
    }
    HttpListener::requestAnswered(socket);
    logRequest(request, response, startedNs);
}

} // namespace Lectern::Server
