#pragma once

#include "app/server.h"

#include <QTemporaryDir>
#include <QUrl>
#include <functional>
#include <memory>

namespace Lectern::Test {

// The database backend a storage suite runs on: LECTERN_TEST_BACKEND=sqlite (default) or
// postgresql. ctest registers each storage suite once per backend.
Server::Backend backendUnderTest();
QString backendName();

// A fresh, empty database for one test server: a new SQLite file, or a new PostgreSQL database in
// the cluster named by LECTERN_TEST_PG_URL (created here, dropped in the destructor).
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();
    Q_DISABLE_COPY_MOVE(TestDatabase)

    bool isReady() const { return m_ready; }
    // Why it is not ready (e.g. no PostgreSQL cluster configured).
    QString problem() const { return m_problem; }
    // For ServerConfig::database.
    QString url() const { return m_url; }
    QString dataDir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QString m_url;
    QString m_pgName;
    QString m_adminUrl;
    QString m_problem;
    bool m_ready = false;
};

// A real lectern-server (the same Server class main() runs) listening on a free loopback port,
// with its own data folder and database; demo data by default.
class TestServer
{
public:
    struct Options
    {
        bool demo = true;
        std::function<void(Server::ServerConfig &)> configure;
        // A second instance of a scaled-out deployment: serves the database of this (started)
        // server with the same token secret, so tokens from either work on both.
        const TestServer *sameDatabaseAs = nullptr;
    };

    TestServer();
    explicit TestServer(Options options);
    ~TestServer();

    // False with problem() set when it could not start.
    bool start();
    QString problem() const { return m_problem; }
    // True when the failure to start is only that no PostgreSQL cluster is configured here.
    bool backendMissing() const;

    QUrl url() const;
    Server::Server &server() { return *m_server; }
    TestDatabase &database() { return m_database; }
    QString dataDir() const { return m_database.dataDir(); }

private:
    Options m_options;
    TestDatabase m_database;
    std::unique_ptr<Server::Server> m_server;
    QString m_problem;
};

} // namespace Lectern::Test

// Starts `testServer` or ends the test: skipped where no PostgreSQL cluster is configured (a
// developer's machine), failed everywhere else — and always failed under CI.
#define LECTERN_START_SERVER(testServer)                                                           \
    do {                                                                                           \
        if (!(testServer).start()) {                                                               \
            if ((testServer).backendMissing() && qEnvironmentVariableIsEmpty("CI"))                \
                QSKIP(qPrintable((testServer).problem()));                                         \
            QFAIL(qPrintable((testServer).problem()));                                             \
        }                                                                                          \
    } while (false)
