#pragma once

// The offline store's outbox: the ops this device made and the server has not answered yet, in
// device order (device_seq), queued or in flight, and the ops the server refused, kept with the
// content the person wrote until they dismiss it. Internal to LocalStore (docs/architecture.md,
// "The offline store" and "Operations and outcomes").

#include "localstore.h"

#include <QList>
#include <QString>
#include <lectern/syncop.h>
#include <optional>

class QSqlQuery;

namespace Lectern::Client {

class LocalConnection;

// An op as the outbox holds it.
struct StoredOp
{
    Sync::Op op;
    bool inFlight = false;
    bool sent = false; // went out at least once: the server may hold it already

    // Later edits may fold into it, or drop it, only while the server cannot have seen it.
    bool frozen() const { return inFlight || sent; }
};

class Outbox
{
public:
    explicit Outbox(LocalConnection &connection);

    // The database's device id, which every op carries.
    void setDeviceId(const QString &deviceId) { m_deviceId = deviceId; }

    // The pending ops of one record, oldest first.
    QList<StoredOp> ofRecord(const QString &entity, const QString &id);
    // The op whose id is `opId`, if it is still here; false when the outbox could not be read.
    bool find(const QString &opId, std::optional<StoredOp> *found);
    // Queues `op`, setting its deviceSeq.
    bool insert(Sync::Op &op);
    bool remove(qint64 deviceSeq);
    // Forgets every op of the record (one the server never heard of).
    bool removeAllOf(const QString &entity, const QString &id);
    // Writes back an op's patch and timestamp (a later edit folded into it).
    bool savePatch(const Sync::Op &op);

    QList<Sync::Op> all();
    int count();
    int inFlightCount();
    bool hasPending(const QString &entity, const QString &id);
    // The next ops to push, marked in flight (LocalStore::takeBatch()).
    QList<Sync::Op> takeBatch(int maxOps, qint64 maxBytes);
    // In-flight ops back to queued: all of them, or those up to `batchEnd` (a deviceSeq).
    bool requeue(qint64 batchEnd = -1);

    // The server refused `op`: it moves to the refused ops with the record as the user saw it.
    bool reject(const Sync::Op &op, const Sync::OpResult &result, const QJsonObject &content);
    QList<RejectedOp> rejected();
    int rejectedCount();
    bool dismissRejected(const QString &opId);

private:
    StoredOp opFrom(const QSqlQuery &query) const;

    LocalConnection &m_connection;
    QString m_deviceId;
};

} // namespace Lectern::Client
