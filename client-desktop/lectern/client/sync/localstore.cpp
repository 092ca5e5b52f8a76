#include "localstore.h"

#include "../apiclient.h"
#include "localconnection.h"
#include "localedits.h"
#include "localrecords.h"
#include "localschema.h"
#include "outbox.h"
#include "syncbookkeeping.h"
#include "synclogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>
#include <lectern/entityspec.h>

// LocalStore is the offline store's one public door; its parts live beside it:
//   localconnection  the SQLite connection and LocalTransaction
//   localschema      tables and migrations
//   localrecords     records, their summaries and what changed since a view read them
//   outbox           queued and in-flight ops, and the ops the server refused
//   localedits       create / update / remove / append: a record and its op in one transaction
//   syncbookkeeping  pulled pages, push answers, cursor, clock, last success and error

namespace Lectern::Client {

Q_LOGGING_CATEGORY(lcSync, "lectern.client.sync", QtInfoMsg)

struct LocalStore::Private
{
    LocalConnection connection;
    QString path;
    QString deviceId;
    Outbox outbox {connection};
    LocalRecords records {connection, outbox};
    SyncBookkeeping bookkeeping {connection, records, outbox};
    LocalEdits edits {connection, records, outbox, bookkeeping};

    void setDeviceId(const QString &id)
    {
        deviceId = id;
        outbox.setDeviceId(id);
        bookkeeping.setDeviceId(id);
        edits.setDeviceId(id);
    }
};

LocalStore::LocalStore()
    : d(std::make_unique<Private>())
{ }

LocalStore::~LocalStore()
{
    close();
}

QString LocalStore::pathFor(const QUrl &server, const QString &userId, const QString &dataDir)
{
    const QString base = dataDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : dataDir;
    // The server's address in a form safe on every file system; the user id is a UUID.
    const QString url = ApiClient::normalizedServerUrl(server).toString(QUrl::FullyEncoded);
    const QByteArray digest = QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha256);
    QString user = userId;
    user.remove(QLatin1Char('/')).remove(QLatin1Char('\\')).remove(QLatin1Char('.'));
    return QDir(base).filePath(QStringLiteral("accounts/")
                               + QString::fromLatin1(digest.toHex().left(16)) + u'/' + user
                               + QStringLiteral("/lectern.sqlite"));
}

Result<void> LocalStore::open(const QString &path)
{
    close();
    if (!d->connection.open(path)) {
        const Error error = d->connection.storageError();
        close();
        return error;
    }
    d->path = path;
    const Result<QString> deviceId = LocalSchema::open(d->connection);
    if (!deviceId) {
        const Error error = deviceId.error();
        close();
        return error;
    }
    d->setDeviceId(deviceId.value());
    qCDebug(lcSync) << "opened" << path << "device" << d->deviceId;
    return {};
}

void LocalStore::close()
{
    d->connection.close();
    d->path.clear();
    d->setDeviceId({});
}

bool LocalStore::isOpen() const
{
    return d->connection.isOpen();
}

QString LocalStore::path() const
{
    return d->path;
}

QString LocalStore::deviceId() const
{
    return d->deviceId;
}

Result<QString> LocalStore::create(const QString &entity, const QJsonObject &fields)
{
    return d->edits.add(entity, fields, Sync::OpKind::Create);
}

Result<QString> LocalStore::append(const QString &entity, const QJsonObject &fields)
{
    return d->edits.add(entity, fields, Sync::OpKind::Append);
}

Result<void> LocalStore::update(const QString &entity, const QString &id,
                                const QJsonObject &changes, const QJsonObject &bases)
{
    return d->edits.update(entity, id, changes, bases);
}

Result<void> LocalStore::remove(const QString &entity, const QString &id)
{
    return d->edits.remove(entity, id);
}

std::optional<LocalRecord> LocalStore::record(const QString &entity, const QString &id) const
{
    return d->records.record(entity, id);
}

QList<LocalRecord> LocalStore::children(const QString &entity, const QString &parentId,
                                        Read read) const
{
    return d->records.children(entity, parentId, read);
}

QList<LocalRecord> LocalStore::list(const QString &entity, Read read) const
{
    return d->records.list(entity, read);
}

qint64 LocalStore::summaryVersion() const
{
    return d->records.summaryVersion();
}

LocalStore::SummaryChanges
LocalStore::summaryChangesSince(qint64 version, const QStringList &entities, int limit) const
{
    return d->records.summaryChangesSince(version, entities, limit);
}

int LocalStore::pendingCount() const
{
    return d->outbox.count();
}

bool LocalStore::hasPending(const QString &entity, const QString &id) const
{
    return d->outbox.hasPending(entity, id);
}

QList<LocalRecord> LocalStore::openConflicts() const
{
    QList<LocalRecord> open;
    for (const LocalRecord &conflict : list(Entities::conflict().name)) {
        if (conflict.fields.value(u"status").toString() == u"open")
            open.append(conflict);
    }
    return open;
}

int LocalStore::openConflictCount() const
{
    return d->records.openConflictCount();
}

QList<RejectedOp> LocalStore::rejectedOps() const
{
    return d->outbox.rejected();
}

int LocalStore::rejectedCount() const
{
    return d->outbox.rejectedCount();
}

Result<void> LocalStore::dismissRejected(const QString &opId)
{
    if (!d->outbox.dismissRejected(opId))
        return d->connection.storageError();
    return {};
}

QList<Sync::Op> LocalStore::outbox() const
{
    return d->outbox.all();
}

int LocalStore::inFlightCount() const
{
    return d->outbox.inFlightCount();
}

qint64 LocalStore::cursor() const
{
    return d->bookkeeping.cursor();
}

Result<void> LocalStore::applyPulled(const Sync::PullPage &page, QStringList *entities)
{
    if (!isOpen())
        return LocalConnection::notOpen();
    return d->bookkeeping.applyPulled(page, entities);
}

QList<Sync::Op> LocalStore::takeBatch(int maxOps, qint64 maxBytes)
{
    if (!isOpen())
        return {};
    return d->outbox.takeBatch(maxOps, maxBytes);
}

Result<void> LocalStore::applyPushResults(const QList<Sync::OpResult> &results,
                                          QStringList *entities, qint64 batchEnd)
{
    if (!isOpen())
        return LocalConnection::notOpen();
    return d->bookkeeping.applyPushResults(results, entities, batchEnd);
}

Result<void> LocalStore::requeueInFlight()
{
    if (!d->outbox.requeue())
        return d->connection.storageError();
    return {};
}

QDateTime LocalStore::lastSuccess() const
{
    return d->bookkeeping.lastSuccess();
}

QString LocalStore::lastError() const
{
    return d->bookkeeping.lastError();
}

Result<void> LocalStore::setLastSuccess(const QDateTime &when)
{
    return d->bookkeeping.setLastSuccess(when);
}

Result<void> LocalStore::setLastError(const QString &error)
{
    return d->bookkeeping.setLastError(error);
}

} // namespace Lectern::Client
