#include "servercontext.h"

#include "storage/changelog.h"

#include <algorithm>

namespace Lectern::Server {

ServerContext::ServerContext(ServerConfig config, std::unique_ptr<Database> database,
                             QByteArray tokenSecret, const QString &nodeId)
    : ServiceContext(std::move(config), std::move(database), std::move(tokenSecret), nodeId)
    , m_responses(this->config().responseCacheBytes, [this] { return ChangeLog::latestSeq(db()); })
{
    db().addRecordObserver(&m_visibility);
    db().addRecordObserver(&m_searchIndex);
    db().addCommitObserver(&m_responseExpiry);
    db().addCommitObserver(&m_changes);
}

ServerContext::~ServerContext() = default;

void ServerContext::ResponseExpiry::committed(const Changes &changes)
{
    if (changes.isEmpty())
        return;
    // The cache's version is the newest seq of all: anything built before these is stale.
    m_cache.expireBefore(*std::max_element(changes.cbegin(), changes.cend()));
}

} // namespace Lectern::Server
