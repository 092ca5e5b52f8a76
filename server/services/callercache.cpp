#include "callercache.h"

#include <QDateTime>

namespace Lectern::Server {

std::optional<Caller> CallerCache::find(const QString &userId)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(userId);
    if (it == m_entries.constEnd() || it->expiresAtMs <= now)
        return std::nullopt;
    return it->caller;
}

void CallerCache::store(const Caller &caller)
{
    const qint64 expires = QDateTime::currentMSecsSinceEpoch() + ttlMs;
    QMutexLocker lock(&m_mutex);
    if (m_entries.size() > 100000)
        m_entries.clear(); // bounded: a cache, not a copy of the users table
    m_entries.insert(caller.userId, {caller, expires});
}

void CallerCache::forget(const QString &userId)
{
    QMutexLocker lock(&m_mutex);
    m_entries.remove(userId);
}

} // namespace Lectern::Server
