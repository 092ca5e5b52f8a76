#include "servercontext.h"

#include "storage/changelog.h"

namespace Lectern::Server {

ServerContext::ServerContext(ServerConfig config, std::unique_ptr<Database> database,
                             QByteArray tokenSecret, const QString &nodeId)
    : m_config(std::move(config))
    , m_database(std::move(database))
    , m_clock(nodeId)
    , m_hasher(PasswordHasher::profileFromName(m_config.passwordHashProfile))
    , m_tokens(std::move(tokenSecret), m_config.accessTokenTtlSeconds)
    , m_responses(m_config.responseCacheBytes, [this] { return ChangeLog::latestSeq(*m_database); })
{ }

} // namespace Lectern::Server
