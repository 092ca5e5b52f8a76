#pragma once

#include "transaction.h"

namespace Lectern::Server {

// The one place that writes the global change sequence (SYNC.md: server_seq). Every create,
// update or delete of a synced record calls record() inside the same transaction as the change,
// which is what lets the sync feed ship it later.
struct Change
{
    QString orgId;
    QString entity; // singular API resource name: "organization", "user", "role_assignment", ...
    QString entityId;
    qint64 rev = 0;
    QString hlc;
    bool deleted = false;
};

class ChangeLog
{
public:
    // Returns the change's sequence number.
    static Result<qint64> record(Transaction &tx, const Change &change);
    static Result<qint64> latestSeq(Transaction &tx);
};

} // namespace Lectern::Server
