#include "validation.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

namespace Lectern {

void ValidationErrors::add(const QString &field, const QString &message)
{
    if (!m_fields.contains(field))
        m_fields.insert(field, message);
}

void ValidationErrors::add(const ValidationErrors &other)
{
    for (auto it = other.m_fields.cbegin(); it != other.m_fields.cend(); ++it)
        add(it.key(), it.value());
}

QString ValidationErrors::summary() const
{
    QStringList parts;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        parts.append(it.key() + QStringLiteral(": ") + it.value());
    return parts.join(QStringLiteral("; "));
}

Error ValidationErrors::toError() const
{
    QJsonObject fields;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        fields.insert(it.key(), it.value());
    return Error(QString::fromLatin1(ErrorCode::ValidationFailed),
                 tr("Some fields are not valid: %1.").arg(m_fields.keys().join(u", ")),
                 QJsonObject {{QStringLiteral("fields"), fields}});
}

ValidationErrors ValidationErrors::fromError(const Error &error)
{
    ValidationErrors errors;
    const QJsonObject fields = error.details.value(u"fields").toObject();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        errors.add(it.key(), it.value().toString());
    return errors;
}

namespace Validation {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Validation)
};
} // namespace

QString normalizeEmail(const QString &email)
{
    return email.trimmed().toLower();
}

bool isValidEmail(QStringView email)
{
    // Deliberately simple (one @, a dot in the domain, no spaces): mail delivery is the real test.
    // \z, not $: $ also matches before a trailing newline.
    static const QRegularExpression re(QStringLiteral(R"(^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+\z)"));
    return email.size() <= 254 && re.match(email).hasMatch();
}

bool isValidSlug(QStringView slug)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\z)"));
    return slug.size() >= 2 && re.match(slug).hasMatch();
}

namespace {
// Lone surrogates and NUL: what no text anywhere may hold.
QString basicProblem(QStringView text)
{
    if (hasLoneSurrogate(text))
        return Messages::tr("must be valid Unicode text (it has a lone surrogate)");
    if (text.contains(QChar(0)))
        return Messages::tr("must not contain NUL characters");
    return {};
}
} // namespace

bool hasLoneSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return true;
    }
    return false;
}

QString textProblem(QStringView text, bool multiline)
{
    if (QString basic = basicProblem(text); !basic.isEmpty())
        return basic;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool lineBreak = u == u'\n' || u == u'\r';
        if ((u < 0x20 && u != u'\t' && !(multiline && lineBreak)) || u == 0x7f)
            return Messages::tr("must not contain control characters");
    }
    return {};
}

QString jsonProblem(const QJsonValue &value)
{
    if (value.isString())
        return basicProblem(value.toString());
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            if (QString problem = jsonProblem(item); !problem.isEmpty())
                return problem;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (QString problem = basicProblem(it.key()); !problem.isEmpty())
                return problem;
            if (QString problem = jsonProblem(it.value()); !problem.isEmpty())
                return problem;
        }
    }
    return {};
}

bool isWebAddress(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() && (scheme == u"https" || scheme == u"http");
}

bool isValidLocale(QStringView locale)
{
    // Underscores too: Qt names locales "fr_CA".
    static const QRegularExpression re(
        QStringLiteral(R"(^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*\z)"));
    return locale.size() <= maxLocaleLength && re.match(locale).hasMatch();
}

void checkLocale(ValidationErrors &errors, const QString &field, const QString &locale)
{
    if (!locale.isEmpty() && !isValidLocale(locale))
        errors.add(field, Messages::tr("must be a language tag such as en or fr-CA"));
}

bool isValidTimeZone(const QString &id)
{
    // QTimeZone reads "" as the system's zone and opens any relative path under the zoneinfo
    // folder ("../../etc/x"), so check for the shape of an IANA name ("Europe/Paris", "Etc/GMT+5")
    // first.
    static const QRegularExpression re(
        QStringLiteral(R"(^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*\z)"));
    return id.size() <= maxTimeZoneLength && re.match(id).hasMatch()
        && QTimeZone(id.toUtf8()).isValid();
}

void checkRequiredText(ValidationErrors &errors, const QString &field, const QString &value,
                       int maxLength)
{
    // Stored trimmed: a line break around the name goes, one inside it is refused.
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        errors.add(field, Messages::tr("must not be empty"));
    else if (trimmed.size() > maxLength)
        errors.add(field, Messages::tr("must be at most %n characters", nullptr, maxLength));
    else if (QString problem = textProblem(trimmed, false); !problem.isEmpty())
        errors.add(field, problem);
}

void checkEmail(ValidationErrors &errors, const QString &field, const QString &email)
{
    if (email.trimmed().isEmpty())
        errors.add(field, Messages::tr("must not be empty"));
    else if (!isValidEmail(normalizeEmail(email)))
        errors.add(field, Messages::tr("is not a valid email address"));
}

void checkPassword(ValidationErrors &errors, const QString &field, const QString &password)
{
    if (password.size() < minPasswordLength)
        errors.add(field,
                   Messages::tr("must be at least %n characters", nullptr, minPasswordLength));
    else if (password.size() > maxPasswordLength)
        errors.add(field,
                   Messages::tr("must be at most %n characters", nullptr, maxPasswordLength));
}

void checkSlug(ValidationErrors &errors, const QString &field, const QString &slug)
{
    if (!isValidSlug(slug))
        errors.add(field,
                   Messages::tr("must be 2 to 63 lower-case letters, digits or inner hyphens"));
}

} // namespace Validation

JsonFields::JsonFields(const QJsonObject &object, ValidationErrors &errors)
    : m_object(object)
    , m_errors(errors)
{ }

bool JsonFields::present(const QString &key, Presence presence)
{
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd() || it->isNull() || it->isUndefined()) {
        if (presence == Required)
            m_errors.add(key, tr("is required"));
        return false;
    }
    return true;
}

std::optional<QString> JsonFields::string(const QString &key, Presence presence)
{
    if (!present(key, presence))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isString()) {
        m_errors.add(key, tr("must be a string"));
        return std::nullopt;
    }
    if (QString problem = Validation::jsonProblem(value); !problem.isEmpty()) {
        m_errors.add(key, problem);
        return std::nullopt;
    }
    return value.toString();
}

std::optional<bool> JsonFields::boolean(const QString &key, Presence presence)
{
    if (!present(key, presence))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isBool()) {
        m_errors.add(key, tr("must be true or false"));
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<qint64> JsonFields::integer(const QString &key, Presence presence)
{
    if (!present(key, presence))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    // toInteger() is exact beyond 2^53 and returns its default for a fraction or a number outside
    // qint64 (a cast from double would be undefined there): two defaults tell those cases apart.
    const qint64 number = value.toInteger(0);
    if (!value.isDouble() || number != value.toInteger(1)) {
        m_errors.add(key, tr("must be a whole number"));
        return std::nullopt;
    }
    return number;
}

std::optional<QJsonObject> JsonFields::object(const QString &key, Presence presence)
{
    if (!present(key, presence))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isObject()) {
        m_errors.add(key, tr("must be an object"));
        return std::nullopt;
    }
    if (QString problem = Validation::jsonProblem(value); !problem.isEmpty()) {
        m_errors.add(key, problem);
        return std::nullopt;
    }
    return value.toObject();
}

std::optional<QStringList> JsonFields::stringList(const QString &key, Presence presence)
{
    if (!present(key, presence))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        m_errors.add(key, tr("must be a list of strings"));
        return std::nullopt;
    }
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString()) {
            m_errors.add(key, tr("must be a list of strings"));
            return std::nullopt;
        }
        if (QString problem = Validation::jsonProblem(item); !problem.isEmpty()) {
            m_errors.add(key, problem);
            return std::nullopt;
        }
        list.append(item.toString());
    }
    return list;
}

void JsonFields::rejectUnknown(const QStringList &known)
{
    for (const QString &key : m_object.keys()) {
        if (!known.contains(key))
            m_errors.add(key, tr("is not a known field"));
    }
}

} // namespace Lectern
