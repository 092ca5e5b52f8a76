#pragma once

#include "apirequest.h"
#include "apiresponse.h"

#include <functional>

namespace Lectern::Server {

// Who may call a route.
enum class Access {
    Public, // anyone; the server still parses the body and applies limits
    User, // a valid access token; the request carries the Caller
};

// Where a route runs. Quick database reads run on the server's thread; slow work (password
// hashing) runs on the worker pool and its response is written back on the server's thread
// (ARCHITECTURE.md: Qt 6.4's QFuture handlers crash under load; this is the safe pattern).
enum class Run { Inline, Worker };

using Handler = std::function<ApiResponse(ApiRequest &)>;

struct Route
{
    QByteArray method;
    QString pattern; // "/api/v1/users/:id"
    Access access = Access::User;
    Run run = Run::Inline;
    Handler handler;
    QStringList segments;
};

// Matches method + path to a route; path parameters are the ":name" segments.
class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Access access, Run run,
             Handler handler);

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QList<QByteArray> allowedMethods; // when the path exists but not with this method
    };
    Match match(const QByteArray &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

} // namespace Lectern::Server
