#include "transaction.h"

#include "recordobserver.h"

#include <QCoreApplication>
#include <QSqlError>

namespace Lectern::Server {

SqlQuery::SqlQuery(const QSqlDatabase &db, const SqlDialect &dialect, const QString &sql,
                   Transaction *transaction)
    : m_dialect(dialect)
    , m_sql(sql)
    , m_transaction(transaction)
    , m_db(db)
{ }

SqlQuery::~SqlQuery()
{
    if (m_fromCache && m_transaction && m_query)
        m_transaction->database().release(m_db, m_sql, std::move(m_query));
}

SqlQuery &SqlQuery::bind(const QString &placeholder, const QVariant &value)
{
    m_binds.append({placeholder, value});
    return *this;
}

std::optional<qint64> SqlQuery::insertedId()
{
    if (m_dialect.returnsRowsCheaply())
        return next() ? std::optional<qint64>(int64(0)) : std::nullopt;
    if (!m_query || m_query->numRowsAffected() <= 0)
        return std::nullopt;
    return m_query->lastInsertId().toLongLong();
}

Result<void> SqlQuery::exec()
{
    if (m_transaction && !m_transaction->isOk())
        return m_transaction->error();
    // Statements without parameters run as they are: PostgreSQL cannot PREPARE DDL or SET.
    bool ok = false;
    if (m_binds.isEmpty()) {
        m_query = std::make_unique<QSqlQuery>(m_db);
        m_query->setForwardOnly(true);
        ok = m_query->exec(m_sql);
    } else {
        bool prepared = false;
        if (m_transaction) {
            m_query = m_transaction->database().acquire(m_db, m_sql, &prepared);
            m_fromCache = prepared;
        } else {
            m_query = std::make_unique<QSqlQuery>(m_db);
            m_query->setForwardOnly(true);
            prepared = m_query->prepare(m_sql);
        }
        if (prepared) {
            for (const auto &[placeholder, value] : std::as_const(m_binds))
                m_query->bindValue(placeholder, value);
            ok = m_query->exec();
        }
    }
    if (ok)
        return {};
    const QSqlError sqlError = m_query->lastError();
    const Error error = m_dialect.isUniqueViolation(sqlError)
        ? fail(ErrorCode::AlreadyExists,
               QStringLiteral("A record with these values already exists."))
        : m_dialect.isInvalidValue(sqlError)
        ? invalidValueError(sqlError, m_sql.simplified().left(120))
        : statementError(m_dialect, sqlError, m_sql.simplified().left(120));
    if (m_transaction) {
        m_transaction->m_lastFailure = sqlError;
        m_transaction->abort(error);
    }
    return error;
}

QDateTime SqlQuery::time(int column) const
{
    const QVariant v = m_query->value(column);
    if (v.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

Transaction::Transaction(Database &db, Mode mode)
    : m_db(db)
{
    auto connection = db.connection();
    if (!connection) {
        m_error = connection.error();
        return;
    }
    m_connection = *connection;
    if (mode == Write) {
        if (!db.enterWrite(sqliteBusyTimeoutMs)) {
            m_error = fail(ErrorCode::Unavailable,
                           QCoreApplication::translate("Lectern::Server::Database",
                                                       "The database is busy. Try again in a "
                                                       "moment."),
                           {{QStringLiteral("retryAfter"), 1}});
            return;
        }
        m_writing = true;
    }
    QSqlQuery begin(m_connection);
    const QString sql = mode == Write ? db.dialect().beginWrite() : db.dialect().beginRead();
    if (!begin.exec(sql)) {
        m_error = statementError(db.dialect(), begin.lastError(), sql);
        leaveWrite();
        return;
    }
    m_active = true;
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
    leaveWrite();
}

void Transaction::leaveWrite()
{
    if (std::exchange(m_writing, false))
        m_db.leaveWrite();
}

SqlQuery Transaction::query(const QString &sql)
{
    return SqlQuery(m_connection, m_db.dialect(), sql, this);
}

void Transaction::abort(const Error &error)
{
    if (m_savepoints > 0) {
        if (!m_savepointFailure)
            m_savepointFailure = error;
        return;
    }
    rollback();
    m_error = error;
}

Savepoint::Savepoint(Transaction &tx)
    : m_tx(tx)
    , m_name(QStringLiteral("sp_%1").arg(tx.m_savepoints + 1))
    , m_sequenceLocked(tx.changeSequenceLocked)
{
    if (!tx.isOk())
        return;
    QSqlQuery q(tx.m_connection);
    if (!q.exec(QStringLiteral("SAVEPOINT ") + m_name)) {
        tx.abort(statementError(tx.dialect(), q.lastError(), QStringLiteral("SAVEPOINT")));
        return;
    }
    ++tx.m_savepoints;
    m_open = true;
}

Savepoint::~Savepoint()
{
    if (m_open)
        (void)rollback();
}

Result<void> Savepoint::release()
{
    if (!m_open)
        return fail(ErrorCode::Internal, QStringLiteral("No savepoint."));
    if (m_tx.m_savepointFailure)
        return *m_tx.m_savepointFailure; // roll back instead: the work is not all there
    m_open = false;
    --m_tx.m_savepoints;
    QSqlQuery q(m_tx.m_connection);
    if (!q.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_name)) {
        const Error error
            = statementError(m_tx.dialect(), q.lastError(), QStringLiteral("RELEASE SAVEPOINT"));
        m_tx.abort(error);
        return error;
    }
    return {};
}

Result<void> Savepoint::rollback()
{
    if (!m_open)
        return fail(ErrorCode::Internal, QStringLiteral("No savepoint."));
    m_open = false;
    --m_tx.m_savepoints;
    m_tx.m_savepointFailure.reset();
    if (!m_tx.m_active)
        return m_tx.m_error;
    // A lock taken after the savepoint is released with it (PostgreSQL), so take it again.
    m_tx.changeSequenceLocked = m_sequenceLocked;
    QSqlQuery q(m_tx.m_connection);
    if (!q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_name)
        || !q.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_name)) {
        const Error error = statementError(m_tx.dialect(), q.lastError(),
                                           QStringLiteral("ROLLBACK TO SAVEPOINT"));
        m_tx.abort(error);
        return error;
    }
    return {};
}

Result<void> Transaction::commit()
{
    if (!m_active)
        return m_error.code.isEmpty() ? fail(ErrorCode::Internal, QStringLiteral("No transaction."))
                                      : m_error;
    if (m_savepointFailure)
        return *m_savepointFailure;
    if (!writtenChanges.isEmpty()) {
        for (CommitObserver *observer : m_db.commitObservers()) {
            if (auto r = observer->beforeCommit(*this, writtenChanges); !r) {
                rollback(); // a failed statement did already
                return r.error();
            }
        }
    }
    QSqlQuery commit(m_connection);
    m_active = false;
    if (!commit.exec(QStringLiteral("COMMIT"))) {
        const Error error = statementError(dialect(), commit.lastError(), QStringLiteral("COMMIT"));
        QSqlQuery(m_connection).exec(QStringLiteral("ROLLBACK"));
        leaveWrite();
        return error;
    }
    leaveWrite();
    if (!writtenChanges.isEmpty()) {
        const CommitObserver::Changes changes = std::exchange(writtenChanges, {});
        for (CommitObserver *observer : m_db.commitObservers())
            observer->committed(changes);
    }
    return {};
}

void Transaction::attach(const void *key, void *state)
{
    Q_ASSERT(!attached(key));
    m_attached.append({key, state});
}

void Transaction::detach(const void *key)
{
    m_attached.removeIf([key](const auto &entry) { return entry.first == key; });
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery(m_connection).exec(QStringLiteral("ROLLBACK"));
    leaveWrite();
}

} // namespace Lectern::Server
