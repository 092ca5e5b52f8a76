#include "courserules.h"

#include "services/enrollmentservice.h"

#include <lectern/uuidv7.h>

namespace Lectern::Server {

CourseRules::CourseRules()
    : RecordRules(Entities::course())
{ }

Result<void> CourseRules::prepareCreate(RuleContext &context, QJsonObject &values,
                                        const QJsonValue &position) const
{
    const Caller &caller = context.caller();
    if (!caller.isAdmin() && !caller.has(Role::Instructor))
        return fail(ErrorCode::Forbidden,
                    tr("Only instructors and administrators can create courses."));
    return RecordRules::prepareCreate(context, values, position);
}

Result<void> CourseRules::afterCreate(RuleContext &context, const Record &made) const
{
    const Caller &caller = context.caller();
    const QString courseId = made.value(u"id").toString();
    const EntitySpec &enrollments = Entities::enrollment();
    const QJsonObject enrollment {{QStringLiteral("courseId"), courseId},
                                  {QStringLiteral("userId"), caller.userId},
                                  {QStringLiteral("role"), QStringLiteral("instructor")}};
    auto teaches = RecordStore::insert(context.tx(), context.clock(), enrollments, caller.orgId,
                                       createUuidV7String(),
                                       enrollments.normalize(enrollment, EntitySpec::Mode::Create));
    if (!teaches)
        return teaches.error();
    context.forget(courseId);
    return {};
}

Result<void> CourseRules::mayChangeStatus(const CourseAccess &access)
{
    if (!access.isOwner())
        return fail(ErrorCode::Forbidden,
                    tr("Only the course's instructors and administrators can publish or archive "
                       "it."));
    return {};
}

Result<void> CourseRules::mayChangeField(RuleContext &context, const Record &current,
                                         const CourseAccess &access, const FieldSpec &field) const
{
    // Its status is what publish and archive change, offline too.
    if (&field == spec().field(QStringLiteral("status")))
        return mayChangeStatus(access);
    return RecordRules::mayChangeField(context, current, access, field);
}

Result<void> CourseRules::afterUpdate(RuleContext &context, const Record &before,
                                      const Record &after) const
{
    // More seats: the waitlist moves up in the same transaction, oldest first.
    if (before.value(u"maxEnrollment") == after.value(u"maxEnrollment"))
        return {};
    if (auto r = EnrollmentService::lockWriters(context.tx()); !r)
        return r;
    if (auto r = EnrollmentService::promoteWaitlist(context.tx(), context.clock(),
                                                    after.value(u"id").toString());
        !r)
        return r.error();
    return {};
}

Result<void> CourseRules::mayDelete(RuleContext &context, const Record &current,
                                    const CourseAccess &access) const
{
    if (!access.isOwner())
        return fail(ErrorCode::Forbidden,
                    tr("Only the course's instructors and administrators can delete it."));
    context.forget(current.value(u"id").toString());
    return {};
}

} // namespace Lectern::Server
