#include "syncdevice.h"

#include <QDateTime>
#include <QDebug>
#include <QJsonDocument>
#include <lectern/hlc.h>
#include <lectern/uuidv7.h>

namespace Lectern::Test {

SyncDevice::SyncDevice(HttpClient &http, QString node)
    : m_http(http)
    , m_node(std::move(node))
    , m_id(createUuidV7String())
{ }

QJsonObject SyncDevice::op(const QString &entity, const QString &entityId, const QString &kind,
                           const QJsonObject &patch, std::optional<qint64> baseRev)
{
    const Hlc hlc {QDateTime::currentMSecsSinceEpoch(), ++m_counter, m_node};
    return {{QStringLiteral("opId"), createUuidV7String()},
            {QStringLiteral("deviceSeq"), qint64(m_counter)},
            {QStringLiteral("hlc"), hlc.toString()},
            {QStringLiteral("entity"), entity},
            {QStringLiteral("entityId"), entityId},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("baseRev"), baseRev ? QJsonValue(*baseRev) : QJsonValue()},
            {QStringLiteral("patch"), patch}};
}

QJsonObject SyncDevice::created(const QJsonObject &values)
{
    QJsonObject patch;
    for (auto it = values.begin(); it != values.end(); ++it)
        patch.insert(it.key(), QJsonObject {{QStringLiteral("new"), it.value()}});
    return patch;
}

QJsonObject SyncDevice::overwritten(const QJsonObject &values)
{
    QJsonObject patch;
    for (auto it = values.begin(); it != values.end(); ++it)
        patch.insert(it.key(),
                     QJsonObject {{QStringLiteral("old"), QJsonValue()},
                                  {QStringLiteral("new"), it.value()}});
    return patch;
}

QJsonObject SyncDevice::changed(const QString &field, const QJsonValue &oldValue,
                                const QJsonValue &newValue)
{
    return {{field,
             QJsonObject {{QStringLiteral("old"), oldValue}, {QStringLiteral("new"), newValue}}}};
}

HttpResult SyncDevice::push(const QJsonArray &ops, const QString &deviceId)
{
    const QJsonObject body {{QStringLiteral("deviceId"), deviceId.isEmpty() ? m_id : deviceId},
                            {QStringLiteral("ops"), ops}};
    return m_http.send("POST", QStringLiteral("/api/v1/sync/push"),
                       QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QList<QJsonObject> SyncDevice::pushOk(const QJsonArray &ops, const QString &deviceId)
{
    const HttpResult r = push(ops, deviceId);
    if (r.status != 200) {
        qWarning().noquote() << "push failed:" << r.status << r.body;
        return {};
    }
    QList<QJsonObject> results;
    for (const QJsonValue &v : r.data().toObject().value(u"results").toArray())
        results.append(v.toObject());
    if (results.size() != ops.size())
        qWarning().noquote() << "push answered" << results.size() << "results for" << ops.size();
    return results;
}

QHash<QString, QJsonObject> SyncDevice::pullAll(qint64 *cursor, int limit, const QString &asDevice)
{
    QHash<QString, QJsonObject> changes;
    qint64 at = cursor ? *cursor : 0;
    for (int guard = 0; guard < 100000; ++guard) {
        QString path = QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=%2").arg(at).arg(limit);
        if (!asDevice.isEmpty())
            path += QStringLiteral("&deviceId=") + asDevice;
        const HttpResult r = m_http.get(path);
        if (r.status != 200) {
            qWarning().noquote() << "pull failed:" << r.status << r.body;
            break;
        }
        const QJsonObject page = r.data().toObject();
        for (const QJsonValue &v : page.value(u"changes").toArray()) {
            const QJsonObject change = v.toObject();
            changes.insert(change.value(u"entity").toString() + u'/'
                               + change.value(u"entityId").toString(),
                           change);
        }
        at = page.value(u"cursor").toInteger();
        if (!page.value(u"hasMore").toBool())
            break;
    }
    if (cursor)
        *cursor = at;
    return changes;
}

} // namespace Lectern::Test
