#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <lectern/result.h>
#include <lectern/syncop.h>
#include <memory>
#include <optional>

namespace Lectern::Client {

// One record as this device knows it (LocalStore::record()).
struct LocalRecord
{
    QString entity;
    QString id;
    QString parentId; // the value of the entity's parentField (EntitySpec), empty for top level
    // What the user sees: the server's state with this device's pending edits replayed on top.
    QJsonObject fields;
    // The last state pulled from the server (empty when the server has not sent it yet).
    QJsonObject serverFields;
    bool hasServerState = false;
    qint64 serverRev = 0;
    QString serverHlc;
    bool deleted = false;         // gone for the user (deleted here, or on the server)
    bool deletedOnServer = false; // the server deleted it while this device has pending edits
    int pending = 0;              // outbox ops of this record not yet answered by the server

    bool isSynced() const { return pending == 0; }
};

// An op the server refused (docs/architecture.md, "Operations and outcomes"): it keeps the user's
// content, which they may copy. Stays until the user dismisses it.
struct RejectedOp
{
    Sync::Op op;
    QString reason;      // a Sync::Reason code
    QString message;     // the server's words (may be empty)
    QJsonObject content; // the record as the user saw it when the op was refused
    QDateTime rejectedAt;
};

// The desktop client's offline store (docs/architecture.md, "The offline store"): one SQLite
// database per account holding every synced record, the outbox of local changes not yet
// acknowledged by the server, the pull cursor and the ops the server refused. Generic over the
// EntityRegistry: a new entity needs no code here.
//
// Every edit writes the record and its outbox op in one transaction. One LocalStore is one
// connection and belongs to the thread that opened it; the UI, the SyncEngine and the autosave's
// StoreWriter each open their own on the same file (WAL lets them coexist; writes are serialised
// by SQLite). The app edits through SyncController (or StoreWriter off its thread), which also
// tells views and the engine.
//
// This class is the store's one public door; its parts live beside it (localconnection,
// localschema, localrecords, outbox, localedits, syncbookkeeping: see localstore.cpp).
class LocalStore
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::LocalStore)

public:
    LocalStore();
    ~LocalStore();
    Q_DISABLE_COPY_MOVE(LocalStore)

    // <dataDir>/accounts/<short hash of the server URL>/<userId>/lectern.sqlite; dataDir defaults
    // to QStandardPaths::AppDataLocation.
    static QString pathFor(const QUrl &server, const QString &userId, const QString &dataDir = {});

    // Opens (creating when needed) the database at `path`.
    Result<void> open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const;
    // This database's device id (UUIDv7, made when the database was created).
    QString deviceId() const;

    // --- Edits (the UI's side). Validated against the EntityRegistry; each writes the record
    // and its outbox op in one transaction. Errors: validation_failed (details name each field),
    // not_found, server_decides (the entity cannot be changed by sync), storage_error.

    // Returns the new record's id (fields may carry an "id" made elsewhere).
    // create, update and remove refuse append-only entities (`append_only`): use append().
    Result<QString> create(const QString &entity, const QJsonObject &fields);
    // `bases`: what the editor started from for some of the changed fields. A long-text field
    // the store meanwhile changed (a pulled edit) is merged line by line (diff3) with the change
    // in the same transaction, so an edit that lands between a read and this write is never
    // overwritten; where the two overlap, the change stands here and its op carries the base as
    // its old value, so the server keeps both in a conflict.
    Result<void> update(const QString &entity, const QString &id, const QJsonObject &changes,
                        const QJsonObject &bases = {});
    Result<void> remove(const QString &entity, const QString &id);
    // Adds a record of an append-only entity (EntitySpec::isAppendOnly(): progress events) with an
    // `append` op; returns its id (a new UUIDv7, or fields' "id"). Such records never change, so
    // their ops never fold together; appending an id that is here already changes nothing and
    // answers that id. The record is pending until the server answers its op.
    Result<QString> append(const QString &entity, const QJsonObject &fields);

    // --- Reads. Deleted records are left out.
    std::optional<LocalRecord> record(const QString &entity, const QString &id) const;
    // How much of each record a read brings: Full, or Summary for outlines and lists — the
    // fields without their long texts (lesson bodies, descriptions) and without serverFields
    // (hasServerState still says whether the server has the record). Summaries are kept by the
    // database itself on every write, so a big course's outline never reads its lesson bodies.
    enum class Read { Full, Summary };
    // Ordered by the entity's order key, then id.
    QList<LocalRecord> children(const QString &entity, const QString &parentId,
                                Read read = Read::Full) const;
    QList<LocalRecord> list(const QString &entity, Read read = Read::Full) const;
    // What changed, for views that follow the store: an outline of thousands of rows reads the
    // few summaries that changed instead of all of them. The summary version grows whenever a
    // record's summary (what Read::Summary brings, its pending count and server revision
    // included) changes; a write that changes only long texts (typing in a lesson) leaves it as
    // it is. Versions belong to one database (deviceId()).
    qint64 summaryVersion() const;
    struct SummaryChanges
    {
        qint64 version = 0; // the summaryVersion() these changes lead up to
        // Summaries of `entities` added or changed since, deleted ones included (deleted set).
        QList<LocalRecord> records;
        // False when more than `limit` changed, records of `entities` left the store for good,
        // `version` is not one of this database's, or the store could not be read: read
        // everything again.
        bool complete = true;
    };
    SummaryChanges summaryChangesSince(qint64 version, const QStringList &entities,
                                       int limit = 200) const;
    // Ops in the outbox (queued or in flight).
    int pendingCount() const;
    bool hasPending(const QString &entity, const QString &id) const;
    // Records of entity "conflict" whose status is "open".
    QList<LocalRecord> openConflicts() const;
    int openConflictCount() const;
    QList<RejectedOp> rejectedOps() const;
    int rejectedCount() const;
    // The user has taken what they needed from a refused op.
    Result<void> dismissRejected(const QString &opId);
    // The outbox in push order (for tests and diagnostics).
    QList<Sync::Op> outbox() const;
    int inFlightCount() const;

    // --- Sync (the engine's side).
    qint64 cursor() const;
    // Stores one pulled page and its cursor in one transaction. Records with pending ops are
    // rebased: the server's fields with each pending op replayed through Merge::mergeField.
    // `entities` receives the names of the entities that changed.
    Result<void> applyPulled(const Sync::PullPage &page, QStringList *entities = nullptr);
    // The next ops to push (in device order), marked in flight.
    QList<Sync::Op> takeBatch(int maxOps = Sync::maxOpsPerPush,
                              qint64 maxBytes = Sync::maxPushBytes - 4096);
    // Settles the ops the server answered: applied, merged and conflict leave the outbox (a
    // conflict arrives by pull as a "conflict" record); rejected ones move to rejectedOps() and
    // their record goes back to the server's state (plus its other pending ops). Ops of the
    // batch without a result are queued again: those up to `batchEnd` (the batch's last
    // deviceSeq) when given, so a later batch already on its way stays in flight.
    Result<void> applyPushResults(const QList<Sync::OpResult> &results,
                                  QStringList *entities = nullptr, qint64 batchEnd = -1);
    // Every in-flight op back to queued: the engine calls it when it starts (a crash after a push
    // but before its answer just sends it again; the server answers by op id).
    Result<void> requeueInFlight();

    QDateTime lastSuccess() const;
    QString lastError() const;
    Result<void> setLastSuccess(const QDateTime &when);
    Result<void> setLastError(const QString &error);

private:
    // create() and append(): a new record and its op of `kind`, in one transaction.
    Result<QString> add(const QString &entity, const QJsonObject &fields, Sync::OpKind kind);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Lectern::Client
