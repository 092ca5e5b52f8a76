#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QUrl>
#include <functional>
#include <lectern/result.h>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;

namespace Lectern::Client {

// Error codes the client makes itself, next to the server's (lectern/result.h).
namespace ClientErrorCode {
inline constexpr auto NetworkUnreachable = "network_unreachable"; // no HTTP answer at all
inline constexpr auto InvalidResponse = "invalid_response";       // an answer that is not our JSON
inline constexpr auto InvalidUrl = "invalid_url";                 // the server address itself
} // namespace ClientErrorCode

// Talks JSON to a Lectern server: builds requests under one base URL, adds the bearer token, and
// turns every answer into a Result: the envelope's `data` on success, its `error` otherwise, and
// `network_unreachable` when no HTTP answer came back (refused, host not found, timeout).
// Everything is asynchronous; callbacks run on the thread of their context object and are dropped
// when that object is gone.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const Result<QJsonValue> &)>;

    struct Options
    {
        int timeoutMs = 0;               // 0: the client's transfer timeout
        bool withToken = true;           // send `Authorization: Bearer` when a token is set
        bool reportNetworkErrors = true; // emit networkErrorOccurred() when it fails to connect
    };

    static constexpr int defaultTimeoutMs = 15000;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url);
    QString accessToken() const { return m_accessToken; }
    void setAccessToken(const QString &token) { m_accessToken = token; }
    int timeout() const { return m_timeoutMs; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    // `path` is relative to the base URL, e.g. "/api/v1/auth/me" or "/healthz".
    QNetworkReply *get(const QString &path, QObject *context, Callback callback,
                       const Options &options);
    QNetworkReply *get(const QString &path, QObject *context, Callback callback)
    {
        return get(path, context, std::move(callback), Options());
    }
    QNetworkReply *post(const QString &path, const QJsonObject &body, QObject *context,
                        Callback callback, const Options &options);
    QNetworkReply *post(const QString &path, const QJsonObject &body, QObject *context,
                        Callback callback)
    {
        return post(path, body, context, std::move(callback), Options());
    }

    // Stops a request without calling its callback.
    static void cancel(QNetworkReply *reply);

    // A request whose body or answer is not JSON (file uploads and downloads): the bearer token
    // and `headers` are set, `body` (may be null; must outlive the reply) is streamed from where
    // it stands, and the caller reads the reply and deletes it. serverAnswered() and
    // networkErrorOccurred() are emitted as for the other requests; `timeoutMs` is the longest
    // wait without any bytes moving.
    QNetworkReply *sendRaw(const QByteArray &verb, const QString &path,
                           const QList<std::pair<QByteArray, QByteArray>> &headers,
                           QIODevice *body = nullptr, int timeoutMs = 0);

    // `path` may end in a query ("/api/v1/sync/pull?cursor=3").
    QUrl urlFor(const QString &path) const;

    // The envelope rules, separate from the network so that they can be tested on their own.
    // `retryAfter` is the raw Retry-After header (seconds or an HTTP date).
    static Result<QJsonValue> parseResponse(int httpStatus, const QByteArray &body,
                                            const QByteArray &retryAfter = {});
    static Error networkError(const QUrl &url, const QString &reason);

    // Reads what a person typed as a server address ("lectern.example.org", "127.0.0.1:8080",
    // "https://host/lectern/"); an invalid QUrl when it is not an http(s) address.
    static QUrl serverUrlFromUserInput(const QString &text);
    // The one spelling of a server address used for settings and keys: no trailing slash.
    static QUrl normalizedServerUrl(const QUrl &url);

Q_SIGNALS:
    // A request got no HTTP answer: the connection monitor checks again at once.
    void networkErrorOccurred();
    // A request got an HTTP answer (any status): the server is reachable.
    void serverAnswered();

private:
    QNetworkReply *send(const QByteArray &verb, const QString &path, const QByteArray &body,
                        QObject *context, Callback callback, const Options &options);
    void finish(QNetworkReply *reply, const Callback &callback, const Options &options);

    QNetworkAccessManager *m_network = nullptr;
    QUrl m_baseUrl;
    QString m_accessToken;
    int m_timeoutMs = defaultTimeoutMs;
};

} // namespace Lectern::Client
