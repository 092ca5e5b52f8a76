#include "jsonutil.h"

#include <QJsonDocument>

namespace Lectern::Json {

QString toRfc3339(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODate);
}

QJsonValue fromDateTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(toRfc3339(time)) : QJsonValue(QJsonValue::Null);
}

QDateTime parseRfc3339(QStringView text)
{
    // Qt::ISODateWithMs accepts "T", fractions, "Z" and "+hh:mm"; insist on an explicit zone so
    // that a time is never silently read in the server's local zone.
    if (text.size() < 20 || text[10] != u'T')
        return {};
    const QChar last = text.back();
    const bool hasZone = last == u'Z' || last == u'z'
        || (text.size() >= 6 && (text[text.size() - 6] == u'+' || text[text.size() - 6] == u'-'));
    if (!hasZone)
        return {};
    QDateTime time = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QDateTime toDateTime(const QJsonValue &value)
{
    return value.isString() ? parseRfc3339(value.toString()) : QDateTime();
}

QJsonArray fromStringList(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

QByteArray toBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace Lectern::Json
