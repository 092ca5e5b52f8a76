#include "httpclient.h"
#include "storage/migrations.h"
#include "storage/transaction.h"
#include "testserver.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcDb)

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;

// The schema comes and stays up to date by itself: an empty database gets every migration, a
// migrated one gets none and keeps its data, and servers starting at once do not apply anything
// twice.
class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase();
    void emptyDatabaseGetsEveryMigration();
    void tablesExist_data();
    void tablesExist();
    void secondApplyChangesNothing();
    void migratedDatabaseKeepsItsData();
    void concurrentAppliesRecordEachVersionOnce();
    void newerSchemaRefusesToStart();
    void sqliteLogIsCopiedBackWithoutTheWriters();

private:
    // A migrated database shared by the table checks.
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Server::Database> m_db;
};

namespace {
#define REQUIRE_DATABASE(testDatabase)                                                             \
    do {                                                                                           \
        if (!(testDatabase).isReady()) {                                                           \
            if ((testDatabase).problem().contains(u"LECTERN_TEST_PG_URL")                          \
                && qEnvironmentVariableIsEmpty("CI"))                                              \
                QSKIP(qPrintable((testDatabase).problem()));                                       \
            QFAIL(qPrintable((testDatabase).problem()));                                           \
        }                                                                                          \
    } while (false)

std::unique_ptr<Server::Database> openDatabase(const TestDatabase &database)
{
    auto config = Server::DatabaseConfig::parse(database.url(), database.dataDir());
    if (!config) {
        qWarning().noquote() << config.error().message;
        return {};
    }
    return std::make_unique<Server::Database>(*config);
}

// Runs one query and answers its rows as lines of tab-separated values.
QStringList rows(Server::Database &db, const QString &sql, int columns)
{
    Server::Transaction tx(db, Server::Transaction::Read);
    if (!tx.isOk())
        return {u"error: "_s + tx.error().message};
    auto q = tx.query(sql);
    if (auto r = q.exec(); !r)
        return {u"error: "_s + r.error().message};
    QStringList lines;
    while (q.next()) {
        QStringList values;
        for (int column = 0; column < columns; ++column)
            values.append(q.text(column));
        lines.append(values.join(u'\t'));
    }
    return lines;
}

QStringList migrationRows(Server::Database &db)
{
    return rows(db, u"SELECT version, name, applied_at FROM schema_migrations ORDER BY version"_s,
                3);
}

// Counts the "applied migration" lines a server logs while it exists.
class MigrationLogCounter
{
public:
    MigrationLogCounter()
    {
        s_count = 0;
        s_previous = qInstallMessageHandler(&MigrationLogCounter::handle);
    }
    ~MigrationLogCounter() { qInstallMessageHandler(s_previous); }
    int count() const { return s_count; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (message.contains(u"applied migration"))
            ++s_count;
        if (s_previous)
            s_previous(type, context, message);
    }
    static inline std::atomic<int> s_count = 0;
    static inline QtMessageHandler s_previous = nullptr;
};
} // namespace

void TestMigrations::cleanupTestCase()
{
    m_db.reset(); // its connections close before the database is dropped
    m_database.reset();
}

void TestMigrations::emptyDatabaseGetsEveryMigration()
{
    m_database = std::make_unique<TestDatabase>();
    REQUIRE_DATABASE(*m_database);
    m_db = openDatabase(*m_database);
    QVERIFY(m_db);

    auto before = Server::Migrations::currentVersion(*m_db);
    QVERIFY2(before, qPrintable(before ? QString() : before.error().message));
    QCOMPARE(*before, 0);

    auto applied = Server::Migrations::apply(*m_db);
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
    QCOMPARE(*applied, int(Server::Migrations::all().size()));
    QVERIFY(*applied > 0);

    auto version = Server::Migrations::currentVersion(*m_db);
    QVERIFY(version);
    QCOMPARE(*version, Server::Migrations::latestVersion());
    QCOMPARE(Server::Migrations::latestVersion(), Server::Migrations::all().last().version);

    // One row per migration, in order, with its name.
    const QStringList recorded = migrationRows(*m_db);
    QCOMPARE(recorded.size(), Server::Migrations::all().size());
    for (qsizetype i = 0; i < recorded.size(); ++i) {
        const QStringList values = recorded[i].split(u'\t');
        const Server::Migration &migration = Server::Migrations::all().at(i);
        QCOMPARE(values.value(0), QString::number(migration.version));
        QCOMPARE(values.value(1), QString::fromLatin1(migration.name));
        QVERIFY(values.value(2).toLongLong() > 0);
    }
}

void TestMigrations::tablesExist_data()
{
    QTest::addColumn<QString>("table");
    for (const char *table :
         {"change_log", "organizations", "users", "role_assignments", "refresh_tokens",
          "login_attempts", "server_settings", "schema_migrations"})
        QTest::newRow(table) << QString::fromLatin1(table);
}

void TestMigrations::tablesExist()
{
    QFETCH(QString, table);
    if (!m_db)
        QSKIP("No migrated database (see emptyDatabaseGetsEveryMigration).");
    const QStringList count = rows(*m_db, u"SELECT COUNT(*) FROM "_s + table, 1);
    QCOMPARE(count.size(), 1);
    QVERIFY2(!count.first().startsWith(u"error"), qPrintable(count.first()));
    QCOMPARE(count.first(),
             table == u"schema_migrations" ? QString::number(Server::Migrations::all().size())
                                           : u"0"_s);
}

void TestMigrations::secondApplyChangesNothing()
{
    if (!m_db)
        QSKIP("No migrated database (see emptyDatabaseGetsEveryMigration).");
    const QStringList before = migrationRows(*m_db);
    QVERIFY(!before.isEmpty());

    for (int round = 0; round < 2; ++round) {
        auto applied = Server::Migrations::apply(*m_db);
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
        QCOMPARE(*applied, 0);
    }
    QCOMPARE(migrationRows(*m_db), before);
    auto version = Server::Migrations::currentVersion(*m_db);
    QVERIFY(version);
    QCOMPARE(*version, Server::Migrations::latestVersion());

    // Another connection to the same database sees the same, and applies nothing either.
    auto other = openDatabase(*m_database);
    QVERIFY(other);
    auto applied = Server::Migrations::apply(*other);
    QVERIFY(applied);
    QCOMPARE(*applied, 0);
    QCOMPARE(migrationRows(*other), before);
}

void TestMigrations::migratedDatabaseKeepsItsData()
{
    TestDatabase database;
    REQUIRE_DATABASE(database);
    Server::ServerConfig config;
    config.dataDir = database.dataDir();
    config.database = database.url();
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = 0;
    config.demo = true;

    QString userCount;
    {
        MigrationLogCounter log;
        auto first = Server::Server::create(config);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        if (lcDb().isInfoEnabled())
            QCOMPARE(log.count(), int(Server::Migrations::all().size()));
        const QStringList users
            = rows((*first)->context().db(), u"SELECT COUNT(*) FROM users"_s, 1);
        QCOMPARE(users.size(), 1);
        userCount = users.first();
        QCOMPARE(userCount, u"6"_s);
    }

    // The next start, as an operator restarting the service would: no --demo this time.
    config.demo = false;
    MigrationLogCounter log;
    auto second = Server::Server::create(config);
    QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
    QCOMPARE(log.count(), 0);
    if (!lcDb().isInfoEnabled())
        qInfo("lectern.server.db info logging is off: the migration log lines were not counted");
    auto port = (*second)->listen();
    QVERIFY2(port, qPrintable(port ? QString() : port.error().message));

    HttpClient client((*second)->url());
    const HttpResult ready = client.get(u"/readyz"_s);
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.data().toObject().value(u"status").toString(), u"ready"_s);
    QCOMPARE(ready.data().toObject().value(u"schemaVersion").toInt(),
             Server::Migrations::latestVersion());

    const HttpResult login = client.login(u"admin@demo.lectern"_s);
    QVERIFY2(login.status == 200, login.body.constData());
    QCOMPARE(login.data().toObject().value(u"organization").toObject().value(u"slug").toString(),
             u"demo"_s);
    const HttpResult users = client.get(u"/api/v1/users"_s);
    QCOMPARE(users.status, 200);
    QCOMPARE(
        QString::number(users.json.value(u"pagination").toObject().value(u"totalItems").toInt()),
        userCount);

    // And applying by hand (lectern-server migrate) finds nothing to do.
    auto db = openDatabase(database);
    QVERIFY(db);
    auto applied = Server::Migrations::apply(*db);
    QVERIFY(applied);
    QCOMPARE(*applied, 0);
}

void TestMigrations::concurrentAppliesRecordEachVersionOnce()
{
    TestDatabase database;
    REQUIRE_DATABASE(database);
    auto config = Server::DatabaseConfig::parse(database.url(), database.dataDir());
    QVERIFY(config);

    // Two "server processes" (each its own Database, so its own connection) migrating. On
    // PostgreSQL they start at the same moment and meet at the migration lock. On SQLite they
    // take turns: two connections opening a brand-new file at once can fail to switch it to WAL
    // ("database is locked"), which a restart cures and which is not what this test is about.
    const bool together = Test::backendUnderTest() == Server::Backend::Postgres;
    constexpr int starters = 2;
    QSemaphore go;
    QMutex mutex;
    QList<int> applied;
    QStringList problems;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < starters; ++i) {
        threads.emplace_back(QThread::create([&] {
            Server::Database db(*config); // made, used and closed on this thread
            go.acquire();
            auto result = Server::Migrations::apply(db);
            QMutexLocker lock(&mutex);
            if (result)
                applied.append(*result);
            else
                problems.append(result.error().message);
        }));
        threads.back()->start();
        if (!together) {
            go.release();
            QVERIFY(threads.back()->wait(60000));
        }
    }
    if (together)
        go.release(starters);
    for (const auto &thread : threads)
        QVERIFY(thread->wait(60000));

    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; ")));
    QCOMPARE(applied.size(), starters);
    QCOMPARE(applied[0] + applied[1], int(Server::Migrations::all().size()));

    auto db = openDatabase(database);
    QVERIFY(db);
    const QStringList perVersion = rows(
        *db, u"SELECT version, COUNT(*) FROM schema_migrations GROUP BY version ORDER BY version"_s,
        2);
    QStringList expected;
    for (const Server::Migration &migration : Server::Migrations::all())
        expected.append(QString::number(migration.version) + u"\t1"_s);
    QCOMPARE(perVersion, expected);
    auto version = Server::Migrations::currentVersion(*db);
    QVERIFY(version);
    QCOMPARE(*version, Server::Migrations::latestVersion());
}

void TestMigrations::newerSchemaRefusesToStart()
{
    // A database a newer lectern-server upgraded, opened by this older one.
    TestDatabase database;
    REQUIRE_DATABASE(database);
    {
        auto db = openDatabase(database);
        QVERIFY(db);
        QVERIFY(Server::Migrations::apply(*db));
        Server::Transaction tx(*db);
        QVERIFY(tx.isOk());
        auto q = tx.query(u"INSERT INTO schema_migrations (version, name, applied_at)"
                          " VALUES (:v, 'from the future', 1)"_s);
        q.bind(u":v"_s, Server::Migrations::latestVersion() + 1);
        QVERIFY(q.exec());
        QVERIFY(tx.commit());
    }

    auto db = openDatabase(database);
    QVERIFY(db);
    auto applied = Server::Migrations::apply(*db);
    QVERIFY(!applied);
    QCOMPARE(applied.error().code, u"conflict"_s);
    QVERIFY2(
        applied.error().message.contains(QString::number(Server::Migrations::latestVersion() + 1)),
        qPrintable(applied.error().message));

    Server::ServerConfig config;
    config.dataDir = database.dataDir();
    config.database = database.url();
    config.listenPort = 0;
    auto server = Server::Server::create(config);
    QVERIFY(!server);
    QVERIFY2(server.error().message.contains(u"newer"), qPrintable(server.error().message));
    // Nothing was changed on the way out.
    QCOMPARE(migrationRows(*db).size(), Server::Migrations::all().size() + 1);
}

void TestMigrations::sqliteLogIsCopiedBackWithoutTheWriters()
{
    // SQLite writes go to the write-ahead log first. The server copies them back into the
    // database file by itself, soon after, while no writer waits for it; a writer would do it
    // only past 10,000 pages. A few hundred small writes therefore reach the file within a
    // moment, though none of them came near that.
    if (Test::backendUnderTest() != Server::Backend::Sqlite)
        QSKIP("SQLite's write-ahead log only");
    TestDatabase database;
    REQUIRE_DATABASE(database);
    auto config = Server::DatabaseConfig::parse(database.url(), database.dataDir());
    QVERIFY(config);
    Server::Database db(*config);
    QVERIFY(Server::Migrations::apply(db));
    {
        Server::Transaction tx(db);
        QVERIFY(tx.query(u"CREATE TABLE log_probe (id INTEGER PRIMARY KEY, body TEXT)"_s).exec());
        QVERIFY(tx.commit());
    }
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(config->sqlitePath).size() > 0, 10000);
    const qint64 before = QFileInfo(config->sqlitePath).size();
    const QString body(2000, u'x');
    for (int i = 0; i < 300; ++i) {
        Server::Transaction tx(db);
        auto insert = tx.query(u"INSERT INTO log_probe (body) VALUES (:body)"_s);
        insert.bind(u":body"_s, body);
        QVERIFY(insert.exec());
        QVERIFY(tx.commit());
    }
    // 300 rows of 2,000 bytes: at least 150 pages of 4 KiB.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(config->sqlitePath).size() >= before + 150 * 4096, 10000);
}

QTEST_GUILESS_MAIN(TestMigrations)

#include "tst_migrations.moc"
