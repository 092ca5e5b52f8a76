#include "database.h"

#include "walcheckpointer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <lectern/entityspec.h>
#include <lectern/uuidv7.h>

Q_LOGGING_CATEGORY(lcDb, "lectern.server.db")

namespace Lectern::Server {

Result<DatabaseConfig> DatabaseConfig::parse(const QString &url, const QString &dataDir)
{
    DatabaseConfig config;
    if (url.isEmpty() || url.startsWith(u"sqlite:")) {
        config.backend = Backend::Sqlite;
        QString path = url.isEmpty() ? QStringLiteral("lectern.sqlite") : url.mid(7);
        if (path.startsWith(u"//"))
            path = path.mid(2);
        if (path.isEmpty())
            return fail(ErrorCode::BadRequest, QStringLiteral("sqlite: needs a file path"));
        config.sqlitePath = QFileInfo(path).isAbsolute() ? path : QDir(dataDir).filePath(path);
        return config;
    }
    if (url.startsWith(u"postgresql://") || url.startsWith(u"postgres://")) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() || parsed.path().size() < 2)
            return fail(ErrorCode::BadRequest,
                        QStringLiteral("Invalid PostgreSQL URL (expected "
                                       "postgresql://user@host:port/database): %1")
                            .arg(parsed.errorString()));
        config.backend = Backend::Postgres;
        config.host = parsed.host();
        config.port = parsed.port(5432);
        config.databaseName = parsed.path().mid(1);
        config.user = parsed.userName();
        config.password = parsed.password();
        QStringList options;
        const QUrlQuery query(parsed);
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (key == u"sslmode" || key == u"connect_timeout" || key == u"application_name")
                options.append(key + u'=' + value);
        }
        if (!query.hasQueryItem(QStringLiteral("connect_timeout")))
            options.append(QStringLiteral("connect_timeout=10"));
        config.connectOptions = options.join(u';');
        return config;
    }
    return fail(
        ErrorCode::BadRequest,
        QStringLiteral("Unknown database URL %1: use sqlite:PATH or postgresql://...").arg(url));
}

QString DatabaseConfig::describe() const
{
    if (backend == Backend::Sqlite)
        return QStringLiteral("sqlite:") + sqlitePath;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

QString SqlDialect::expand(QString sql) const
{
    const bool pg = m_backend == Backend::Postgres;
    sql.replace(QStringLiteral("{{SEQ_PK}}"),
                pg ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                   : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"));
    sql.replace(QStringLiteral("{{BLOB}}"), pg ? QStringLiteral("BYTEA") : QStringLiteral("BLOB"));
    // Text compared byte by byte whatever the database's locale (order keys must sort so).
    sql.replace(QStringLiteral("{{BYTE_ORDER}}"),
                pg ? QStringLiteral("COLLATE \"C\"") : QStringLiteral("COLLATE BINARY"));
    sql.replace(QStringLiteral("{{SEARCH_DOCUMENT}}"),
                pg ? QStringLiteral(", document TSVECTOR GENERATED ALWAYS AS ("
                                    "setweight(to_tsvector('simple'::regconfig, title_folded), 'A')"
                                    " || setweight(to_tsvector('simple'::regconfig, body_folded),"
                                    " 'D')) STORED")
                   : QString());
    sql.replace(QStringLiteral("{{SEARCH_INDEX}}"),
                pg ? QStringLiteral("CREATE INDEX search_entries_document ON search_entries"
                                    " USING GIN (document)")
                   : QStringLiteral("CREATE VIRTUAL TABLE search_fts USING fts5("
                                    "title_folded, body_folded, content='search_entries',"
                                    " content_rowid='id',"
                                    " tokenize='unicode61 remove_diacritics 2')"));
    return sql;
}

QString SqlDialect::beginWrite() const
{
    return m_backend == Backend::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                        : QStringLiteral("BEGIN");
}

QString SqlDialect::lockChangeSequence() const
{
    return m_backend == Backend::Postgres ? QStringLiteral("SELECT pg_advisory_xact_lock(7310001)")
                                          : QString();
}

QString SqlDialect::lockMigrations() const
{
    return m_backend == Backend::Postgres ? QStringLiteral("SELECT pg_advisory_xact_lock(7310000)")
                                          : QString();
}

QStringList SqlDialect::refreshStatistics() const
{
    if (m_backend == Backend::Sqlite)
        return {QStringLiteral("PRAGMA analysis_limit=1000"), QStringLiteral("ANALYZE")};
    return {};
}

bool SqlDialect::isUniqueViolation(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    if (m_backend == Backend::Postgres)
        return code == u"23505";
    // SQLITE_CONSTRAINT_UNIQUE (2067) and _PRIMARYKEY (1555), or the plain SQLITE_CONSTRAINT (19).
    return code == u"2067" || code == u"1555"
        || (code == u"19" && error.databaseText().contains(u"UNIQUE"));
}

bool SqlDialect::isInvalidValue(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    if (m_backend == Backend::Postgres)
        return code == u"23502" || code == u"23503" || code == u"23514" || code.startsWith(u"22");
    // SQLITE_CONSTRAINT_NOTNULL (1299), _CHECK (275), _FOREIGNKEY (787), SQLITE_MISMATCH (20) or
    // the plain SQLITE_CONSTRAINT (19; unique violations are told apart first).
    return code == u"1299" || code == u"275" || code == u"787" || code == u"20" || code == u"19";
}

SqlFailure SqlDialect::classify(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    if (m_backend == Backend::Postgres) {
        // SQLSTATE. None at all: the server never answered (the connection is gone).
        if (code.isEmpty() || code.startsWith(u"08") || code.startsWith(u"40")
            || code.startsWith(u"53") || code.startsWith(u"57") || code.startsWith(u"58")
            || code == u"55P03" || code == u"55006")
            return SqlFailure::Outage;
        // Integrity constraints (23) and bad values (22: wrong type, out of range).
        if (code.startsWith(u"23") || code.startsWith(u"22"))
            return SqlFailure::Data;
        return SqlFailure::Other;
    }
    bool ok = false;
    const int primary = code.toInt(&ok) & 0xff; // Qt may hand out the extended result code
    if (!ok)
        return SqlFailure::Other;
    switch (primary) {
    case 5:  // SQLITE_BUSY: the lock was not given within the busy timeout
    case 6:  // SQLITE_LOCKED
    case 7:  // SQLITE_NOMEM
    case 8:  // SQLITE_READONLY
    case 10: // SQLITE_IOERR
    case 11: // SQLITE_CORRUPT
    case 13: // SQLITE_FULL
    case 14: // SQLITE_CANTOPEN
    case 15: // SQLITE_PROTOCOL
    case 26: // SQLITE_NOTADB
        return SqlFailure::Outage;
    case 18: // SQLITE_TOOBIG
    case 19: // SQLITE_CONSTRAINT: NOT NULL, CHECK, FOREIGN KEY, UNIQUE
    case 20: // SQLITE_MISMATCH: datatype mismatch
        return SqlFailure::Data;
    default:
        return SqlFailure::Other;
    }
}

QString SqlDialect::refusedColumn(const QSqlError &error) const
{
    static const QRegularExpression sqliteNotNull(
        QStringLiteral("NOT NULL constraint failed: \\w+\\.(\\w+)"));
    static const QRegularExpression pgNotNull(QStringLiteral("null value in column \"([^\"]+)\""));
    static const QRegularExpression pgKey(QStringLiteral("Key \\(([a-z_]+)\\)="));
    const QString text = error.databaseText();
    for (const QRegularExpression *pattern : {&sqliteNotNull, &pgNotNull, &pgKey}) {
        const QRegularExpressionMatch match = pattern->match(text);
        if (match.hasMatch())
            return match.captured(1);
    }
    return {};
}

bool SqlDialect::isMissingValue(const QSqlError &error) const
{
    if (m_backend == Backend::Postgres)
        return error.nativeErrorCode() == u"23502";
    return error.nativeErrorCode() == u"1299"
        || error.databaseText().contains(u"NOT NULL constraint failed");
}

QStringList SqlDialect::searchAfterInsert() const
{
    if (m_backend == Backend::Postgres)
        return {}; // the document column is generated
    return {QStringLiteral("INSERT INTO search_fts (rowid, title_folded, body_folded)"
                           " VALUES (:rowid, :title_folded, :body_folded)")};
}

QStringList SqlDialect::searchBeforeDelete() const
{
    if (m_backend == Backend::Postgres)
        return {};
    // An external-content FTS5 table forgets a row when told its old text.
    return {QStringLiteral("INSERT INTO search_fts (search_fts, rowid, title_folded, body_folded)"
                           " VALUES ('delete', :rowid, :title_folded, :body_folded)")};
}

QString SqlDialect::searchFrom() const
{
    return m_backend == Backend::Postgres
        ? QStringLiteral("search_entries s")
        : QStringLiteral("search_fts JOIN search_entries s ON s.id = search_fts.rowid");
}

QString SqlDialect::searchMatches() const
{
    return m_backend == Backend::Postgres
        ? QStringLiteral("s.document @@ to_tsquery('simple', :match)")
        : QStringLiteral("search_fts MATCH :match");
}

QString SqlDialect::searchRank() const
{
    // ts_rank_cd weighs {D, C, B, A}: bodies are D, titles A. bm25() is lower for better rows.
    return m_backend == Backend::Postgres
        ? QStringLiteral("ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', s.document,"
                         " to_tsquery('simple', :match))")
        : QStringLiteral("-bm25(search_fts, 10.0, 1.0)");
}

QString SqlDialect::searchExpression(const QStringList &words) const
{
    const bool pg = m_backend == Backend::Postgres;
    QStringList terms;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const bool last = i == words.size() - 1;
        // Quoted, so that words such as NEAR, AND or OR are words, not operators.
        if (pg)
            terms.append(u'\'' + words.at(i)
                         + (last ? QStringLiteral("':*") : QStringLiteral("'")));
        else
            terms.append(u'"' + words.at(i)
                         + (last ? QStringLiteral("\"*") : QStringLiteral("\"")));
    }
    return terms.join(pg ? QStringLiteral(" & ") : QStringLiteral(" "));
}

QString SqlDialect::searchSnippets(const QList<qint64> &ids) const
{
    QStringList list;
    for (const qint64 id : ids)
        list.append(QString::number(id));
    const QString in = list.isEmpty() ? QStringLiteral("NULL") : list.join(u',');
    if (m_backend == Backend::Postgres) {
        const QString options
            = QStringLiteral("'StartSel=[, StopSel=], MaxWords=24, MinWords=12, ShortWord=0'");
        return QStringLiteral("SELECT s.id, ts_headline('simple', s.title_folded, q, %1),"
                              " ts_headline('simple', s.body_folded, q, %1)"
                              " FROM search_entries s, to_tsquery('simple', :match) q"
                              " WHERE s.id IN (%2)")
            .arg(options, in);
    }
    return QStringLiteral("SELECT rowid, snippet(search_fts, 0, '[', ']', '', 24),"
                          " snippet(search_fts, 1, '[', ']', '', 24) FROM search_fts"
                          " WHERE search_fts MATCH :match AND rowid IN (%1)")
        .arg(in);
}

Error databaseError(const QSqlError &error, const QString &what)
{
    qCWarning(lcDb).noquote() << what << "failed:" << error.text();
    return fail(ErrorCode::Internal, QStringLiteral("A database operation failed."));
}

Error invalidValueError(const QSqlError &error, const QString &what)
{
    qCInfo(lcDb).noquote() << what << "refused a value:" << error.text();
    // PostgreSQL: «null value in column "description" of relation ...»;
    // SQLite: «NOT NULL constraint failed: courses.description».
    static const QRegularExpression column(
        QStringLiteral(R"re(column "([a-z_]+)"|constraint failed: [a-z_]+\.([a-z_]+))re"));
    const QRegularExpressionMatch match = column.match(error.databaseText());
    const QString name = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    ValidationErrors errors;
    for (const EntitySpec &spec : EntityRegistry::all()) {
        for (const FieldSpec &f : spec.fields) {
            if (!name.isEmpty() && f.column == name && !errors.has(f.name))
                errors.add(f.name,
                           QCoreApplication::translate("Lectern::Server::Database",
                                                       "is not a value this field takes"));
        }
    }
    if (errors.isEmpty())
        return fail(ErrorCode::ValidationFailed,
                    QCoreApplication::translate("Lectern::Server::Database",
                                                "A value in the request is not valid."),
                    {{QStringLiteral("fields"), QJsonObject()}});
    return errors.toError();
}

Error statementError(const SqlDialect &dialect, const QSqlError &error, const QString &what)
{
    if (dialect.classify(error) != SqlFailure::Outage)
        return databaseError(error, what);
    qCWarning(lcDb).noquote() << what << "failed, the database is unavailable:" << error.text();
    return fail(ErrorCode::Unavailable,
                QCoreApplication::translate("Lectern::Server::Database",
                                            "The database is busy. Try again in a moment."),
                {{QStringLiteral("retryAfter"), 1}});
}

bool Database::enterWrite(int timeoutMs)
{
    if (m_config.backend != Backend::Sqlite)
        return true;
    const void *self = QThread::currentThread();
    QMutexLocker lock(&m_writeMutex);
    if (m_writer == self) {
        ++m_writeDepth;
        return true;
    }
    const quint64 ticket = ++m_writeTickets;
    m_writeQueue.append(ticket);
    QDeadlineTimer deadline(timeoutMs);
    while (m_writer || m_writeQueue.first() != ticket) {
        if (!m_writeTurn.wait(&m_writeMutex, deadline)) {
            m_writeQueue.removeOne(ticket);
            m_writeTurn.wakeAll(); // the next in line may be free to go now
            qCWarning(lcDb).noquote()
                << "no turn to write within" << timeoutMs << "ms, the database is unavailable";
            return false;
        }
    }
    m_writeQueue.removeFirst();
    m_writer = self;
    m_writeDepth = 1;
    return true;
}

void Database::leaveWrite()
{
    if (m_config.backend != Backend::Sqlite)
        return;
    QMutexLocker lock(&m_writeMutex);
    if (m_writer != QThread::currentThread() || --m_writeDepth > 0)
        return;
    m_writer = nullptr;
    m_writeTurn.wakeAll();
    lock.unlock();
    m_checkpointer->nudge();
}

Database::Database(DatabaseConfig config)
    : m_config(std::move(config))
    , m_dialect(m_config.backend)
    , m_prefix(QStringLiteral("lectern-") + createUuidV7String())
{
    if (m_config.backend == Backend::Sqlite)
        m_checkpointer
            = std::make_unique<WalCheckpointer>(m_config.sqlitePath, sqliteBusyTimeoutMs);
}

std::unique_ptr<QSqlQuery> Database::acquire(const QSqlDatabase &connection, const QString &sql,
                                             bool *ok)
{
    {
        QMutexLocker lock(&m_mutex);
        auto statements = m_statements.find(connection.connectionName());
        if (statements != m_statements.end()) {
            auto it = statements->second.idle.find(sql);
            if (it != statements->second.idle.end()) {
                std::unique_ptr<QSqlQuery> query = std::move(it->second);
                statements->second.idle.erase(it);
                *ok = true;
                return query;
            }
        }
    }
    auto query = std::make_unique<QSqlQuery>(connection);
    query->setForwardOnly(true);
    *ok = query->prepare(sql);
    return query;
}

void Database::release(const QSqlDatabase &connection, const QString &sql,
                       std::unique_ptr<QSqlQuery> query)
{
    query->finish(); // resets the statement: it holds no read lock while idle
    QMutexLocker lock(&m_mutex);
    Statements &statements = m_statements[connection.connectionName()];
    if (statements.idle.size() < 512)
        statements.idle.try_emplace(sql, std::move(query));
}

Database::~Database()
{
    m_checkpointer.reset(); // its connection is its own, closed by its thread
    QMutexLocker lock(&m_mutex);
    m_statements.clear(); // before the connections they belong to go
    // Connections of worker threads are closed from here: QSqlDatabase::database() would refuse
    // to hand them to this thread, but removing them (which closes them) is allowed.
    for (const QString &name : std::as_const(m_names))
        QSqlDatabase::removeDatabase(name);
}

Result<QSqlDatabase> Database::connection()
{
    const QString name = m_prefix + u'-'
        + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
    {
        QMutexLocker lock(&m_mutex);
        if (m_names.contains(name)) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                return db;
            if (!db.open())
                return databaseError(db.lastError(), QStringLiteral("reopening the database"));
            if (auto r = configure(db); !r)
                return r.error();
            return db;
        }
        m_names.insert(name);
    }

    QSqlDatabase db;
    if (m_config.backend == Backend::Sqlite) {
        QDir().mkpath(QFileInfo(m_config.sqlitePath).absolutePath());
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_config.sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(sqliteBusyTimeoutMs));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setDatabaseName(m_config.databaseName);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setConnectOptions(m_config.connectOptions);
    }
    if (!db.isValid())
        return fail(ErrorCode::Internal,
                    QStringLiteral("The Qt SQL driver for %1 is not installed.")
                        .arg(m_config.backend == Backend::Sqlite ? u"SQLite" : u"PostgreSQL"));
    if (!db.open()) {
        qCWarning(lcDb).noquote() << "cannot open" << m_config.describe() << db.lastError().text();
        return fail(ErrorCode::Unavailable,
                    QStringLiteral("Cannot open the database %1: %2")
                        .arg(m_config.describe(), db.lastError().text()));
    }
    if (auto r = configure(db); !r)
        return r.error();
    return db;
}

Result<void> Database::configure(QSqlDatabase &db)
{
    QStringList statements;
    if (m_config.backend == Backend::Sqlite) {
        // cache_size: SQLite's default page cache (2 MiB per connection) is smaller than one
        // large course with its indexes, so a long push evicted and re-read pages all along.
        // 32 MiB per connection, taken only as it is used.
        // temp_store: a push runs each op in a savepoint, whose journal otherwise spills to a
        // temporary file past 64 KiB, one write per page.
        // wal_autocheckpoint: the WalCheckpointer copies the log back; a writer does it only
        // past 10,000 pages (40 MiB), should the checkpointer fall behind.
        statements = {QStringLiteral("PRAGMA journal_mode=WAL"),
                      QStringLiteral("PRAGMA synchronous=NORMAL"),
                      QStringLiteral("PRAGMA foreign_keys=ON"),
                      QStringLiteral("PRAGMA cache_size=-32768"),
                      QStringLiteral("PRAGMA temp_store=MEMORY"),
                      QStringLiteral("PRAGMA wal_autocheckpoint=10000")};
    } else {
        statements = {QStringLiteral("SET client_min_messages TO warning"),
                      QStringLiteral("SET TIME ZONE 'UTC'")};
    }
    for (const QString &sql : statements) {
        QSqlQuery query(db);
        // Switching a brand-new SQLite file to WAL needs a moment of exclusive access that the
        // busy timeout does not wait for: when two connections open it at once, retry briefly.
        bool ok = query.exec(sql);
        for (int attempt = 0; !ok && attempt < 50 && m_config.backend == Backend::Sqlite
             && query.lastError().text().contains(u"locked");
             ++attempt) {
            QThread::msleep(20);
            ok = query.exec(sql);
        }
        if (!ok)
            return databaseError(query.lastError(), sql);
    }
    return {};
}

Result<void> Database::refreshStatistics()
{
    auto db = connection();
    if (!db)
        return db.error();
    for (const QString &sql : m_dialect.refreshStatistics()) {
        QSqlQuery query(*db);
        if (!query.exec(sql))
            return databaseError(query.lastError(), sql);
    }
    return {};
}

Result<void> Database::check()
{
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    if (!query.exec(QStringLiteral("SELECT 1")) || !query.next())
        return databaseError(query.lastError(), QStringLiteral("SELECT 1"));
    return {};
}

} // namespace Lectern::Server
