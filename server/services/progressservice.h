#pragma once

#include "core/servicecontext.h"
#include "services/caller.h"
#include "storage/recordstore.h"

#include <QCoreApplication>
#include <lectern/syncop.h>

namespace Lectern::Server {

// Learners' progress (the registry's append-only "progress" entity): events recorded by sync
// push or REST, and the summaries derived from them with the shared Progress code, so the server
// answers what devices show offline.
//
// Who records: whoever may see the item now (a learner in a published course once the item and
// its module are released; the course's staff, e.g. previewing), always for themselves. An event
// is made once: its id again answers the first one; it is never updated or deleted.
class ProgressService
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::ProgressService)

public:
    explicit ProgressService(ServiceContext &context)
        : m_context(context)
    { }

    // One op of a sync push on a progress record, inside the push's transaction: `append` (or
    // `create`) records the event; `update`, `delete` and `purge` are rejected as append_only.
    static Result<Sync::OpResult> applyOp(Transaction &tx, HlcClock &clock, const Caller &caller,
                                          const Sync::Op &op);

    // POST /contents/:id/progress: {"kind", "position", "seconds", "at" (default now), "id"}.
    // Answers (event, made now); the same id again answers the first event.
    Result<std::pair<Record, bool>> append(const Caller &caller, const QString &contentId,
                                           const QJsonObject &body);
    // GET /contents/:id/progress: the caller's summary of the item with their events; for the
    // course's staff also "students", one summary per student of the course.
    Result<QJsonObject> itemProgress(const Caller &caller, const QString &contentId);
    // GET /courses/:id/progress: "students", one row per student of the course for its staff,
    // the caller's own row for a learner, who also gets "items" (their state of each item).
    Result<QJsonObject> courseProgress(const Caller &caller, const QString &courseId);

private:
    ServiceContext &m_context;
};

} // namespace Lectern::Server
