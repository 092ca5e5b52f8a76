#pragma once

// The offline store's write door for local edits (LocalStore::create(), update(), remove(),
// append()): each edit is checked against the EntityRegistry, then the record and its outbox op
// are written in one LocalTransaction. A later edit of a field folds into the queued op that
// holds it while the server cannot have seen that op yet. Internal to LocalStore; the app edits
// through SyncController, which also tells views and the engine (docs/architecture.md, "The
// offline store").

#include <QJsonObject>
#include <QString>
#include <lectern/result.h>
#include <lectern/syncop.h>

namespace Lectern::Client {

class LocalConnection;
class LocalRecords;
class Outbox;
class SyncBookkeeping;

class LocalEdits
{
public:
    LocalEdits(LocalConnection &connection, LocalRecords &records, Outbox &outbox,
               SyncBookkeeping &bookkeeping);

    void setDeviceId(const QString &deviceId) { m_deviceId = deviceId; }

    // create() and append(): a new record and its op of `kind`.
    Result<QString> add(const QString &entity, const QJsonObject &fields, Sync::OpKind kind);
    Result<void> update(const QString &entity, const QString &id, const QJsonObject &changes,
                        const QJsonObject &bases);
    Result<void> remove(const QString &entity, const QString &id);

private:
    LocalConnection &m_connection;
    LocalRecords &m_records;
    Outbox &m_outbox;
    SyncBookkeeping &m_bookkeeping;
    QString m_deviceId;
};

} // namespace Lectern::Client
