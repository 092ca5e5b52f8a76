#pragma once

#include "storage/recordobserver.h"

namespace Lectern::Server {

// Records that did not change but became visible or invisible to someone get a change row
// (ChangeLog::touch), so that pulls ship them: the whole course to a person whose enrolment
// started, ended or changed role, and what is below a course or module whose release changed.
// The registry declares what counts (EntitySpec::releaseFields, EntitySpec::admission,
// EntitySpec::audience); nothing here knows an entity by name. A RecordObserver of the database,
// registered at start-up, so no write can forget it (docs/architecture.md, "Storage and its
// observers").
// Releases by time (publishAt / unlockAt passing) change nothing in the database: the
// ReleaseTicker (services/releaseticker.h) touches those records when their time has passed.
class VisibilityObserver final : public RecordObserver
{
public:
    Result<void> recordWritten(Transaction &tx, const EntitySpec &spec, const QJsonObject &before,
                               const QJsonObject &after) override;
};

} // namespace Lectern::Server
