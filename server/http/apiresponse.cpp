#include "apiresponse.h"

#include <QHash>
#include <QJsonDocument>

namespace Lectern::Server {

int httpStatusFor(const QString &code)
{
    static const QHash<QString, int> statuses = {
        {QString::fromLatin1(ErrorCode::BadRequest), 400},
        {QString::fromLatin1(ErrorCode::MalformedJson), 400},
        {QString::fromLatin1(ErrorCode::Unauthorized), 401},
        {QString::fromLatin1(ErrorCode::InvalidCredentials), 401},
        {QString::fromLatin1(ErrorCode::InvalidToken), 401},
        {QString::fromLatin1(ErrorCode::TokenExpired), 401},
        {QString::fromLatin1(ErrorCode::RefreshTokenReused), 401},
        {QString::fromLatin1(ErrorCode::AccountDisabled), 403},
        {QString::fromLatin1(ErrorCode::Forbidden), 403},
        {QString::fromLatin1(ErrorCode::RegistrationClosed), 403},
        {QString::fromLatin1(ErrorCode::NotFound), 404},
        {QString::fromLatin1(ErrorCode::MethodNotAllowed), 405},
        {QString::fromLatin1(ErrorCode::Conflict), 409},
        {QString::fromLatin1(ErrorCode::AlreadyExists), 409},
        {QString::fromLatin1(ErrorCode::EnrollmentClosed), 409},
        {QString::fromLatin1(ErrorCode::CourseFull), 409},
        {QString::fromLatin1(ErrorCode::LengthRequired), 411},
        {QString::fromLatin1(ErrorCode::PayloadTooLarge), 413},
        {QString::fromLatin1(ErrorCode::MimeMismatch), 415},
        {QString::fromLatin1(ErrorCode::TypeNotAllowed), 415},
        {QString::fromLatin1(ErrorCode::RangeNotSatisfiable), 416},
        {QString::fromLatin1(ErrorCode::UnsupportedMediaType), 415},
        {QString::fromLatin1(ErrorCode::ValidationFailed), 422},
        {QString::fromLatin1(ErrorCode::TooManyRequests), 429},
        {QString::fromLatin1(ErrorCode::Internal), 500},
        {QString::fromLatin1(ErrorCode::Unavailable), 503},
    };
    return statuses.value(code, 500);
}

ApiResponse ApiResponse::ok(const QJsonValue &data, int status, const QString &message)
{
    QJsonObject envelope {{QStringLiteral("ok"), true}, {QStringLiteral("data"), data}};
    if (!message.isEmpty())
        envelope.insert(QStringLiteral("message"), message);
    return raw(status, "application/json", QJsonDocument(envelope).toJson(QJsonDocument::Compact));
}

ApiResponse ApiResponse::page(const QJsonArray &items, const QJsonObject &pagination)
{
    const QJsonObject envelope {{QStringLiteral("ok"), true},
                                {QStringLiteral("data"), items},
                                {QStringLiteral("pagination"), pagination}};
    return raw(200, "application/json", QJsonDocument(envelope).toJson(QJsonDocument::Compact));
}

ApiResponse ApiResponse::error(const Error &error)
{
    QJsonObject body {{QStringLiteral("code"), error.code},
                      {QStringLiteral("message"), error.message}};
    if (!error.details.isEmpty())
        body.insert(QStringLiteral("details"), error.details);
    const QJsonObject envelope {{QStringLiteral("ok"), false}, {QStringLiteral("error"), body}};
    ApiResponse response = raw(httpStatusFor(error.code), "application/json",
                               QJsonDocument(envelope).toJson(QJsonDocument::Compact));
    if ((response.status == 429 || response.status == 503) && error.details.contains(u"retryAfter"))
        response.withHeader("Retry-After",
                            QByteArray::number(error.details.value(u"retryAfter").toInteger()));
    if (response.status == 401)
        response.withHeader("WWW-Authenticate", "Bearer");
    return response;
}

ApiResponse ApiResponse::raw(int status, const QByteArray &contentType, const QByteArray &body)
{
    ApiResponse response;
    response.status = status;
    response.contentType = contentType;
    response.body = body;
    return response;
}

} // namespace Lectern::Server
