#pragma once

#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace Lectern::Test {

// One HTTP exchange as a test looks at it.
struct HttpResult
{
    int status = 0; // 0 when no HTTP answer came (network error)
    QByteArray body;
    QJsonObject json; // the body, when it is a JSON object
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;

    QJsonValue data() const { return json.value(u"data"); }
    QString errorCode() const { return json.value(u"error").toObject().value(u"code").toString(); }
    QJsonObject errorFields() const
    {
        return json.value(u"error")
            .toObject()
            .value(u"details")
            .toObject()
            .value(u"fields")
            .toObject();
    }
    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
};

// A real HTTP client (QNetworkAccessManager) that waits for each answer while spinning the event
// loop, so an in-process server on the same thread keeps working.
class HttpClient
{
public:
    explicit HttpClient(const QUrl &base);

    void setToken(const QString &accessToken) { m_token = accessToken; }
    QString token() const { return m_token; }

    HttpResult get(const QString &path);
    HttpResult post(const QString &path, const QJsonObject &body = {});
    HttpResult put(const QString &path, const QJsonObject &body);
    HttpResult patch(const QString &path, const QJsonObject &body);
    HttpResult del(const QString &path);
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QByteArray &contentType = "application/json",
                    const QHash<QByteArray, QByteArray> &headers = {});

    // Logs in and keeps the access token; returns the login answer.
    HttpResult login(const QString &email,
                     const QString &password = QStringLiteral("lectern-demo"));

private:
    QNetworkAccessManager m_manager;
    QUrl m_base;
    QString m_token;
};

} // namespace Lectern::Test
