#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace Lectern::Json {

// RFC 3339 UTC with second precision ("2026-11-21T09:30:00Z"); null for an invalid time.
QJsonValue fromDateTime(const QDateTime &time);
QString toRfc3339(const QDateTime &time);
// Accepts RFC 3339 with "Z" or an offset; returns an invalid QDateTime otherwise.
QDateTime toDateTime(const QJsonValue &value);
QDateTime parseRfc3339(QStringView text);

QJsonArray fromStringList(const QStringList &list);
QStringList toStringList(const QJsonValue &value);

// Compact UTF-8 serialisation, as sent on the wire.
QByteArray toBytes(const QJsonObject &object);

} // namespace Lectern::Json
