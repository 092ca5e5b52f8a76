#pragma once

#include <QList>
#include <QString>
#include <lectern/role.h>

namespace Lectern::Server {

// Who is asking: the authenticated user behind a request, as the services check it.
struct Caller
{
    QString userId;
    QString orgId;
    QString email;
    QString name;
    QList<Role> roles;

    bool has(Role role) const { return roles.contains(role); }
    bool isAdmin() const { return has(Role::Admin); }
    // Staff see the people of their organisation (to enroll and grade them).
    bool isStaff() const
    {
        return isAdmin() || has(Role::Instructor) || has(Role::TeachingAssistant);
    }
};

} // namespace Lectern::Server
