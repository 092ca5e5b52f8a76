#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <optional>

namespace Lectern {

// Field-level problems found in input, keyed by the field's JSON name. Turns into one
// `validation_failed` error whose details name each field (docs/architecture.md, "HTTP
// conventions": 422 naming each field).
class ValidationErrors
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::ValidationErrors)

public:
    // Keeps the first message for a field: the most basic problem is the one worth reading.
    void add(const QString &field, const QString &message);
    // Every message of `other` (fields that have one here keep theirs).
    void add(const ValidationErrors &other);
    bool isEmpty() const { return m_fields.isEmpty(); }
    bool has(const QString &field) const { return m_fields.contains(field); }
    QString message(const QString &field) const { return m_fields.value(field); }
    QStringList fieldNames() const { return m_fields.keys(); }
    Error toError() const;
    // "title: must not be empty; code: is required": for a message that names every field.
    QString summary() const;

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

// What is wrong with text a client sent, or an empty string when nothing is: a lone UTF-16
// surrogate (from a JSON "\ud800" escape; it would be mangled on its way to UTF-8), a NUL (no
// database keeps it), or another control character (tab, and for `multiline` text also line
// breaks, are fine).
QString textProblem(QStringView text, bool multiline = true);
bool hasLoneSurrogate(QStringView text);
// The first problem (textProblem, NUL and lone surrogates only) in any string or key of a JSON
// value, however deep; empty when there is none.
QString jsonProblem(const QJsonValue &value);

// An absolute http or https address with a host (links and videos: never javascript:, data:,
// vbscript: or file:).
bool isWebAddress(const QString &text);
inline constexpr int maxLocaleLength = 35;
// A BCP 47 language tag as people write them: "en", "fr-CA", "zh-Hant-TW" (letters, digits and
// hyphens, starting with a 2-3 letter language), at most maxLocaleLength characters.
bool isValidLocale(QStringView locale);
void checkLocale(ValidationErrors &errors, const QString &field, const QString &locale);
inline constexpr int maxTimeZoneLength = 64;
// An IANA time zone id QTimeZone knows ("Europe/Paris", "Etc/GMT+5"), at most maxTimeZoneLength
// characters.
bool isValidTimeZone(const QString &id);
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
    // Strings (and strings in lists and objects) with a lone surrogate or a NUL are reported
    // as invalid and read as std::nullopt (Validation::textProblem).
    // Fields the caller sent that are not among `known`: each is reported as unknown.
    void rejectUnknown(const QStringList &known);

private:
    bool present(const QString &key, Presence presence);

    const QJsonObject &m_object;
    ValidationErrors &m_errors;
};

} // namespace Lectern
