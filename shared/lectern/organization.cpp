#include "organization.h"

#include "jsonutil.h"

namespace Lectern {

QJsonObject OrganizationSettings::toJson() const
{
    return {
        {QStringLiteral("allowSelfRegistration"), allowSelfRegistration},
        {QStringLiteral("defaultLocale"), defaultLocale},
        {QStringLiteral("timeZone"), timeZone},
        {QStringLiteral("minPasswordLength"), minPasswordLength},
    };
}

void OrganizationSettings::applyJson(const QJsonObject &json, ValidationErrors &errors,
                                     const QString &prefix)
{
    ValidationErrors local;
    JsonFields fields(json, local);
    fields.rejectUnknown({QStringLiteral("allowSelfRegistration"), QStringLiteral("defaultLocale"),
                          QStringLiteral("timeZone"), QStringLiteral("minPasswordLength")});
    if (auto v = fields.boolean(QStringLiteral("allowSelfRegistration")))
        allowSelfRegistration = *v;
    if (auto v = fields.string(QStringLiteral("defaultLocale"))) {
        if (v->isEmpty() || !Validation::isValidLocale(*v))
            local.add(QStringLiteral("defaultLocale"),
                      ValidationErrors::tr("must be a language tag such as en or fr"));
        else
            defaultLocale = *v;
    }
    if (auto v = fields.string(QStringLiteral("timeZone"))) {
        if (!Validation::isValidTimeZone(*v))
            local.add(QStringLiteral("timeZone"),
                      ValidationErrors::tr("must be an IANA time zone such as Europe/Paris"));
        else
            timeZone = *v;
    }
    if (auto v = fields.integer(QStringLiteral("minPasswordLength"))) {
        if (*v < Validation::minPasswordLength || *v > 128)
            local.add(QStringLiteral("minPasswordLength"),
                      ValidationErrors::tr("must be a whole number from %1 to %2")
                          .arg(Validation::minPasswordLength)
                          .arg(128));
        else
            minPasswordLength = int(*v);
    }
    for (const QString &field : local.fieldNames())
        errors.add(prefix + field, local.message(field));
}

QJsonObject Organization::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("slug"), slug},
        {QStringLiteral("settings"), settings.toJson()},
        {QStringLiteral("createdAt"), Json::fromDateTime(createdAt)},
        {QStringLiteral("updatedAt"), Json::fromDateTime(updatedAt)},
        {QStringLiteral("rev"), rev},
    };
}

Organization Organization::fromJson(const QJsonObject &json)
{
    Organization org;
    org.id = json.value(u"id").toString();
    org.name = json.value(u"name").toString();
    org.slug = json.value(u"slug").toString();
    ValidationErrors ignored;
    org.settings.applyJson(json.value(u"settings").toObject(), ignored);
    org.createdAt = Json::toDateTime(json.value(u"createdAt"));
    org.updatedAt = Json::toDateTime(json.value(u"updatedAt"));
    org.rev = json.value(u"rev").toInteger();
    return org;
}

ValidationErrors Organization::validate() const
{
    ValidationErrors errors;
    Validation::checkRequiredText(errors, QStringLiteral("name"), name);
    Validation::checkSlug(errors, QStringLiteral("slug"), slug);
    return errors;
}

} // namespace Lectern
