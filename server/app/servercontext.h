#pragma once

#include "core/servicecontext.h"
#include "events/changenotifier.h"
#include "http/responsecache.h"
#include "search/searchindex.h"
#include "services/visibility.h"

namespace Lectern::Server {

// The server's composition root for what its parts share: the services' context (configuration,
// database, clock, credentials) plus what the HTTP front and the live events use, and the
// database's observers (docs/architecture.md, "Storage and its observers"), registered here at
// start-up in this order:
//   record writes: VisibilityObserver (change rows of records someone may now see or no longer
//                  see), SearchIndexObserver (the full-text index, in the write's transaction);
//   commits:       the response cache's expiry (drops entries the commit made stale), then
//                  ChangeNotifier (NOTIFY before COMMIT on PostgreSQL; the live-event hub after).
class ServerContext : public ServiceContext
{
public:
    ServerContext(ServerConfig config, std::unique_ptr<Database> database, QByteArray tokenSecret,
                  const QString &nodeId);
    ~ServerContext();

    // Serialized course reads, valid while the change sequence stands still (ResponseCache).
    ResponseCache &responses() { return m_responses; }
    // Hears of every committed change to the change log (the EventHub listens).
    ChangeNotifier &changes() { return m_changes; }

private:
    class ResponseExpiry final : public CommitObserver
    {
    public:
        explicit ResponseExpiry(ResponseCache &cache)
            : m_cache(cache)
        { }
        void committed(const Changes &changes) override;

    private:
        ResponseCache &m_cache;
    };

    ResponseCache m_responses;
    ChangeNotifier m_changes;
    VisibilityObserver m_visibility;
    SearchIndexObserver m_searchIndex;
    ResponseExpiry m_responseExpiry {m_responses};
};

} // namespace Lectern::Server
