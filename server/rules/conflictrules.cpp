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

Result<void> ConflictRules::prepareUpdate(RuleContext &context, const Record &current,
                                          QJsonObject &writes, const QJsonValue &position) const
{
    if (auto r = RecordRules::prepareUpdate(context, current, writes, position); !r)
        return r;
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
