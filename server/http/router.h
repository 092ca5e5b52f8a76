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
// (docs/architecture.md, "Qt 6.4 pitfalls": QFuture handlers crash under load; this is the safe
// pattern).
// Reads that are hot and sometimes slow (the cached course reads: a hit is cheap, building a
// large outline is not) first try their Probe on the server's thread; when it has no answer ready,
// the handler runs on a pool of its own (one thread per core), so a slow build never stalls the
// server's thread and logins never queue it.
enum class Run { Inline, Worker, Read };

using Handler = std::function<ApiResponse(ApiRequest &)>;
// For Run::Read: the answer when it is ready (a cache hit), after authentication; nothing sends
// the request on to the handler.
using Probe = std::function<std::optional<ApiResponse>(ApiRequest &)>;

struct Route
{
    QByteArray method;
    QString pattern; // "/api/v1/users/:id"
    Access access = Access::User;
    Run run = Run::Inline;
    Handler handler;
    Probe probe;
    QStringList segments;
};

// Matches method + path to a route; path parameters are the ":name" segments.
class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Access access, Run run,
             Handler handler, Probe probe = {});

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
