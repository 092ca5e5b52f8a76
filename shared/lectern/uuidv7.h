#pragma once

#include <QString>
#include <QUuid>

namespace Lectern {

// UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids made on any device
// sort by creation time and index well. Monotonic within a process even when the clock stalls.
QUuid createUuidV7();
QString createUuidV7String();

// The canonical lower-case form without braces ("0190a3b2-...").
QString uuidToString(const QUuid &uuid);
// True for a canonical 36-character UUID string (any version), which is what the API accepts as an
// id.
bool isUuidString(QStringView text);
// Milliseconds since the epoch encoded in a v7 UUID, or -1 for another version.
qint64 uuidV7Timestamp(const QUuid &uuid);

} // namespace Lectern
