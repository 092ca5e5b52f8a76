#include "localconnection.h"

#include "localstore.h"
#include "synclogging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace Lectern::Client {

namespace {
std::atomic<int> connectionCounter {0};
const QString storageErrorCode = QStringLiteral("storage_error");
} // namespace

QString localJsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject localJsonObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QJsonValue localDefined(const QJsonValue &value)
{
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

QVariant localTextOrNull(const QJsonValue &value)
{
    return value.isString() && !value.toString().isEmpty() ? QVariant(value.toString())
                                                           : QVariant();
}

LocalConnection::LocalConnection() = default;

LocalConnection::~LocalConnection()
{
    close();
}

bool LocalConnection::open(const QString &path)
{
    close();
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_name = QStringLiteral("lectern-localstore-%1").arg(++connectionCounter);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (m_db.open())
        return true;
    m_lastSqlError = m_db.lastError().text();
    return false;
}

void LocalConnection::close()
{
    m_statements.clear();
    if (m_name.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

QSqlQuery &LocalConnection::statement(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return *it->second;
    auto query = std::make_unique<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    if (!query->prepare(QString::fromLatin1(sql)))
        qCWarning(lcSync) << "cannot prepare" << sql << query->lastError().text();
    return *m_statements.emplace(sql, std::move(query)).first->second;
}

bool LocalConnection::run(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant &value : values)
        query.bindValue(i++, value);
    if (query.exec())
        return true;
    m_lastSqlError = query.lastError().text();
    qCWarning(lcSync).noquote() << "SQL failed:" << query.lastQuery() << m_lastSqlError;
    return false;
}

bool LocalConnection::run(const char *sql, std::initializer_list<QVariant> values)
{
    QSqlQuery &query = statement(sql);
    const bool ok = run(query, values);
    query.finish();
    return ok;
}

qint64 LocalConnection::scalar(const char *sql, std::initializer_list<QVariant> values)
{
    QSqlQuery &query = statement(sql);
    qint64 value = 0;
    if (run(query, values) && query.next())
        value = query.value(0).toLongLong();
    query.finish();
    return value;
}

Error LocalConnection::storageError() const
{
    return Error(storageErrorCode,
                 LocalStore::tr("The offline copy on this computer could not be updated: %1")
                     .arg(m_lastSqlError));
}

Error LocalConnection::notOpen()
{
    return Error(storageErrorCode,
                 LocalStore::tr("The offline copy on this computer is not open."));
}

LocalTransaction::LocalTransaction(LocalConnection &connection)
    : m_connection(connection)
{
    // IMMEDIATE: take the write lock at once, so that two connections never both read and then
    // both try to upgrade (which SQLite answers with "database is locked").
    QSqlQuery query(m_connection.database());
    m_active = query.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active) {
        m_connection.setLastSqlError(query.lastError().text());
        qCWarning(lcSync) << "cannot begin a transaction:" << m_connection.lastSqlError();
    }
}

LocalTransaction::~LocalTransaction()
{
    if (!m_active)
        return;
    QSqlQuery query(m_connection.database());
    query.exec(QStringLiteral("ROLLBACK"));
}

Result<void> LocalTransaction::commit()
{
    if (!m_active)
        return m_connection.storageError();
    QSqlQuery query(m_connection.database());
    if (!query.exec(QStringLiteral("COMMIT"))) {
        m_connection.setLastSqlError(query.lastError().text());
        qCWarning(lcSync) << "cannot commit:" << m_connection.lastSqlError();
        return m_connection.storageError();
    }
    m_active = false;
    return {};
}

} // namespace Lectern::Client
