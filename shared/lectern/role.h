#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace Lectern {

// The roles a person can hold in an organisation (and, later, in a course).
enum class Role {
    Admin,
    Instructor,
    TeachingAssistant,
    Student,
};

// Wire names: "admin", "instructor", "ta", "student".
QString roleToString(Role role);
std::optional<Role> roleFromString(QStringView text);
QStringList rolesToStrings(const QList<Role> &roles);
QList<Role> allRoles();

// Words for a person ("Teaching assistant"), translated.
QString roleDisplayName(Role role);

struct RoleNames
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Role)
};

} // namespace Lectern
