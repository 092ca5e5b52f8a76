#pragma once

#include "core/serverconfig.h"
#include "http/responsecache.h"
#include "services/callercache.h"
#include "services/passwordhasher.h"
#include "services/tokenservice.h"
#include "storage/database.h"

#include <lectern/hlc.h>
#include <memory>

namespace Lectern::Server {

// What the services share for the life of a server: configuration, the database, the clock that
// stamps changes, and the credential machinery. Thread-safe to use from the worker pool.
class ServerContext
{
public:
    ServerContext(ServerConfig config, std::unique_ptr<Database> database, QByteArray tokenSecret,
                  const QString &nodeId);

    const ServerConfig &config() const { return m_config; }
    Database &db() { return *m_database; }
    HlcClock &clock() { return m_clock; }
    const PasswordHasher &hasher() const { return m_hasher; }
    const TokenService &tokens() const { return m_tokens; }
    CallerCache &callers() { return m_callers; }
    // Serialized course reads, valid while the change sequence stands still (ResponseCache).
    ResponseCache &responses() { return m_responses; }

private:
    ServerConfig m_config;
    std::unique_ptr<Database> m_database;
    HlcClock m_clock;
    PasswordHasher m_hasher;
    TokenService m_tokens;
    CallerCache m_callers;
    ResponseCache m_responses;
};

} // namespace Lectern::Server
