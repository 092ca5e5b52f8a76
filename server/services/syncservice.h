#pragma once

#include "core/listquery.h"
#include "core/servicecontext.h"
#include "services/caller.h"
#include "storage/recordstore.h"

#include <QCoreApplication>
#include <QUrlQuery>
#include <lectern/syncop.h>

namespace Lectern::Server {

// The server side of sync (docs/architecture.md, "The sync model"). Push applies devices' ops at
// most once each (sync_ops remembers every outcome), merging field by field against the op's base
// and recording what does not merge as conflict records; pull ships the change sequence as each
// caller may see it; the conflict inbox lists and resolves conflicts. Every write goes through
// RecordStore, so whatever push or a resolution changes is in the next pull of everyone concerned.
class SyncService
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::SyncService)

public:
    explicit SyncService(ServiceContext &context)
        : m_context(context)
    { }

    // One result per op, in order: each op is applied or refused on its own (a value the
    // database refuses rejects that op alone, `validation_failed`). The ops are applied in a few
    // short transactions, each storing its ops' outcomes with their effects, so that other
    // writers never wait long behind a big push. Fails only when the database does
    // (`service_unavailable` when it is busy or gone: try again); the ops of the transactions
    // committed before then answer the same when the push is repeated.
    Result<QList<Sync::OpResult>> push(const Caller &caller, const Sync::PushRequest &request);

    struct PullQuery
    {
        qint64 cursor = 0;
        int limit = Sync::defaultPullLimit;
        // The asking device: the changes its own pushes made, whose state their answers gave
        // it, are left out. Empty: every change ships.
        QString deviceId;
    };
    // ?cursor=N&limit=M&deviceId=UUID; bad values are `validation_failed` naming the parameter.
    static Result<PullQuery> parsePullQuery(const QUrlQuery &query);
    Result<Sync::PullPage> pull(const Caller &caller, const PullQuery &query);

    // The conflicts of the courses the caller teaches or assists in (admins: the whole
    // organisation). Filters status (open, resolved), courseId, entity, entityId.
    Result<Page<Record>> listConflicts(const Caller &caller, const ListQuery &query);
    static QStringList conflictSorts();
    static QStringList conflictFilters();
    Result<Record> getConflict(const Caller &caller, const QString &id);
    // {"resolution": "mine" | "theirs" | "both" | "edited", "value": ...}: writes the chosen
    // value to the record and marks the conflict resolved; answers the conflict.
    Result<Record> resolveConflict(const Caller &caller, const QString &id,
                                   const QJsonObject &body);

private:
    // Applies the ops after `results` in one transaction, as many as its bounds allow (at least
    // one), and appends their results once it committed.
    Result<void> pushSome(const Caller &caller, const QList<Sync::Op> &ops,
                          QList<Sync::OpResult> &results);

    ServiceContext &m_context;
};

} // namespace Lectern::Server
