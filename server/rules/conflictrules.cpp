#include "conflictrules.h"

#include <lectern/jsonutil.h>
#include <lectern/syncop.h>

namespace Lectern::Server {

namespace {
Error madeByTheServer()
{
    return fail(Sync::Reason::ServerDecides,
                ConflictRules::tr("Conflicts are made by the server; they can only be resolved."));
}
} // namespace

ConflictRules::ConflictRules()
    : RecordRules(Entities::conflict())
{ }

Result<void> ConflictRules::prepareCreate(RuleContext &, QJsonObject &, const QJsonValue &) const
{
    return madeByTheServer();
}

Result<void> ConflictRules::mayResolveAs(const Record &conflict, const QString &resolution)
{
    ValidationErrors errors;
    const QString kind = conflict.value(u"kind").toString();
    if (kind == u"delete" && resolution != u"mine" && resolution != u"theirs")
        errors.add(QStringLiteral("resolution"),
                   tr("must be mine or theirs for an edit that met a delete"));
    else if (resolution == u"both" && kind != u"text")
        errors.add(QStringLiteral("resolution"),
                   tr("both is for text; choose mine, theirs or edit the value"));
    if (!errors.isEmpty())
        return errors.toError();
    return {};
}

Result<void> ConflictRules::prepareUpdate(RuleContext &context, const Record &current,
                                          QJsonObject &writes, const QJsonValue &position) const
{
    if (auto r = RecordRules::prepareUpdate(context, current, writes, position); !r)
        return r;
    if (writes.value(u"resolution").isString()) {
        if (auto r = mayResolveAs(current, writes.value(u"resolution").toString()); !r)
            return r;
    }
    // Resolving stamps who resolved it and when; reopening clears them.
    if (writes.contains(u"status")) {
        const bool resolved = writes.value(u"status") == QJsonValue(QStringLiteral("resolved"));
        writes.insert(QStringLiteral("resolvedBy"),
                      resolved ? QJsonValue(context.caller().userId) : QJsonValue());
        writes.insert(QStringLiteral("resolvedAt"),
                      resolved ? Json::fromDateTime(QDateTime::currentDateTimeUtc())
                               : QJsonValue());
    }
    return {};
}

Result<void> ConflictRules::mayDelete(RuleContext &, const Record &, const CourseAccess &) const
{
    return madeByTheServer();
}

} // namespace Lectern::Server
