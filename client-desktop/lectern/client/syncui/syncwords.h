#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Lectern::Client {

// The words the sync views use for records, fields, values, times and refusals, in one place so
// that the status bar, the conflict inbox and the refused changes say the same thing the same way.
class SyncWords
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::SyncWords)

public:
    // "course", "module", "lesson", "quiz", "item"... (lower case, for inside a sentence).
    static QString entityName(const QString &entity, const QJsonObject &fields = {});
    // "Title", "Text", "Description"; unknown names are spelt out ("startDate" -> "Start date").
    static QString fieldName(const QString &field);
    // The record's title (or name, or code), or "(untitled lesson)".
    static QString recordTitle(const QString &entity, const QJsonObject &fields);
    // A value as a person reads it: text as is, Yes/No, "(empty)", objects as "Key: value" lines.
    static QString valueText(const QJsonValue &value);
    // A record's fields as "Field: value" lines (long text as paragraphs), in the entity's order.
    static QString fieldsText(const QString &entity, const QJsonObject &fields);
    // "today at 14:05", "yesterday at 14:05", "on 21/11/2025 at 14:05".
    static QString when(const QDateTime &time, const QDateTime &now = QDateTime::currentDateTime());
    // "just now", "3 minutes ago", "2 hours ago", "yesterday", "on 21/11/2025".
    static QString ago(const QDateTime &time, const QDateTime &now = QDateTime::currentDateTime());
    // The time of an HLC text (invalid when it does not parse).
    static QDateTime hlcTime(const QString &hlc);
    // A Sync::Reason code as a sentence that says what happened and what the user can do.
    static QString reason(const QString &code);
};

} // namespace Lectern::Client
