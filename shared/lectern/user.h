#pragma once

#include "role.h"
#include "validation.h"

#include <QDateTime>
#include <QJsonObject>

namespace Lectern {

enum class UserStatus {
    Active,
    Suspended, // may not log in; keeps everything they made
};
QString userStatusToString(UserStatus status);
std::optional<UserStatus> userStatusFromString(QStringView text);

// A person with an account in one organisation. The password never leaves the server and is not
// part of this type.
struct User
{
    QString id;
    QString orgId;
    QString email; // stored normalised (trimmed, lower-case); unique across the server
    QString name;
    UserStatus status = UserStatus::Active;
    QString locale;
    QList<Role> roles; // organisation-wide roles
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastLoginAt;
    qint64 rev = 0;
    QString hlc;
    bool deleted = false;

    bool hasRole(Role role) const { return roles.contains(role); }
    bool isAdmin() const { return hasRole(Role::Admin); }

    QJsonObject toJson() const;
    static User fromJson(const QJsonObject &json);
    ValidationErrors validate() const;
};

} // namespace Lectern
