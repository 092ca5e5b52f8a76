#pragma once

// The offline store's SQLite connection and its unit of work, shared by every part of LocalStore
// (schema, records, outbox, sync bookkeeping, edits): prepared statements cached by their SQL
// text, positional values, the database's last error in words, and LocalTransaction. Internal
// to the store; callers use LocalStore (docs/architecture.md, "The offline store").

#include <QJsonObject>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <initializer_list>
#include <lectern/result.h>
#include <memory>
#include <unordered_map>

class QSqlQuery;

namespace Lectern::Client {

// JSON as the store keeps it in its TEXT columns.
QString localJsonText(const QJsonObject &object);
QJsonObject localJsonObject(const QVariant &text);
// Undefined (an absent field) reads as null, as the server and the merge rules see it.
QJsonValue localDefined(const QJsonValue &value);
// A non-empty string as text, anything else as NULL (parent_id, order_key).
QVariant localTextOrNull(const QJsonValue &value);

class LocalConnection
{
public:
    LocalConnection();
    ~LocalConnection();
    Q_DISABLE_COPY_MOVE(LocalConnection)

    // Opens a connection of this thread on `path` (creating its folder); false with
    // lastSqlError() set when SQLite refuses.
    bool open(const QString &path);
    void close();
    bool isOpen() const { return !m_name.isEmpty() && m_db.isOpen(); }
    QSqlDatabase &database() { return m_db; }

    // The prepared statement for `sql` (always a string literal or a static, so its address
    // will do as the key).
    QSqlQuery &statement(const char *sql);
    // Runs a prepared statement with positional values. A SELECT's rows are read by the caller,
    // who then calls finish() so that no statement keeps a read snapshot open.
    bool run(QSqlQuery &query, std::initializer_list<QVariant> values);
    // Runs a statement that returns no rows.
    bool run(const char *sql, std::initializer_list<QVariant> values = {});
    // The first column of the first row (0 when there is none or the statement failed).
    qint64 scalar(const char *sql, std::initializer_list<QVariant> values = {});

    QString lastSqlError() const { return m_lastSqlError; }
    void setLastSqlError(const QString &error) { m_lastSqlError = error; }
    // storage_error, with the database's own words for what failed last.
    Error storageError() const;
    // storage_error: the store is not open (no account, or its database could not be opened).
    static Error notOpen();

private:
    QString m_name;
    QSqlDatabase m_db;
    std::unordered_map<const char *, std::unique_ptr<QSqlQuery>> m_statements;
    QString m_lastSqlError;
};

// One unit of work on a LocalConnection: BEGIN IMMEDIATE in the constructor, COMMIT only when
// told to, and ROLLBACK in the destructor for whatever was not committed, so that no early
// return can leave a transaction open (the server's Transaction works the same way).
class LocalTransaction
{
public:
    explicit LocalTransaction(LocalConnection &connection);
    ~LocalTransaction();
    Q_DISABLE_COPY_MOVE(LocalTransaction)

    // False when BEGIN failed (the connection's lastSqlError() says why).
    bool isOk() const { return m_active; }
    // storage_error when COMMIT failed; the destructor then rolls back.
    Result<void> commit();

private:
    LocalConnection &m_connection;
    bool m_active = false;
};

} // namespace Lectern::Client
