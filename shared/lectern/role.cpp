#include "role.h"

namespace Lectern {

QString roleToString(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Instructor:
        return QStringLiteral("instructor");
    case Role::TeachingAssistant:
        return QStringLiteral("ta");
    case Role::Student:
        return QStringLiteral("student");
    }
    return {};
}

std::optional<Role> roleFromString(QStringView text)
{
    for (Role role : allRoles()) {
        if (text.compare(roleToString(role), Qt::CaseInsensitive) == 0)
            return role;
    }
    return std::nullopt;
}

QStringList rolesToStrings(const QList<Role> &roles)
{
    QStringList names;
    names.reserve(roles.size());
    for (Role role : roles)
        names.append(roleToString(role));
    return names;
}

QList<Role> allRoles()
{
    return {Role::Admin, Role::Instructor, Role::TeachingAssistant, Role::Student};
}

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::Admin:
        return RoleNames::tr("Administrator");
    case Role::Instructor:
        return RoleNames::tr("Instructor");
    case Role::TeachingAssistant:
        return RoleNames::tr("Teaching assistant");
    case Role::Student:
        return RoleNames::tr("Student");
    }
    return {};
}

} // namespace Lectern
