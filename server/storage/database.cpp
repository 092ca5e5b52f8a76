#include "database.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
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

bool SqlDialect::isUniqueViolation(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    if (m_backend == Backend::Postgres)
        return code == u"23505";
    // SQLITE_CONSTRAINT_UNIQUE (2067) and _PRIMARYKEY (1555), or the plain SQLITE_CONSTRAINT (19).
    return code == u"2067" || code == u"1555"
        || (code == u"19" && error.databaseText().contains(u"UNIQUE"));
}

Error databaseError(const QSqlError &error, const QString &what)
{
    qCWarning(lcDb).noquote() << what << "failed:" << error.text();
    return fail(ErrorCode::Internal, QStringLiteral("A database operation failed (%1).").arg(what));
}

Database::Database(DatabaseConfig config)
    : m_config(std::move(config))
    , m_dialect(m_config.backend)
    , m_prefix(QStringLiteral("lectern-") + createUuidV7String())
{ }

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
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
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
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
        statements = {QStringLiteral("PRAGMA journal_mode=WAL"),
                      QStringLiteral("PRAGMA synchronous=NORMAL"),
                      QStringLiteral("PRAGMA foreign_keys=ON")};
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
