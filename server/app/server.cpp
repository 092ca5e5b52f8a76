#include "server.h"

#include "app/democourses.h"
#include "app/demodata.h"
#include "core/logging.h"
#include "events/changenotifier.h"
#include "files/uploadreceiver.h"
#include "routes/routes.h"
#include "services/courseaccess.h"
#include "storage/changelog.h"
#include "storage/migrations.h"

#include <QDir>
#include <QRandomGenerator>

namespace Lectern::Server {

Router buildRouter(Server &server)
{
    Router router;
    addHealthRoutes(router, server.context());
    addOpenApiRoute(router);
    addAuthRoutes(router, server.auth());
    addOrganizationRoutes(router, server.organizations());
    addUserRoutes(router, server.users());
    addCourseRoutes(router, server.courses(), server.context());
    addRecordRoutes(router, server.records());
    addFileRoutes(router, server.files());
    addSearchRoutes(router, server.search());
    addEnrollmentRoutes(router, server.enrollments(), server.cohorts());
    addEventRoutes(router);
    addSyncRoutes(router, server.sync());
    addProgressRoutes(router, server.progress());
    return router;
}

Result<std::unique_ptr<Server>> Server::create(const ServerConfig &config)
{
    if (!PasswordHasher::initialize())
        return fail(ErrorCode::Internal, QStringLiteral("libsodium could not be initialised."));
    if (!QDir().mkpath(config.dataDir))
        return fail(ErrorCode::Internal,
                    QStringLiteral("Cannot create the data folder %1.").arg(config.dataDir));
    QFile::setPermissions(config.dataDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    auto dbConfig = DatabaseConfig::parse(config.database, config.dataDir);
    if (!dbConfig)
        return dbConfig.error();
    auto db = std::make_unique<Database>(*dbConfig);
    if (auto r = db->check(); !r)
        return r.error();
    auto applied = Migrations::apply(*db);
    if (!applied)
        return applied.error();
    if (auto r = SearchIndex::ensureBuilt(*db); !r)
        return r.error();

    const QString secretPath = config.jwtSecretFile.isEmpty()
        ? QDir(config.dataDir).filePath(QStringLiteral("jwt-secret"))
        : config.jwtSecretFile;
    auto secret = TokenService::loadOrCreateSecret(secretPath);
    if (!secret)
        return secret.error();

    // Each process stamps its changes with its own HLC node, so several servers never tie.
    const QString node = QStringLiteral("srv-")
        + QString::number(QRandomGenerator::system()->generate(), 16).rightJustified(8, u'0');
    auto context = std::make_unique<ServerContext>(config, std::move(db), *secret, node);
    std::unique_ptr<Server> server(new Server(std::move(context)));

    if (config.demo) {
        if (auto r = DemoData::ensure(server->organizations(), server->users()); !r)
            return r.error();
        if (config.demoCourses) {
            if (auto r = DemoCourses::ensure(server->context()); !r)
                return r.error();
        }
    }
    if (auto r = server->context().db().refreshStatistics(); !r)
        qCWarning(lcServer).noquote()
            << "could not refresh the planner's statistics:" << r.error().message;
    qCInfo(lcServer).noquote() << "database" << dbConfig->describe() << "schema version"
                               << Migrations::latestVersion();
    return server;
}

Server::Server(std::unique_ptr<ServerContext> context)
    : m_context(std::move(context))
    , m_auth(*m_context)
    , m_organizations(*m_context)
    , m_users(*m_context)
    , m_courses(*m_context)
    , m_records(*m_context)
    , m_files(*m_context)
    , m_search(*m_context)
    , m_enrollments(*m_context)
    , m_cohorts(*m_context)
    , m_sync(*m_context)
    , m_progress(*m_context)
    , m_releases(*m_context)
{
    const ServerConfig &config = m_context->config();
    ApiServer::Options options;
    options.maxBodyBytes = config.maxBodyBytes;
    options.workerThreads = config.workerThreads;
    options.connections.maxHeadBytes = config.maxHeaderBytes;
    options.connections.headerTimeoutMs = config.headerTimeoutSeconds * 1000;
    options.connections.bodyTimeoutMs = config.bodyTimeoutSeconds * 1000;
    options.connections.bodyMinRate = config.bodyMinRate;
    options.connections.idleTimeoutMs = config.idleTimeoutSeconds * 1000;
    options.connections.maxConnectionsPerAddress = config.maxConnectionsPerAddress;
    options.connections.maxConnections = config.maxConnections;
    options.trustedProxies = config.trustedProxies;
    m_http = std::make_unique<ApiServer>(
        buildRouter(*this),
        [this](const QByteArray &authorization) { return m_auth.authenticate(authorization); },
        options);
    // The planner's statistics drift as data grows: refresh them now and then (a bounded ANALYZE).
    m_maintenance = std::make_unique<QTimer>();
    m_maintenance->setInterval(std::chrono::hours(6));
    QObject::connect(m_maintenance.get(), &QTimer::timeout, [this] {
        if (auto r = m_context->db().refreshStatistics(); !r)
            qCWarning(lcServer).noquote()
                << "could not refresh the planner's statistics:" << r.error().message;
        // Bytes of deleted files go once no live row references them.
        if (auto r = m_files.sweepBlobs(); !r)
            qCWarning(lcServer).noquote() << "could not sweep file blobs:" << r.error().message;
    });
    m_maintenance->start();
    m_releases.start();
    startEvents();
    // Uploads stream to disk instead of through Qt's parser, which holds whole bodies in memory.
    m_http->addStreamingRoute("POST", QStringLiteral("/api/v1/files/upload"),
                              [this](QTcpSocket *socket) {
                                  UploadReceiver::accept(socket, m_files, m_http->authenticator());
                              });
}

Server::~Server() = default;

void Server::startEvents()
{
    // The live event channel: WebSocket connections on /api/v1/ws, told of every change
    // committed in their organisation by this process (Transaction::commit) or, on PostgreSQL,
    // by any other process on the same database (NOTIFY).
    m_http->addWebSocketPath(QStringLiteral("/api/v1/ws"));
    m_events = std::make_unique<EventHub>(
        [this](const QByteArray &authorization) { return m_auth.authenticate(authorization); },
        [this](const Caller &caller, const QString &courseId) -> Result<bool> {
            Transaction tx(m_context->db(), Transaction::Read);
            if (!tx.isOk())
                return tx.error();
            auto access = CourseAccess::of(tx, caller, courseId);
            if (!access)
                return access.error();
            return access->canSee();
        },
        [this](const QString &orgId) -> Result<qint64> {
            Transaction tx(m_context->db(), Transaction::Read);
            if (!tx.isOk())
                return tx.error();
            return ChangeLog::latestSeq(tx, orgId);
        },
        EventHub::Options {});
    m_events->attach(m_http.get());
    QObject::connect(&m_context->changes(), &ChangeNotifier::changed, m_events.get(),
                     &EventHub::publish);
    if (m_context->db().backend() == Backend::Postgres) {
        m_changeListener = std::make_unique<ChangeListener>(m_context->db().config());
        QObject::connect(m_changeListener.get(), &ChangeListener::changed, m_events.get(),
                         &EventHub::publishRemote);
        if (auto r = m_changeListener->start(); !r)
            qCWarning(lcServer).noquote()
                << "cannot hear other server processes' changes (retrying):" << r.error().message;
    }
}

Result<quint16> Server::listen()
{
    const ServerConfig &config = m_context->config();
    return m_http->start(config.listenAddress, config.listenPort);
}

QUrl Server::url() const
{
    QHostAddress host = m_context->config().listenAddress;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4 || host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHost;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host.toString());
    url.setPort(m_http->port());
    return url;
}

} // namespace Lectern::Server
