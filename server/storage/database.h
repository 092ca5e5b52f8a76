#pragma once

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QWaitCondition>
#include <lectern/result.h>
#include <memory>
#include <unordered_map>

namespace Lectern::Server {

class CommitObserver;
class RecordObserver;

enum class Backend { Sqlite, Postgres };

// How a statement failed (SqlDialect::classify): the database cannot do the work now (busy or
// locked past the wait, out of space, connection lost: try again later), it refused the values
// (a NOT NULL, CHECK or foreign-key constraint, a wrong type: the data's fault), or anything else
// (a fault of the statement itself).
enum class SqlFailure { Outage, Data, Other };

// How long a writer waits for SQLite's single write lock (the busy timeout, and the in-process
// queue of writers before it) before the request answers 503 with Retry-After.
inline constexpr int sqliteBusyTimeoutMs = 10000;

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
    // Replaces the tokens used in migrations ({{SEQ_PK}}, {{BLOB}}, {{BYTE_ORDER}}) with this
    // backend's SQL.
    QString expand(QString sql) const;
    // Starts a transaction that will write. SQLite takes the write lock up front so that two
    // writers never deadlock upgrading read locks.
    QString beginWrite() const;
    QString beginRead() const { return QStringLiteral("BEGIN"); }
    // Whether a write should bring back what it wrote with RETURNING. SQLite answers RETURNING
    // through a temporary table it opens and closes for each statement: that costs as much as
    // a small insert, more than reading a row again by its key, and its last insert rowid is
    // free (SqlQuery::lastInsertId()). PostgreSQL has neither cost nor rowid.
    bool returnsRowsCheaply() const { return m_backend == Backend::Postgres; }
    // What ends an insert whose new row's `column` SqlQuery::insertedId() answers.
    QString returningId(QStringView column) const
    {
        return returnsRowsCheaply() ? QStringLiteral(" RETURNING ") + column : QString();
    }
    // Serialises writers of the change sequence until commit so that sequence order is commit
    // order (readers of the change feed never skip a row committed late). Empty where the
    // database already has a single writer.
    QString lockChangeSequence() const;
    // Serialises migrations between server processes starting at once.
    QString lockMigrations() const;
    // Refreshes the query planner's statistics (SQLite has none until asked; PostgreSQL's
    // autovacuum keeps its own). Bounded, so it stays quick on large databases.
    QStringList refreshStatistics() const;
    bool isUniqueViolation(const QSqlError &error) const;
    // A NOT NULL, CHECK or foreign-key violation, or a value the column cannot hold (PostgreSQL's
    // data exceptions: a NUL in text, a number out of range): input validation let through.
    bool isInvalidValue(const QSqlError &error) const;
    SqlFailure classify(const QSqlError &error) const;
    // For a refused value (SqlFailure::Data): the column the database named, when it named one
    // ("seconds" of "NOT NULL constraint failed: progress_events.seconds"), and whether the
    // refusal was a missing value (NOT NULL).
    QString refusedColumn(const QSqlError &error) const;
    bool isMissingValue(const QSqlError &error) const;

    // Full-text search (server/search). The index is the table search_entries: one row per
    // course, module and item, its text folded by SearchText. SQLite adds the FTS5 table
    // search_fts over it (external content, so it keeps no second copy); PostgreSQL a weighted
    // tsvector column with a GIN index. Titles weigh ten times as much as bodies on both.
    // Migrations: {{SEARCH_DOCUMENT}} (extra columns of search_entries) and {{SEARCH_INDEX}}.
    // Statements run, with the row's :rowid, :title_folded and :body_folded bound, right after a
    // row is added to search_entries and right before one is removed. Each writes one row with
    // VALUES: an INSERT ... SELECT into FTS5 opens a statement savepoint, at which FTS5 writes
    // its pending terms out as a new segment, so one per indexed record piled up segments.
    QStringList searchAfterInsert() const;
    QStringList searchBeforeDelete() const;
    // The FROM clause (search_entries aliased `s`), the condition for rows matching :match, and
    // the rank of a matching row (higher is better).
    QString searchFrom() const;
    QString searchMatches() const;
    QString searchRank() const;
    // The value for :match: every word required, the last one also as a prefix. `words` hold
    // only letters and digits (SearchText::queryWords), never the user's syntax.
    QString searchExpression(const QStringList &words) const;
    // Rows (id, title snippet, body snippet) for the rows `ids` of search_entries, with matches
    // of :match between '[' and ']' in the folded text.
    QString searchSnippets(const QList<qint64> &ids) const;

private:
    Backend m_backend;
};

// Owns the connection settings and hands out one connection per thread (QtSql connections may only
// be used in the thread that opened them). Thread-safe.
class WalCheckpointer;

class Database
{
public:
    explicit Database(DatabaseConfig config);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    const DatabaseConfig &config() const { return m_config; }
    Backend backend() const { return m_config.backend; }
    const SqlDialect &dialect() const { return m_dialect; }

    // What follows a write, registered at start-up (docs/architecture.md, "Storage and its
    // observers"): RecordStore tells every RecordObserver of each record it writes, and
    // Transaction::commit every CommitObserver of each commit that wrote change rows, in the
    // order they were added. Not owned; add them before the first write, from one thread, and
    // keep them until the last write is done: they are read without a lock.
    void addRecordObserver(RecordObserver *observer) { m_recordObservers.append(observer); }
    void addCommitObserver(CommitObserver *observer) { m_commitObservers.append(observer); }
    const QList<RecordObserver *> &recordObservers() const { return m_recordObservers; }
    const QList<CommitObserver *> &commitObservers() const { return m_commitObservers; }

    // Opens (or reuses) this thread's connection.
    Result<QSqlDatabase> connection();
    // Opens a connection now, so that a bad configuration is reported at start-up.
    Result<void> check();
    // Gives the query planner fresh statistics (see SqlDialect::refreshStatistics).
    Result<void> refreshStatistics();

    // Prepared statements are kept per connection and reused: preparing costs more than running
    // most of our queries. acquire() hands out the statement for `sql` on `connection` (prepared
    // on first use; a fresh one if that statement is already in use higher up the stack), and
    // release() gives it back. `*ok` is false when it could not be prepared.
    std::unique_ptr<QSqlQuery> acquire(const QSqlDatabase &connection, const QString &sql,
                                       bool *ok);
    void release(const QSqlDatabase &connection, const QString &sql,
                 std::unique_ptr<QSqlQuery> query);

    // SQLite has one writer at a time, and its busy handler polls with sleeps that grow to 100 ms:
    // a writer that commits and begins again at once (a long sync push in short transactions)
    // would take the lock back before a waiting writer's next poll, every time. So this
    // process's writers queue here, first come first served, before BEGIN IMMEDIATE (Transaction
    // does it). A thread already holding the turn gets it again at once. False when the turn did
    // not come within `timeoutMs`. PostgreSQL needs no queue: every call succeeds at once.
    bool enterWrite(int timeoutMs);
    void leaveWrite();

private:
    Result<void> configure(QSqlDatabase &db);

    DatabaseConfig m_config;
    SqlDialect m_dialect;
    QList<RecordObserver *> m_recordObservers;
    QList<CommitObserver *> m_commitObservers;
    QString m_prefix;
    QMutex m_mutex;
    QSet<QString> m_names;
    struct Statements
    {
        std::unordered_map<QString, std::unique_ptr<QSqlQuery>> idle;
    };
    std::unordered_map<QString, Statements> m_statements; // by connection name

    QMutex m_writeMutex;
    QWaitCondition m_writeTurn;
    QList<quint64> m_writeQueue; // tickets of the writers waiting, in order of arrival
    quint64 m_writeTickets = 0;
    const void *m_writer = nullptr; // the thread writing now
    int m_writeDepth = 0;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // SQLite only
};

// Logs the database's own words with `what` (the statement) and returns an `internal_error`
// that says neither: clients never see SQL.
Error databaseError(const QSqlError &error, const QString &what);
// For isInvalidValue(): logs it likewise and returns `validation_failed`, naming the field when
// the database named a column of a registry entity.
Error invalidValueError(const QSqlError &error, const QString &what);
// databaseError(), except that an outage (SqlDialect::classify) is `service_unavailable` with
// details.retryAfter: 503 with Retry-After, for the client to try again.
Error statementError(const SqlDialect &dialect, const QSqlError &error, const QString &what);

} // namespace Lectern::Server
