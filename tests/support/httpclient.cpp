#include "httpclient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

namespace Lectern::Test {

HttpClient::HttpClient(const QUrl &base)
    : m_base(base)
{ }

HttpResult HttpClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                            const QByteArray &contentType,
                            const QHash<QByteArray, QByteArray> &headers)
{
    QUrl url = m_base;
    const qsizetype question = path.indexOf(u'?');
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    if (!body.isEmpty() && !contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        request.setRawHeader(it.key(), it.value());

    // A custom "HEAD" would make QNetworkAccessManager wait for a body that never comes.
    QNetworkReply *reply = method == "HEAD" ? m_manager.head(request)
                                            : m_manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();

    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        result.body = reply->readAll();
    result.networkError = reply->error();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    const QJsonDocument doc = QJsonDocument::fromJson(result.body);
    if (doc.isObject())
        result.json = doc.object();
    reply->deleteLater();
    return result;
}

HttpResult HttpClient::get(const QString &path)
{
    return send("GET", path);
}

HttpResult HttpClient::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult HttpClient::put(const QString &path, const QJsonObject &body)
{
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult HttpClient::patch(const QString &path, const QJsonObject &body)
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult HttpClient::del(const QString &path)
{
    return send("DELETE", path);
}

HttpResult HttpClient::login(const QString &email, const QString &password)
{
    m_token.clear();
    HttpResult result
        = post(QStringLiteral("/api/v1/auth/login"),
               {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    if (result.status == 200)
        m_token = result.data().toObject().value(u"accessToken").toString();
    return result;
}

} // namespace Lectern::Test
