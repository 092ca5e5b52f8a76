#pragma once

#include "role.h"

#include <QJsonObject>

namespace Lectern {

// One role held by one user: organisation-wide when courseId is empty, else within that course.
// The server decides these (SYNC.md: users, roles, enrolments are server-decided).
struct RoleAssignment
{
    QString id;
    QString orgId;
    QString userId;
    Role role = Role::Student;
    QString courseId;

    bool isOrganizationWide() const { return courseId.isEmpty(); }
    QJsonObject toJson() const;
    static RoleAssignment fromJson(const QJsonObject &json);
    bool operator==(const RoleAssignment &other) const = default;
};

} // namespace Lectern
