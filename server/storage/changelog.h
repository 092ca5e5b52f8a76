#pragma once

#include "transaction.h"

namespace Lectern::Server {

// The one place that writes the global change sequence (docs/architecture.md, "The sync model").
// Every create, update or delete of a synced record calls record() inside the same transaction
// as the change, which is what lets the sync feed ship it later.
struct Change
{
    QString orgId;
    QString entity; // singular API resource name: "organization", "user", "role_assignment", ...
    QString entityId;
    qint64 rev = 0;
    QString hlc;
    bool deleted = false;
    // Empty: for everyone who may see the record. Otherwise only that user pulls the row
    // (a "touch": the record did not change, but whether that user may see it did).
    QString audienceUserId;
};

// Records whose rows touch() writes: the live records of `table` matching `where` (SQL over its
// columns, with `binds`), each at its current revision.
struct TouchSet
{
    QString entity;
    QString table;
    QString where;
    QList<std::pair<QString, QVariant>> binds;
};

class ChangeLog
{
public:
    // Returns the change's sequence number.
    static Result<qint64> record(Transaction &tx, const Change &change);
    static Result<qint64> latestSeq(Transaction &tx);
    // Writes a change row for each record of `set` without changing the records (no new
    // revision), so that pulls ship them again: to `audienceUserId` only, or to everyone when it
    // is empty. Used when what someone may see changed: an enrolment, a release
    // (docs/architecture.md, "Storage and its observers").
    static Result<void> touch(Transaction &tx, const QString &orgId, const TouchSet &set,
                              const QString &audienceUserId = {});
    // The newest seq of one organisation's changes (0 when it has none).
    static Result<qint64> latestSeq(Transaction &tx, const QString &orgId);
    // The newest seq, read by one statement of its own (prepared once per connection, no
    // transaction around it): the response cache asks on every request it answers.
    static Result<qint64> latestSeq(Database &db);
};

} // namespace Lectern::Server
