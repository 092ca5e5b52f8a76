#pragma once

#include "role.h"

#include <QJsonObject>

namespace Lectern {

// One role held by one user: organisation-wide when courseId is empty, else within that course.
// The server decides these (docs/architecture.md, "Merge rules": users, roles and enrollments are
// the server's to decide).
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
