#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Lectern::Client {

// What the sync indicator shows (docs/architecture.md, "The sync model"), as one value: the
// SyncEngine emits a new one whenever any part changes, and SyncController::status() holds the
// latest. What the last round that sent changes did with them, in the server's words (outcomes).
struct SyncReport
{
    int sent = 0;      // ops the server answered
    int merged = 0;    // merged with others' changes
    int conflicts = 0; // met another change of the same thing: a conflict to resolve
    int refused = 0;   // rejected (kept as refused changes)

    bool operator==(const SyncReport &other) const = default;
};

struct SyncStatus
{
    bool online = false;    // the server answered the last request (or the live channel is open)
    int queued = 0;         // local changes not yet acknowledged by the server
    bool syncing = false;   // a push/pull round is under way
    qint64 done = 0;        // progress of that round: ops pushed + changes pulled so far
    qint64 total = 0;       // the same when finished; 0 while unknown (show a busy bar)
    QDateTime lastSuccess;  // UTC; end of the last round that reached the server's newest state
    QString lastError;      // words for a person (tr()); empty after a good round
    int openConflicts = 0;  // "conflict" records whose status is open (the conflict inbox)
    int rejected = 0;       // ops the server refused, kept for the user (LocalStore::rejectedOps)
    bool signedOut = false; // the session ended: nothing is sent until the next login (the
                            // outbox is kept)
    SyncReport lastSent;    // the last finished round that sent anything (empty before one)

    bool operator==(const SyncStatus &other) const = default;
};

} // namespace Lectern::Client

Q_DECLARE_METATYPE(Lectern::Client::SyncStatus)
