#include "httpclient.h"
#include "storage/migrations.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <vector>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;

// lectern-server as an operator runs it: the real binary, its exit codes and messages, the files
// it makes, and which of the config file, environment and command line wins.
class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noArgumentsServesFromWorkingDirectory();
    void orgAdd();
    void orgAddRejects_data();
    void orgAddRejects();
    void userAddThenLogIn();
    void userAddRejects_data();
    void userAddRejects();
    void migratePrintsSchemaVersion();
    void badInvocations_data();
    void badInvocations();
    void listenPrecedence_data();
    void listenPrecedence();
    void demoWarnsAndLogsIn();
    void demoCoursesForTheStudents();
    void questionsImportDryRun();

private:
    struct Finished
    {
        int exitCode = -1;
        QProcess::ExitStatus exitStatus = QProcess::CrashExit;
        QString out;
        QString err;
        // The lines the program wrote for a person (not its JSON log lines).
        QString messages() const;
    };

    // A server process that is always stopped, even when a check fails half-way.
    struct Running
    {
        QProcess process;
        ~Running()
        {
            if (process.state() != QProcess::NotRunning) {
                process.kill();
                process.waitForFinished(5000);
            }
        }
    };

    static QProcessEnvironment cleanEnvironment();
    static quint16 freePort();
    // `count` different free ports (all held at once while choosing, so none repeats).
    static QList<quint16> freePorts(int count);
    Finished run(const QStringList &arguments, const QByteArray &input = {},
                 const QProcessEnvironment &env = cleanEnvironment());
    std::unique_ptr<Running> start(const QStringList &arguments,
                                   const QProcessEnvironment &env = cleanEnvironment(),
                                   const QString &workingDirectory = {});
    // Polls GET /healthz until it answers 200, the process ends or the time is up.
    static bool waitForHealth(QProcess &process, quint16 port, int timeoutMs = 10000);
    // SIGTERM, then the exit code (-1 when it did not end normally within 5 s).
    static int stop(QProcess &process);
    bool addRiverside(const QString &dataDir);

    QString m_binary;
    QTemporaryDir m_precedenceDir; // shared by the precedence rows: later starts find it migrated
};

// Fails the test with what the server wrote to stderr (read only then: it is checked afterwards).
#define REQUIRE_HEALTHY(running, port)                                                             \
    do {                                                                                           \
        if (!waitForHealth((running).process, (port)))                                             \
            QFAIL((running).process.readAllStandardError().constData());                           \
    } while (false)

namespace {
const QRegularExpression
    uuidPattern(u"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"_s);
} // namespace

QString TestCommandLine::Finished::messages() const
{
    QStringList lines;
    for (const QString &line : QString(out + u'\n' + err).split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.startsWith(u'{'))
            lines.append(line);
    }
    return lines.join(u'\n');
}

QProcessEnvironment TestCommandLine::cleanEnvironment()
{
    // The developer's own LECTERN_* settings must not leak into what is tested.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(u"LECTERN_"))
            env.remove(name);
    }
    return env;
}

QList<quint16> TestCommandLine::freePorts(int count)
{
    QList<quint16> ports;
    std::vector<std::unique_ptr<QTcpServer>> probes;
    for (int i = 0; i < count; ++i) {
        probes.push_back(std::make_unique<QTcpServer>());
        ports.append(probes.back()->listen(QHostAddress::LocalHost, 0) ? probes.back()->serverPort()
                                                                       : quint16(0));
    }
    return ports;
}

quint16 TestCommandLine::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

TestCommandLine::Finished TestCommandLine::run(const QStringList &arguments,
                                               const QByteArray &input,
                                               const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(m_binary, arguments);
    Finished finished;
    if (!process.waitForStarted(10000))
        return finished;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(5000);
        return finished;
    }
    finished.exitCode = process.exitCode();
    finished.exitStatus = process.exitStatus();
    finished.out = QString::fromUtf8(process.readAllStandardOutput());
    finished.err = QString::fromUtf8(process.readAllStandardError());
    return finished;
}

std::unique_ptr<TestCommandLine::Running> TestCommandLine::start(const QStringList &arguments,
                                                                 const QProcessEnvironment &env,
                                                                 const QString &workingDirectory)
{
    auto running = std::make_unique<Running>();
    running->process.setProcessEnvironment(env);
    if (!workingDirectory.isEmpty())
        running->process.setWorkingDirectory(workingDirectory);
    running->process.start(m_binary, arguments);
    running->process.waitForStarted(10000);
    return running;
}

bool TestCommandLine::waitForHealth(QProcess &process, quint16 port, int timeoutMs)
{
    QUrl base;
    base.setScheme(u"http"_s);
    base.setHost(u"127.0.0.1"_s);
    base.setPort(port);
    HttpClient client(base);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (process.state() == QProcess::NotRunning)
            return false;
        const HttpResult health = client.get(u"/healthz"_s);
        if (health.status == 200)
            return health.data().toObject().value(u"status").toString() == u"ok";
        QTest::qWait(100);
    }
    return false;
}

int TestCommandLine::stop(QProcess &process)
{
    process.terminate();
    if (!process.waitForFinished(5000) || process.exitStatus() != QProcess::NormalExit)
        return -1;
    return process.exitCode();
}

bool TestCommandLine::addRiverside(const QString &dataDir)
{
    const Finished added = run({u"org"_s, u"add"_s, u"--name"_s, u"Riverside College"_s,
                                u"--slug"_s, u"riverside"_s, u"--data-dir"_s, dataDir});
    if (added.exitCode != 0)
        qWarning().noquote() << "org add failed:" << added.exitCode << added.err;
    return added.exitCode == 0;
}

void TestCommandLine::initTestCase()
{
    m_binary = QStringLiteral(LECTERN_SERVER_BINARY);
    QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
}

void TestCommandLine::noArgumentsServesFromWorkingDirectory()
{
    QTemporaryDir cwd;
    QVERIFY(cwd.isValid());
    QVERIFY(QDir(cwd.path()).isEmpty());

    quint16 port = 8080;
    QProcessEnvironment env = cleanEnvironment();
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 8080)) {
            port = freePort();
            env.insert(u"LECTERN_LISTEN"_s, u"127.0.0.1:"_s + QString::number(port));
            qInfo("Port 8080 is taken on this machine: the server listens on %d instead "
                  "(LECTERN_LISTEN).",
                  port);
        }
    }

    auto server = start({}, env, cwd.path());
    REQUIRE_HEALTHY(*server, port);

    const QDir data(cwd.filePath(u"lectern-data"_s));
    QVERIFY(data.exists());
    QVERIFY(QFile::exists(data.filePath(u"lectern.sqlite"_s)));
    const QString secret = data.filePath(u"jwt-secret"_s);
    QVERIFY(QFile::exists(secret));
    // Only the owner may read the signing secret (0600); the User flags mirror the Owner ones.
    const QFileDevice::Permissions userFlags
        = QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
    QCOMPARE(QFile::permissions(secret) & ~userFlags,
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(QFile::permissions(data.path()) & ~userFlags,
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    QCOMPARE(stop(server->process), 0);
    QVERIFY(server->process.readAllStandardOutput().contains(
        QByteArray("127.0.0.1:" + QByteArray::number(port))));
}

void TestCommandLine::orgAdd()
{
    QTemporaryDir dir;
    const Finished added = run({u"org"_s, u"add"_s, u"--name"_s, u"Riverside College"_s,
                                u"--slug"_s, u"riverside"_s, u"--data-dir"_s, dir.path()});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QVERIFY2(uuidPattern.match(added.out).hasMatch(), qPrintable(added.out));
    QVERIFY(added.out.contains(u"Riverside College"));

    const Finished again = run({u"org"_s, u"add"_s, u"--name"_s, u"Riverside Again"_s, u"--slug"_s,
                                u"riverside"_s, u"--data-dir"_s, dir.path()});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.messages().contains(u"riverside"), qPrintable(again.messages()));
    QVERIFY(!uuidPattern.match(again.out).hasMatch());
}

void TestCommandLine::orgAddRejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named"); // what the message must mention

    QTest::newRow("bad slug") << QStringList {u"--name"_s, u"Riverside"_s, u"--slug"_s,
                                              u"Not A Slug"_s}
                              << u"slug"_s;
    QTest::newRow("one-letter slug")
        << QStringList {u"--name"_s, u"Riverside"_s, u"--slug"_s, u"r"_s} << u"slug"_s;
    QTest::newRow("blank name") << QStringList {u"--name"_s, u"  "_s, u"--slug"_s, u"blank"_s}
                                << u"name"_s;
    QTest::newRow("no slug") << QStringList {u"--name"_s, u"Riverside"_s} << u"--slug"_s;
    QTest::newRow("no name") << QStringList {u"--slug"_s, u"riverside"_s} << u"--name"_s;
}

void TestCommandLine::orgAddRejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);

    QTemporaryDir dir;
    const Finished rejected
        = run(QStringList {u"org"_s, u"add"_s, u"--data-dir"_s, dir.path()} + arguments);
    QCOMPARE(rejected.exitCode, 1);
    QVERIFY2(rejected.messages().contains(named), qPrintable(rejected.messages()));
    QVERIFY(!uuidPattern.match(rejected.out).hasMatch());
}

void TestCommandLine::userAddThenLogIn()
{
    QTemporaryDir dir;
    QVERIFY(addRiverside(dir.path()));
    const Finished added = run({u"user"_s, u"add"_s, u"--email"_s, u"a@b.example"_s, u"--name"_s,
                                u"A B"_s, u"--role"_s, u"instructor,ta"_s, u"--org"_s,
                                u"riverside"_s, u"--password-stdin"_s, u"--data-dir"_s, dir.path()},
                               "correct horse battery\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QVERIFY2(uuidPattern.match(added.out).hasMatch(), qPrintable(added.out));
    QVERIFY(!added.out.contains(u"correct horse"));
    QVERIFY(!added.err.contains(u"correct horse"));

    const quint16 port = freePort();
    auto server = start({u"serve"_s, u"--data-dir"_s, dir.path(), u"--listen"_s,
                         u"127.0.0.1:"_s + QString::number(port)});
    REQUIRE_HEALTHY(*server, port);

    QUrl base;
    base.setScheme(u"http"_s);
    base.setHost(u"127.0.0.1"_s);
    base.setPort(port);
    HttpClient client(base);
    const HttpResult login = client.login(u"a@b.example"_s, u"correct horse battery"_s);
    QVERIFY2(login.status == 200, login.body.constData());
    const QJsonObject user = login.data().toObject().value(u"user").toObject();
    QCOMPARE(user.value(u"roles").toArray(), (QJsonArray {u"instructor"_s, u"ta"_s}));
    QCOMPARE(user.value(u"name").toString(), u"A B"_s);
    QCOMPARE(login.data().toObject().value(u"organization").toObject().value(u"slug").toString(),
             u"riverside"_s);
    QCOMPARE(client.login(u"a@b.example"_s, u"correct horse battery\n"_s).status, 401);
    QCOMPARE(stop(server->process), 0);
}

void TestCommandLine::userAddRejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("named");

    const QStringList base {u"--email"_s, u"c@d.example"_s, u"--name"_s, u"C D"_s};
    QTest::newRow("unknown role")
        << (base + QStringList {u"--role"_s, u"wizard"_s, u"--org"_s, u"riverside"_s})
        << QByteArray() << u"wizard"_s;
    QTest::newRow("unknown organisation")
        << (base + QStringList {u"--role"_s, u"student"_s, u"--org"_s, u"nowhere"_s})
        << QByteArray() << u"nowhere"_s;
    QTest::newRow("bad email") << QStringList {u"--email"_s, u"not-an-email"_s, u"--name"_s,
                                               u"C D"_s,     u"--role"_s,       u"student"_s,
                                               u"--org"_s,   u"riverside"_s}
                               << QByteArray() << u"email"_s;
    QTest::newRow("short password") << (base
                                        + QStringList {u"--role"_s, u"student"_s, u"--org"_s,
                                                       u"riverside"_s, u"--password-stdin"_s})
                                    << QByteArray("short\n") << u"password"_s;
    QTest::newRow("empty standard input") << (base
                                              + QStringList {u"--role"_s, u"student"_s, u"--org"_s,
                                                             u"riverside"_s, u"--password-stdin"_s})
                                          << QByteArray() << u"password"_s;
    QTest::newRow("no role") << (base + QStringList {u"--org"_s, u"riverside"_s}) << QByteArray()
                             << u"--role"_s;
}

void TestCommandLine::userAddRejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, named);

    QTemporaryDir dir;
    QVERIFY(addRiverside(dir.path()));
    const Finished rejected
        = run(QStringList {u"user"_s, u"add"_s, u"--data-dir"_s, dir.path()} + arguments, input);
    QCOMPARE(rejected.exitCode, 1);
    QVERIFY2(rejected.messages().contains(named, Qt::CaseInsensitive),
             qPrintable(rejected.messages()));
    QVERIFY(!uuidPattern.match(rejected.out).hasMatch());
}

void TestCommandLine::migratePrintsSchemaVersion()
{
    QTemporaryDir dir;
    const Finished migrated = run({u"migrate"_s, u"--data-dir"_s, dir.path()});
    QVERIFY2(migrated.exitCode == 0, qPrintable(migrated.err));
    const QString version = QString::number(Server::Migrations::latestVersion());
    QVERIFY2(migrated.out.contains(QRegularExpression(u"version\\D*\\b"_s + version + u"\\b"_s)),
             qPrintable(migrated.out));
    QVERIFY(QFile::exists(QDir(dir.path()).filePath(u"lectern.sqlite"_s)));

    // Again: nothing to do, same answer.
    const Finished again = run({u"migrate"_s, u"--data-dir"_s, dir.path()});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.out, migrated.out);
}

void TestCommandLine::badInvocations_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("environmentListen"); // LECTERN_LISTEN, when set
    QTest::addColumn<QByteArray>("configFile");     // written and passed with --config, when set
    QTest::addColumn<QString>("named");

    QTest::newRow("unknown command")
        << QStringList {u"frobnicate"_s} << QString() << QByteArray() << u"frobnicate"_s;
    QTest::newRow("unknown sub-command")
        << QStringList {u"org"_s, u"remove"_s} << QString() << QByteArray() << u"org remove"_s;
    QTest::newRow("unknown option")
        << QStringList {u"--frobnicate"_s} << QString() << QByteArray() << u"frobnicate"_s;
    QTest::newRow("--listen nonsense") << QStringList {u"serve"_s, u"--listen"_s, u"nonsense"_s}
                                       << QString() << QByteArray() << u"listen"_s;
    QTest::newRow("--listen port too big")
        << QStringList {u"serve"_s, u"--listen"_s, u"127.0.0.1:70000"_s} << QString()
        << QByteArray() << u"listen"_s;
    QTest::newRow("LECTERN_LISTEN nonsense")
        << QStringList {u"serve"_s} << u"nonsense"_s << QByteArray() << u"listen"_s;
    QTest::newRow("config file with an unknown key")
        << QStringList {u"serve"_s} << QString() << QByteArray("# settings\ncolour = blue\n")
        << u"colour"_s;
    QTest::newRow("config file with a bad value")
        << QStringList {u"serve"_s} << QString() << QByteArray("workers = many\n") << u"workers"_s;
    QTest::newRow("config file with a malformed line")
        << QStringList {u"serve"_s} << QString() << QByteArray("listen\n") << u"line 1"_s;
    QTest::newRow("--demo-courses without --demo")
        << QStringList {u"serve"_s, u"--demo-courses"_s} << QString() << QByteArray()
        << u"demo-courses"_s;
    QTest::newRow("missing config file")
        << QStringList {u"serve"_s, u"--config"_s, u"/nonexistent/lectern.conf"_s} << QString()
        << QByteArray() << u"/nonexistent/lectern.conf"_s;
}

void TestCommandLine::badInvocations()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, environmentListen);
    QFETCH(QByteArray, configFile);
    QFETCH(QString, named);

    QTemporaryDir dir;
    QProcessEnvironment env = cleanEnvironment();
    if (!environmentListen.isEmpty())
        env.insert(u"LECTERN_LISTEN"_s, environmentListen);
    if (!configFile.isEmpty()) {
        QFile file(dir.filePath(u"lectern.conf"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(configFile);
        file.close();
        arguments += {u"--config"_s, file.fileName()};
    }
    arguments += {u"--data-dir"_s, dir.filePath(u"data"_s)};

    const Finished failed = run(arguments, {}, env);
    QCOMPARE(failed.exitStatus, QProcess::NormalExit);
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.messages().contains(named), qPrintable(failed.messages()));
    // It stopped before touching anything.
    QVERIFY(!QFile::exists(dir.filePath(u"data/lectern.sqlite"_s)));
}

void TestCommandLine::listenPrecedence_data()
{
    QTest::addColumn<bool>("inFile");
    QTest::addColumn<bool>("inEnvironment");
    QTest::addColumn<bool>("onCommandLine");
    QTest::addColumn<int>(
        "winner"); // 1: the file's port, 2: the environment's, 3: the command line's

    QTest::newRow("all three: command line") << true << true << true << 3;
    QTest::newRow("file and environment: environment") << true << true << false << 2;
    QTest::newRow("file only") << true << false << false << 1;
    QTest::newRow("file and command line: command line") << true << false << true << 3;
}

void TestCommandLine::listenPrecedence()
{
    QFETCH(bool, inFile);
    QFETCH(bool, inEnvironment);
    QFETCH(bool, onCommandLine);
    QFETCH(int, winner);

    const QTemporaryDir &dir = m_precedenceDir;
    const QList<quint16> ports = QList<quint16> {0} + freePorts(3);
    const auto listen = [&](int which) -> QString {
        return u"127.0.0.1:"_s + QString::number(ports[which]);
    };

    QStringList arguments {u"serve"_s, u"--data-dir"_s, dir.path()};
    QProcessEnvironment env = cleanEnvironment();
    if (inFile) {
        QFile file(dir.filePath(u"lectern.conf"_s));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("# written by tst_commandline\nlisten = " + listen(1).toLatin1() + '\n');
        file.close();
        arguments += {u"--config"_s, file.fileName()};
    }
    if (inEnvironment)
        env.insert(u"LECTERN_LISTEN"_s, listen(2));
    if (onCommandLine)
        arguments += {u"--listen"_s, listen(3)};

    auto server = start(arguments, env);
    REQUIRE_HEALTHY(*server, ports[winner]);
    for (int other = 1; other <= 3; ++other) {
        if (other == winner)
            continue;
        HttpClient client(QUrl(u"http://"_s + listen(other)));
        QCOMPARE(client.get(u"/healthz"_s).status, 0);
    }
    QCOMPARE(stop(server->process), 0);
    QVERIFY(QString::fromUtf8(server->process.readAllStandardOutput()).contains(listen(winner)));
}

void TestCommandLine::demoWarnsAndLogsIn()
{
    QTemporaryDir dir;
    const quint16 port = freePort();
    auto server = start({u"serve"_s, u"--demo"_s, u"--data-dir"_s, dir.path(), u"--listen"_s,
                         u"127.0.0.1:"_s + QString::number(port)});
    REQUIRE_HEALTHY(*server, port);

    QUrl base;
    base.setScheme(u"http"_s);
    base.setHost(u"127.0.0.1"_s);
    base.setPort(port);
    HttpClient client(base);
    const HttpResult login = client.login(u"admin@demo.lectern"_s, u"lectern-demo"_s);
    QVERIFY2(login.status == 200, login.body.constData());
    QCOMPARE(login.data().toObject().value(u"user").toObject().value(u"roles").toArray(),
             QJsonArray {u"admin"_s});

    QCOMPARE(stop(server->process), 0);
    const QString output = QString::fromUtf8(server->process.readAllStandardOutput()
                                             + server->process.readAllStandardError());
    QVERIFY2(output.contains(u"password is public"), qPrintable(output));
    QVERIFY(output.contains(u"lectern-demo"));
}

void TestCommandLine::demoCoursesForTheStudents()
{
    // As run.sh starts it: the demo courses come with --demo-courses (tst_democourses has more).
    QTemporaryDir dir;
    const quint16 port = freePort();
    auto server = start({u"serve"_s, u"--demo"_s, u"--demo-courses"_s, u"--data-dir"_s, dir.path(),
                         u"--listen"_s, u"127.0.0.1:"_s + QString::number(port)});
    REQUIRE_HEALTHY(*server, port);

    QUrl base;
    base.setScheme(u"http"_s);
    base.setHost(u"127.0.0.1"_s);
    base.setPort(port);
    HttpClient client(base);
    QCOMPARE(client.login(u"student1@demo.lectern"_s, u"lectern-demo"_s).status, 200);
    const HttpResult courses = client.get(u"/api/v1/courses?sort=code"_s);
    QCOMPARE(courses.status, 200);
    QStringList titles;
    for (const QJsonValue &course : courses.data().toArray())
        titles.append(course.toObject().value(u"title").toString());
    QCOMPARE(titles, (QStringList {u"Introduction to Chemistry"_s, u"Academic Writing"_s}));
    QCOMPARE(stop(server->process), 0);
}

// The contract outside tools and operators rely on: one JSON object on standard output, exit 0
// without errors and 1 with them; nothing written anywhere (no data folder is made).
void TestCommandLine::questionsImportDryRun()
{
    QTemporaryDir dir;
    const QString gift = dir.filePath(u"bank.gift"_s);
    QFile file(gift);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("$CATEGORY: $course$/Units\n\n::Force::Unit of force?{=newton ~joule}\n\n"
               "::Broken::Where is my brace? {=a\n");
    file.close();
    // Run where nothing else is, to see that it makes nothing.
    const QString before = QDir::currentPath();
    const auto restore = qScopeGuard([&] { QDir::setCurrent(before); });
    QDir::setCurrent(dir.path());

    Finished checked
        = run({u"questions"_s, u"import"_s, u"--dry-run"_s, u"--format"_s, u"gift"_s, gift});
    QCOMPARE(checked.exitStatus, QProcess::NormalExit);
    QCOMPARE(checked.exitCode, 1);
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(checked.out.toUtf8(), &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(checked.out));
    const QJsonArray questions = json.value(u"questions").toArray();
    QCOMPARE(questions.size(), 1);
    const QJsonObject force = questions.first().toObject();
    QCOMPARE(force.value(u"type").toString(), u"multichoice"_s);
    QCOMPARE(force.value(u"single"), QJsonValue(true));
    QCOMPARE(force.value(u"name").toString(), u"Force"_s);
    QCOMPARE(force.value(u"category").toString(), u"$course$/Units"_s);
    QCOMPARE(force.value(u"answers").toArray().size(), 2);
    const QJsonArray errors = json.value(u"errors").toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().toObject().value(u"line").toInt(), 5);
    QVERIFY(errors.first().toObject().value(u"message").toString().contains(u"Broken"_s));

    // Without errors: exit 0.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("Two plus two?{=4 =four}\n");
    file.close();
    checked = run({u"questions"_s, u"import"_s, u"--dry-run"_s, u"--format"_s, u"gift"_s, gift});
    QCOMPARE(checked.exitCode, 0);
    QCOMPARE(
        QJsonDocument::fromJson(checked.out.toUtf8()).object().value(u"questions").toArray().size(),
        1);
    QVERIFY(!QFileInfo::exists(dir.filePath(u"lectern-data"_s)));

    // A wrong format or no file is a usage error, said on standard error.
    const Finished wrong
        = run({u"questions"_s, u"import"_s, u"--dry-run"_s, u"--format"_s, u"docx"_s, gift});
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY(wrong.err.contains(u"moodlexml"_s));
    QVERIFY(wrong.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCommandLine)

#include "tst_commandline.moc"
