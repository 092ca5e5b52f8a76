#include "testserver.h"

#include <QDir>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <lectern/uuidv7.h>

namespace Lectern::Test {

Server::Backend backendUnderTest()
{
    return qEnvironmentVariable("LECTERN_TEST_BACKEND") == u"postgresql" ? Server::Backend::Postgres
                                                                         : Server::Backend::Sqlite;
}

QString backendName()
{
    return backendUnderTest() == Server::Backend::Postgres ? QStringLiteral("postgresql")
                                                           : QStringLiteral("sqlite");
}

namespace {
const QString missingCluster = QStringLiteral(
    "LECTERN_TEST_PG_URL is not set: run ./test.sh, which starts a throw-away PostgreSQL cluster");

// Runs one statement on the cluster's maintenance database (CREATE/DROP DATABASE cannot run in a
// transaction, so this uses its own short-lived connection).
QString runOnCluster(const QString &adminUrl, const QString &sql)
{
    auto config = Server::DatabaseConfig::parse(adminUrl, QString());
    if (!config)
        return config.error().message;
    const QString name = QStringLiteral("lectern-test-admin-") + createUuidV7String();
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(config->host);
        db.setPort(config->port);
        db.setDatabaseName(config->databaseName);
        db.setUserName(config->user);
        db.setPassword(config->password);
        if (!db.open()) {
            problem = QStringLiteral("Cannot reach PostgreSQL at %1: %2")
                          .arg(config->describe(), db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql))
                problem = sql + QStringLiteral(": ") + query.lastError().text();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}
} // namespace

TestDatabase::TestDatabase()
{
    if (!m_dir.isValid()) {
        m_problem = QStringLiteral("Cannot create a temporary folder.");
        return;
    }
    if (backendUnderTest() == Server::Backend::Sqlite) {
        m_url = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("test.sqlite"));
        m_ready = true;
        return;
    }
    m_adminUrl = qEnvironmentVariable("LECTERN_TEST_PG_URL");
    if (m_adminUrl.isEmpty()) {
        m_problem = missingCluster;
        return;
    }
    m_pgName = QStringLiteral("lectern_t_") + createUuidV7String().remove(u'-');
    if (const QString problem
        = runOnCluster(m_adminUrl,
                       QStringLiteral("CREATE DATABASE ")
                           + m_pgName
                           // A real deployment's collation, not the cluster's "C":
                           // ordering that silently relies on byte order shows up.
                           + QStringLiteral(" TEMPLATE template0 LOCALE_PROVIDER icu"
                                            " ICU_LOCALE 'en-US'"));
        !problem.isEmpty()) {
        m_problem = problem;
        m_pgName.clear();
        return;
    }
    QUrl url(m_adminUrl);
    url.setPath(u'/' + m_pgName);
    m_url = url.toString();
    m_ready = true;
}

TestDatabase::~TestDatabase()
{
    if (!m_pgName.isEmpty())
        runOnCluster(m_adminUrl,
                     QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgName
                         + QStringLiteral(" WITH (FORCE)"));
}

TestServer::TestServer()
    : TestServer(Options {})
{ }

TestServer::TestServer(Options options)
    : m_options(std::move(options))
{ }

TestServer::~TestServer()
{
    m_server.reset(); // close its connections before the database is dropped
}

bool TestServer::backendMissing() const
{
    return m_problem == missingCluster;
}

bool TestServer::start()
{
    if (!m_database.isReady()) {
        m_problem = m_database.problem();
        return false;
    }
    Server::ServerConfig config;
    config.dataDir = m_database.dataDir();
    config.database = m_database.url();
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = 0; // any free port
    config.demo = m_options.demo;
    if (const TestServer *first = m_options.sameDatabaseAs) {
        config.database = first->m_database.url();
        config.jwtSecretFile = QDir(first->dataDir()).filePath(QStringLiteral("jwt-secret"));
    }
    if (m_options.configure)
        m_options.configure(config);
    auto server = Server::Server::create(config);
    if (!server) {
        m_problem = server.error().message;
        return false;
    }
    m_server = std::move(*server);
    if (auto port = m_server->listen(); !port) {
        m_problem = port.error().message;
        return false;
    }
    return true;
}

QUrl TestServer::url() const
{
    return m_server ? m_server->url() : QUrl();
}

} // namespace Lectern::Test
