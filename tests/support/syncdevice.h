#pragma once

#include "httpclient.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <lectern/syncop.h>
#include <optional>

namespace Lectern::Test {

// A device's side of the sync protocol for the server suites: ops made as a device makes them
// (op id, device sequence, hybrid clock), pushed and pulled over real HTTP with whatever token
// the HttpClient holds at the time.
class SyncDevice
{
public:
    // `node`: the name in the device's clock readings.
    explicit SyncDevice(HttpClient &http, QString node = QStringLiteral("test-device"));

    QString id() const { return m_id; }

    // An op of this device on one record; `patch` as on the wire: {"field": {"old", "new"}}.
    QJsonObject op(const QString &entity, const QString &entityId, const QString &kind,
                   const QJsonObject &patch, std::optional<qint64> baseRev = std::nullopt);
    // {"f": {"new": v}} for each value: the patch of a create (or an append).
    static QJsonObject created(const QJsonObject &values);
    // {"f": {"old": null, "new": v}} for each value: an update made without knowing the base.
    static QJsonObject overwritten(const QJsonObject &values);
    // {"field": {"old": o, "new": n}}: an update made on a known value.
    static QJsonObject changed(const QString &field, const QJsonValue &oldValue,
                               const QJsonValue &newValue);

    // POST /api/v1/sync/push as this device, or as the device `deviceId`.
    HttpResult push(const QJsonArray &ops, const QString &deviceId = {});
    // The results of a push that must answer 200, in order; empty (with a warning) otherwise.
    QList<QJsonObject> pushOk(const QJsonArray &ops, const QString &deviceId = {});
    // Pulls from `*cursor` (0 when null) until hasMore is false: the newest change of each
    // record by "entity/id"; `*cursor` becomes the final cursor. With `asDevice`, as that device
    // pulls (leaving out the changes its own pushes made).
    QHash<QString, QJsonObject> pullAll(qint64 *cursor = nullptr, int limit = Sync::maxPullLimit,
                                        const QString &asDevice = {});

private:
    HttpClient &m_http;
    QString m_node;
    QString m_id;
    quint32 m_counter = 0;
};

} // namespace Lectern::Test
