#pragma once

#include "validation.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Lectern {

// What an organisation's admins decide for everyone in it.
struct OrganizationSettings
{
    bool allowSelfRegistration = false; // may people create their own (student) accounts?
    QString defaultLocale = QStringLiteral("en");
    QString timeZone = QStringLiteral("UTC");
    // New passwords of this organisation's accounts must be at least this long (8 to 128).
    int minPasswordLength = Validation::minPasswordLength;

    QJsonObject toJson() const;
    // Applies the fields present in `json` on top of this, reporting bad ones into `errors`.
    void applyJson(const QJsonObject &json, ValidationErrors &errors, const QString &prefix = {});
    bool operator==(const OrganizationSettings &other) const = default;
};

// A tenant: every user, cohort and course belongs to exactly one organisation.
struct Organization
{
    QString id;
    QString name;
    QString slug;
    OrganizationSettings settings;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 rev = 0;
    QString hlc;
    bool deleted = false;

    QJsonObject toJson() const;
    static Organization fromJson(const QJsonObject &json);
    ValidationErrors validate() const;
};

} // namespace Lectern
