#pragma once

#include "services/caller.h"

#include <QHash>
#include <QJsonObject>
#include <QUrlQuery>
#include <optional>

namespace Lectern::Server {

// A request as routes see it: parsed once by the server, so every route gets the same checks
// (body size, content type, JSON syntax, authentication) through one code path.
struct ApiRequest
{
    QByteArray method;
    QString path;
    QHash<QString, QString> params; // from the route pattern, e.g. ":id"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QJsonObject json; // the body, when it is a JSON object
    QString address; // the client's IP address
    QString requestId;
    std::optional<Caller> caller; // set for routes that require authentication

    QString param(const QString &name) const { return params.value(name); }
    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
    const Caller &user() const { return *caller; }
};

} // namespace Lectern::Server
