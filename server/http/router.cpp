#include "router.h"

namespace Lectern::Server {

namespace {
QStringList splitPath(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}
} // namespace

void Router::add(const QByteArray &method, const QString &pattern, Access access, Run run,
                 Handler handler, Probe probe)
{
    Route route;
    route.method = method;
    route.pattern = pattern;
    route.access = access;
    route.run = run;
    route.handler = std::move(handler);
    route.probe = std::move(probe);
    route.segments = splitPath(pattern);
    m_routes.append(std::move(route));
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match result;
    const QStringList segments = splitPath(path);
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        QHash<QString, QString> params;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            const QString &expected = route.segments[i];
            if (expected.startsWith(u':'))
                params.insert(expected.mid(1), segments[i]);
            else
                matches = expected == segments[i];
        }
        if (!matches)
            continue;
        if (route.method == method || (method == "HEAD" && route.method == "GET")) {
            result.route = &route;
            result.params = std::move(params);
            return result;
        }
        if (!result.allowedMethods.contains(route.method))
            result.allowedMethods.append(route.method);
    }
    return result;
}

} // namespace Lectern::Server
