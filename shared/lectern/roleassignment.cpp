#include "roleassignment.h"

namespace Lectern {

QJsonObject RoleAssignment::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("orgId"), orgId},
        {QStringLiteral("userId"), userId},
        {QStringLiteral("role"), roleToString(role)},
        {QStringLiteral("courseId"), courseId.isEmpty() ? QJsonValue() : QJsonValue(courseId)},
    };
}

RoleAssignment RoleAssignment::fromJson(const QJsonObject &json)
{
    RoleAssignment assignment;
    assignment.id = json.value(u"id").toString();
    assignment.orgId = json.value(u"orgId").toString();
    assignment.userId = json.value(u"userId").toString();
    assignment.role = roleFromString(json.value(u"role").toString()).value_or(Role::Student);
    assignment.courseId = json.value(u"courseId").toString();
    return assignment;
}

} // namespace Lectern
