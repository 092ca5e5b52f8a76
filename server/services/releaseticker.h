#pragma once

#include "core/servicecontext.h"

#include <QTimer>
#include <chrono>
#include <lectern/result.h>

namespace Lectern::Server {

// Releases by time (a module's or item's publishAt / unlockAt passing) change nothing in the
// database, so a learner's device that synced before would never hear of them. Now and then the
// ticker gives every record released since its last tick a change row (ChangeLog::touch), and the
// items of modules released that way too, so the next pull ships them (docs/architecture.md,
// "Storage and its observers").
//
// Several server processes may tick at once: a record touched twice is only shipped twice.
class ReleaseTicker
{
public:
    explicit ReleaseTicker(ServiceContext &context);

    // Ticks every `interval`, first looking back `lookBack` (releases while the server was down).
    void start(std::chrono::milliseconds interval = std::chrono::seconds(30),
               std::chrono::milliseconds lookBack = std::chrono::hours(24));
    // Touches what was released in (sinceMs, untilMs]; answers how many records it touched.
    Result<int> tick(qint64 sinceMs, qint64 untilMs);

private:
    ServiceContext &m_context;
    QTimer m_timer;
    qint64 m_last = 0;
};

} // namespace Lectern::Server
