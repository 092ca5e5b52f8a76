#include "servicecontext.h"

namespace Lectern::Server {

ServiceContext::ServiceContext(ServerConfig config, std::unique_ptr<Database> database,
                               QByteArray tokenSecret, const QString &nodeId)
    : m_config(std::move(config))
    , m_database(std::move(database))
    , m_clock(nodeId)
    , m_hasher(PasswordHasher::profileFromName(m_config.passwordHashProfile))
    , m_tokens(std::move(tokenSecret), m_config.accessTokenTtlSeconds)
{ }

} // namespace Lectern::Server
