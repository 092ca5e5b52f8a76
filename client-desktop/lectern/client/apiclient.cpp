#include "apiclient.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <algorithm>
#include <lectern/jsonutil.h>

namespace Lectern::Client {

namespace {

const char cancelledProperty[] = "_lectern_cancelled";

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::ApiClient)
};

// Retry-After is either delta-seconds or an HTTP date (RFC 9110, section 10.2.3).
std::optional<qint64> parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return std::max<qint64>(0, seconds);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    if (when.isValid())
        return std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when));
    return std::nullopt;
}

QString codeForStatus(int status)
{
    switch (status) {
    case 400:
        return QString::fromLatin1(ErrorCode::BadRequest);
    case 401:
        return QString::fromLatin1(ErrorCode::Unauthorized);
    case 403:
        return QString::fromLatin1(ErrorCode::Forbidden);
    case 404:
        return QString::fromLatin1(ErrorCode::NotFound);
    case 405:
        return QString::fromLatin1(ErrorCode::MethodNotAllowed);
    case 409:
        return QString::fromLatin1(ErrorCode::Conflict);
    case 413:
        return QString::fromLatin1(ErrorCode::PayloadTooLarge);
    case 415:
        return QString::fromLatin1(ErrorCode::UnsupportedMediaType);
    case 422:
        return QString::fromLatin1(ErrorCode::ValidationFailed);
    case 429:
        return QString::fromLatin1(ErrorCode::TooManyRequests);
    case 502:
    case 503:
    case 504:
        return QString::fromLatin1(ErrorCode::Unavailable);
    default:
        break;
    }
    return status >= 500 ? QString::fromLatin1(ErrorCode::Internal)
                         : QString::fromLatin1(ClientErrorCode::InvalidResponse);
}

} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // A redirect to another host could hand the bearer token to someone else.
    m_network->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = normalizedServerUrl(url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment));
}

QUrl ApiClient::urlFor(const QString &path) const
{
    // A query ("/api/v1/sync/pull?cursor=3") stays a query, not an escaped part of the path.
    const qsizetype queryStart = path.indexOf(u'?');
    const QString pathOnly = queryStart < 0 ? path : path.first(queryStart);
    QUrl url = m_baseUrl;
    QString fullPath = url.path();
    if (fullPath.endsWith(u'/'))
        fullPath.chop(1);
    fullPath += pathOnly.startsWith(u'/') ? pathOnly : u'/' + pathOnly;
    url.setPath(fullPath);
    if (queryStart >= 0)
        url.setQuery(path.mid(queryStart + 1));
    return url;
}

QNetworkReply *ApiClient::get(const QString &path, QObject *context, Callback callback,
                              const Options &options)
{
    return send(QByteArrayLiteral("GET"), path, {}, context, std::move(callback), options);
}

QNetworkReply *ApiClient::post(const QString &path, const QJsonObject &body, QObject *context,
                               Callback callback, const Options &options)
{
    return send(QByteArrayLiteral("POST"), path, Json::toBytes(body), context, std::move(callback),
                options);
}

QNetworkReply *ApiClient::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                               QObject *context, Callback callback, const Options &options)
{
    QNetworkRequest request(urlFor(path));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (!body.isEmpty() || verb == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    if (options.withToken && !m_accessToken.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + m_accessToken.toUtf8());
    request.setTransferTimeout(options.timeoutMs > 0 ? options.timeoutMs : m_timeoutMs);

    qCDebug(lcApi) << verb.constData() << request.url().toDisplayString();
    QNetworkReply *reply = verb == "GET" ? m_network->get(request)
                                         : m_network->sendCustomRequest(request, verb, body);
    connect(reply, &QNetworkReply::finished, context,
            [this, reply, callback = std::move(callback), options] {
                finish(reply, callback, options);
            });
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    return reply;
}

QNetworkReply *ApiClient::sendRaw(const QByteArray &verb, const QString &path,
                                  const QList<std::pair<QByteArray, QByteArray>> &headers,
                                  QIODevice *body, int timeoutMs)
{
    QNetworkRequest request(urlFor(path));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (!m_accessToken.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + m_accessToken.toUtf8());
    request.setTransferTimeout(timeoutMs > 0 ? timeoutMs : m_timeoutMs);
    qCDebug(lcApi) << verb.constData() << request.url().toDisplayString();
    QNetworkReply *reply = verb == "GET" ? m_network->get(request)
                                         : m_network->sendCustomRequest(request, verb, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
            Q_EMIT serverAnswered();
        else if (!reply->property(cancelledProperty).toBool())
            Q_EMIT networkErrorOccurred();
    });
    return reply;
}

void ApiClient::cancel(QNetworkReply *reply)
{
    if (!reply)
        return;
    reply->setProperty(cancelledProperty, true);
    reply->abort();
}

void ApiClient::finish(QNetworkReply *reply, const Callback &callback, const Options &options)
{
    if (reply->property(cancelledProperty).toBool())
        return;

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        // No HTTP answer: refused, unknown host, timed out (6.4 reports a transfer timeout as
        // OperationCanceledError), TLS failure, ...
        qCInfo(lcApi) << "no answer from" << reply->url().toDisplayString() << reply->error()
                      << reply->errorString();
        if (options.reportNetworkErrors)
            Q_EMIT networkErrorOccurred();
        if (callback)
            callback(networkError(m_baseUrl, reply->errorString()));
        return;
    }

    Q_EMIT serverAnswered();
    Result<QJsonValue> result = parseResponse(status.toInt(), reply->readAll(),
                                              reply->rawHeader(QByteArrayLiteral("Retry-After")));
    if (!result)
        qCDebug(lcApi) << reply->url().toDisplayString() << "->" << status.toInt()
                       << result.error().code;
    if (callback)
        callback(result);
}

Result<QJsonValue> ApiClient::parseResponse(int httpStatus, const QByteArray &body,
                                            const QByteArray &retryAfter)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject envelope = document.object();
    const bool isEnvelope = parseError.error == QJsonParseError::NoError && document.isObject()
        && envelope.value(u"ok").isBool();

    Error error;
    if (isEnvelope && envelope.value(u"ok").toBool()) {
        if (httpStatus >= 200 && httpStatus < 300)
            return envelope.value(u"data");
        error = Error(QString::fromLatin1(ClientErrorCode::InvalidResponse),
                      Tr::tr("The server gave an answer that Lectern does not understand."));
    } else if (isEnvelope) {
        const QJsonObject json = envelope.value(u"error").toObject();
        error = Error(json.value(u"code").toString(), json.value(u"message").toString(),
                      json.value(u"details").toObject());
        if (error.code.isEmpty())
            error.code = codeForStatus(httpStatus);
    } else if (httpStatus >= 200 && httpStatus < 300) {
        error = Error(QString::fromLatin1(ClientErrorCode::InvalidResponse),
                      Tr::tr("The server gave an answer that Lectern does not understand."));
    } else {
        // Not our envelope: a proxy, a load balancer or something else entirely answered.
        error = Error(codeForStatus(httpStatus),
                      Tr::tr("The server answered with HTTP status %1.").arg(httpStatus));
    }

    if (httpStatus == 429) {
        error.code = QString::fromLatin1(ErrorCode::TooManyRequests);
        if (const auto seconds = parseRetryAfter(retryAfter))
            error.details.insert(QStringLiteral("retryAfter"), *seconds);
    }
    error.details.insert(QStringLiteral("httpStatus"), httpStatus);
    return error;
}

Error ApiClient::networkError(const QUrl &url, const QString &reason)
{
    return Error(QString::fromLatin1(ClientErrorCode::NetworkUnreachable),
                 Tr::tr("Cannot reach the server at %1.").arg(url.toDisplayString()),
                 {{QStringLiteral("reason"), reason}});
}

QUrl ApiClient::normalizedServerUrl(const QUrl &url)
{
    QUrl normalized = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    QString path = normalized.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    normalized.setPath(path);
    return normalized;
}

QUrl ApiClient::serverUrlFromUserInput(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(u' '))
        return {};
    // "localhost:8080" would read as scheme "localhost": without "://" it is plain HTTP.
    const QUrl url = QUrl::fromUserInput(
        trimmed.contains(QStringLiteral("://")) ? trimmed : QStringLiteral("http://") + trimmed);
    static const QRegularExpression hostPattern(QStringLiteral("^[A-Za-z0-9.:\\-]+$"));
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
        || !hostPattern.match(url.host(QUrl::FullyEncoded)).hasMatch() || url.hasQuery()
        || url.hasFragment() || !url.userInfo().isEmpty())
        return {};
    return normalizedServerUrl(url);
}

} // namespace Lectern::Client
