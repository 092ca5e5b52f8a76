#pragma once

#include "database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <optional>

namespace Lectern::Server {

// A prepared statement with named placeholders (":name") whose failures come back as Errors.
// A unique-constraint violation becomes `already_exists`, so services can answer 409.
class Transaction;

class SqlQuery
{
public:
    SqlQuery(const QSqlDatabase &db, const SqlDialect &dialect, const QString &sql,
             Transaction *transaction = nullptr);
    ~SqlQuery();
    Q_DISABLE_COPY(SqlQuery)
    SqlQuery(SqlQuery &&) = default;

    SqlQuery &bind(const QString &placeholder, const QVariant &value);
    Result<void> exec();
    bool next() { return m_query && m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    QString text(int column) const { return m_query->value(column).toString(); }
    qint64 int64(int column) const { return m_query->value(column).toLongLong(); }
    bool boolean(int column) const { return m_query->value(column).toLongLong() != 0; }
    // Milliseconds since the epoch in the column, as a UTC time (invalid for NULL).
    QDateTime time(int column) const;
    int rowsAffected() const { return m_query ? m_query->numRowsAffected() : 0; }
    // The id of the row an insert made, its statement ending with SqlDialect::returningId():
    // the value it returned, or SQLite's rowid. None when it made no row.
    std::optional<qint64> insertedId();

private:
    std::unique_ptr<QSqlQuery> m_query;
    const SqlDialect &m_dialect;
    QString m_sql;
    QList<std::pair<QString, QVariant>> m_binds;
    Transaction *m_transaction;
    QSqlDatabase m_db;
    bool m_fromCache = false; // m_query came from the connection's statement cache
};

// Milliseconds since the epoch for storage; NULL for an invalid time.
QVariant timeValue(const QDateTime &time);
// NULL for an empty string (optional text columns).
QVariant textOrNull(const QString &text);

// One unit of work on this thread's connection. Commits only when told to; the destructor rolls
// back whatever was not committed (docs/architecture.md, "Storage and its observers").
class Transaction
{
public:
    enum Mode { Write, Read };

    explicit Transaction(Database &db, Mode mode = Write);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    // False when the connection could not be opened or BEGIN failed, or while a statement inside
    // a savepoint has failed and the savepoint was not rolled back yet; error() says why.
    bool isOk() const { return m_active && !m_savepointFailure; }
    const Error &error() const { return m_savepointFailure ? *m_savepointFailure : m_error; }

    SqlQuery query(const QString &sql);
    Result<void> commit();
    void rollback();

    Database &database() const { return m_db; }
    const SqlDialect &dialect() const { return m_db.dialect(); }

    // Set once the change sequence has been locked in this transaction (see SqlDialect).
    bool changeSequenceLocked = false;
    // The newest change_log seq per organisation written here (ChangeLog::record): the
    // database's CommitObservers are told of them just before COMMIT and once it succeeded.
    QHash<QString, qint64> writtenChanges;

    // The pushed op being applied (SyncService::push), while it is applied: the change rows of
    // its own record name the device that sent it, and `state` keeps that record as last written
    // (empty until it is), for the op's answer.
    struct Origin
    {
        QString deviceId;
        QString entity;
        QString entityId;
        QJsonObject state;

        bool is(const QString &otherEntity, const QString &otherId) const
        {
            return entityId == otherId && entity == otherEntity;
        }
    };
    std::optional<Origin> origin;

    // State an observer keeps for the length of this transaction (the search index's held-back
    // updates: SearchBatch), under a key of its own (the address of something it owns). Not
    // owned; the state detaches itself before it goes. Null when nothing is attached.
    void attach(const void *key, void *state);
    void detach(const void *key);
    void *attached(const void *key) const
    {
        for (const auto &[k, state] : m_attached) {
            if (k == key)
                return state;
        }
        return nullptr;
    }

    // A failed statement ends the unit of work at once, on both backends: PostgreSQL refuses
    // everything after an error anyway, and rolling back now lets the connection free its
    // prepared statements. Later queries of this transaction fail with `error`.
    // Inside a Savepoint only the savepoint's work is undone (see Savepoint).
    void abort(const Error &error);

    // The database's own words for the newest statement of this transaction that failed (empty
    // when none did since clearFailure()): a sync push tells from it whether an op's values were
    // refused (SqlDialect::classify) and which column.
    const QSqlError &lastFailure() const { return m_lastFailure; }
    void clearFailure() { m_lastFailure = QSqlError(); }

private:
    friend class Savepoint;
    friend class SqlQuery;
    // Ends the transaction's turn as this process's SQLite writer (Database::enterWrite).
    void leaveWrite();

    Database &m_db;
    QSqlDatabase m_connection;
    Error m_error;
    bool m_active = false;
    int m_savepoints = 0; // open Savepoints
    std::optional<Error> m_savepointFailure;
    QSqlError m_lastFailure;
    bool m_writing = false; // holds a turn of Database::enterWrite
    QList<std::pair<const void *, void *>> m_attached;
};

// A savepoint in a transaction (SAVEPOINT, on SQLite and PostgreSQL alike): a failed statement
// after it fails only the work since the savepoint, which rollback() (or the destructor) undoes,
// and the transaction carries on. A sync push applies each op inside one, so one op's
// constraint violation rejects that op and not the batch.
class Savepoint
{
public:
    explicit Savepoint(Transaction &tx);
    ~Savepoint();
    Q_DISABLE_COPY_MOVE(Savepoint)

    // False when SAVEPOINT itself failed (the transaction's error says why).
    bool isOk() const { return m_open; }
    // Keeps the work since the savepoint (it commits with the transaction).
    Result<void> release();
    // Undoes the work since the savepoint, failed or not.
    Result<void> rollback();

private:
    Transaction &m_tx;
    QString m_name;
    bool m_open = false;
    bool m_sequenceLocked = false;
};

} // namespace Lectern::Server
