#include "user.h"

#include "jsonutil.h"

namespace Lectern {

QString userStatusToString(UserStatus status)
{
    return status == UserStatus::Suspended ? QStringLiteral("suspended") : QStringLiteral("active");
}

std::optional<UserStatus> userStatusFromString(QStringView text)
{
    if (text == u"active")
        return UserStatus::Active;
    if (text == u"suspended")
        return UserStatus::Suspended;
    return std::nullopt;
}

QJsonObject User::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("orgId"), orgId},
        {QStringLiteral("email"), email},
        {QStringLiteral("name"), name},
        {QStringLiteral("status"), userStatusToString(status)},
        {QStringLiteral("locale"), locale.isEmpty() ? QJsonValue() : QJsonValue(locale)},
        {QStringLiteral("roles"), Json::fromStringList(rolesToStrings(roles))},
        {QStringLiteral("createdAt"), Json::fromDateTime(createdAt)},
        {QStringLiteral("updatedAt"), Json::fromDateTime(updatedAt)},
        {QStringLiteral("lastLoginAt"), Json::fromDateTime(lastLoginAt)},
        {QStringLiteral("rev"), rev},
    };
}

User User::fromJson(const QJsonObject &json)
{
    User user;
    user.id = json.value(u"id").toString();
    user.orgId = json.value(u"orgId").toString();
    user.email = json.value(u"email").toString();
    user.name = json.value(u"name").toString();
    user.status
        = userStatusFromString(json.value(u"status").toString()).value_or(UserStatus::Active);
    user.locale = json.value(u"locale").toString();
    for (const QString &name : Json::toStringList(json.value(u"roles"))) {
        if (auto role = roleFromString(name))
            user.roles.append(*role);
    }
    user.createdAt = Json::toDateTime(json.value(u"createdAt"));
    user.updatedAt = Json::toDateTime(json.value(u"updatedAt"));
    user.lastLoginAt = Json::toDateTime(json.value(u"lastLoginAt"));
    user.rev = json.value(u"rev").toInteger();
    return user;
}

ValidationErrors User::validate() const
{
    ValidationErrors errors;
    Validation::checkEmail(errors, QStringLiteral("email"), email);
    Validation::checkRequiredText(errors, QStringLiteral("name"), name);
    Validation::checkLocale(errors, QStringLiteral("locale"), locale);
    return errors;
}

} // namespace Lectern
