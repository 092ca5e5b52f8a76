#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <lectern/result.h>

namespace Lectern::Server {

// What a route answers (docs/architecture.md, "HTTP conventions"). JSON responses use the
// envelope {"ok": true, "data": ..., "pagination": ...} or {"ok": false, "error": {"code",
// "message", "details"}}.
struct ApiResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;

    static ApiResponse ok(const QJsonValue &data = QJsonValue(), int status = 200,
                          const QString &message = {});
    static ApiResponse created(const QJsonValue &data) { return ok(data, 201); }
    static ApiResponse page(const QJsonArray &items, const QJsonObject &pagination);
    // The status comes from the error code (httpStatusFor), once for the whole server.
    static ApiResponse error(const Error &error);
    static ApiResponse raw(int status, const QByteArray &contentType, const QByteArray &body);

    ApiResponse &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
};

// Turns a service's Result into a response: the error's status, or `status` with data =
// toJson(value).
template<typename T, typename ToJson>
ApiResponse respond(const Result<T> &result, ToJson toJson, int status = 200)
{
    if (!result)
        return ApiResponse::error(result.error());
    return ApiResponse::ok(toJson(result.value()), status);
}

// The one table from error codes to HTTP statuses.
int httpStatusFor(const QString &errorCode);

} // namespace Lectern::Server
