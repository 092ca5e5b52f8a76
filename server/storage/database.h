#pragma once

#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <lectern/result.h>

namespace Lectern::Server {

enum class Backend { Sqlite, Postgres };

// Where the data lives: "sqlite:PATH" (relative paths are under the data folder) or
// "postgresql://user[:password]@host[:port]/db[?sslmode=...]".
struct DatabaseConfig
{
    Backend backend = Backend::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString databaseName;
    QString user;
    QString password;
    QString connectOptions;

    static Result<DatabaseConfig> parse(const QString &url, const QString &dataDir);
    // For logs and messages: never shows the password.
    QString describe() const;
};

// The SQL that differs between SQLite and PostgreSQL, all in one place.
class SqlDialect
{
public:
    explicit SqlDialect(Backend backend)
        : m_backend(backend)
    { }

    Backend backend() const { return m_backend; }
    // Replaces the type tokens used in migrations ({{SEQ_PK}}, {{BLOB}}) with this backend's types.
    QString expand(QString sql) const;
    // Starts a transaction that will write. SQLite takes the write lock up front so that two
    // writers never deadlock upgrading read locks.
    QString beginWrite() const;
    QString beginRead() const { return QStringLiteral("BEGIN"); }
    // Serialises writers of the change sequence until commit so that sequence order is commit
    // order (readers of the change feed never skip a row committed late). Empty where the
    // database already has a single writer.
    QString lockChangeSequence() const;
    // Serialises migrations between server processes starting at once.
    QString lockMigrations() const;
    bool isUniqueViolation(const QSqlError &error) const;

private:
    Backend m_backend;
};

// Owns the connection settings and hands out one connection per thread (QtSql connections may only
// be used in the thread that opened them). Thread-safe.
class Database
{
public:
    explicit Database(DatabaseConfig config);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    const DatabaseConfig &config() const { return m_config; }
    Backend backend() const { return m_config.backend; }
    const SqlDialect &dialect() const { return m_dialect; }

    // Opens (or reuses) this thread's connection.
    Result<QSqlDatabase> connection();
    // Opens a connection now, so that a bad configuration is reported at start-up.
    Result<void> check();

private:
    Result<void> configure(QSqlDatabase &db);

    DatabaseConfig m_config;
    SqlDialect m_dialect;
    QString m_prefix;
    QMutex m_mutex;
    QSet<QString> m_names;
};

Error databaseError(const QSqlError &error, const QString &what);

} // namespace Lectern::Server
