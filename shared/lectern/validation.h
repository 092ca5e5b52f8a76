#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <optional>

namespace Lectern {

// Field-level problems found in input, keyed by the field's JSON name. Turns into one
// `validation_failed` error whose details name each field (API.md: 422 naming each field).
class ValidationErrors
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::ValidationErrors)

public:
    // Keeps the first message for a field: the most basic problem is the one worth reading.
    void add(const QString &field, const QString &message);
    bool isEmpty() const { return m_fields.isEmpty(); }
    bool has(const QString &field) const { return m_fields.contains(field); }
    QString message(const QString &field) const { return m_fields.value(field); }
    QStringList fieldNames() const { return m_fields.keys(); }
    Error toError() const;

    // Reads back the field messages of a `validation_failed` error (for clients).
    static ValidationErrors fromError(const Error &error);

private:
    QMap<QString, QString> m_fields;
};

namespace Validation {

inline constexpr int maxNameLength = 200;
inline constexpr int minPasswordLength = 8;
inline constexpr int maxPasswordLength = 1024;

QString normalizeEmail(const QString &email);
bool isValidEmail(QStringView email);
// Lower-case letters, digits and inner hyphens; 2 to 63 characters (usable in URLs and hostnames).
bool isValidSlug(QStringView slug);

void checkRequiredText(ValidationErrors &errors, const QString &field, const QString &value,
                       int maxLength = maxNameLength);
void checkEmail(ValidationErrors &errors, const QString &field, const QString &email);
void checkPassword(ValidationErrors &errors, const QString &field, const QString &password);
void checkSlug(ValidationErrors &errors, const QString &field, const QString &slug);
} // namespace Validation

// Reads typed fields from a JSON object, reporting wrong types and missing required fields into a
// ValidationErrors under the field's name. Absent optional fields read as std::nullopt.
class JsonFields
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::JsonFields)

public:
    enum Presence { Optional, Required };

    JsonFields(const QJsonObject &object, ValidationErrors &errors);

    bool has(const QString &key) const { return m_object.contains(key); }
    std::optional<QString> string(const QString &key, Presence presence = Optional);
    std::optional<bool> boolean(const QString &key, Presence presence = Optional);
    std::optional<qint64> integer(const QString &key, Presence presence = Optional);
    std::optional<QJsonObject> object(const QString &key, Presence presence = Optional);
    std::optional<QStringList> stringList(const QString &key, Presence presence = Optional);
    // Fields the caller sent that are not among `known`: each is reported as unknown.
    void rejectUnknown(const QStringList &known);

private:
    bool present(const QString &key, Presence presence);

    const QJsonObject &m_object;
    ValidationErrors &m_errors;
};

} // namespace Lectern
