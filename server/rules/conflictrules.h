#pragma once

#include "rules/recordrules.h"

namespace Lectern::Server {

// A sync conflict: made by the server when an op meets a change it cannot merge, seen by the
// course's staff, and only ever resolved (its `status` and `resolution`), which stamps who
// resolved it and when. docs/architecture.md, "Conflicts".
class ConflictRules : public RecordRules
{
public:
    ConflictRules();

    Result<void> prepareCreate(RuleContext &context, QJsonObject &values,
                               const QJsonValue &position) const override;
    Result<void> prepareUpdate(RuleContext &context, const Record &current, QJsonObject &writes,
                               const QJsonValue &position) const override;
    Result<void> mayDelete(RuleContext &context, const Record &current,
                           const CourseAccess &access) const override;
};

} // namespace Lectern::Server
