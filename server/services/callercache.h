#pragma once

#include "services/caller.h"

#include <QHash>
#include <QMutex>

#include <optional>

namespace Lectern::Server {

// Who a user is (organisation, roles, active or not), as authentication needs it on every request,
// kept for a moment so that a burst of requests costs one database read. Changes made by this
// process are forgotten at once; other processes' changes show within `ttlMs`.
class CallerCache
{
public:
    static constexpr qint64 ttlMs = 2000;

    std::optional<Caller> find(const QString &userId);
    void store(const Caller &caller);
    void forget(const QString &userId);

private:
    struct Entry
    {
        Caller caller;
        qint64 expiresAtMs;
    };
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace Lectern::Server
