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

    // Whether `resolution` fits the conflict: an edit that met a delete is resolved by choosing
    // a side ("mine" or "theirs"); "both" keeps both versions of text only. Asked by the REST
    // resolve and by a resolving sync op alike.
    static Result<void> mayResolveAs(const Record &conflict, const QString &resolution);
};

} // namespace Lectern::Server
