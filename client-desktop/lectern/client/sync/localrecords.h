#pragma once

// The offline store's records: each one as the server last sent it and as the user sees it (the
// server's state with this device's pending ops replayed on top), their short copies for
// outlines and lists (record_summaries) and what changed since a view last read them. Internal
// to LocalStore (docs/architecture.md, "The offline store").

#include "localstore.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <initializer_list>
#include <optional>

class QSqlQuery;

namespace Lectern::Client {

class LocalConnection;
class Outbox;
struct StoredOp;

// A record's row as the store writes it.
struct StoredRecord
{
    QString entity;
    QString id;
    qint64 serverRev = 0;
    QString serverHlc;
    std::optional<QJsonObject> serverFields;
    QJsonObject fields;
    bool deleted = false;
    bool serverDeleted = false;
    int pending = 0;
};

class LocalRecords
{
public:
    LocalRecords(LocalConnection &connection, Outbox &outbox);

    // --- Writing (inside the caller's LocalTransaction).
    // The row of a record, deleted or not.
    std::optional<StoredRecord> load(const QString &entity, const QString &id);
    // Writes the whole row; parent and order key are read off the fields, pending is counted.
    bool save(const StoredRecord &row);
    bool erase(const QString &entity, const QString &id);
    bool refreshPending(const QString &entity, const QString &id);
    // Recomputes a record from the server's state and its remaining pending ops.
    bool rebuild(const QString &entity, const QString &id);

    // The user's view of a record: the server's state with each pending op replayed on top,
    // merged field by field as the server will (on a conflict the local value stays: the server
    // decides).
    static QJsonObject replay(const QString &entity, QJsonObject fields,
                              const QList<StoredOp> &ops);
    static bool hasPendingDelete(const QList<StoredOp> &ops);

    // --- Reads (LocalStore's). Deleted records are left out.
    std::optional<LocalRecord> record(const QString &entity, const QString &id);
    QList<LocalRecord> children(const QString &entity, const QString &parentId,
                                LocalStore::Read read);
    QList<LocalRecord> list(const QString &entity, LocalStore::Read read);
    qint64 summaryVersion();
    LocalStore::SummaryChanges summaryChangesSince(qint64 version, const QStringList &entities,
                                                   int limit);
    int openConflictCount();
    // The server revision of a record the server has sent (0 when it has not).
    qint64 serverRev(const QString &entity, const QString &id);

private:
    static StoredRecord rowFrom(const QSqlQuery &query);
    static LocalRecord recordFrom(const QSqlQuery &query);
    static LocalRecord summaryFrom(const QSqlQuery &query);
    QList<LocalRecord> select(const char *sql, std::initializer_list<QVariant> values,
                              LocalStore::Read read = LocalStore::Read::Full);

    LocalConnection &m_connection;
    Outbox &m_outbox;
};

} // namespace Lectern::Client
