#include "liveserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

namespace Lectern::ClientTest {

namespace {

const QString databaseFile = QStringLiteral("lectern.sqlite");

// A data folder that a real server filled with the demo data, then left.
class DemoTemplate
{
public:
    DemoTemplate()
    {
        Test::TestServer::Options options;
        options.demo = true;
        options.configure = [this](Server::ServerConfig &config) {
            config.dataDir = m_dir.path();
            config.database = QStringLiteral("sqlite:") + m_dir.filePath(databaseFile);
        };
        Test::TestServer server(options);
        if (!server.start())
            m_problem = QStringLiteral("demo data: ") + server.problem();
    }

    // Copies the database (and what SQLite may keep beside it) to `databasePath`.
    QString copyTo(const QString &databasePath) const
    {
        if (!m_problem.isEmpty())
            return m_problem;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            const QString from = m_dir.filePath(databaseFile + suffix);
            if (suffix.isEmpty() || QFile::exists(from)) {
                QFile::remove(databasePath + suffix);
                if (!QFile::copy(from, databasePath + suffix))
                    return QStringLiteral("cannot copy %1 to %2").arg(from, databasePath);
            }
        }
        return {};
    }

private:
    QTemporaryDir m_dir;
    QString m_problem;
};

QString copyDemoDatabase(const QString &databaseUrl)
{
    static const DemoTemplate demo;
    if (!databaseUrl.startsWith(u"sqlite:"))
        return QStringLiteral("not an SQLite database: ") + databaseUrl;
    return demo.copyTo(databaseUrl.mid(7));
}

} // namespace

Test::TestServer::Options demoServer()
{
    Test::TestServer::Options options;
    options.demo = false; // already in the copy
    options.configure = [](Server::ServerConfig &config) {
        const QString problem = copyDemoDatabase(config.database);
        if (!problem.isEmpty())
            QFAIL(qPrintable(problem));
    };
    return options;
}

RestartableServer::RestartableServer() = default;

RestartableServer::~RestartableServer()
{
    stop();
}

bool RestartableServer::start()
{
    if (m_server)
        return true;
    if (!m_dir.isValid()) {
        m_problem = QStringLiteral("Cannot create a temporary folder.");
        return false;
    }
    const QString database = QStringLiteral("sqlite:") + m_dir.filePath(databaseFile);
    if (m_port == 0) {
        if (const QString problem = copyDemoDatabase(database); !problem.isEmpty()) {
            m_problem = problem;
            return false;
        }
    }
    Test::TestServer::Options options;
    options.demo = false;
    options.configure = [this, database](Server::ServerConfig &config) {
        config.dataDir = m_dir.path();
        config.database = database;
        config.listenPort = m_port;
    };
    auto server = std::make_unique<Test::TestServer>(std::move(options));
    if (!server->start()) {
        m_problem = server->problem();
        if (m_port != 0)
            m_problem += QStringLiteral(" (restarting on port %1)").arg(m_port);
        return false;
    }
    m_server = std::move(server);
    m_url = m_server->url();
    m_port = quint16(m_url.port());
    return true;
}

void RestartableServer::stop()
{
    m_server.reset();
}

quint16 unusedPort()
{
    // Bind a free port, then release it: nothing listens there right after.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QUrl unusedServerUrl()
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(unusedPort());
    return url;
}

namespace {

QString describe(const QString &what, const Test::HttpResult &result)
{
    return QStringLiteral("%1: HTTP %2 %3")
        .arg(what)
        .arg(result.status)
        .arg(QString::fromUtf8(result.body));
}

// Logs in as the demo admin and finds the id of `email`; empty with `problem` set when it cannot.
QString userId(Test::HttpClient &admin, const QString &email, QString &problem)
{
    const Test::HttpResult login = admin.login(QStringLiteral("admin@demo.lectern"), demoPassword);
    if (login.status != 200) {
        problem = describe(QStringLiteral("admin login"), login);
        return {};
    }
    const Test::HttpResult list = admin.get(QStringLiteral("/api/v1/users?q=") + email);
    for (const QJsonValue &user : list.data().toArray()) {
        if (user[u"email"].toString() == email)
            return user[u"id"].toString();
    }
    problem = describe(QStringLiteral("no user ") + email, list);
    return {};
}

QString updateUser(const QUrl &server, const QString &email, const QJsonObject &change)
{
    Test::HttpClient admin(server);
    QString problem;
    const QString id = userId(admin, email, problem);
    if (id.isEmpty())
        return problem;
    const Test::HttpResult result = admin.put(QStringLiteral("/api/v1/users/") + id, change);
    return result.status == 200 ? QString() : describe(QStringLiteral("PUT user"), result);
}

} // namespace

QString suspendUser(const QUrl &server, const QString &email)
{
    return updateUser(server, email, {{QStringLiteral("status"), QStringLiteral("suspended")}});
}

QString renameUser(const QUrl &server, const QString &email, const QString &name)
{
    return updateUser(server, email, {{QStringLiteral("name"), name}});
}

QString endSession(const QUrl &server, const QString &refreshToken)
{
    Test::HttpClient client(server);
    const Test::HttpResult result = client.post(QStringLiteral("/api/v1/auth/logout"),
                                                {{QStringLiteral("refreshToken"), refreshToken}});
    return result.status == 200 ? QString() : describe(QStringLiteral("logout"), result);
}

} // namespace Lectern::ClientTest
