#pragma once

#include "core/serverconfig.h"
#include "services/callercache.h"
#include "services/passwordhasher.h"
#include "services/tokenservice.h"
#include "storage/database.h"

#include <lectern/hlc.h>
#include <memory>

namespace Lectern::Server {

// What the services share for the life of a server: configuration, the database, the clock that
// stamps changes, and the credential machinery. Nothing of HTTP: the server's ServerContext
// (app/servercontext.h) owns this and adds what the HTTP front shares. Thread-safe to use from
// the worker pool.
class ServiceContext
{
public:
    ServiceContext(ServerConfig config, std::unique_ptr<Database> database, QByteArray tokenSecret,
                   const QString &nodeId);
    Q_DISABLE_COPY_MOVE(ServiceContext)

    const ServerConfig &config() const { return m_config; }
    Database &db() { return *m_database; }
    HlcClock &clock() { return m_clock; }
    const PasswordHasher &hasher() const { return m_hasher; }
    const TokenService &tokens() const { return m_tokens; }
    CallerCache &callers() { return m_callers; }

private:
    ServerConfig m_config;
    std::unique_ptr<Database> m_database;
    HlcClock m_clock;
    PasswordHasher m_hasher;
    TokenService m_tokens;
    CallerCache m_callers;
};

} // namespace Lectern::Server
