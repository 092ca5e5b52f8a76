#include "syncwords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <lectern/entityspec.h>
#include <lectern/hlc.h>
#include <lectern/syncop.h>

namespace Lectern::Client {

QString SyncWords::entityName(const QString &entity, const QJsonObject &fields)
{
    if (entity == Entities::course().name)
        return tr("course");
    if (entity == Entities::module().name)
        return tr("module");
    if (entity == Entities::content().name) {
        const QString type = fields.value(u"type").toString();
        if (type == u"lesson")
            return tr("lesson");
        if (type == u"file")
            return tr("file");
        if (type == u"link")
            return tr("link");
        if (type == u"video")
            return tr("video");
        if (type == u"quiz")
            return tr("quiz");
        if (type == u"assignment")
            return tr("assignment");
        return tr("item");
    }
    if (entity == Entities::enrollment().name)
        return tr("enrollment");
    if (entity == Entities::cohort().name)
        return tr("cohort");
    if (entity == Entities::file().name)
        return tr("file");
    if (entity == Entities::conflict().name)
        return tr("conflict");
    return tr("record");
}

QString SyncWords::fieldName(const QString &field)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("title"), QT_TR_NOOP("Title")},
        {QStringLiteral("body"), QT_TR_NOOP("Text")},
        {QStringLiteral("description"), QT_TR_NOOP("Description")},
        {QStringLiteral("code"), QT_TR_NOOP("Code")},
        {QStringLiteral("term"), QT_TR_NOOP("Term")},
        {QStringLiteral("url"), QT_TR_NOOP("Link")},
        {QStringLiteral("published"), QT_TR_NOOP("Published")},
        {QStringLiteral("publishAt"), QT_TR_NOOP("Publish on")},
        {QStringLiteral("unlockAt"), QT_TR_NOOP("Unlocks on")},
        {QStringLiteral("required"), QT_TR_NOOP("Required")},
        {QStringLiteral("estimatedMinutes"), QT_TR_NOOP("Estimated time")},
        {QStringLiteral("settings"), QT_TR_NOOP("Settings")},
        {QStringLiteral("orderKey"), QT_TR_NOOP("Position")},
        {QStringLiteral("moduleId"), QT_TR_NOOP("Module")},
        {QStringLiteral("startDate"), QT_TR_NOOP("Start date")},
        {QStringLiteral("endDate"), QT_TR_NOOP("End date")},
        {QStringLiteral("credits"), QT_TR_NOOP("Credits")},
        {QStringLiteral("level"), QT_TR_NOOP("Level")},
        {QStringLiteral("maxEnrollment"), QT_TR_NOOP("Seat limit")},
        {QStringLiteral("name"), QT_TR_NOOP("Name")},
    };
    if (const auto it = names.constFind(field); it != names.cend())
        return tr(*it);
    // camelCase -> "Camel case": readable, if not translated.
    QString words;
    for (const QChar c : field) {
        if (c.isUpper() && !words.isEmpty())
            words += u' ';
        words += words.isEmpty() ? c.toUpper() : c.toLower();
    }
    return words;
}

QString SyncWords::recordTitle(const QString &entity, const QJsonObject &fields)
{
    for (const char16_t *key : {u"title", u"name", u"originalName", u"code"}) {
        const QString text = fields.value(QStringView(key)).toString().trimmed();
        if (!text.isEmpty())
            return text;
    }
    return tr("(untitled %1)", "%1: a kind of record, e.g. lesson").arg(entityName(entity, fields));
}

QString SyncWords::valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("(empty)");
    case QJsonValue::Bool:
        return value.toBool() ? tr("Yes") : tr("No");
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        return value.toString().isEmpty() ? tr("(empty)") : value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
    case QJsonValue::Object:
        return fieldsText({}, value.toObject());
    }
    return {};
}

QString SyncWords::fieldsText(const QString &entity, const QJsonObject &fields)
{
    if (fields.isEmpty())
        return tr("(empty)");
    QStringList order;
    if (const EntitySpec *spec = EntityRegistry::find(entity))
        order = spec->fieldNames();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!order.contains(it.key()))
            order.append(it.key());
    }
    QStringList lines;
    for (const QString &name : std::as_const(order)) {
        if (!fields.contains(name))
            continue;
        const QString text = valueText(fields.value(name));
        // Long and multi-line values get a paragraph of their own.
        if (text.contains(u'\n') || text.size() > 60)
            lines.append(tr("%1:", "a field name before its value").arg(fieldName(name)) + u'\n'
                         + text + u'\n');
        else
            lines.append(tr("%1: %2", "a field name and its value").arg(fieldName(name), text));
    }
    return lines.join(u'\n').trimmed();
}

QString SyncWords::when(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return tr("at an unknown time");
    const QDateTime local = time.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QLocale locale;
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QStringLiteral(":ss")); // minutes are enough (the C locale has seconds)
    const QString clock = locale.toString(local.time(), timeFormat);
    if (local.date() == today)
        return tr("today at %1", "%1: a time of day").arg(clock);
    if (local.date() == today.addDays(-1))
        return tr("yesterday at %1", "%1: a time of day").arg(clock);
    return tr("on %1 at %2", "%1: a date, %2: a time of day")
        .arg(locale.toString(local.date(), QLocale::ShortFormat), clock);
}

QString SyncWords::ago(const QDateTime &time, const QDateTime &now)
{
    const qint64 seconds = time.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    const QDate day = time.toLocalTime().date();
    const QDate today = now.toLocalTime().date();
    if (seconds < 12 * 3600 || day == today)
        return tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    if (day == today.addDays(-1))
        return tr("yesterday");
    return tr("on %1", "%1: a date").arg(QLocale().toString(day, QLocale::ShortFormat));
}

QDateTime SyncWords::hlcTime(const QString &hlc)
{
    const Hlc parsed = Hlc::fromString(hlc);
    if (parsed.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(parsed.wallMs, Qt::UTC);
}

QString SyncWords::reason(const QString &code)
{
    if (code == QLatin1StringView(Sync::Reason::Forbidden))
        return tr("You are not allowed to make this change. Ask the course's instructor if you "
                  "think you should be.");
    if (code == QLatin1StringView(Sync::Reason::NotFound))
        return tr("The record no longer exists on the server, or you can no longer see it.");
    if (code == QLatin1StringView(Sync::Reason::UnknownEntity))
        return tr("The server does not know this kind of record. It may run an older version of "
                  "Lectern.");
    if (code == QLatin1StringView(Sync::Reason::ServerDecides))
        return tr("This can only be changed while connected to the server, not through sync.");
    if (code == QLatin1StringView(Sync::Reason::ValidationFailed))
        return tr("The server did not accept the values you entered.");
    if (code == QLatin1StringView(Sync::Reason::AlreadyExists))
        return tr("The server already has a record with this identity, so it was not created "
                  "again.");
    if (code == QLatin1StringView(Sync::Reason::Conflict))
        return tr("Another record already uses these values (for example the same course code "
                  "and term).");
    if (code == QLatin1StringView(Sync::Reason::AppendOnly))
        return tr("This record is kept as it was made and cannot be changed or deleted.");
    return tr("The server refused this change.");
}

} // namespace Lectern::Client
